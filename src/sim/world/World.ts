import {
  linkLatency,
  workloadKey,
  workloadSendTimeMs,
  type ResolvedBroker,
  type ResolvedFault,
  type ResolvedScenario,
  type ResolvedWorkload,
} from '../../scenario/defaults';
import type { TraceEvent } from '../../trace/types';
import { currentThreadName } from '../common/ThreadLocal';
import { BrokerController } from '../broker/BrokerController';
import { ClientEnvironment } from '../client/ClientEnvironment';
import { DefaultMQProducer } from '../client/DefaultMQProducer';
import type { BackpressureStep, MessageQueueSelector } from '../client/DefaultMQProducerImpl';
import {
  JavaThrowable,
  MQBrokerException,
  MQClientException,
  RejectedExecutionException,
} from '../client/exceptions';
import { isJavaCatchable } from '../client/MQClientAPIImpl';
import type { ClientInstanceObserver, MQClientInstance } from '../client/MQClientInstance';
import { SelectionExplain, type FaultUpdate, type SkippedQueue } from '../client/MQFaultStrategy';
import { Message, MessageConst } from '../client/Message';
import type { MessageQueue } from '../client/MessageQueue';
import type { SendCallback, SendResult } from '../client/SendResult';
import { SelectMessageQueueByHash, javaHashCodeOf } from '../client/selectors/SelectMessageQueueByHash';
import { SelectMessageQueueByMachineRoom } from '../client/selectors/SelectMessageQueueByMachineRoom';
import { SelectMessageQueueByRandom } from '../client/selectors/SelectMessageQueueByRandom';
import type { TopicPublishInfo } from '../client/TopicPublishInfo';
import type { TopicRouteData } from '../client/TopicRouteData';
import { isJavaException } from '../common/javaInt';
import {
  ThreadPoolExecutor,
  jdkRejectionText,
  type ExecutorService,
  type Runnable,
} from '../kernel/Executor';
import { Future } from '../kernel/Future';
import type { Process, Sim } from '../kernel/Kernel';
import { RandomSource } from '../kernel/random';
import { NamesrvController } from '../namesrv/NamesrvController';
import { Link, Network, type ConnectOutcome } from '../remoting/Network';
import { NettyRemotingClient, type RemotingObserver } from '../remoting/NettyRemotingClient';
import type { Packet } from '../remoting/Packet';
import type { RemotingCommand } from '../remoting/RemotingCommand';
import type { ResponseFuture } from '../remoting/ResponseFuture';
import { C } from '../trace/codes';
import { TraceSink } from '../trace/TraceSink';
import { WorldContext } from './context';
import { Sampler } from './Latency';
import { WorldKernel, quantize } from './WorldKernel';

/** Per message: what the trace needs to attribute events and to know when the send is over. */
class MsgState implements SendCallback {
  /** queue.select events so far (the next attempt's index). */
  selects = 0;
  /** Highest attempt index that has its attempt.end. */
  endedAttempt = -1;
  lookups = 0;
  done = false;

  constructor(
    private readonly world: World,
    readonly msgId: string,
    readonly mode: 'SYNC' | 'ASYNC' | 'ONEWAY',
    readonly callT: number,
    readonly topic: string,
  ) {}

  /** The async `SendCallback` of this message. */
  onSuccess(sendResult: SendResult): void {
    this.world.result(this, sendResult, null, true);
  }

  onException(e: unknown): void {
    this.world.result(this, null, e, true);
  }
}

/**
 * A task of the async sender executor with the message it was submitted for, which the executor's trace
 * events name. Carried by the task rather than looked up in a map keyed by it: a task object has no hash
 * until a map asks for one, and there is one per async send.
 */
class MessageTask implements Runnable {
  constructor(
    readonly task: Runnable,
    readonly msgId: string | null,
  ) {}

  run(): Sim<void> {
    return this.task.run();
  }

  runNow(): Sim<void> | null {
    const task = this.task;
    return task.runNow !== undefined ? task.runNow() : task.run();
  }

  /** The rejection text names the task submitted. */
  toString(): string {
    return String(this.task);
  }
}

const STATUS_OUTCOME: Record<number, string> = {
  0: 'SEND_OK',
  10: 'FLUSH_DISK_TIMEOUT',
  11: 'SLAVE_NOT_AVAILABLE',
  12: 'FLUSH_SLAVE_TIMEOUT',
};

/** `SCENARIO_CAPS.maxTimeMs` (24 h): a run without a duration stops here at the latest. */
export const MAX_RUN_MS = 86_400_000;

/**
 * Traces larger than this stop the run: about 250 bytes an event, so some 1.2 GB of heap, near what a
 * browser tab holds. (A million-message scenario would need about 19 million.)
 */
export const MAX_TRACE_EVENTS = 5_000_000;

/**
 * One run of a scenario: the name server, the brokers, the network, the producer (the real client classes
 * of `src/sim/client` on a {@link NettyRemotingClient}), the workload's sending threads and the faults, on
 * one {@link WorldKernel}. `run()` returns the trace; it never throws for a valid scenario.
 */
export class World {
  readonly kernel = new WorldKernel();
  readonly trace: TraceSink;
  readonly random: RandomSource;
  readonly network: Network;
  readonly ctx: WorldContext;
  readonly namesrv: NamesrvController;
  readonly brokers: BrokerController[] = [];
  private readonly brokerById = new Map<string, BrokerController>();
  readonly env: ClientEnvironment;
  readonly producer: DefaultMQProducer;
  private remoting: NettyRemotingClient | null = null;
  private readonly stored = new Set<string>();
  private readonly msgs = new Map<string, MsgState>();
  private readonly msgByThread = new Map<string, string | null>();
  private outstanding = 0;
  private plannedSends = 0;
  private issuedSends = 0;
  private finished = false;
  private readonly asyncExecutor: ThreadPoolExecutor;
  private producerStarted = false;

