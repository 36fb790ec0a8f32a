/**
 * Replays the send-loop reference cases (../shared/conformance-sendloop) against the real TypeScript
 * `DefaultMQProducerImpl` on the simulation kernel, with the substitutions the recording made:
 * - a scripted `MQClientAPIImpl` (name-server lookups and the 8-argument `sendMessage`, used by SYNC,
 *   select and ONEWAY), through the environment's `createMQClientAPIImpl` hook;
 * - for ASYNC, the real `sendMessage`/`sendMessageAsync`/`onExceptionImpl`/`processSendResponse` over a
 *   scripted `RemotingClient.invokeAsync`, whose completions run on one logical callback thread;
 * - a scripted async executor (queue wait, rejection), except in `state` cases (the real pool);
 * - a `DefaultMQProducerImpl` subclass that sets the `ThreadLocalIndex` start values on every newly
 *   installed `TopicPublishInfo` (and, 5.x, scripts the `reset()` random).
 * The produced events are compared with `expected`, every field, exactly.
 */
import { JavaException as JavaRuntimeError } from '../../sim/common/javaInt';
import type { IntRandom } from '../../sim/common/IntRandom';
import { Kernel, sleep, type Sim } from '../../sim/kernel/Kernel';
import type { ExecutorService, Runnable } from '../../sim/kernel/Executor';
import { RandomSource } from '../../sim/kernel/random';
import type { RemotingClient } from '../../sim/remoting/RemotingClient';
import { RemotingCommand } from '../../sim/remoting/RemotingCommand';
import { ResponseFuture, type InvokeCallback } from '../../sim/remoting/ResponseFuture';
import { ClientEnvironment } from '../../sim/client/ClientEnvironment';
import { DefaultMQProducer } from '../../sim/client/DefaultMQProducer';
import { DefaultMQProducerImpl, type MessageQueueSelector } from '../../sim/client/DefaultMQProducerImpl';
import {
  IllegalArgumentException,
  IllegalStateException,
  InterruptedException,
  JavaThrowable,
  MQBrokerException,
  MQClientException,
  RejectedExecutionException,
  RemotingConnectException,
  RemotingSendRequestException,
  RemotingTimeoutException,
  RemotingTooMuchRequestException,
} from '../../sim/client/exceptions';
import { Message } from '../../sim/client/Message';
import { MessageQueue } from '../../sim/client/MessageQueue';
import {
  MQClientAPIImpl,
  type CommunicationMode,
  type MQProducerForAPI,
  type SendMessageRequestHeader,
} from '../../sim/client/MQClientAPIImpl';
import { ResponseCode } from '../../sim/client/ResponseCode';
import { SendResult, type SendCallback, type SendStatus } from '../../sim/client/SendResult';
import { sendLoopProfile, type SendLoopProfile } from '../../sim/client/SendLoopProfile';
import { ThreadLocalIndex } from '../../sim/client/ThreadLocalIndex';
import type { TopicPublishInfo } from '../../sim/client/TopicPublishInfo';
import type { TopicRouteData } from '../../sim/client/TopicRouteData';
import type { CaseOutcome, ConformanceCase } from '../types';

// -----------------------------------------------------------------------------------------------------
// Input

interface BrokerInput {
  name: string;
  writeQueueNums: number;
  readQueueNums?: number;
  perm?: number;
  hasMaster?: boolean;
}

interface ThrowInput {
  class: string;
  message?: string;
  code?: number;
}

interface SendCallInput {
  latency: number;
  status?: SendStatus;
  throw?: ThrowInput;
}

interface AsyncCallInput {
  latency: number;
  kind?: 'response' | 'sendFailed' | 'noResponse' | 'fail';
  code?: number;
  remark?: string;
  responseQueueId?: number;
  throw?: ThrowInput;
}

