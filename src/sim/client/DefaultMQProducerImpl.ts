import type { Sim } from '../kernel/Kernel';
import {
  ThreadPoolExecutor,
  jdkRejectionText,
  type ExecutorService,
  type Runnable,
} from '../kernel/Executor';
import { Semaphore } from '../kernel/Semaphore';
import type { ClientEnvironment } from './ClientEnvironment';
import { ClientErrorCode } from './ClientErrorCode';
import type { DefaultMQProducer } from './DefaultMQProducer';
import {
  InterruptedException,
  MQBrokerException,
  MQClientException,
  RejectedExecutionException,
  RemotingException,
  RemotingTooMuchRequestException,
  responseCodeForLastException,
} from './exceptions';
import { suggestTodo } from './FAQUrl';
import { isJavaCatchable, type CommunicationMode, type SendMessageRequestHeader } from './MQClientAPIImpl';
import type { MQClientInstance, MQProducerInner, ServiceState } from './MQClientInstance';
import { MQFaultStrategy, SelectionExplain, type FaultUpdate } from './MQFaultStrategy';
import type { Message } from './Message';
import { MessageConst } from './Message';
import { MessageQueue } from './MessageQueue';
import type { SendCallback, SendResult } from './SendResult';
import type { SendLoopProfile } from './SendLoopProfile';
import { TopicPublishInfo } from './TopicPublishInfo';
import { checkGroup, checkMessage } from './Validators';

/** `MessageSysFlag` bits the send path sets. */
export const MessageSysFlag = {
  COMPRESSED_FLAG: 0x1,
  TRANSACTION_PREPARED_TYPE: 0x1 << 2,
  COMPRESSION_LZ4_TYPE: 0x1 << 8,
  COMPRESSION_ZSTD_TYPE: 0x2 << 8,
  COMPRESSION_ZLIB_TYPE: 0x3 << 8,
} as const;

/** `MixAll.DEFAULT_PRODUCER_GROUP` / `CLIENT_INNER_PRODUCER_GROUP`. */
export const DEFAULT_PRODUCER_GROUP = 'DEFAULT_PRODUCER';
export const CLIENT_INNER_PRODUCER_GROUP = 'CLIENT_INNER_PRODUCER';

/**
 * `MessageQueueSelector`: the user's choice of queue for `send(msg, selector, arg)`. A selector may be a
 * simulated process step (return a generator) when choosing takes virtual time.
 */
export interface MessageQueueSelector {
  select(
    mqs: readonly MessageQueue[],
    msg: Message,
    arg: unknown,
  ): MessageQueue | null | Sim<MessageQueue | null>;
}

/**
 * Hooks for the trace (all optional; absent hooks cost nothing). They observe, never decide.
 */
export interface SendObserver {
  /** `sendDefaultImpl` chose the queue of attempt `times` (0-based). */
  onQueueSelected?(
    times: number,
    mq: MessageQueue,
    lastBrokerName: string | null,
    explain: SelectionExplain,
  ): void;
  /** A budget comparison upstream makes (`where` names the method), and whether it let the send go on. */
  onBudgetCheck?(where: string, costMs: number, timeoutMs: number, ok: boolean): void;
  /** An attempt of `sendDefaultImpl` ended (`outcome` is the send status or the exception class). */
  onAttemptEnd?(times: number, mq: MessageQueue, outcome: string, error: unknown): void;
  onFaultUpdate?(update: FaultUpdate): void;
  /** 5.x back-pressure: a permit taken, refused after its wait, or given back by the callback. */
  onBackpressure?(step: BackpressureStep): void;
}

/** One step of the 5.x async back-pressure, with the semaphore's state right after it. */
export interface BackpressureStep {
  semaphore: 'semaphoreAsyncSendNum' | 'semaphoreAsyncSendSize';
  action: 'acquire' | 'timeout' | 'release';
  /** 1 for the count semaphore, the body length for the size one. */
  permits: number;
  available: number;
  total: number;
  /** Threads still waiting for permits. */
  waiting: number;
  /** How long `tryAcquire` waited (0 for a release). */
  waitedMs: number;
  /** The user's callback of the message concerned. */
  callback: SendCallback;
}

/**
 * The 5.x `BackpressureSendCallBack`: releases the permits `executeAsyncMessageSend` took, then calls the
 * user's callback. (It releases on every pass, so a double callback would release twice, as upstream.)
 */
export class BackpressureSendCallBack implements SendCallback {
  isSemaphoreAsyncSizeAcquired = false;
  isSemaphoreAsyncNumAcquired = false;
  msgLen = 0;

  constructor(
    private readonly impl: DefaultMQProducerImpl,
    readonly sendCallback: SendCallback,
  ) {}

  onSuccess(sendResult: SendResult): void {
    this.semaphoreProcessor();
    this.sendCallback.onSuccess(sendResult);
  }

  onException(e: unknown): void {
    this.semaphoreProcessor();
    this.sendCallback.onException(e);
  }

  semaphoreProcessor(): void {
    if (this.isSemaphoreAsyncSizeAcquired) {
      this.impl.getSemaphoreAsyncSendSize().release(this.msgLen);
      this.impl.reportBackpressure('semaphoreAsyncSendSize', 'release', this.msgLen, 0, this.sendCallback);
    }
    if (this.isSemaphoreAsyncNumAcquired) {
      this.impl.getSemaphoreAsyncSendNum().release(1);
      this.impl.reportBackpressure('semaphoreAsyncSendNum', 'release', 1, 0, this.sendCallback);
    }
  }
}