  constructor(
    readonly scenario: ResolvedScenario,
    /** At most this many trace events (default {@link MAX_TRACE_EVENTS}); the run stops there. */
    private readonly maxEvents = MAX_TRACE_EVENTS,
  ) {
    const kernel = this.kernel;
    this.trace = new TraceSink(kernel);
    this.random = new RandomSource(scenario.seed);
    const random = this.random;
    this.network = new Network(
      kernel,
      (a, b) => new Link(a, b, new Sampler(linkLatency(scenario, a, b), random.stream(`link.${a}|${b}`))),
      new Sampler(scenario.network.connectLatency, random.stream('network.connect')),
      () => new Future<ConnectOutcome>(kernel),
    );
    this.ctx = new WorldContext(kernel, this.trace, random, this.network, scenario);
    kernel.uncaught = (process, error) => this.internalError(error, process);

    this.namesrv = new NamesrvController(this.ctx);
    this.network.addServer(this.namesrv.endpoint);
    this.namesrv.deliver = (packet) => this.deliverToClient(packet as Packet);
    for (const cfg of scenario.brokers) this.addBroker(cfg);
    for (const b of this.brokers) {
      if (b.isMaster) b.slaves = this.brokers.filter((s) => s.name === b.name && !s.isMaster);
    }

    const p = scenario.producer;
    const world = this;
    this.env = new ClientEnvironment({
      kernel,
      version: scenario.rocketmqVersion,
      randomStream: (name) => random.stream(`client.${name}`),
      availableProcessors: p.asyncSenderThreads,
      createRemotingClient: (instance: MQClientInstance) => {
        instance.attachWorld({
          pollNameServerInterval: p.pollNameServerInterval,
          heartbeatBrokerInterval: p.heartbeatBrokerInterval,
          mqClientApiTimeout: p.mqClientApiTimeout,
          observer: world.instanceObserver(),
        });
        instance.onRouteLookup = (topic, isDefault) => world.onRouteLookup(topic, isDefault);
        const remoting = new NettyRemotingClient(
          world.ctx,
          {
            connectTimeoutMillis: scenario.network.connectTimeoutMillis,
            clientAsyncSemaphoreValue: p.clientAsyncSemaphoreValue,
            clientOnewaySemaphoreValue: p.clientOnewaySemaphoreValue,
            clientCallbackExecutorThreads: p.clientCallbackExecutorThreads,
            clientCloseSocketIfTimeout: p.clientCloseSocketIfTimeout,
          },
          world.remotingObserver(),
          random.stream('remoting.namesrvIndex'),
        );
        remoting.updateNameServerAddressList([scenario.nameServer.address]);
        world.remoting = remoting;
        return remoting;
      },
    });
    for (const b of this.brokers) b.clientIp = this.env.clientIP;
    this.producer = new DefaultMQProducer(this.env, p.group);
    this.configureProducer();
    this.asyncExecutor = this.makeAsyncExecutor();
  }

  private addBroker(cfg: ResolvedBroker): void {
    const stored = this.stored;
    const broker = new BrokerController(this.ctx, cfg, (msgId) => {
      // One hash lookup instead of has + add: the set grew only if the id was new.
      const before = stored.size;
      stored.add(msgId);
      return stored.size === before;
    });
    broker.deliver = (packet) => this.deliverToClient(packet as Packet);
    broker.registerBeforeStart = (request) => {
      const channel = this.network.connectNow(cfg.id, this.scenario.nameServer.address);
      if (channel) this.namesrv.registerBeforeStart(channel, request);
      return channel;
    };
    this.network.addServer(broker.endpoint);
    this.brokers.push(broker);
    this.brokerById.set(cfg.id, broker);
  }

  private deliverToClient(packet: Packet): void {
    if (packet.to === 'producer') {
      this.remoting?.processResponseCommand(packet);
      return;
    }
    this.brokerById.get(packet.to)?.onNamesrvResponse(packet);
  }

  // ---------------------------------------------------------------------------------------------------
  // The producer

  private configureProducer(): void {
    const p = this.scenario.producer;
    const producer = this.producer;
    const impl = producer.defaultMQProducerImpl;
    const v = this.scenario.rocketmqVersion;
    producer.setSendMsgTimeout(p.sendMsgTimeout);
    producer.setRetryTimesWhenSendFailed(p.retryTimesWhenSendFailed);
    producer.setRetryTimesWhenSendAsyncFailed(p.retryTimesWhenSendAsyncFailed);
    producer.setRetryAnotherBrokerWhenNotStoreOK(p.retryAnotherBrokerWhenNotStoreOK);
    producer.setSendLatencyFaultEnable(p.sendLatencyFaultEnable);
    producer.setCompressMsgBodyOverHowmuch(p.compressMsgBodyOverHowmuch);
    producer.setMaxMessageSize(p.maxMessageSize);
    producer.setDefaultTopicQueueNums(p.defaultTopicQueueNums);
    producer.setCreateTopicKey(p.createTopicKey);
    if (v !== '4.5.2') producer.setRetryResponseCodes(p.retryResponseCodes);
    if (v === '5.3.3') {
      if (p.sendMsgMaxTimeoutPerRequest !== null)
        producer.setSendMsgMaxTimeoutPerRequest(p.sendMsgMaxTimeoutPerRequest);
      if (p.enableBackpressureForAsyncMode !== null)
        producer.setEnableBackpressureForAsyncMode(p.enableBackpressureForAsyncMode);
      if (p.backPressureForAsyncSendNum !== null)
        impl.setSemaphoreAsyncSendNum(Math.max(p.backPressureForAsyncSendNum, 10));
      if (p.backPressureForAsyncSendSize !== null)
        impl.setSemaphoreAsyncSendSize(Math.max(p.backPressureForAsyncSendSize, 1024 * 1024));
      if (p.startDetectorEnable !== null) impl.mqFaultStrategy.setStartDetectorEnable(p.startDetectorEnable);
    }
    impl.observer = {
      onBudgetCheck: (where, costMs, timeoutMs, ok) => this.onBudgetCheck(where, costMs, timeoutMs, ok),
      onAttemptEnd: (times, mq, outcome, error) => this.onAttemptEnd(times, mq, outcome, error),
      onFaultUpdate: (update) => this.onFaultUpdate(update),
      onBackpressure: (step) => this.onBackpressure(step),
    };
    // Every queue choice goes through the fault strategy (the send loop's and the async re-sends' alike):
    // observe it there, with the explanation the strategy fills in, without changing the decision.
    const strategy = impl.mqFaultStrategy;
    const select = strategy.selectOneMessageQueue.bind(strategy);
    // One explanation object, cleared before each (synchronous) selection: selections are very frequent.
    const reused = new SelectionExplain();
    strategy.selectOneMessageQueue = (tpInfo, lastBrokerName, resetIndex = false, explain) => {
      const ex = explain ?? clearExplain(reused);
      const mq = select(tpInfo, lastBrokerName, resetIndex, ex);
      this.onQueueSelected(mq, lastBrokerName, ex, tpInfo);
      return mq;
    };
  }