interface SendLoopInput {
  mode: 'sync' | 'asyncDeprecated' | 'select' | 'oneway' | 'state';
  topic?: string;
  timeout?: number;
  brokers?: BrokerInput[] | null;
  defaultBrokers?: BrokerInput[] | null;
  routeWarm?: boolean;
  nameServerLatency?: number;
  nameServerAddrs?: string[];
  producer?: {
    retryTimesWhenSendFailed?: number;
    retryTimesWhenSendAsyncFailed?: number;
    retryAnotherBrokerWhenNotStoreOK?: boolean;
    sendLatencyFaultEnable?: boolean;
    sendMsgTimeout?: number;
    sendMsgMaxTimeoutPerRequest?: number;
    retryResponseCodes?: number[];
    enableBackpressureForAsyncMode?: boolean;
  };
  backpressure?: { numPermits?: number; sizePermits?: number };
  startIndex?: number;
  worstStartIndex?: number;
  resetValues?: number[];
  sendCalls?: SendCallInput[];
  selector?: { index: number; latency?: number; throws?: boolean };
  queueWait?: number;
  rejected?: boolean;
  callbackStartIndex?: number;
  asyncCalls?: AsyncCallInput[];
  state?: 'beforeStart' | 'afterShutdown' | 'startTwice' | 'startAfterShutdown';
  call?: 'sync' | 'oneway' | 'select' | 'asyncDeprecated';
}

type Ev = Record<string, unknown>;

/** The logical threads of the recording. */
const CALLER_THREAD = 'main';
const SENDER_THREAD = 'AsyncSenderExecutor_1';
const CALLBACK_THREAD = 'NettyClientPublicExecutor_1';

const GROUP = 'sendloop_group';
const NAMESRV = '127.0.0.1:9876';
const JDK_REJECTION = '<JDK ThreadPoolExecutor rejection text, varies>';

function brokerAddr(index: number): string {
  return `127.0.0.1:${10911 + 100 * index}`;
}

/** The route the scripted name server returns for a broker list. */
function routeOf(brokers: BrokerInput[]): TopicRouteData {
  return {
    orderTopicConf: null,
    queueDatas: brokers.map((b) => ({
      brokerName: b.name,
      readQueueNums: b.readQueueNums ?? b.writeQueueNums,
      writeQueueNums: b.writeQueueNums,
      perm: b.perm ?? 6,
      topicSysFlag: 0,
    })),
    brokerDatas: brokers.map((b, i) => ({
      cluster: 'DefaultCluster',
      brokerName: b.name,
      brokerAddrs: { [(b.hasMaster ?? true) ? '0' : '1']: brokerAddr(i) },
    })),
  };
}

// -----------------------------------------------------------------------------------------------------
// Exceptions as events