/**
 * The anonymous `Runnable` of `send(msg, callback, timeout)` (DEFAULT ASYNC). A class rather than an object
 * literal with a generator method: one is made per async send, and a literal would allocate its closures
 * and method objects every time.
 */
class AsyncSendTask implements Runnable {
  constructor(
    private readonly impl: DefaultMQProducerImpl,
    private readonly msg: Message,
    private readonly sendCallback: SendCallback,
    private readonly timeout: number,
    private readonly beginStartTime: number,
  ) {}

  *run(): Sim<void> {
    const impl = this.impl;
    const timeout = this.timeout;
    const sendCallback = this.sendCallback;
    const costTime = impl.env.kernel.now() - this.beginStartTime;
    const ok = timeout > costTime;
    impl.observer?.onBudgetCheck?.('DefaultMQProducerImpl.send(async task)', costTime, timeout, ok);
    if (ok) {
      try {
        yield* impl.sendDefaultImpl(this.msg, 'ASYNC', sendCallback, timeout - costTime);
      } catch (e) {
        if (!isJavaCatchable(e)) throw e;
        sendCallback.onException(e);
      }
    } else {
      sendCallback.onException(new RemotingTooMuchRequestException('DEFAULT ASYNC send call timeout'));
    }
  }

  toString(): string {
    return 'DefaultMQProducerImpl$AsyncSendTask';
  }
}

/**
 * `org.apache.rocketmq.client.impl.producer.DefaultMQProducerImpl`: the send path, method by method.
 * Every method that blocks in Java is a generator here; clock readings happen where upstream reads
 * `System.currentTimeMillis()`.
 */
export class DefaultMQProducerImpl implements MQProducerInner {
  readonly profile: SendLoopProfile;
  readonly env: ClientEnvironment;
  private readonly topicPublishInfoTable = new Map<string, TopicPublishInfo>();
  private serviceState: ServiceState = 'CREATE_JUST';
  private mQClientFactory: MQClientInstance | null = null;
  readonly mqFaultStrategy: MQFaultStrategy;
  private readonly defaultAsyncSenderExecutor: ThreadPoolExecutor;
  private asyncSenderExecutor: ExecutorService | null = null;
  /** 5.x back-pressure semaphores (fair). */
  private semaphoreAsyncSendNum: Semaphore;
  private semaphoreAsyncSendSize: Semaphore;
  observer: SendObserver | null = null;