  /** The async sender executor: `asyncSenderThreads` workers, a queue of `asyncSenderQueueCapacity`. */
  private makeAsyncExecutor(): ThreadPoolExecutor {
    const p = this.scenario.producer;
    const trace = this.trace;
    const executor: ThreadPoolExecutor = new ThreadPoolExecutor(this.kernel, {
      threadNamePrefix: 'AsyncSenderExecutor_',
      corePoolSize: p.asyncSenderThreads,
      maximumPoolSize: p.asyncSenderThreads,
      queueCapacity: p.asyncSenderQueueCapacity,
      rejectionPolicy: (task, ex) => {
        throw new RejectedExecutionException(jdkRejectionText(task, ex));
      },
      taskErrorHandler: (_task, error) => {
        if (!isJavaCatchable(error)) throw error;
      },
      listener: {
        onEnqueue: (task, queued) => {
          trace.add({
            seq: 0,
            t: 0,
            kind: 'executor.enqueue',
            code: C.asyncTask,
            msgId: (task as MessageTask).msgId ?? undefined,
            queued,
            capacity: p.asyncSenderQueueCapacity,
            executor: 'AsyncSenderExecutor',
            thread: currentThreadName(),
          });
        },
        onRun: (task, worker, waitedMs) => {
          const msgId = (task as MessageTask).msgId;
          this.setThreadMsg(worker, msgId);
          trace.add({
            seq: 0,
            t: 0,
            kind: 'executor.run',
            code: C.runWorker,
            msgId: msgId ?? undefined,
            queued: executor.queued,
            worker,
            waitedMs,
            executor: 'AsyncSenderExecutor',
          });
        },
        onReject: (task, queued) => {
          trace.add({
            seq: 0,
            t: 0,
            kind: 'executor.reject',
            code: C.execute,
            msgId: (task as MessageTask).msgId ?? undefined,
            queued,
            capacity: p.asyncSenderQueueCapacity,
            executor: 'AsyncSenderExecutor',
          });
        },
      },
    });
    const world = this;
    const wrapped: ExecutorService = {
      submit(task: Runnable): void {
        executor.submit(new MessageTask(task, world.currentMsgId()));
      },
      shutdown: () => executor.shutdown(),
      isShutdown: () => executor.isShutdown(),
    };
    this.producer.defaultMQProducerImpl.setAsyncSenderExecutor(wrapped);
    return executor;
  }

  /**
   * The last thread whose message was looked up, its message id and state: one send's observers ask
   * several times in a row on the same thread. Forgotten (`cachedThread = null`) whenever `msgByThread` or
   * `msgs` changes, so it always says what the maps say.
   */
  private cachedThread: string | null = null;
  private cachedMsgId: string | null = null;
  private cachedMsg: MsgState | undefined = undefined;

  /** The thread now works for this message (null: for none). */
  private setThreadMsg(thread: string, msgId: string | null): void {
    this.msgByThread.set(thread, msgId);
    this.cachedThread = null;
  }

  private lookUpThread(thread: string): void {
    const id = this.msgByThread.get(thread) ?? null;
    this.cachedMsgId = id;
    this.cachedMsg = id === null ? undefined : this.msgs.get(id);
    this.cachedThread = thread;
  }

  private currentMsgId(): string | null {
    const thread = currentThreadName();
    if (thread !== this.cachedThread) this.lookUpThread(thread);
    return this.cachedMsgId;
  }

  private msgOfThread(): MsgState | undefined {
    const thread = currentThreadName();
    if (thread !== this.cachedThread) this.lookUpThread(thread);
    return this.cachedMsg;
  }

  // ---------------------------------------------------------------------------------------------------
  // Observers of the client