/** `{class, message, responseCode?, cause?}`, cause nested up to three levels. */
export function exceptionFields(e: unknown, depth = 0): Ev {
  if (e instanceof JavaThrowable) {
    const out: Ev = { class: e.javaClass, message: normaliseMessage(e.javaClass, e.getMessage()) };
    if (e instanceof MQClientException || e instanceof MQBrokerException) out.responseCode = e.responseCode;
    if (e.cause !== null && e.cause !== undefined && depth < 3)
      out.cause = exceptionFields(e.cause, depth + 1);
    return out;
  }
  if (e instanceof JavaRuntimeError) return { class: e.javaClass, message: e.message };
  return { class: 'NonJavaError', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

function normaliseMessage(cls: string, message: string | null): string | null {
  if (message === null) return null;
  if (cls === 'RejectedExecutionException' && message !== 'scripted rejection') return JDK_REJECTION;
  return message.replace(/opaque=\d+/g, 'opaque=<n>');
}

/** Builds a scripted exception with that version's own constructor. */
function buildException(p: SendLoopProfile, t: ThrowInput, addr: string | null): Error {
  const message = t.message ?? 'scripted';
  const code = t.code ?? 1;
  switch (t.class) {
    case 'RemotingTimeoutException':
      return new RemotingTimeoutException(message);
    case 'RemotingConnectException':
      return new RemotingConnectException(p, addr);
    case 'RemotingSendRequestException':
      return new RemotingSendRequestException(addr);
    case 'RemotingTooMuchRequestException':
      return new RemotingTooMuchRequestException(message);
    case 'MQBrokerException':
      return new MQBrokerException(p, code, message, p.brokerExceptionWithAddr ? addr : undefined);
    case 'MQClientException':
      return new MQClientException(p, message, null);
    case 'InterruptedException':
      return new InterruptedException(message);
    case 'IllegalStateException':
      return new IllegalStateException(message);
    default:
      throw new Error(`unknown scripted exception class ${t.class}`);
  }
}

// -----------------------------------------------------------------------------------------------------
// The harness

class SendLoopHarness {
  readonly events: Ev[] = [];
  readonly kernel = new Kernel();
  readonly profile: SendLoopProfile;
  readonly topic: string;
  /** Set when the send call starts: lookups before that (the warm install) are not recorded. */
  inSend = false;
  private sendCallIndex = 0;
  private asyncCallIndex = 0;
  private resetIndex = 0;
  readonly addrToBroker = new Map<string, string>();
  readonly env: ClientEnvironment;
  readonly producer: DefaultMQProducer;
  readonly recordPermits: boolean;
  readonly stateCase: boolean;

  constructor(
    readonly version: string,
    readonly input: SendLoopInput,
  ) {
    this.profile = sendLoopProfile(version);
    this.topic = input.topic ?? 'TopicTest';
    this.stateCase = input.mode === 'state';
    const producerInput = input.producer ?? {};
    this.recordPermits =
      'enableBackpressureForAsyncMode' in producerInput || input.backpressure !== undefined;
    (input.brokers ?? []).forEach((b, i) => this.addrToBroker.set(brokerAddr(i), b.name));
    (input.defaultBrokers ?? []).forEach((b, i) => {
      if (!this.addrToBroker.has(brokerAddr(i))) this.addrToBroker.set(brokerAddr(i), b.name);
    });
    const random = new RandomSource('sendloop');
    this.env = new ClientEnvironment({
      kernel: this.kernel,
      version: this.profile.version,
      randomStream: (name) => random.stream(name),
      createRemotingClient: () => new ScriptedRemotingClient(this),
      createMQClientAPIImpl: (_instance, remotingClient) => new ScriptedMQClientAPIImpl(this, remotingClient),
    });
    this.producer = new DefaultMQProducer(this.env, GROUP, {
      implFactory: (p) => new HarnessProducerImpl(p, this),
    });
    const p = this.producer;
    if (producerInput.retryTimesWhenSendFailed !== undefined)
      p.setRetryTimesWhenSendFailed(producerInput.retryTimesWhenSendFailed);
    if (producerInput.retryTimesWhenSendAsyncFailed !== undefined) {
      p.setRetryTimesWhenSendAsyncFailed(producerInput.retryTimesWhenSendAsyncFailed);
    }
    if (producerInput.retryAnotherBrokerWhenNotStoreOK !== undefined) {
      p.setRetryAnotherBrokerWhenNotStoreOK(producerInput.retryAnotherBrokerWhenNotStoreOK);
    }
    if (producerInput.sendLatencyFaultEnable !== undefined)
      p.setSendLatencyFaultEnable(producerInput.sendLatencyFaultEnable);
    if (producerInput.sendMsgTimeout !== undefined) p.setSendMsgTimeout(producerInput.sendMsgTimeout);
    if (producerInput.sendMsgMaxTimeoutPerRequest !== undefined) {
      p.setSendMsgMaxTimeoutPerRequest(producerInput.sendMsgMaxTimeoutPerRequest);
    }
    if (producerInput.retryResponseCodes !== undefined)
      p.setRetryResponseCodes(producerInput.retryResponseCodes);
    if (producerInput.enableBackpressureForAsyncMode !== undefined) {
      p.setEnableBackpressureForAsyncMode(producerInput.enableBackpressureForAsyncMode);
    }
  }

  get impl(): HarnessProducerImpl {
    return this.producer.defaultMQProducerImpl as HarnessProducerImpl;
  }

  record(ev: Ev): void {
    this.events.push(ev);
  }

  at(): number {
    return this.kernel.now();
  }

  nextSendCall(): SendCallInput | null {
    const calls = this.input.sendCalls ?? [];
    return calls[this.sendCallIndex++] ?? null;
  }

  nextAsyncCall(): AsyncCallInput | null {
    const calls = this.input.asyncCalls ?? [];
    return calls[this.asyncCallIndex++] ?? null;
  }

  nextResetValue(): number {
    return this.input.resetValues?.[this.resetIndex++] ?? 0;
  }

  brokerOf(addr: string | null): string {
    return addr === null ? 'null' : (this.addrToBroker.get(addr) ?? addr);
  }

  scriptExhausted(): never {
    this.record({ event: 'scriptExhausted', at: this.at() });
    throw new IllegalStateException('sendCalls script exhausted');
  }

  recordPermitsNow(): void {
    if (!this.recordPermits) return;
    this.record({
      event: 'permits',
      num: this.impl.getSemaphoreAsyncSendNumAvailablePermits(),
      size: this.impl.getSemaphoreAsyncSendSizeAvailablePermits(),
      at: this.at(),
    });
  }

  message(): Message {
    return Message.ofText(this.topic, 'TagA', 'hello');
  }

  /** Runs `body` as a process on `thread` until the kernel is idle; rethrows what it threw. */
  runProcess(thread: string, body: () => Sim<void>): void {
    this.kernel.spawn(thread, body, { thread });
    this.kernel.run();
  }

  run(): Ev[] {
    if (this.stateCase) {
      this.runState();
      return this.events;
    }
    this.producer.start();
    this.impl.getMqClientFactory()!.markRunning();
    const warm = this.input.routeWarm ?? true;
    if (warm && this.input.brokers !== null && this.input.brokers !== undefined) {
      const factory = this.impl.getMqClientFactory()!;
      const topic = this.topic;
      this.runProcess(CALLER_THREAD, function* () {
        yield* factory.updateTopicRouteInfoFromNameServerForTopic(topic);
      });
    }
    if (this.input.backpressure?.numPermits !== undefined)
      this.impl.setSemaphoreAsyncSendNum(this.input.backpressure.numPermits);
    if (this.input.backpressure?.sizePermits !== undefined)
      this.impl.setSemaphoreAsyncSendSize(this.input.backpressure.sizePermits);
    if (this.input.mode === 'asyncDeprecated') this.impl.setAsyncSenderExecutor(new ScriptedExecutor(this));
    this.inSend = true;
    const start = this.kernel.now();
    if (start !== 0) throw new Error(`warm-up moved the clock to ${start}`);
    this.kernel.spawn(CALLER_THREAD, this.callerBody(this.input.mode), { thread: CALLER_THREAD });
    this.kernel.run();
    this.recordPermitsNow();
    this.record({ event: 'end', at: this.at() });
    return this.events;
  }

  private *callerBody(
    mode: SendLoopInput['mode'] | NonNullable<SendLoopInput['call']>,
    withAt = true,
  ): Sim<void> {
    const msg = this.message();
    const at = (ev: Ev): Ev => (withAt ? { ...ev, at: this.at() } : ev);
    const timeout = this.input.timeout ?? 3000;
    switch (mode) {
      case 'sync':
        try {
          const r = yield* this.producer.send(msg, timeout);
          this.recordReturn(r);
        } catch (e) {
          this.recordThrow(e);
        }
        return;
      case 'select':
        try {
          const r = yield* this.producer.sendWithSelector(msg, this.selector(), 'arg', timeout);
          this.recordReturn(r);
        } catch (e) {
          this.recordThrow(e);
        }
        return;
      case 'oneway':
        try {
          yield* this.producer.sendOneway(msg);
          this.record({ event: 'return', value: null });
        } catch (e) {
          this.recordThrow(e);
        }
        return;
      case 'asyncDeprecated': {
        const harness = this;
        const callback: SendCallback = {
          onSuccess(r: SendResult) {
            const mq = r.getMessageQueue();
            harness.record(
              at({
                event: 'onSuccess',
                sendStatus: r.getSendStatus(),
                brokerName: mq.getBrokerName(),
                queueId: mq.getQueueId(),
              }),
            );
            harness.recordPermitsNow();
          },
          onException(e: unknown) {
            harness.record(at({ event: 'onException', ...exceptionFields(e) }));
            harness.recordPermitsNow();
          },
        };
        try {
          yield* this.producer.sendWithCallback(msg, callback, timeout);
          this.record(at({ event: 'callerReturn' }));
        } catch (e) {
          if (!(e instanceof JavaThrowable)) throw e;
          // State cases record the caller's exception as a plain `throw`.
          this.record({ event: this.stateCase ? 'throw' : 'callerThrow', ...exceptionFields(e) });
        }
        this.recordPermitsNow();
        return;
      }
      case 'state':
        throw new Error('state is not a call');
    }
  }

  private recordReturn(r: SendResult | null): void {
    if (r === null) {
      this.record({ event: 'return', value: null });
      return;
    }
    const mq = r.getMessageQueue();
    this.record({
      event: 'return',
      sendStatus: r.getSendStatus(),
      brokerName: mq.getBrokerName(),
      queueId: mq.getQueueId(),
    });
  }

  private recordThrow(e: unknown): void {
    if (!(e instanceof JavaThrowable) && !(e instanceof JavaRuntimeError)) throw e;
    this.record({ event: 'throw', ...exceptionFields(e) });
  }

  private selector(): MessageQueueSelector {
    const harness = this;
    const s = this.input.selector ?? { index: 0 };
    return {
      *select(mqs: MessageQueue[]): Sim<MessageQueue | null> {
        harness.record({ event: 'select', queueCount: mqs.length, at: harness.at() });
        yield* sleep(s.latency ?? 0);
        if (s.throws) throw new IllegalArgumentException('selector failed');
        if (s.index < 0) return null;
        const mq = mqs[s.index % mqs.length];
        if (mq === undefined) throw new JavaRuntimeError('ArithmeticException', '/ by zero');
        return mq;
      },
    };
  }

  private runState(): void {
    const state = this.input.state!;
    const tryStart = (): boolean => {
      try {
        this.producer.start();
        this.impl.getMqClientFactory()?.markRunning();
        return true;
      } catch (e) {
        this.recordThrow(e);
        return false;
      }
    };
    switch (state) {
      case 'beforeStart':
        break;
      case 'afterShutdown':
        tryStart();
        this.producer.shutdown();
        break;
      case 'startTwice':
        tryStart();
        tryStart();
        return;
      case 'startAfterShutdown':
        tryStart();
        this.producer.shutdown();
        tryStart();
        return;
    }
    this.inSend = true;
    this.kernel.spawn(CALLER_THREAD, this.callerBody(this.input.call ?? 'sync', false), {
      thread: CALLER_THREAD,
    });
    this.kernel.run();
  }
}

/** `DefaultMQProducerImpl` whose `updateTopicPublishInfo` sets the recorded start values. */
class HarnessProducerImpl extends DefaultMQProducerImpl {
  constructor(
    producer: DefaultMQProducer,
    private readonly harness: SendLoopHarness,
  ) {
    super(producer);
    const worst = harness.input.worstStartIndex ?? 0;
    const which = this.mqFaultStrategy.latencyFaultTolerance.whichItemWorst;
    for (const t of [CALLER_THREAD, SENDER_THREAD, CALLBACK_THREAD]) which.setStoredValue(worst, t);
  }

  override updateTopicPublishInfo(topic: string, info: TopicPublishInfo): void {
    const previous = this.getTopicPublishInfoTable().get(topic);
    if (previous !== info) {
      const h = this.harness;
      info.sendWhichQueue = new ThreadLocalIndex(h.profile.version, new ScriptedResetRandom(h));
      const start = h.input.startIndex ?? 0;
      info.sendWhichQueue.setStoredValue(start, CALLER_THREAD);
      info.sendWhichQueue.setStoredValue(start, SENDER_THREAD);
      info.sendWhichQueue.setStoredValue(h.input.callbackStartIndex ?? 0, CALLBACK_THREAD);
    }
    super.updateTopicPublishInfo(topic, info);
  }
}

/** The `Random` of `ThreadLocalIndex.reset()`: returns the scripted `resetValues` (default 0). */
class ScriptedResetRandom implements IntRandom {
  constructor(private readonly harness: SendLoopHarness) {}

  nextInt(bound: number): number {
    void bound;
    const value = this.harness.nextResetValue();
    this.harness.record({ event: 'indexReset', value, at: this.harness.at() });
    return value;
  }

  /** First values are never drawn: every logical thread's start value is set. */
  nextInt32(): number {
    return 0;
  }
}

/** `MQClientAPIImpl` with scripted name-server lookups and a scripted 8-argument `sendMessage`. */
class ScriptedMQClientAPIImpl extends MQClientAPIImpl {
  constructor(
    private readonly harness: SendLoopHarness,
    remotingClient: RemotingClient,
  ) {
    super(harness.profile, remotingClient, harness.kernel, harness.env.requestIds);
  }

  override *getTopicRouteInfoFromNameServer(topic: string, timeoutMillis: number): Sim<TopicRouteData> {
    return yield* this.lookup(topic, timeoutMillis, this.harness.input.brokers ?? null);
  }

  override *getDefaultTopicRouteInfoFromNameServer(
    topic: string,
    timeoutMillis: number,
  ): Sim<TopicRouteData> {
    void topic;
    return yield* this.lookup('TBW102', timeoutMillis, this.harness.input.defaultBrokers ?? null);
  }

  private *lookup(topic: string, timeoutMillis: number, brokers: BrokerInput[] | null): Sim<TopicRouteData> {
    const h = this.harness;
    if (h.inSend) {
      h.record({ event: 'routeLookup', topic, timeout: timeoutMillis, at: h.at() });
      yield* sleep(h.input.nameServerLatency ?? 0);
    }
    if (brokers === null) {
      throw MQClientException.withCode(
        this.profile,
        ResponseCode.TOPIC_NOT_EXIST,
        `No topic route info in name server for the topic: ${topic}`,
      );
    }
    return routeOf(brokers);
  }

  override *sendMessage(
    addr: string,
    brokerName: string,
    msg: Message,
    requestHeader: SendMessageRequestHeader,
    timeoutMillis: number,
    communicationMode: CommunicationMode,
    producer: MQProducerForAPI,
  ): Sim<SendResult | null> {
    void producer;
    const h = this.harness;
    h.record({
      event: 'attempt',
      brokerName,
      queueId: requestHeader.queueId,
      timeout: timeoutMillis,
      at: h.at(),
    });
    const call = h.nextSendCall() ?? h.scriptExhausted();
    yield* sleep(call.latency);
    if (call.throw) throw buildException(this.profile, call.throw, addr);
    if (communicationMode === 'ONEWAY') return null;
    return new SendResult(
      call.status ?? 'SEND_OK',
      'MSGID',
      'OFFSETMSGID',
      new MessageQueue(msg.getTopic(), brokerName, requestHeader.queueId),
      0,
    );
  }
}

/** The remoting client of the recording: `invokeAsync` scripted, completions on the callback thread. */
class ScriptedRemotingClient implements RemotingClient {
  constructor(private readonly harness: SendLoopHarness) {}

  *invokeSync(addr: string | null, request: RemotingCommand, timeoutMillis: number): Sim<RemotingCommand> {
    void addr;
    void request;
    void timeoutMillis;
    return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
  }

  *invokeOneway(): Sim<void> {
    throw new Error('invokeOneway is not scripted: ONEWAY goes through the scripted sendMessage');
  }

  *invokeAsync(
    addr: string | null,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
  ): Sim<void> {
    const h = this.harness;
    const header = request.decodeCommandCustomHeader<SendMessageRequestHeader>();
    h.record({
      event: 'attempt',
      brokerName: h.brokerOf(addr),
      queueId: header.queueId,
      timeout: timeoutMillis,
      at: h.at(),
    });
    const call = h.nextAsyncCall() ?? h.scriptExhausted();
    const p = h.profile;
    if (call.throw && call.kind === undefined) {
      yield* sleep(call.latency);
      throw buildException(p, call.throw, addr);
    }
    const remote = p.remoting5 ? `/${String(addr)}` : String(addr);
    const responseFuture = new ResponseFuture(
      h.kernel,
      remote,
      request.getOpaque(),
      request,
      timeoutMillis,
      invokeCallback,
    );
    const kernel = h.kernel;
    const complete = function* (): Sim<void> {
      switch (call.kind) {
        case 'fail':
          // 5.x: invokeAsync reports the failure through operationFail, with no request registered.
          if (invokeCallback.operationFail)
            yield* invokeCallback.operationFail(buildException(p, call.throw!, addr));
          return;
        case 'response': {
          const response = RemotingCommand.createResponseCommand(call.code ?? 0, call.remark ?? null, {
            msgId: 'OFFSETMSGID',
            queueId: call.responseQueueId ?? 0,
            queueOffset: 0,
          });
          response.setOpaque(request.getOpaque());
          responseFuture.putResponse(response);
          break;
        }
        case 'sendFailed':
          responseFuture.setSendRequestOK(false);
          // 4.x stand-in sets the cause; 5.x requestFail builds the exception from the channel address.
          if (!p.remoting5) responseFuture.setCause(new RemotingSendRequestException(addr));
          responseFuture.putResponse(null);
          break;
        case 'noResponse':
        default:
          responseFuture.putResponse(null);
          break;
      }
      yield* responseFuture.executeInvokeCallback(p.remoting5);
    };
    kernel.spawn('completion', complete, { thread: CALLBACK_THREAD, at: kernel.now() + call.latency });
  }

  getNameServerAddressList(): readonly string[] {
    return this.harness.input.nameServerAddrs ?? [NAMESRV];
  }

  updateNameServerAddressList(): void {}

  start(): void {}

  shutdown(): void {}
}

/** The scripted async executor: a fixed queue wait, or a rejection. */
class ScriptedExecutor implements ExecutorService {
  private stopped = false;

  constructor(private readonly harness: SendLoopHarness) {}

  submit(task: Runnable): void {
    const h = this.harness;
    if (h.input.rejected) throw new RejectedExecutionException('scripted rejection');
    h.kernel.spawn(
      SENDER_THREAD,
      function* (): Sim<void> {
        h.record({ event: 'taskStart', at: h.at() });
        yield* task.run();
      },
      { thread: SENDER_THREAD, at: h.kernel.now() + (h.input.queueWait ?? 0) },
    );
  }

  shutdown(): void {
    this.stopped = true;
  }

  isShutdown(): boolean {
    return this.stopped;
  }
}

// -----------------------------------------------------------------------------------------------------
// Comparison

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x !== null && typeof x === 'object') {
    return Object.fromEntries(
      Object.keys(x as object)
        .sort()
        .map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]),
    );
  }
  return x;
}

/** Replays one send-loop case; the first differing event is the reason. */
export function runSendLoopCase(version: string, testCase: ConformanceCase): CaseOutcome {
  const input = testCase.input as unknown as SendLoopInput;
  let actual: Ev[];
  try {
    actual = new SendLoopHarness(version, input).run();
  } catch (e) {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { ok: false, reason: `harness error: ${text}` };
  }
  const expected = testCase.expected;
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (!sameJson(actual[i], expected[i])) {
      return {
        ok: false,
        reason:
          `event ${i}: expected ${JSON.stringify(expected[i] ?? null)}, got ${JSON.stringify(actual[i] ?? null)}` +
          ` (got ${actual.map((e) => String(e.event)).join(',')})`,
      };
    }
  }
  return { ok: true };
}

/** The events the harness produces for a case (for debugging and unit tests). */
export function sendLoopEvents(version: string, input: Record<string, unknown>): Ev[] {
  return new SendLoopHarness(version, input as unknown as SendLoopInput).run();
}