  constructor(readonly defaultMQProducer: DefaultMQProducer) {
    this.env = defaultMQProducer.env;
    this.profile = this.env.profile;
    const kernel = this.env.kernel;
    // new ThreadPoolExecutor(CPUs, CPUs, 60s, LinkedBlockingQueue(50000), "AsyncSenderExecutor_"), AbortPolicy.
    this.defaultAsyncSenderExecutor = new ThreadPoolExecutor(kernel, {
      threadNamePrefix: 'AsyncSenderExecutor_',
      corePoolSize: this.env.availableProcessors,
      maximumPoolSize: this.env.availableProcessors,
      queueCapacity: 50000,
      rejectionPolicy: (task, executor) => {
        throw new RejectedExecutionException(jdkRejectionText(task, executor));
      },
      // `submit` keeps a task's exception in its Future, which nobody reads (e.g. a throwing onException).
      taskErrorHandler: (_task, error) => {
        if (!isJavaCatchable(error)) throw error;
      },
    });
    this.semaphoreAsyncSendNum = new Semaphore(
      kernel,
      Math.max(defaultMQProducer.getBackPressureForAsyncSendNum(), 10),
      true,
    );
    this.semaphoreAsyncSendSize = new Semaphore(
      kernel,
      Math.max(defaultMQProducer.getBackPressureForAsyncSendSize(), 1024 * 1024),
      true,
    );
    this.mqFaultStrategy = new MQFaultStrategy({
      version: this.profile.version,
      clock: kernel,
      random: this.env.randomStream('LatencyFaultToleranceImpl'),
      sendLatencyFaultEnable: defaultMQProducer.isSendLatencyFaultEnable(),
      resolver: (name) => this.mQClientFactory?.findBrokerAddressInPublish(name) ?? null,
      serviceDetector: null,
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // Lifecycle

  getServiceState(): ServiceState {
    return this.serviceState;
  }

  getMqClientFactory(): MQClientInstance | null {
    return this.mQClientFactory;
  }

  start(startFactory = true): void {
    switch (this.serviceState) {
      case 'CREATE_JUST': {
        this.serviceState = 'START_FAILED';
        this.checkConfig();
        const producer = this.defaultMQProducer;
        if (producer.getProducerGroup() !== CLIENT_INNER_PRODUCER_GROUP) producer.changeInstanceNameToPID();
        this.mQClientFactory = this.env.clientManager.getOrCreateMQClientInstance(
          this.env,
          producer.buildMQClientId(),
        );
        const registerOK = this.mQClientFactory.registerProducer(producer.getProducerGroup(), this);
        if (!registerOK) {
          this.serviceState = 'CREATE_JUST';
          throw new MQClientException(
            this.profile,
            `The producer group[${producer.getProducerGroup()}] has been created before, specify another name please.` +
              suggestTodo(this.profile.faqUrl),
            null,
          );
        }
        // 4.x only: TBW102 becomes one of this producer's publish topics (polled by the route refresher).
        if (this.profile.startPutsCreateTopicKey) {
          this.topicPublishInfoTable.set(
            producer.getCreateTopicKey(),
            new TopicPublishInfo(
              this.profile.version,
              this.env.randomStream('ThreadLocalIndex.sendWhichQueue'),
            ),
          );
        }
        if (startFactory) this.mQClientFactory.start();
        if (this.profile.hasFaultDetector) this.mqFaultStrategy.startDetector();
        this.serviceState = 'RUNNING';
        break;
      }
      case 'RUNNING':
      case 'START_FAILED':
      case 'SHUTDOWN_ALREADY':
        throw new MQClientException(
          this.profile,
          `The producer service state not OK, maybe started once, ${this.serviceState}` +
            suggestTodo(this.profile.faqUrl),
          null,
        );
    }
    this.mQClientFactory.sendHeartbeatToAllBrokerWithLock();
  }

  private checkConfig(): void {
    checkGroup(this.profile, this.defaultMQProducer.getProducerGroup());
    if (this.defaultMQProducer.getProducerGroup() === DEFAULT_PRODUCER_GROUP) {
      throw new MQClientException(
        this.profile,
        `producerGroup can not equal ${DEFAULT_PRODUCER_GROUP}, please specify another one.`,
        null,
      );
    }
  }

  shutdown(shutdownFactory = true): void {
    switch (this.serviceState) {
      case 'RUNNING': {
        const factory = this.mQClientFactory!;
        factory.unregisterProducer(this.defaultMQProducer.getProducerGroup());
        this.defaultAsyncSenderExecutor.shutdown();
        if (shutdownFactory) factory.shutdown();
        if (this.profile.hasFaultDetector) this.mqFaultStrategy.shutdown();
        this.serviceState = 'SHUTDOWN_ALREADY';
        break;
      }
      default:
        break; // CREATE_JUST, START_FAILED, SHUTDOWN_ALREADY: nothing
    }
  }

  private makeSureStateOK(): void {
    if (this.serviceState !== 'RUNNING') {
      throw new MQClientException(
        this.profile,
        `The producer service state not OK, ${this.serviceState}` + suggestTodo(this.profile.faqUrl),
        null,
      );
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // MQProducerInner

  updateTopicPublishInfo(topic: string, info: TopicPublishInfo): void {
    this.topicPublishInfoTable.set(topic, info);
  }

  isPublishTopicNeedUpdate(topic: string): boolean {
    const prev = this.topicPublishInfoTable.get(topic);
    return prev === undefined || !prev.ok();
  }

  getTopicPublishInfoTable(): ReadonlyMap<string, TopicPublishInfo> {
    return this.topicPublishInfoTable;
  }

  // ---------------------------------------------------------------------------------------------------
  // Executors and back-pressure

  getAsyncSenderExecutor(): ExecutorService {
    return this.asyncSenderExecutor ?? this.defaultAsyncSenderExecutor;
  }

  setAsyncSenderExecutor(executor: ExecutorService | null): void {
    this.asyncSenderExecutor = executor;
  }

  getDefaultAsyncSenderExecutor(): ThreadPoolExecutor {
    return this.defaultAsyncSenderExecutor;
  }

  /** 5.x `setSemaphoreAsyncSendNum/Size`: replace the semaphore with a fresh one of that many permits. */
  setSemaphoreAsyncSendNum(num: number): void {
    this.semaphoreAsyncSendNum = new Semaphore(this.env.kernel, num, true);
  }

  setSemaphoreAsyncSendSize(size: number): void {
    this.semaphoreAsyncSendSize = new Semaphore(this.env.kernel, size, true);
  }

  getSemaphoreAsyncSendNum(): Semaphore {
    return this.semaphoreAsyncSendNum;
  }

  getSemaphoreAsyncSendSize(): Semaphore {
    return this.semaphoreAsyncSendSize;
  }

  getSemaphoreAsyncSendNumAvailablePermits(): number {
    return this.semaphoreAsyncSendNum.availablePermits();
  }

  getSemaphoreAsyncSendSizeAvailablePermits(): number {
    return this.semaphoreAsyncSendSize.availablePermits();
  }

  // ---------------------------------------------------------------------------------------------------
  // DEFAULT ASYNC

  /**
   * The deprecated executor-wrapped async send. T0 is read on the caller's thread; the task re-reads the
   * clock when it runs and proceeds only if `timeout > cost` (strict: a queue wait equal to the timeout
   * fails with "DEFAULT ASYNC send call timeout"). 4.x throws a rejection to the caller as
   * `MQClientException("executor rejected ")`; 5.x goes through `executeAsyncMessageSend`.
   */
  *sendAsync(msg: Message, sendCallback: SendCallback, timeout: number): Sim<void> {
    const rest = this.sendAsyncNow(msg, sendCallback, timeout);
    if (rest !== null) yield* rest;
  }

  /**
   * `sendAsync` as plain calls, for the workload's hot path: 4.x only submits the task; 5.x returns what may
   * wait for back-pressure permits as a process step (null: nothing left).
   */
  sendAsyncNow(msg: Message, sendCallback: SendCallback, timeout: number): Sim<void> | null {
    if (this.profile.hasBackpressure) {
      const newCallBack = new BackpressureSendCallBack(this, sendCallback);
      const beginStartTime = this.env.kernel.now();
      const runnable = this.asyncSendTask(msg, newCallBack, timeout, beginStartTime);
      return this.executeAsyncMessageSendNow(runnable, msg, newCallBack, timeout, beginStartTime);
    }
    const beginStartTime = this.env.kernel.now();
    const executor = this.getAsyncSenderExecutor();
    try {
      executor.submit(this.asyncSendTask(msg, sendCallback, timeout, beginStartTime));
    } catch (e) {
      if (e instanceof RejectedExecutionException) {
        throw new MQClientException(this.profile, 'executor rejected ', e);
      }
      throw e;
    }
    return null;
  }

  /** The `Runnable` both versions submit. */
  private asyncSendTask(
    msg: Message,
    sendCallback: SendCallback,
    timeout: number,
    beginStartTime: number,
  ): Runnable {
    return new AsyncSendTask(this, msg, sendCallback, timeout, beginStartTime);
  }

  /**
   * 5.x `executeAsyncMessageSend`. With back-pressure on, the caller first takes one
   * `semaphoreAsyncSendNum` permit and then body-length `semaphoreAsyncSendSize` permits, each waiting up to
   * what is left of the timeout (nothing left, or no permit: `onException` on the caller's thread). A
   * rejected submit then runs the task on the caller's thread; with back-pressure off it is thrown.
   */
  *executeAsyncMessageSend(
    runnable: Runnable,
    msg: Message,
    sendCallback: BackpressureSendCallBack,
    timeout: number,
    beginStartTime: number,
  ): Sim<void> {
    const executor = this.getAsyncSenderExecutor();
    const isEnableBackpressureForAsyncMode = this.defaultMQProducer.isEnableBackpressureForAsyncMode();
    const body = msg.getBody();
    const msgLen = body === null ? 1 : body.length;
    sendCallback.msgLen = msgLen;
    try {
      if (isEnableBackpressureForAsyncMode) {
        let costTime = this.env.kernel.now() - beginStartTime;
        const user = sendCallback.sendCallback;
        const isSemaphoreAsyncNumAcquired =
          timeout - costTime > 0 && (yield* this.semaphoreAsyncSendNum.tryAcquire(1, timeout - costTime));
        sendCallback.isSemaphoreAsyncNumAcquired = isSemaphoreAsyncNumAcquired;
        const numWaited = this.env.kernel.now() - beginStartTime - costTime;
        this.reportBackpressure(
          'semaphoreAsyncSendNum',
          isSemaphoreAsyncNumAcquired ? 'acquire' : 'timeout',
          1,
          numWaited,
          user,
        );
        if (!isSemaphoreAsyncNumAcquired) {
          sendCallback.onException(
            new RemotingTooMuchRequestException('send message tryAcquire semaphoreAsyncNum timeout'),
          );
          return;
        }
        costTime = this.env.kernel.now() - beginStartTime;
        const isSemaphoreAsyncSizeAcquired =
          timeout - costTime > 0 &&
          (yield* this.semaphoreAsyncSendSize.tryAcquire(msgLen, timeout - costTime));
        sendCallback.isSemaphoreAsyncSizeAcquired = isSemaphoreAsyncSizeAcquired;
        this.reportBackpressure(
          'semaphoreAsyncSendSize',
          isSemaphoreAsyncSizeAcquired ? 'acquire' : 'timeout',
          msgLen,
          this.env.kernel.now() - beginStartTime - costTime,
          user,
        );
        if (!isSemaphoreAsyncSizeAcquired) {
          sendCallback.onException(
            new RemotingTooMuchRequestException('send message tryAcquire semaphoreAsyncSize timeout'),
          );
          return;
        }
      }
      executor.submit(runnable);
    } catch (e) {
      if (!(e instanceof RejectedExecutionException)) throw e;
      if (isEnableBackpressureForAsyncMode) {
        yield* runnable.run(); // caller-runs
      } else {
        throw new MQClientException(this.profile, 'executor rejected ', e);
      }
    }
  }

  /**
   * `executeAsyncMessageSend` with back-pressure off, where nothing waits, as plain calls (returns null);
   * with it on, the generator above, which may wait for permits.
   */
  private executeAsyncMessageSendNow(
    runnable: Runnable,
    msg: Message,
    sendCallback: BackpressureSendCallBack,
    timeout: number,
    beginStartTime: number,
  ): Sim<void> | null {
    if (this.defaultMQProducer.isEnableBackpressureForAsyncMode()) {
      return this.executeAsyncMessageSend(runnable, msg, sendCallback, timeout, beginStartTime);
    }
    const executor = this.getAsyncSenderExecutor();
    const body = msg.getBody();
    sendCallback.msgLen = body === null ? 1 : body.length;
    try {
      executor.submit(runnable);
    } catch (e) {
      if (!(e instanceof RejectedExecutionException)) throw e;
      throw new MQClientException(this.profile, 'executor rejected ', e);
    }
    return null;
  }

  /** Tells the observer (the trace) about a back-pressure step, with the semaphore's state after it. */
  reportBackpressure(
    semaphore: BackpressureStep['semaphore'],
    action: BackpressureStep['action'],
    permits: number,
    waitedMs: number,
    callback: SendCallback,
  ): void {
    if (!this.observer?.onBackpressure) return;
    const s =
      semaphore === 'semaphoreAsyncSendNum' ? this.semaphoreAsyncSendNum : this.semaphoreAsyncSendSize;
    this.observer.onBackpressure({
      semaphore,
      action,
      permits,
      available: s.availablePermits(),
      total: s.initialPermits,
      waiting: s.getQueueLength(),
      waitedMs,
      callback,
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // Queue selection and fault bookkeeping

  selectOneMessageQueue(
    tpInfo: TopicPublishInfo,
    lastBrokerName: string | null,
    resetIndex = false,
  ): MessageQueue {
    return this.mqFaultStrategy.selectOneMessageQueue(tpInfo, lastBrokerName, resetIndex);
  }

  /** 4.x `updateFaultItem(brokerName, latency, isolation)`; 5.x adds `reachable` (4.x ignores it). */
  updateFaultItem(brokerName: string, currentLatency: number, isolation: boolean, reachable = true): void {
    const update = this.mqFaultStrategy.updateFaultItem(brokerName, currentLatency, isolation, reachable);
    if (update) this.observer?.onFaultUpdate?.(update);
  }

  /** `validateNameServerSetting` (4.9.x+; 4.5.2 has the same check inline in `sendDefaultImpl`). */
  private validateNameServerSetting(): void {
    const nsList = this.mQClientFactory!.getMQClientAPIImpl().getNameServerAddressList();
    if (nsList.length === 0) {
      throw new MQClientException(
        this.profile,
        'No name server address, please set it.' + suggestTodo(this.profile.faqUrl),
        null,
      ).setResponseCode(ClientErrorCode.NO_NAME_SERVER_EXCEPTION);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // DEFAULT SYNC / ASYNC / ONEWAY: the retry loop

  /** `send(msg, timeout)`: DEFAULT SYNC. */
  *send(msg: Message, timeout: number): Sim<SendResult> {
    return (yield* this.sendDefaultImpl(msg, 'SYNC', null, timeout)) as SendResult;
  }

  /**
   * `sendDefaultImpl`: SYNC makes up to 1 + retryTimesWhenSendFailed attempts inside one budget, ASYNC and
   * ONEWAY one. Before each attempt the cost so far is compared with the timeout (strict `<`: a cost equal
   * to the timeout still runs an attempt, with budget 0). After each attempt `updateFaultItem` records its
   * latency. The final failure is "Send [n] times, still failed ..." with a code from the last exception,
   * or the bare "sendDefaultImpl call timeout" when the budget check stopped the loop.
   */
  *sendDefaultImpl(
    msg: Message,
    communicationMode: CommunicationMode,
    sendCallback: SendCallback | null,
    timeout: number,
  ): Sim<SendResult | null> {
    this.makeSureStateOK();
    checkMessage(this.profile, msg, this.defaultMQProducer.getMaxMessageSize());
    const clock = this.env.kernel;
    const beginTimestampFirst = clock.now();
    let beginTimestampPrev = beginTimestampFirst;
    let endTimestamp = beginTimestampFirst;
    // A usable cached route is what tryToFindTopicPublishInfo returns first: taken without a generator.
    const cached = this.topicPublishInfoTable.get(msg.getTopic());
    const topicPublishInfo =
      cached !== undefined && cached.ok() ? cached : yield* this.tryToFindTopicPublishInfo(msg.getTopic());
    if (topicPublishInfo !== null && topicPublishInfo.ok()) {
      let callTimeout = false;
      let mq: MessageQueue | null = null;
      let exception: unknown = null;
      let sendResult: SendResult | null = null;
      const timesTotal =
        communicationMode === 'SYNC' ? 1 + this.defaultMQProducer.getRetryTimesWhenSendFailed() : 1;
      let times = 0;
      const brokersSent: (string | null)[] = new Array<string | null>(timesTotal).fill(null);
      let resetIndex = false;
      for (; times < timesTotal; times++) {
        const lastBrokerName = mq === null ? null : mq.getBrokerName();
        // 5.x: every attempt after the first re-seeds this thread's queue index (latency fault on only).
        if (this.profile.resetIndexOnRetry && times > 0) resetIndex = true;
        const mqSelected = this.selectForAttempt(topicPublishInfo, lastBrokerName, resetIndex, times);
        if (mqSelected === null) break;
        mq = mqSelected;
        brokersSent[times] = mq.getBrokerName();
        try {
          beginTimestampPrev = clock.now();
          const costTime = beginTimestampPrev - beginTimestampFirst;
          const inBudget = !(timeout < costTime);
          this.observer?.onBudgetCheck?.(
            'DefaultMQProducerImpl.sendDefaultImpl',
            costTime,
            timeout,
            inBudget,
          );
          if (!inBudget) {
            callTimeout = true;
            break;
          }
          let curTimeout = timeout - costTime;
          if (this.profile.hasMaxTimeoutPerRequest) {
            // 5.x: cap an attempt that another attempt could follow; the last one gets all that is left.
            const maxSendTimeoutPerRequest = this.defaultMQProducer.getSendMsgMaxTimeoutPerRequest();
            const canRetryAgain = times + 1 < timesTotal;
            if (maxSendTimeoutPerRequest > -1 && canRetryAgain && curTimeout > maxSendTimeoutPerRequest) {
              curTimeout = maxSendTimeoutPerRequest;
            }
          }
          sendResult = yield* this.sendKernelImpl(
            msg,
            mq,
            communicationMode,
            sendCallback,
            topicPublishInfo,
            curTimeout,
          );
          endTimestamp = clock.now();
          this.updateFaultItem(mq.getBrokerName(), endTimestamp - beginTimestampPrev, false, true);
          this.observer?.onAttemptEnd?.(
            times,
            mq,
            sendResult ? sendResult.getSendStatus() : 'DISPATCHED',
            null,
          );
          switch (communicationMode) {
            case 'ASYNC':
            case 'ONEWAY':
              return null;
            case 'SYNC':
              if (
                sendResult!.getSendStatus() !== 'SEND_OK' &&
                this.defaultMQProducer.isRetryAnotherBrokerWhenNotStoreOK()
              ) {
                continue;
              }
              return sendResult;
          }
        } catch (e) {
          endTimestamp = clock.now();
          const latency = endTimestamp - beginTimestampPrev;
          if (e instanceof MQClientException && this.profile.faultUpdate5) {
            // 5.x catches MQClientException first and does not isolate the broker for it.
            this.updateFaultItem(mq.getBrokerName(), latency, false, true);
            this.observer?.onAttemptEnd?.(times, mq, e.javaClass, e);
            exception = e;
            continue;
          }
          if (e instanceof RemotingException) {
            // 5.x: reachable stays true unless the detector is running.
            this.updateFaultItem(
              mq.getBrokerName(),
              latency,
              true,
              !this.mqFaultStrategy.isStartDetectorEnable(),
            );
            this.observer?.onAttemptEnd?.(times, mq, e.javaClass, e);
            exception = e;
            continue;
          }
          if (e instanceof MQClientException) {
            this.updateFaultItem(mq.getBrokerName(), latency, true);
            this.observer?.onAttemptEnd?.(times, mq, e.javaClass, e);
            exception = e;
            continue;
          }
          if (e instanceof MQBrokerException) {
            this.updateFaultItem(mq.getBrokerName(), latency, true, false);
            this.observer?.onAttemptEnd?.(times, mq, e.javaClass, e);
            exception = e;
            if (this.defaultMQProducer.getRetryResponseCodes().has(e.getResponseCode())) continue;
            if (sendResult !== null) return sendResult;
            throw e;
          }
          if (e instanceof InterruptedException) {
            this.updateFaultItem(mq.getBrokerName(), latency, false, true);
            this.observer?.onAttemptEnd?.(times, mq, e.javaClass, e);
            throw e;
          }
          throw e; // unchecked exceptions are not caught by the loop
        }
      }

      if (sendResult !== null) return sendResult;

      const info =
        `Send [${times}] times, still failed, cost [${clock.now() - beginTimestampFirst}]ms, Topic: ${msg.getTopic()}, ` +
        `BrokersSent: [${brokersSent.map((b) => String(b)).join(', ')}]` +
        suggestTodo(this.profile.faqUrl);
      const mqClientException = new MQClientException(this.profile, info, exception);
      if (callTimeout) throw new RemotingTooMuchRequestException('sendDefaultImpl call timeout');
      const code = responseCodeForLastException(exception);
      if (code !== undefined) mqClientException.setResponseCode(code);
      throw mqClientException;
    }

    this.validateNameServerSetting();
    throw new MQClientException(
      this.profile,
      `No route info of this topic${this.profile.noRouteSeparator}${msg.getTopic()}` +
        suggestTodo(this.profile.faqUrl),
      null,
    ).setResponseCode(ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION);
  }

  private selectForAttempt(
    tpInfo: TopicPublishInfo,
    lastBrokerName: string | null,
    resetIndex: boolean,
    times: number,
  ): MessageQueue | null {
    const observer = this.observer;
    if (!observer?.onQueueSelected) return this.selectOneMessageQueue(tpInfo, lastBrokerName, resetIndex);
    const explain = new SelectionExplain();
    const mq = this.mqFaultStrategy.selectOneMessageQueue(tpInfo, lastBrokerName, resetIndex, explain);
    observer.onQueueSelected(times, mq, lastBrokerName, explain);
    return mq;
  }

  /**
   * The cached route, else a name-server lookup for the topic, else (only when the topic has no route at
   * all) the default-topic lookup. The lookups' time is charged to the send, with no budget check.
   */
  *tryToFindTopicPublishInfo(topic: string): Sim<TopicPublishInfo | null> {
    let topicPublishInfo = this.topicPublishInfoTable.get(topic);
    if (topicPublishInfo === undefined || !topicPublishInfo.ok()) {
      if (!this.topicPublishInfoTable.has(topic)) {
        this.topicPublishInfoTable.set(
          topic,
          new TopicPublishInfo(
            this.profile.version,
            this.env.randomStream('ThreadLocalIndex.sendWhichQueue'),
          ),
        );
      }
      yield* this.mQClientFactory!.updateTopicRouteInfoFromNameServerForTopic(topic);
      topicPublishInfo = this.topicPublishInfoTable.get(topic);
    }
    if (
      topicPublishInfo !== undefined &&
      (topicPublishInfo.isHaveTopicRouterInfo() || topicPublishInfo.ok())
    ) {
      return topicPublishInfo;
    }
    yield* this.mQClientFactory!.updateTopicRouteInfoFromNameServer(topic, true, this.defaultMQProducer);
    return this.topicPublishInfoTable.get(topic) ?? null;
  }

  /**
   * `sendKernelImpl`: resolve the master address (one route refresh if unknown), set the unique id, compress
   * a body of at least `compressMsgBodyOverHowmuch` bytes, build the request header, check the budget once
   * more ("sendKernelImpl call timeout") and hand over to `MQClientAPIImpl.sendMessage`.
   */
  *sendKernelImpl(
    msg: Message,
    mq: MessageQueue,
    communicationMode: CommunicationMode,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    timeout: number,
  ): Sim<SendResult | null> {
    const clock = this.env.kernel;
    const factory = this.mQClientFactory!;
    const beginStartTime = clock.now();
    let brokerName = this.profile.brokerNameFromMessageQueue
      ? factory.getBrokerNameFromMessageQueue(mq)
      : mq.getBrokerName();
    let brokerAddr = factory.findBrokerAddressInPublish(brokerName);
    if (brokerAddr === null) {
      yield* this.tryToFindTopicPublishInfo(mq.getTopic());
      brokerName = this.profile.brokerNameFromMessageQueue
        ? factory.getBrokerNameFromMessageQueue(mq)
        : mq.getBrokerName();
      brokerAddr = factory.findBrokerAddressInPublish(brokerName);
    }
    if (brokerAddr !== null) {
      brokerAddr = brokerVIPChannel(
        this.defaultMQProducer.isSendMessageWithVIPChannel(),
        brokerAddr,
        this.profile.vipChannelSplitsOnLastColon,
      );
      const prevBody = msg.getBody();
      try {
        // MessageClientIDSetter.setUniqID: only if absent, so retries carry the same id.
        if (msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX) === null) {
          msg.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, this.env.createUniqID());
        }
        let sysFlag = 0;
        let msgBodyCompressed = false;
        if (this.tryToCompressMessage(msg)) {
          sysFlag |= MessageSysFlag.COMPRESSED_FLAG;
          // 4.9.x+ also records the compression type (ZLIB by default) in the flag.
          if (this.profile.version !== '4.5.2') sysFlag |= this.defaultMQProducer.getCompressionFlag();
          msgBodyCompressed = true;
        }
        const tranMsg = msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED);
        if (tranMsg !== null && tranMsg.toLowerCase() === 'true')
          sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;

        const requestHeader: SendMessageRequestHeader = {
          producerGroup: this.defaultMQProducer.getProducerGroup(),
          topic: msg.getTopic(),
          defaultTopic: this.defaultMQProducer.getCreateTopicKey(),
          defaultTopicQueueNums: this.defaultMQProducer.getDefaultTopicQueueNums(),
          queueId: mq.getQueueId(),
          sysFlag,
          bornTimestamp: clock.now(),
          flag: msg.getFlag(),
          properties: messageProperties2String(msg.getProperties()),
          reconsumeTimes: 0,
          unitMode: false,
          batch: false,
        };
        // 4.9.x+ also names the broker (the last key, as a spread would add it; no object spread per send).
        if (this.profile.version !== '4.5.2') requestHeader.bname = brokerName;

        const api = factory.getMQClientAPIImpl();
        let sendResult: SendResult | null = null;
        switch (communicationMode) {
          case 'ASYNC': {
            let tmpMessage = msg;
            if (msgBodyCompressed) {
              // The request keeps the compressed body; the caller's message gets its body back at once.
              tmpMessage = msg.cloneMessage();
              msg.setBody(prevBody);
            }
            const costTimeAsync = clock.now() - beginStartTime;
            const ok = !(timeout < costTimeAsync);
            this.observer?.onBudgetCheck?.(
              'DefaultMQProducerImpl.sendKernelImpl',
              costTimeAsync,
              timeout,
              ok,
            );
            if (!ok) throw new RemotingTooMuchRequestException('sendKernelImpl call timeout');
            // `sendMessage(..., ASYNC, ...)` as plain calls; only what may wait is run as a process step.
            const rest = api.sendMessageAsyncNow(
              brokerAddr,
              brokerName,
              tmpMessage,
              requestHeader,
              timeout - costTimeAsync,
              sendCallback,
              topicPublishInfo,
              factory,
              this.defaultMQProducer.getRetryTimesWhenSendAsyncFailed(),
              this,
            );
            if (rest !== null) yield* rest;
            break;
          }
          case 'ONEWAY':
          case 'SYNC': {
            const costTimeSync = clock.now() - beginStartTime;
            const ok = !(timeout < costTimeSync);
            this.observer?.onBudgetCheck?.('DefaultMQProducerImpl.sendKernelImpl', costTimeSync, timeout, ok);
            if (!ok) throw new RemotingTooMuchRequestException('sendKernelImpl call timeout');
            sendResult = yield* api.sendMessage(
              brokerAddr,
              brokerName,
              msg,
              requestHeader,
              timeout - costTimeSync,
              communicationMode,
              this,
            );
            break;
          }
        }
        return sendResult;
      } finally {
        msg.setBody(prevBody);
      }
    }
    throw new MQClientException(this.profile, `The broker[${brokerName}] not exist`, null);
  }

  /**
   * `tryToCompressMessage`: a body of at least `compressMsgBodyOverHowmuch` bytes (4096 by default) is
   * replaced by its compressed form. The simulation does not run zlib; it models the compressed size.
   */
  private tryToCompressMessage(msg: Message): boolean {
    const body = msg.getBody();
    if (body !== null && body.length >= this.defaultMQProducer.getCompressMsgBodyOverHowmuch()) {
      const data = this.defaultMQProducer.compress(body);
      if (data !== null) {
        msg.setBody(data);
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------
  // DEFAULT ONEWAY

  /** `sendOneway(msg)`: one attempt with `sendMsgTimeout`; a non-retriable broker code becomes "unknown exception". */
  *sendOneway(msg: Message): Sim<void> {
    try {
      yield* this.sendDefaultImpl(msg, 'ONEWAY', null, this.defaultMQProducer.getSendMsgTimeout());
    } catch (e) {
      if (e instanceof MQBrokerException) throw new MQClientException(this.profile, 'unknown exception', e);
      throw e;
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // SELECT

  /** `send(msg, selector, arg, timeout)`: SELECT SYNC. */
  *sendWithSelector(
    msg: Message,
    selector: MessageQueueSelector,
    arg: unknown,
    timeout: number,
  ): Sim<SendResult> {
    return (yield* this.sendSelectImpl(msg, selector, arg, 'SYNC', null, timeout)) as SendResult;
  }

  /**
   * `sendSelectImpl`: one attempt, no retry, no fault bookkeeping. Anything the selector throws becomes
   * "select message queue threw exception." ("throwed" in 4.5.2); the budget check after the selector is
   * "sendSelectImpl call timeout"; a null queue is "select message queue return null.".
   */
  *sendSelectImpl(
    msg: Message,
    selector: MessageQueueSelector,
    arg: unknown,
    communicationMode: CommunicationMode,
    sendCallback: SendCallback | null,
    timeout: number,
  ): Sim<SendResult | null> {
    const clock = this.env.kernel;
    const beginStartTime = clock.now();
    this.makeSureStateOK();
    checkMessage(this.profile, msg, this.defaultMQProducer.getMaxMessageSize());
    const topicPublishInfo = yield* this.tryToFindTopicPublishInfo(msg.getTopic());
    if (topicPublishInfo !== null && topicPublishInfo.ok()) {
      let mq: MessageQueue | null = null;
      try {
        // MQAdminImpl.parsePublishMessageQueues: fresh MessageQueue objects (namespace stripped).
        const messageQueueList = topicPublishInfo
          .getMessageQueueList()
          .map((q) => new MessageQueue(q.getTopic(), q.getBrokerName(), q.getQueueId()));
        const userMessage = msg.cloneMessage();
        const chosen = selector.select(messageQueueList, userMessage, arg);
        mq = isSim(chosen) ? yield* chosen : chosen;
      } catch (e) {
        throw new MQClientException(this.profile, this.profile.selectThrewText, e); // catch (Throwable)
      }
      const costTime = clock.now() - beginStartTime;
      const ok = !(timeout < costTime);
      this.observer?.onBudgetCheck?.('DefaultMQProducerImpl.sendSelectImpl', costTime, timeout, ok);
      if (!ok) throw new RemotingTooMuchRequestException('sendSelectImpl call timeout');
      if (mq !== null) {
        return yield* this.sendKernelImpl(msg, mq, communicationMode, sendCallback, null, timeout - costTime);
      }
      throw new MQClientException(this.profile, 'select message queue return null.', null);
    }
    if (this.profile.selectValidatesNameServer) this.validateNameServerSetting();
    throw new MQClientException(this.profile, `No route info for this topic, ${msg.getTopic()}`, null);
  }
}

function isSim<T>(x: T | Sim<T>): x is Sim<T> {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { next?: unknown }).next === 'function' &&
    Symbol.iterator in (x as object)
  );
}

/** `MixAll.brokerVIPChannel`: the VIP port is the broker port minus 2 (5.x splits on the last ':'). */
export function brokerVIPChannel(isChange: boolean, brokerAddr: string, splitOnLast: boolean): string {
  if (!isChange) return brokerAddr;
  const i = splitOnLast ? brokerAddr.lastIndexOf(':') : brokerAddr.indexOf(':');
  if (i < 0) return brokerAddr;
  const port = Number(brokerAddr.substring(i + 1));
  return `${brokerAddr.substring(0, i)}:${port - 2}`;
}

/** `MessageDecoder.messageProperties2String`: name \u0001 value \u0002 ... */
export function messageProperties2String(properties: ReadonlyMap<string, string>): string {
  let s = '';
  for (const [k, v] of properties) s += `${k}\u0001${v}\u0002`;
  return s;
}