  private onRouteLookup(topic: string, isDefault: boolean): void {
    const thread = currentThreadName();
    if (thread === 'MQClientFactoryScheduledThread') return;
    const m = this.msgOfThread();
    if (m) m.lookups++;
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'route.lookup',
      code: C.tryToFind,
      topic,
      source: isDefault ? 'default-topic' : 'namesrv',
      msgId: m?.msgId,
      thread,
    });
  }

  private instanceObserver(): ClientInstanceObserver {
    return {
      onRouteLookupEnd: (topic, isDefault, outcome, route, publishInfo, error) =>
        this.onRouteLookupEnd(topic, isDefault, outcome, route, publishInfo, error),
      onRefreshRound: (topics) => {
        this.trace.add({
          seq: 0,
          t: 0,
          kind: 'route.refreshRound',
          code: C.updateRoute,
          topics: [...topics],
          thread: 'MQClientFactoryScheduledThread',
        });
      },
      onHeartbeatRound: (addrs) => {
        this.trace.add({
          seq: 0,
          t: 0,
          kind: 'heartbeat.round',
          code: C.heartbeatAll,
          addrs: [...addrs],
          thread: 'MQClientFactoryScheduledThread',
        });
      },
      onBrokerAddrRemoved: (brokerName, addr) => {
        this.trace.add({
          seq: 0,
          t: 0,
          kind: 'route.brokerRemoved',
          code: C.cleanOfflineBroker,
          brokerName,
          addr,
        });
      },
    };
  }

  private onRouteLookupEnd(
    topic: string,
    isDefault: boolean,
    outcome: string,
    route: TopicRouteData | null,
    publishInfo: TopicPublishInfo | null,
    error: unknown,
  ): void {
    const thread = currentThreadName();
    const refresh = thread === 'MQClientFactoryScheduledThread';
    const m = refresh ? undefined : this.msgOfThread();
    const truth = this.namesrv.truth(topic);
    if (outcome === 'changed' && route && publishInfo) {
      this.trace.add({
        seq: 0,
        t: 0,
        kind: 'route.update',
        code: C.updateRoute,
        topic,
        source: isDefault ? 'default-topic' : 'namesrv',
        via: refresh ? 'refresh' : 'send',
        queueDatas: route.queueDatas.map((q) => ({
          brokerName: q.brokerName,
          readQueueNums: q.readQueueNums,
          writeQueueNums: q.writeQueueNums,
          perm: q.perm,
        })),
        brokerDatas: route.brokerDatas.map((b) => ({
          brokerName: b.brokerName,
          brokerAddrs: { ...b.brokerAddrs },
        })),
        queues: publishInfo
          .getMessageQueueList()
          .map((q) => ({ brokerName: q.getBrokerName(), queueId: q.getQueueId() })),
        orderTopicConf: route.orderTopicConf,
        truth,
        msgId: m?.msgId,
        thread,
      });
    }
    if (refresh) {
      const believed = this.believedBrokers(topic);
      this.trace.add({
        seq: 0,
        t: 0,
        kind: 'route.refresh',
        code: C.updateRoute,
        topic,
        outcome,
        believed,
        truth,
        stale: believed.filter((b) => !truth.includes(b)),
        ...(error !== null && error !== undefined ? { error: describe(error) } : {}),
        thread,
      });
    }
  }

  /** The brokers of the producer's current publish list for a topic. */
  private believedBrokers(topic: string): string[] {
    const info = this.producer.defaultMQProducerImpl.getTopicPublishInfoTable().get(topic);
    const out: string[] = [];
    for (const q of info?.getMessageQueueList() ?? [])
      if (!out.includes(q.getBrokerName())) out.push(q.getBrokerName());
    return out;
  }

  private onQueueSelected(
    mq: MessageQueue,
    lastBrokerName: string | null,
    explain: SelectionExplain,
    tpInfo: TopicPublishInfo,
  ): void {
    const m = this.msgOfThread();
    const thread = currentThreadName();
    if (m && m.selects === 0 && m.lookups === 0) this.traceCacheLookup(m);
    const attempt = m ? m.selects++ : 0;
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'queue.select',
      code: C.selectOneMessageQueue,
      msgId: m?.msgId ?? '',
      attempt,
      brokerName: mq.getBrokerName(),
      queueId: mq.getQueueId(),
      lastBrokerName,
      index: explain.index ?? -1,
      skipped: explain.skipped.length === 0 ? NO_SKIPS : explain.skipped.map(skipOf),
      path: explain.path,
      pos: explain.pos,
      queueCount: tpInfo.getMessageQueueList().length,
      pick: explain.pick,
      mutated: explain.mutated,
      resetTo: explain.resetTo,
      latencyFaultEnable: this.producer.defaultMQProducerImpl.mqFaultStrategy.isSendLatencyFaultEnable(),
      thread,
    });
  }

  /** 5.x: a back-pressure permit taken, refused or given back, and what the semaphore holds after it. */
  private onBackpressure(step: BackpressureStep): void {
    const m = step.callback instanceof MsgState ? step.callback : this.msgOfThread();
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'producer.backpressure',
      code: step.action === 'release' ? C.semaphoreProcessor : C.executeAsyncMessageSend,
      msgId: m?.msgId ?? '',
      semaphore: step.semaphore,
      action: step.action,
      permits: step.permits,
      available: step.available,
      total: step.total,
      waiting: step.waiting,
      waitedMs: step.waitedMs,
      thread: currentThreadName(),
    });
  }

  private traceCacheLookup(m: MsgState): void {
    m.lookups++;
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'route.lookup',
      code: C.tryToFind,
      topic: m.topic,
      source: 'cache',
      msgId: m.msgId,
      thread: currentThreadName(),
    });
  }

  private onBudgetCheck(where: string, costMs: number, timeoutMs: number, ok: boolean): void {
    const m = this.msgOfThread();
    let check = BUDGET_WHERE.get(where);
    if (check === undefined) {
      const short = where.endsWith('send(async task)')
        ? 'DEFAULT ASYNC'
        : where.slice(where.lastIndexOf('.') + 1);
      const codeRef =
        short === 'sendDefaultImpl'
          ? C.sendDefaultImpl
          : short === 'sendKernelImpl'
            ? C.sendKernelImpl
            : short === 'sendSelectImpl'
              ? C.sendSelectImpl
              : C.asyncTask;
      check = { short, code: codeRef };
      BUDGET_WHERE.set(where, check);
    }
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'budget.check',
      code: check.code,
      msgId: m?.msgId ?? '',
      where: check.short,
      costMs,
      timeoutMs,
      ok,
      thread: currentThreadName(),
    });
  }

  /** `sendDefaultImpl` ended an attempt. The trace numbers attempts by selection (async re-sends included). */
  private onAttemptEnd(_times: number, mq: MessageQueue, outcome: string, error: unknown): void {
    const m = this.msgOfThread();
    if (!m) return;
    // An async attempt is only dispatched here; its outcome arrives with the callback.
    if (outcome === 'DISPATCHED' && m.mode === 'ASYNC') return;
    this.traceAttemptEnd(m, m.selects - 1, outcome, error, mq.getBrokerName());
  }

  private traceAttemptEnd(
    m: MsgState,
    attempt: number,
    outcome: string,
    error: unknown,
    brokerName?: string,
  ): void {
    if (attempt <= m.endedAttempt || attempt < 0) return;
    m.endedAttempt = attempt;
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'attempt.end',
      code: C.sendDefaultImpl,
      msgId: m.msgId,
      attempt,
      outcome,
      error: error !== null && error !== undefined ? describe(error) : undefined,
      brokerName,
      thread: currentThreadName(),
    });
  }

  private onFaultUpdate(update: FaultUpdate): void {
    const msgId = this.currentMsgId();
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'fault.update',
      code: C.updateFaultItem,
      brokerName: update.brokerName,
      latencyMs: update.currentLatency,
      isolation: update.isolation,
      notAvailableMs: update.notAvailableDuration,
      availableAt: update.availableAt,
      reachable: update.reachable,
      msgId: msgId ?? undefined,
      thread: currentThreadName(),
    });
  }

  private remotingObserver(): RemotingObserver {
    return {
      enterMessage: (thread, msgId) => {
        this.setThreadMsg(thread, msgId);
      },
      asyncOutcome: (msgId, _rpcId, response, future) => this.asyncOutcome(msgId, response, future),
      asyncFailedEarly: (msgId, error) => {
        const m = msgId === null ? undefined : this.msgs.get(msgId);
        if (m) this.traceAttemptEnd(m, m.selects - 1, javaClassOf(error), error);
      },
    };
  }

  private asyncOutcome(msgId: string | null, response: RemotingCommand | null, future: ResponseFuture): void {
    const m = msgId === null ? undefined : this.msgs.get(msgId);
    if (!m) return;
    let outcome: string;
    let error: string | null = null;
    if (response !== null) {
      outcome = STATUS_OUTCOME[response.code] ?? 'MQBrokerException';
      if (STATUS_OUTCOME[response.code] === undefined)
        error = `CODE: ${response.code}  DESC: ${String(response.remark)}`;
    } else if (!future.isSendRequestOK()) {
      outcome = 'RemotingSendRequestException';
      error = 'send request failed';
    } else if (future.isTimeout()) {
      outcome = 'RemotingTimeoutException';
      error = `wait response timeout ${future.getTimeoutMillis()}ms`;
    } else {
      outcome = 'RemotingException';
      error = 'unknown reason';
    }
    this.traceAttemptEnd(m, m.selects - 1, outcome, error);
  }

  // ---------------------------------------------------------------------------------------------------
  // Workloads

  private startWorkloads(): void {
    const single = this.scenario.workload.length === 1 && this.scenario.workload[0]!.threads === 1;
    for (const w of this.scenario.workload) {
      this.plannedSends += w.count;
      const body = new Uint8Array(w.bodySize);
      const selector = this.makeSelector(w);
      for (let k = 0; k < w.threads; k++) {
        const thread = single ? 'main' : `sender-${w.index}-${k}`;
        this.kernel.spawn(thread, this.sender(w, k, thread, body, selector), { thread });
      }
    }
  }

  private makeSelector(w: ResolvedWorkload): MessageQueueSelector | null {
    const v = this.scenario.rocketmqVersion;
    let inner: { select(mqs: readonly MessageQueue[], msg: unknown, arg: unknown): MessageQueue | null };
    let codeRef: { cls: string; method: string };
    switch (w.selector) {
      case 'none':
        return null;
      case 'hash':
        inner = new SelectMessageQueueByHash(v);
        codeRef = C.selectByHash;
        break;
      case 'random':
        inner = new SelectMessageQueueByRandom(this.random.stream(`client.selector.${w.index}`));
        codeRef = C.selectByRandom;
        break;
      case 'machineRoom':
        inner = new SelectMessageQueueByMachineRoom();
        codeRef = C.selectByMachineRoom;
        break;
    }
    const world = this;
    return {
      select(mqs, msg, arg) {
        const mq = inner.select(mqs, msg, arg);
        const m = world.msgOfThread();
        let hash: number | undefined;
        if (w.selector === 'hash') hash = javaHashCodeOf(arg);
        const attempt = m ? m.selects++ : 0;
        if (m && m.lookups === 0 && attempt === 0) world.traceCacheLookup(m);
        world.trace.add({
          seq: 0,
          t: 0,
          kind: 'queue.select',
          code: codeRef,
          msgId: m?.msgId ?? '',
          attempt,
          brokerName: mq?.getBrokerName() ?? '',
          queueId: mq?.getQueueId() ?? -1,
          lastBrokerName: null,
          index: mq ? mqs.indexOf(mq) : -1,
          skipped: [],
          selector: codeRef.cls,
          queueCount: mqs.length,
          hash,
          arg: hash === undefined ? undefined : typeof arg === 'string' ? arg : String(arg),
          thread: currentThreadName(),
        });
        return mq;
      },
    };
  }

  private *sender(
    w: ResolvedWorkload,
    k: number,
    thread: string,
    body: Uint8Array,
    selector: MessageQueueSelector | null,
  ): Sim<void> {
    const kernel = this.kernel;
    for (let i = k; i < w.count; i += w.threads) {
      const due = quantize(workloadSendTimeMs(w, i));
      const now = kernel.exactNow();
      if (due > now) yield due - now;
      const rest = this.sendOne(w, i, thread, body, selector);
      if (rest !== null) yield* rest;
    }
  }

  /**
   * One send of the workload, as plain calls as far as possible: the default async send (`send(msg,
   * callback)`) usually only submits a task and returns null; what may wait is returned as a process step.
   */
  private sendOne(
    w: ResolvedWorkload,
    i: number,
    thread: string,
    body: Uint8Array,
    selector: MessageQueueSelector | null,
  ): Sim<void> | null {
    const key = workloadKey(w, i);
    const msg = new Message(w.topic, null, body, key ?? undefined);
    const msgId = this.env.createUniqID();
    // The client's unique id, set before the call so every event of this send can name it
    // (upstream sets it in sendKernelImpl, only if absent, so retries keep it).
    msg.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, msgId);
    const m = new MsgState(this, msgId, w.mode, this.kernel.now(), w.topic);
    this.msgs.set(msgId, m);
    this.cachedThread = null;
    this.issuedSends++;
    this.outstanding++;
    this.setThreadMsg(thread, msgId);
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'send.call',
      code: w.mode === 'ONEWAY' ? C.sendOneway : C.send,
      msgId,
      mode: w.mode,
      topic: w.topic,
      key: key ?? undefined,
      timeoutMs: w.mode === 'ONEWAY' ? this.scenario.producer.sendMsgTimeout : w.timeoutMs,
      thread,
      workload: w.index,
      index: i,
      selector: w.selector !== 'none' ? w.selector : undefined,
    });
    const ownTimeout = w.timeoutMs !== this.scenario.producer.sendMsgTimeout ? w.timeoutMs : undefined;
    if (w.mode === 'ASYNC' && selector === null) {
      let rest: Sim<void> | null = null;
      try {
        rest = this.producer.sendWithCallbackNow(msg, m, ownTimeout);
      } catch (e) {
        if (!isJavaCatchable(e)) throw e;
        this.result(m, null, e, false);
      } finally {
        if (rest === null) this.leaveMessage(thread, msgId);
      }
      return rest === null ? null : this.sendRest(rest, m, thread, msgId);
    }
    return this.sendWaiting(w, msg, m, thread, msgId, key, selector, ownTimeout);
  }

  /** The thread no longer works for this message (unless a nested step moved it on already). */
  private leaveMessage(thread: string, msgId: string): void {
    if (this.msgByThread.get(thread) === msgId) this.setThreadMsg(thread, null);
  }

  /** The rest of a default async send that has to wait, with the handling `sendOne` gives it. */
  private *sendRest(rest: Sim<void>, m: MsgState, thread: string, msgId: string): Sim<void> {
    try {
      yield* rest;
    } catch (e) {
      if (!isJavaCatchable(e)) throw e;
      this.result(m, null, e, false);
    } finally {
      this.leaveMessage(thread, msgId);
    }
  }

  /** The sends that may wait: SYNC, the selector ones, ONEWAY. */
  private *sendWaiting(
    w: ResolvedWorkload,
    msg: Message,
    m: MsgState,
    thread: string,
    msgId: string,
    key: string | null,
    selector: MessageQueueSelector | null,
    ownTimeout: number | undefined,
  ): Sim<void> {
    const producer = this.producer;
    const impl = producer.defaultMQProducerImpl;
    try {
      if (w.mode === 'SYNC') {
        const result = selector
          ? yield* producer.sendWithSelector(msg, selector, key, w.timeoutMs)
          : yield* producer.send(msg, ownTimeout);
        this.result(m, result, null, false);
      } else if (w.mode === 'ASYNC') {
        if (selector) yield* this.sendSelectAsync(msg, selector, key, m, w.timeoutMs);
        else yield* producer.sendWithCallback(msg, m, ownTimeout);
      } else if (selector) {
        try {
          yield* impl.sendSelectImpl(
            msg,
            selector,
            key,
            'ONEWAY',
            null,
            this.scenario.producer.sendMsgTimeout,
          );
        } catch (e) {
          if (e instanceof MQBrokerException)
            throw new MQClientException(impl.profile, 'unknown exception', e);
          throw e;
        }
        this.result(m, null, null, false);
      } else {
        yield* producer.sendOneway(msg);
        this.result(m, null, null, false);
      }
    } catch (e) {
      if (!isJavaCatchable(e)) throw e;
      this.result(m, null, e, false);
    } finally {
      this.leaveMessage(thread, msgId);
    }
  }

  /**
   * `send(msg, selector, arg, sendCallback, timeout)` (the executor-wrapped SELECT ASYNC): the task checks
   * the time spent in the queue ("call timeout"), then `sendSelectImpl` in ASYNC mode. Written here because
   * the client module has the selector path in SYNC and ONEWAY only.
   */
  private *sendSelectAsync(
    msg: Message,
    selector: MessageQueueSelector,
    arg: unknown,
    callback: SendCallback,
    timeout: number,
  ): Sim<void> {
    const impl = this.producer.defaultMQProducerImpl;
    const kernel = this.kernel;
    const beginStartTime = kernel.now();
    const task: Runnable = {
      *run(): Sim<void> {
        const costTime = kernel.now() - beginStartTime;
        if (timeout > costTime) {
          try {
            yield* impl.sendSelectImpl(msg, selector, arg, 'ASYNC', callback, timeout - costTime);
          } catch (e) {
            if (!isJavaCatchable(e)) throw e;
            callback.onException(e);
          }
        } else {
          callback.onException(new MQClientException(impl.profile, 'call timeout', null));
        }
      },
    };
    try {
      impl.getAsyncSenderExecutor().submit(task);
    } catch (e) {
      if (e instanceof RejectedExecutionException)
        throw new MQClientException(impl.profile, 'executor rejected ', e);
      throw e;
    }
  }

  /** The one `send.result` of a message (a second callback is traced as such, not as a second result). */
  result(m: MsgState, sendResult: SendResult | null, error: unknown, viaCallback: boolean): void {
    const thread = currentThreadName();
    if (m.done) {
      this.trace.add({
        seq: 0,
        t: 0,
        kind: 'send.callbackAgain',
        code: error !== null ? C.sendCallbackFail : C.sendCallback,
        msgId: m.msgId,
        ...(error !== null ? { exception: javaClassOf(error), message: messageOf(error) } : {}),
        thread,
      });
      return;
    }
    m.done = true;
    // Only messages still in flight stay in the table (what sim.end lists).
    this.msgs.delete(m.msgId);
    this.cachedThread = null;
    this.outstanding--;
    const costMs = this.kernel.now() - m.callT;
    let codeRef = viaCallback
      ? error !== null
        ? C.sendCallbackFail
        : C.sendCallback
      : m.mode === 'ONEWAY'
        ? C.sendOneway
        : C.send;
    if (error !== null) {
      const text = messageOf(error);
      if (m.selects === 0 && m.lookups > 0 && text.startsWith('No route info')) {
        this.trace.add({
          seq: 0,
          t: 0,
          kind: 'route.lookup',
          code: C.tryToFind,
          topic: m.topic,
          source: 'none',
          msgId: m.msgId,
          thread,
        });
      }
      if (m.selects > 0) this.traceAttemptEnd(m, m.selects - 1, javaClassOf(error), error);
      this.trace.add({
        seq: 0,
        t: 0,
        kind: 'send.result',
        code: codeRef,
        msgId: m.msgId,
        status: 'EXCEPTION',
        exception: javaClassOf(error),
        message: text,
        ...(error instanceof MQClientException || error instanceof MQBrokerException
          ? { responseCode: error.getResponseCode() }
          : {}),
        viaCallback,
        costMs,
        thread,
      });
    } else if (sendResult !== null) {
      const status = sendResult.getSendStatus();
      if (m.selects > 0) this.traceAttemptEnd(m, m.selects - 1, status, null);
      const mq = sendResult.getMessageQueue();
      this.trace.add({
        seq: 0,
        t: 0,
        kind: 'send.result',
        code: codeRef,
        msgId: m.msgId,
        status,
        viaCallback,
        costMs,
        brokerName: mq.getBrokerName(),
        queueId: mq.getQueueId(),
        queueOffset: sendResult.getQueueOffset(),
        offsetMsgId: sendResult.offsetMsgId,
        thread,
      });
    } else {
      // sendOneway returned: the request was written; no answer is ever read.
      codeRef = C.sendOneway;
      if (m.selects > 0) this.traceAttemptEnd(m, m.selects - 1, 'DISPATCHED', null);
      this.trace.add({
        seq: 0,
        t: 0,
        kind: 'send.result',
        code: codeRef,
        msgId: m.msgId,
        status: 'SEND_OK',
        oneway: true,
        message:
          'sendOneway returned: the request was written; the producer never learns whether it was stored',
        viaCallback,
        costMs,
        thread,
      });
    }
    if (this.outstanding === 0 && this.issuedSends === this.plannedSends) this.finished = true;
  }

  // ---------------------------------------------------------------------------------------------------
  // Faults

  private scheduleFaults(): void {
    for (const fault of this.scenario.faults) {
      this.kernel.schedule(quantize(fault.atMs), () => this.applyFault(fault));
    }
  }

  private applyFault(fault: ResolvedFault): void {
    const kernel = this.kernel;
    const later = (ms: number | null, end: () => void): void => {
      if (ms === null) return;
      kernel.scheduleAfter(quantize(ms), end);
    };
    const inject = (target: string, extra: Record<string, unknown>): void => {
      this.trace.add({
        seq: 0,
        t: 0,
        kind: 'fault.inject',
        code: C.fault,
        target,
        fault: fault.kind,
        faultIndex: fault.index,
        ...extra,
      });
    };
    const clear = (target: string): void => {
      this.trace.add({
        seq: 0,
        t: 0,
        kind: 'fault.clear',
        code: C.fault,
        target,
        fault: fault.kind,
        faultIndex: fault.index,
      });
    };
    switch (fault.kind) {
      case 'crash': {
        const b = this.brokerById.get(fault.broker);
        if (!b) return;
        inject(fault.broker, { closeConnections: fault.closeConnections, durationMs: fault.durationMs });
        b.crash(fault.closeConnections);
        later(fault.durationMs, () => {
          clear(fault.broker);
          b.start('restart after crash');
        });
        return;
      }
      case 'shutdown': {
        const b = this.brokerById.get(fault.broker);
        if (!b) return;
        inject(fault.broker, { durationMs: fault.durationMs });
        b.shutdown();
        later(fault.durationMs, () => {
          clear(fault.broker);
          const restart = (): void => {
            if (b.state === 'stopping') kernel.scheduleAfter(100, restart);
            else b.start('restart after shutdown');
          };
          restart();
        });
        return;
      }
      case 'up': {
        const b = this.brokerById.get(fault.broker);
        if (!b) return;
        inject(fault.broker, {});
        const start = (): void => {
          if (b.state === 'stopping') kernel.scheduleAfter(100, start);
          else b.start('up');
        };
        start();
        return;
      }
      case 'slow': {
        const sampler = new Sampler(fault.extraLatency, this.random.stream(`fault.${fault.index}`));
        if (fault.target.kind === 'broker') {
          const b = this.brokerById.get(fault.target.broker);
          if (!b) return;
          inject(fault.target.broker, { extraLatency: fault.extraLatency, durationMs: fault.durationMs });
          b.slowStore.push(sampler);
          later(fault.durationMs, () => {
            remove(b.slowStore, sampler);
            clear(fault.target.kind === 'broker' ? fault.target.broker : '');
          });
        } else {
          const [a, z] = fault.target.between;
          const link = this.network.link(a, z);
          const target = `${a}->${z}`;
          inject(target, { extraLatency: fault.extraLatency, durationMs: fault.durationMs, between: [a, z] });
          link.slows.push(sampler);
          later(fault.durationMs, () => {
            remove(link.slows, sampler);
            clear(target);
          });
        }
        return;
      }
      case 'busy': {
        const b = this.brokerById.get(fault.broker);
        if (!b) return;
        inject(fault.broker, { cause: fault.cause, durationMs: fault.durationMs });
        if (fault.cause === 'pageCacheBusy') b.beginLockStall();
        else b.overloadFaults++;
        later(fault.durationMs, () => {
          if (fault.cause === 'pageCacheBusy') b.endLockStall();
          else b.overloadFaults = Math.max(0, b.overloadFaults - 1);
          clear(fault.broker);
        });
        return;
      }
      case 'partition': {
        const [a, z] = fault.between;
        const link = this.network.link(a, z);
        const target = `${a}->${z}`;
        inject(target, { durationMs: fault.durationMs, between: [a, z] });
        if (link.partitions === 0) link.partitionedSince = kernel.exactNow();
        link.partitions++;
        later(fault.durationMs, () => {
          if (link.partitions > 0) {
            link.partitions--;
            if (link.partitions === 0) link.partitionedSince = -1;
            clear(target);
          }
        });
        return;
      }
      case 'heal': {
        const [a, z] = fault.between;
        const link = this.network.link(a, z);
        const target = `${a}->${z}`;
        inject(target, { between: [a, z] });
        link.partitions = 0;
        link.partitionedSince = -1;
        return;
      }
      case 'flushTimeout': {
        const b = this.brokerById.get(fault.broker);
        if (!b) return;
        inject(fault.broker, { durationMs: fault.durationMs, flushDiskType: b.cfg.flushDiskType });
        b.flushTimeoutFaults++;
        later(fault.durationMs, () => {
          b.flushTimeoutFaults = Math.max(0, b.flushTimeoutFaults - 1);
          clear(fault.broker);
        });
        return;
      }
      case 'dropReply': {
        const b = this.brokerById.get(fault.broker);
        if (!b) return;
        inject(fault.broker, { durationMs: fault.durationMs, count: fault.count });
        const entry = { remaining: fault.count };
        b.dropReplies.push(entry);
        later(fault.durationMs, () => {
          remove(b.dropReplies, entry);
          clear(fault.broker);
        });
        return;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Running

  private startProducer(): void {
    const p = this.scenario.producer;
    this.kernel.schedule(quantize(p.startAtMs), () => {
      const impl = this.producer.defaultMQProducerImpl;
      try {
        this.producer.start();
        this.producerStarted = true;
      } catch (e) {
        if (!isJavaCatchable(e)) throw e;
        this.traceProducerState(impl.getServiceState(), describe(e));
        return;
      }
      this.traceProducerState(impl.getServiceState(), null);
    });
    if (p.shutdownAtMs !== null) {
      this.kernel.schedule(quantize(p.shutdownAtMs), () => {
        if (!this.producerStarted) return;
        this.producer.shutdown();
        this.asyncExecutor.shutdown();
        this.traceProducerState(this.producer.defaultMQProducerImpl.getServiceState(), null);
      });
    }
  }

  private traceProducerState(state: string, error: string | null): void {
    const factory = this.producer.defaultMQProducerImpl.getMqClientFactory();
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'producer.state',
      code: state === 'SHUTDOWN_ALREADY' ? C.producerShutdown : C.producerStart,
      serviceState: state,
      clientId: factory?.clientId ?? this.producer.buildMQClientId(),
      group: this.producer.getProducerGroup(),
      version: this.scenario.rocketmqVersion,
      ...(error !== null ? { error } : {}),
    });
  }

  private internalError(error: unknown, process?: Process<unknown>): void {
    this.errors++;
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'sim.error',
      code: C.error,
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      ...(process ? { process: process.name, thread: process.threadName } : {}),
      java: isJavaException(error) || error instanceof JavaThrowable,
    });
  }

  private errors = 0;

  run(): TraceEvent[] {
    // The simulated Java exceptions are JavaScript errors; nothing reads their JavaScript stacks, which cost
    // more to capture than the rest of a failed send. Restored afterwards.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return this.runInner();
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }

  private runInner(): TraceEvent[] {
    const s = this.scenario;
    const kernel = this.kernel;
    // One place is kept for sim.end.
    this.trace.maxEvents = Math.max(1, this.maxEvents - 1);
    this.trace.add({
      seq: 0,
      t: 0,
      kind: 'sim.start',
      code: C.start,
      version: s.rocketmqVersion,
      seed: s.seed,
      namesrv: { node: 'namesrv', addr: s.nameServer.address },
      brokers: s.brokers.map((b) => ({
        node: b.id,
        brokerName: b.name,
        brokerId: b.brokerId,
        role: b.role,
        addr: b.address,
        flushDiskType: b.flushDiskType,
      })),
      producer: { node: 'producer', group: s.producer.group, addr: this.env.clientIP },
    });
    let reason = 'complete';
    try {
      this.namesrv.start();
      for (const b of this.brokers) b.start('running at t = 0', true);
      this.startProducer();
      this.scheduleFaults();
      this.startWorkloads();
      if (this.plannedSends === 0 && s.durationMs === null) this.finished = true;
      if (s.durationMs !== null) {
        this.trace.limitT = s.durationMs;
        this.runUntil(s.durationMs);
        reason = this.finished ? 'complete' : 'duration';
      } else {
        kernel.run(0);
        const cap = MAX_RUN_MS;
        this.trace.limitT = cap;
        while (!this.finished && !this.trace.overflowed) {
          if (!kernel.stepOnce()) break;
          if (kernel.exactNow() > cap) {
            reason = 'cap';
            break;
          }
        }
      }
      if (this.trace.overflowed) reason = 'traceCap';
    } catch (e) {
      this.internalError(e);
      reason = 'error';
    }
    return this.end(reason);
  }

  /** Called after each second of virtual time (the benchmark samples the heap here). */
  onSlice: (() => void) | null = null;

  private runUntil(until: number): void {
    const kernel = this.kernel;
    // Slices keep the trace size in check without testing it on every event.
    for (let t = Math.min(until, 1000); ; t = Math.min(until, t + 1000)) {
      kernel.run(t);
      this.onSlice?.();
      if (this.trace.overflowed || t >= until) break;
    }
  }

  private end(reason: string): TraceEvent[] {
    const inFlight: string[] = [];
    for (const m of this.msgs.values()) if (!m.done) inFlight.push(m.msgId);
    const trace = this.trace;
    const events = trace.events;
    const last = events.length > 0 ? events[events.length - 1]!.t : 0;
    const end: TraceEvent = {
      seq: events.length,
      t: Math.max(last, Math.min(trace.now(), this.scenario.durationMs ?? Infinity)),
      kind: 'sim.end',
      code: C.end,
      inFlight,
      reason,
      sends: this.issuedSends,
      planned: this.plannedSends,
      errors: this.errors,
    };
    events.push(end);
    return events;
  }
}

const NO_SKIPS: readonly unknown[] = Object.freeze([]);

/** `where` as the client names it -> the short name and code the trace uses. */
const BUDGET_WHERE = new Map<string, { short: string; code: { cls: string; method: string } }>();

function skipOf(s: SkippedQueue): Record<string, unknown> {
  return {
    brokerName: s.brokerName,
    queueId: s.queueId,
    reason: s.reason,
    pos: s.pos,
    availableAt: s.availableAt,
    pass: s.pass,
  };
}

/** Resets a `SelectionExplain` to its freshly constructed state. */
function clearExplain(ex: SelectionExplain): SelectionExplain {
  ex.path = null;
  ex.index = null;
  ex.pos = null;
  // Setting an array's length is a runtime call even when it is 0 already (the usual case here).
  if (ex.counterReads.length !== 0) ex.counterReads.length = 0;
  if (ex.skipped.length !== 0) ex.skipped.length = 0;
  ex.pick = undefined;
  ex.writeQueueNums = undefined;
  ex.removedFromFaultTable = undefined;
  ex.mutated = undefined;
  if (ex.loggedErrors.length !== 0) ex.loggedErrors.length = 0;
  ex.resetTo = undefined;
  ex.chosen = undefined;
  return ex;
}

function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

function javaClassOf(e: unknown): string {
  if (e instanceof JavaThrowable) return e.javaClass;
  if (isJavaException(e)) return e.javaClass;
  return e instanceof Error ? e.name : 'Error';
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function describe(e: unknown): string {
  return `${javaClassOf(e)}: ${messageOf(e)}`;
}
