import type { Clock } from '../common/Clock';
import { isJavaException } from '../common/javaInt';
import type { Sim } from '../kernel/Kernel';
import type { RemotingClient } from '../remoting/RemotingClient';
import { RemotingCommand, type RequestIdSequence } from '../remoting/RemotingCommand';
import type { InvokeCallback, ResponseFuture } from '../remoting/ResponseFuture';
import {
  InterruptedException,
  JavaThrowable,
  MQBrokerException,
  MQClientException,
  RemotingConnectException,
  RemotingException,
  RemotingSendRequestException,
  RemotingTimeoutException,
  RemotingTooMuchRequestException,
} from './exceptions';
import type { Message } from './Message';
import { MessageConst } from './Message';
import { MessageQueue } from './MessageQueue';
import { RequestCode, ResponseCode } from './ResponseCode';
import { SendResult, type SendCallback, type SendStatus } from './SendResult';
import type { SendLoopProfile } from './SendLoopProfile';
import type { TopicPublishInfo } from './TopicPublishInfo';
import type { TopicRouteData } from './TopicRouteData';
import { AUTO_CREATE_TOPIC_KEY_TOPIC } from './Validators';

/** `CommunicationMode`. */
export type CommunicationMode = 'SYNC' | 'ASYNC' | 'ONEWAY';

/**
 * `SendMessageRequestHeader` (sent as the compact `SendMessageRequestHeaderV2`, whose single-letter fields
 * a..n map to these in order; `queueId` is `e`). `bname` exists from 4.9.x.
 */
export interface SendMessageRequestHeader {
  producerGroup: string;
  topic: string;
  defaultTopic: string;
  defaultTopicQueueNums: number;
  queueId: number;
  sysFlag: number;
  bornTimestamp: number;
  flag: number;
  properties: string;
  reconsumeTimes: number;
  unitMode: boolean;
  batch: boolean;
  bname?: string;
}

/** `SendMessageResponseHeader`: what the broker sends back with a status code. */
export interface SendMessageResponseHeader {
  msgId: string | null;
  queueId: number;
  queueOffset: number;
  transactionId?: string | null;
}

/**
 * What `MQClientAPIImpl` needs from the producer (`DefaultMQProducerImpl`): the fault bookkeeping and, for
 * async re-sends, queue selection on the thread that runs the callback.
 */
export interface MQProducerForAPI {
  updateFaultItem(brokerName: string, currentLatency: number, isolation: boolean, reachable?: boolean): void;
  selectOneMessageQueue(
    tpInfo: TopicPublishInfo,
    lastBrokerName: string | null,
    resetIndex?: boolean,
  ): MessageQueue | null;
}

/** What `MQClientAPIImpl` needs from `MQClientInstance` for an async re-send. */
export interface MQClientInstanceForAPI {
  findBrokerAddressInPublish(brokerName: string | null): string | null;
  getBrokerNameFromMessageQueue(mq: MessageQueue): string;
}

/** `AtomicInteger times` shared by one async message's re-sends. */
interface AttemptCounter {
  value: number;
}

/** Java's `catch (Exception e)`: every modelled Java exception, checked or not (a TypeScript bug is not). */
export function isJavaCatchable(e: unknown): boolean {
  return e instanceof JavaThrowable || isJavaException(e);
}

/**
 * `org.apache.rocketmq.client.impl.MQClientAPIImpl`: the producer's wire calls. Blocking methods are
 * generators; the async path registers an `InvokeCallback` whose methods run later on a callback thread.
 */
export class MQClientAPIImpl {
  /** `sendSmartMsg` (system property, default true): use `SEND_MESSAGE_V2` with the compact header. */
  sendSmartMsg = true;

  constructor(
    readonly profile: SendLoopProfile,
    readonly remotingClient: RemotingClient,
    readonly clock: Clock,
    readonly requestIds: RequestIdSequence,
    /** `ClientConfig.namespace` (not modelled beyond null). */
    readonly namespace: string | null = null,
  ) {}

  getRemotingClient(): RemotingClient {
    return this.remotingClient;
  }

  getNameServerAddressList(): readonly string[] {
    return this.remotingClient.getNameServerAddressList();
  }

  /** `getDefaultTopicRouteInfoFromNameServer`: 4.x asks for `createTopicKey`, 5.x always for TBW102. */
  *getDefaultTopicRouteInfoFromNameServer(topic: string, timeoutMillis: number): Sim<TopicRouteData> {
    const asked = this.profile.defaultTopicLookupIgnoresCreateTopicKey ? AUTO_CREATE_TOPIC_KEY_TOPIC : topic;
    return yield* this.getTopicRouteInfoFromNameServerImpl(asked, timeoutMillis, false);
  }

  *getTopicRouteInfoFromNameServer(topic: string, timeoutMillis: number): Sim<TopicRouteData> {
    return yield* this.getTopicRouteInfoFromNameServerImpl(topic, timeoutMillis, true);
  }

  /**
   * `GET_ROUTEINFO_BY_TOPIC` to the name server (`addr` null). SUCCESS with a body gives the route; anything
   * else, TOPIC_NOT_EXIST included, throws `MQClientException(code, remark)`.
   */
  protected *getTopicRouteInfoFromNameServerImpl(
    topic: string,
    timeoutMillis: number,
    allowTopicNotExist: boolean,
  ): Sim<TopicRouteData> {
    void allowTopicNotExist; // only decides whether upstream logs a warning
    const request = RemotingCommand.createRequestCommand(
      RequestCode.GET_ROUTEINFO_BY_TOPIC,
      { topic },
      this.profile.mqVersionOrdinal,
      this.requestIds,
    );
    const response = yield* this.remotingClient.invokeSync(null, request, timeoutMillis);
    if (response.getCode() === ResponseCode.SUCCESS && response.getBody() !== null) {
      return response.getBody() as TopicRouteData;
    }
    throw MQClientException.withCode(this.profile, response.getCode(), response.getRemark());
  }

  /**
   * The 8-argument `sendMessage` (SYNC and ONEWAY): the 12-argument one with no callback, no publish info
   * and no async retries. (Send hooks and their `SendMessageContext` are not modelled.)
   */
  *sendMessage(
    addr: string,
    brokerName: string,
    msg: Message,
    requestHeader: SendMessageRequestHeader,
    timeoutMillis: number,
    communicationMode: CommunicationMode,
    producer: MQProducerForAPI,
  ): Sim<SendResult | null> {
    return yield* this.sendMessageWithCallback(
      addr,
      brokerName,
      msg,
      requestHeader,
      timeoutMillis,
      communicationMode,
      null,
      null,
      null,
      0,
      producer,
    );
  }

  /** The 12-argument `sendMessage` (ASYNC comes here directly from `sendKernelImpl`). */
  *sendMessageWithCallback(
    addr: string,
    brokerName: string,
    msg: Message,
    requestHeader: SendMessageRequestHeader,
    timeoutMillis: number,
    communicationMode: CommunicationMode,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    retryTimesWhenSendFailed: number,
    producer: MQProducerForAPI,
  ): Sim<SendResult | null> {
    const beginStartTime = this.clock.now();
    // Reply messages (4.9.x+) and batches use other codes; SendPath sends single plain messages.
    const code = this.sendSmartMsg ? RequestCode.SEND_MESSAGE_V2 : RequestCode.SEND_MESSAGE;
    const request = RemotingCommand.createRequestCommand(
      code,
      requestHeader,
      this.profile.mqVersionOrdinal,
      this.requestIds,
    );
    request.setBody(msg.getBody());

    switch (communicationMode) {
      case 'ONEWAY':
        yield* this.remotingClient.invokeOneway(addr, request, timeoutMillis);
        return null;
      case 'ASYNC': {
        const rest = this.sendAsyncRequest(
          beginStartTime,
          addr,
          brokerName,
          msg,
          timeoutMillis,
          request,
          sendCallback,
          topicPublishInfo,
          instance,
          retryTimesWhenSendFailed,
          producer,
        );
        if (rest !== null) yield* rest;
        return null;
      }
      case 'SYNC': {
        const costTimeSync = this.clock.now() - beginStartTime;
        if (timeoutMillis < costTimeSync) {
          throw new RemotingTooMuchRequestException('sendMessage call timeout');
        }
        return yield* this.sendMessageSync(addr, brokerName, msg, timeoutMillis - costTimeSync, request);
      }
    }
  }

  /**
   * The 12-argument `sendMessage` in ASYNC mode as plain calls (`sendKernelImpl`'s hot path): the request,
   * then `sendMessageAsync`; what may wait (a connect, a permit, a re-send) is returned as a process step,
   * null when the request is on its way.
   */
  sendMessageAsyncNow(
    addr: string,
    brokerName: string,
    msg: Message,
    requestHeader: SendMessageRequestHeader,
    timeoutMillis: number,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    retryTimesWhenSendFailed: number,
    producer: MQProducerForAPI,
  ): Sim<void> | null {
    const beginStartTime = this.clock.now();
    const code = this.sendSmartMsg ? RequestCode.SEND_MESSAGE_V2 : RequestCode.SEND_MESSAGE;
    const request = RemotingCommand.createRequestCommand(
      code,
      requestHeader,
      this.profile.mqVersionOrdinal,
      this.requestIds,
    );
    request.setBody(msg.getBody());
    return this.sendAsyncRequest(
      beginStartTime,
      addr,
      brokerName,
      msg,
      timeoutMillis,
      request,
      sendCallback,
      topicPublishInfo,
      instance,
      retryTimesWhenSendFailed,
      producer,
    );
  }

  /** The ASYNC case of the 12-argument `sendMessage`, once the request is built. */
  private sendAsyncRequest(
    beginStartTime: number,
    addr: string,
    brokerName: string,
    msg: Message,
    timeoutMillis: number,
    request: RemotingCommand,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    retryTimesWhenSendFailed: number,
    producer: MQProducerForAPI,
  ): Sim<void> | null {
    const times: AttemptCounter = { value: 0 };
    const costTimeAsync = this.clock.now() - beginStartTime;
    if (timeoutMillis < costTimeAsync) {
      throw new RemotingTooMuchRequestException('sendMessage call timeout');
    }
    return this.sendMessageAsyncPlain(
      addr,
      brokerName,
      msg,
      timeoutMillis - costTimeAsync,
      request,
      sendCallback,
      topicPublishInfo,
      instance,
      retryTimesWhenSendFailed,
      times,
      producer,
    );
  }

  private *sendMessageSync(
    addr: string,
    brokerName: string,
    msg: Message,
    timeoutMillis: number,
    request: RemotingCommand,
  ): Sim<SendResult> {
    const response = yield* this.remotingClient.invokeSync(addr, request, timeoutMillis);
    return this.processSendResponse(brokerName, msg, response, addr);
  }

  /**
   * One async dispatch (the first, or a re-send from `onExceptionImpl`).
   * - 4.5.2: a synchronous `invokeAsync` throw propagates to the caller (first dispatch: `sendDefaultImpl`).
   * - 4.9.8+: it is caught here, the broker is isolated and `onExceptionImpl` may re-send.
   * - The callback's re-send budget: 4.5.2 passes 0, 4.9.8 `timeoutMillis - cost` (may be negative),
   *   5.x the same but `onExceptionImpl` stops unless it is > 0.
   */
  private *sendMessageAsync(
    addr: string | null,
    brokerName: string,
    msg: Message,
    timeoutMillis: number,
    request: RemotingCommand,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    retryTimesWhenSendFailed: number,
    times: AttemptCounter,
    producer: MQProducerForAPI,
  ): Sim<void> {
    const rest = this.sendMessageAsyncPlain(
      addr,
      brokerName,
      msg,
      timeoutMillis,
      request,
      sendCallback,
      topicPublishInfo,
      instance,
      retryTimesWhenSendFailed,
      times,
      producer,
    );
    if (rest !== null) yield* rest;
  }

  /**
   * `sendMessageAsync` as plain calls while the remoting client hands the request over at once
   * (`invokeAsyncNow`); otherwise `invokeAsync`, which may wait, is returned (4.9.8+: with its catch).
   */
  private sendMessageAsyncPlain(
    addr: string | null,
    brokerName: string,
    msg: Message,
    timeoutMillis: number,
    request: RemotingCommand,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    retryTimesWhenSendFailed: number,
    times: AttemptCounter,
    producer: MQProducerForAPI,
  ): Sim<void> | null {
    const beginStartTime = this.clock.now();
    const callback = this.profile.remoting5
      ? this.invokeCallback5(
          addr,
          brokerName,
          msg,
          timeoutMillis,
          request,
          sendCallback,
          topicPublishInfo,
          instance,
          retryTimesWhenSendFailed,
          times,
          producer,
          beginStartTime,
        )
      : this.invokeCallback4(
          addr,
          brokerName,
          msg,
          timeoutMillis,
          request,
          sendCallback,
          topicPublishInfo,
          instance,
          retryTimesWhenSendFailed,
          times,
          producer,
          beginStartTime,
        );
    const remoting = this.remotingClient;
    if (!this.profile.asyncCatchesInvokeThrow) {
      if (remoting.invokeAsyncNow?.(addr, request, timeoutMillis, callback)) return null;
      return remoting.invokeAsync(addr, request, timeoutMillis, callback);
    }
    try {
      if (remoting.invokeAsyncNow?.(addr, request, timeoutMillis, callback)) return null;
    } catch (ex) {
      return this.invokeAsyncFailed(
        ex,
        beginStartTime,
        brokerName,
        msg,
        timeoutMillis,
        request,
        sendCallback,
        topicPublishInfo,
        instance,
        retryTimesWhenSendFailed,
        times,
        producer,
      );
    }
    return this.invokeAsyncCatching(
      callback,
      beginStartTime,
      addr,
      brokerName,
      msg,
      timeoutMillis,
      request,
      sendCallback,
      topicPublishInfo,
      instance,
      retryTimesWhenSendFailed,
      times,
      producer,
    );
  }

  /** 4.9.8+: `invokeAsync` that has to wait, with `sendMessageAsync`'s catch around it. */
  private *invokeAsyncCatching(
    callback: InvokeCallback,
    beginStartTime: number,
    addr: string | null,
    brokerName: string,
    msg: Message,
    timeoutMillis: number,
    request: RemotingCommand,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    retryTimesWhenSendFailed: number,
    times: AttemptCounter,
    producer: MQProducerForAPI,
  ): Sim<void> {
    try {
      yield* this.remotingClient.invokeAsync(addr, request, timeoutMillis, callback);
    } catch (ex) {
      yield* this.invokeAsyncFailed(
        ex,
        beginStartTime,
        brokerName,
        msg,
        timeoutMillis,
        request,
        sendCallback,
        topicPublishInfo,
        instance,
        retryTimesWhenSendFailed,
        times,
        producer,
      );
    }
  }

  /**
   * 4.9.8+ `sendMessageAsync`'s catch: a Java exception from `invokeAsync` isolates the broker, then
   * `onExceptionImpl` may re-send (returned: it may wait).
   */
  private invokeAsyncFailed(
    ex: unknown,
    beginStartTime: number,
    brokerName: string,
    msg: Message,
    timeoutMillis: number,
    request: RemotingCommand,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    retryTimesWhenSendFailed: number,
    times: AttemptCounter,
    producer: MQProducerForAPI,
  ): Sim<void> {
    if (!isJavaCatchable(ex)) throw ex;
    const cost = this.clock.now() - beginStartTime;
    // 4.9.8: updateFaultItem(brokerName, cost, true); 5.x adds reachable = false.
    producer.updateFaultItem(brokerName, cost, true, false);
    return this.onExceptionImpl(
      brokerName,
      msg,
      timeoutMillis - cost,
      request,
      sendCallback,
      topicPublishInfo,
      instance,
      retryTimesWhenSendFailed,
      times,
      ex,
      true,
      producer,
    );
  }

  /** The 4.x `InvokeCallback` of `sendMessageAsync`. */
  private invokeCallback4(
    addr: string | null,
    brokerName: string,
    msg: Message,
    timeoutMillis: number,
    request: RemotingCommand,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    retryTimesWhenSendFailed: number,
    times: AttemptCounter,
    producer: MQProducerForAPI,
    beginStartTime: number,
  ): InvokeCallback {
    return new SendMessageInvokeCallback4(
      this,
      addr,
      brokerName,
      msg,
      timeoutMillis,
      request,
      sendCallback,
      topicPublishInfo,
      instance,
      retryTimesWhenSendFailed,
      times,
      producer,
      beginStartTime,
    );
  }

  /** The 5.x `InvokeCallback` of `sendMessageAsync`: `operationSucceed` / `operationFail`. */
  private invokeCallback5(
    addr: string | null,
    brokerName: string,
    msg: Message,
    timeoutMillis: number,
    request: RemotingCommand,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    retryTimesWhenSendFailed: number,
    times: AttemptCounter,
    producer: MQProducerForAPI,
    beginStartTime: number,
  ): InvokeCallback {
    return new SendMessageInvokeCallback5(
      this,
      addr,
      brokerName,
      msg,
      timeoutMillis,
      request,
      sendCallback,
      topicPublishInfo,
      instance,
      retryTimesWhenSendFailed,
      times,
      producer,
      beginStartTime,
    );
  }

  /**
   * The async re-send. One shared counter: at most `timesTotal` (= retryTimesWhenSendAsyncFailed) re-sends.
   * With publish info (the default path) the retry broker comes from `selectOneMessageQueue` on the current
   * thread, but the **same request** goes out again (new opaque only), so its header keeps the first queue id.
   */
  /** @internal (the async callbacks call it) */
  *onExceptionImpl(
    brokerName: string,
    msg: Message,
    timeoutMillis: number,
    request: RemotingCommand,
    sendCallback: SendCallback | null,
    topicPublishInfo: TopicPublishInfo | null,
    instance: MQClientInstanceForAPI | null,
    timesTotal: number,
    curTimes: AttemptCounter,
    e: unknown,
    needRetry: boolean,
    producer: MQProducerForAPI,
  ): Sim<void> {
    const tmp = ++curTimes.value;
    const budgetLeft = this.profile.asyncRetryBudget !== 'remainingWhilePositive' || timeoutMillis > 0;
    if (needRetry && tmp <= timesTotal && budgetLeft) {
      let retryBrokerName = brokerName; // by default the same broker
      if (topicPublishInfo !== null) {
        const mqChosen = producer.selectOneMessageQueue(topicPublishInfo, brokerName, false);
        if (mqChosen === null) throw new TypeError('selectOneMessageQueue returned null'); // NPE upstream
        retryBrokerName =
          this.profile.brokerNameFromMessageQueue && instance
            ? instance.getBrokerNameFromMessageQueue(mqChosen)
            : mqChosen.getBrokerName();
      }
      const addr = instance ? instance.findBrokerAddressInPublish(retryBrokerName) : null;
      request.setOpaque(this.requestIds.createNewRequestId());
      if (this.profile.asyncCatchesInvokeThrow) {
        yield* this.sendMessageAsync(
          addr,
          retryBrokerName,
          msg,
          timeoutMillis,
          request,
          sendCallback,
          topicPublishInfo,
          instance,
          timesTotal,
          curTimes,
          producer,
        );
        return;
      }
      // 4.5.2: the re-send's synchronous failures are handled here, by class.
      try {
        yield* this.sendMessageAsync(
          addr,
          retryBrokerName,
          msg,
          timeoutMillis,
          request,
          sendCallback,
          topicPublishInfo,
          instance,
          timesTotal,
          curTimes,
          producer,
        );
      } catch (e1) {
        // upstream's four catch clauses, each re-entering onExceptionImpl with its own needRetry
        const resend = (error: unknown, needRetry: boolean) =>
          this.onExceptionImpl(
            retryBrokerName,
            msg,
            timeoutMillis,
            request,
            sendCallback,
            topicPublishInfo,
            instance,
            timesTotal,
            curTimes,
            error,
            needRetry,
            producer,
          );
        if (e1 instanceof InterruptedException) {
          yield* resend(e1, false);
        } else if (e1 instanceof RemotingConnectException) {
          producer.updateFaultItem(brokerName, 3000, true);
          yield* resend(e1, true);
        } else if (e1 instanceof RemotingTooMuchRequestException) {
          yield* resend(e1, false);
        } else if (e1 instanceof RemotingException) {
          producer.updateFaultItem(brokerName, 3000, true);
          yield* resend(e1, true);
        } else {
          throw e1; // unchecked (and the undeclared MQClientException): escapes the callback, as in Java
        }
      }
      return;
    }
    try {
      sendCallback?.onException(e);
    } catch {
      // upstream ignores what onException throws
    }
  }

  /**
   * Maps a broker response to a `SendResult`: 0/10/12/11 are SEND_OK / FLUSH_DISK_TIMEOUT /
   * FLUSH_SLAVE_TIMEOUT / SLAVE_NOT_AVAILABLE; every other code is an `MQBrokerException` (4.9.8+ with the
   * broker address). The queue is (topic, the broker that was called, the queue id the broker returned).
   */
  processSendResponse(
    brokerName: string,
    msg: Message,
    response: RemotingCommand,
    addr: string | null,
  ): SendResult {
    let sendStatus: SendStatus;
    switch (response.getCode()) {
      case ResponseCode.FLUSH_DISK_TIMEOUT:
        sendStatus = 'FLUSH_DISK_TIMEOUT';
        break;
      case ResponseCode.FLUSH_SLAVE_TIMEOUT:
        sendStatus = 'FLUSH_SLAVE_TIMEOUT';
        break;
      case ResponseCode.SLAVE_NOT_AVAILABLE:
        sendStatus = 'SLAVE_NOT_AVAILABLE';
        break;
      case ResponseCode.SUCCESS:
        sendStatus = 'SEND_OK';
        break;
      default:
        throw new MQBrokerException(
          this.profile,
          response.getCode(),
          response.getRemark(),
          this.profile.brokerExceptionWithAddr ? addr : undefined,
        );
    }
    const responseHeader = response.decodeCommandCustomHeader<SendMessageResponseHeader>();
    const messageQueue = new MessageQueue(msg.getTopic(), brokerName, responseHeader.queueId);
    const uniqMsgId = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    const sendResult = new SendResult(
      sendStatus,
      uniqMsgId,
      responseHeader.msgId,
      messageQueue,
      responseHeader.queueOffset,
    );
    sendResult.transactionId = responseHeader.transactionId ?? null;
    const ext = response.getExtFields();
    const regionId = ext?.get('MSG_REGION');
    sendResult.regionId = regionId === undefined || regionId.length === 0 ? 'DefaultRegion' : regionId;
    sendResult.traceOn = ext?.get('TRACE_ON') !== 'false';
    return sendResult;
  }
}

/**
 * What the anonymous `InvokeCallback` of `sendMessageAsync` captures. The callbacks are classes rather than
 * object literals with generator methods: one is made per async request, and a literal would allocate a
 * closure context and method objects each time. Each method starts by naming the captured values as the
 * Java lambda does, so the bodies read like upstream's.
 */
abstract class SendMessageInvokeCallback {
  constructor(
    protected readonly api: MQClientAPIImpl,
    protected readonly addr: string | null,
    protected readonly brokerName: string,
    protected readonly msg: Message,
    protected readonly timeoutMillis: number,
    protected readonly request: RemotingCommand,
    protected readonly sendCallback: SendCallback | null,
    protected readonly topicPublishInfo: TopicPublishInfo | null,
    protected readonly instance: MQClientInstanceForAPI | null,
    protected readonly retryTimesWhenSendFailed: number,
    protected readonly times: AttemptCounter,
    protected readonly producer: MQProducerForAPI,
    protected readonly beginStartTime: number,
  ) {}
}

/**
 * 4.x: everything happens in `operationComplete(responseFuture)`. Its body is the plain form
 * `operationCompleteNow`, which returns the re-send (`onExceptionImpl`, which may wait) instead of running it.
 */
class SendMessageInvokeCallback4 extends SendMessageInvokeCallback implements InvokeCallback {
  *operationComplete(responseFuture: ResponseFuture): Sim<void> {
    const rest = this.operationCompleteNow(responseFuture);
    if (rest !== null) yield* rest;
  }

  operationCompleteNow(responseFuture: ResponseFuture): Sim<void> | null {
    const api = this.api;
    const { addr, brokerName, msg, timeoutMillis, request, sendCallback, topicPublishInfo } = this;
    const { instance, retryTimesWhenSendFailed, times, producer, beginStartTime } = this;
    const zeroBudget = api.profile.asyncRetryBudget === 'zero';
    const cost = api.clock.now() - beginStartTime;
    // 4.5.2 hard-codes the re-send budget to 0L; 4.9.8 passes what is left (possibly negative).
    const budget = zeroBudget ? 0 : timeoutMillis - cost;
    const response = responseFuture.getResponseCommand();
    if (sendCallback === null && response !== null) {
      try {
        api.processSendResponse(brokerName, msg, response, addr);
      } catch (e) {
        if (!isJavaCatchable(e)) throw e;
      }
      producer.updateFaultItem(brokerName, api.clock.now() - responseFuture.getBeginTimestamp(), false);
      return null;
    }
    if (response !== null) {
      let sendResult: SendResult;
      try {
        sendResult = api.processSendResponse(brokerName, msg, response, addr);
      } catch (e) {
        if (!isJavaCatchable(e)) throw e;
        producer.updateFaultItem(brokerName, api.clock.now() - responseFuture.getBeginTimestamp(), true);
        // Broker error codes reach the callback without a re-send (needRetry false).
        return api.onExceptionImpl(
          brokerName,
          msg,
          budget,
          request,
          sendCallback,
          topicPublishInfo,
          instance,
          retryTimesWhenSendFailed,
          times,
          e,
          false,
          producer,
        );
      }
      try {
        sendCallback?.onSuccess(sendResult);
      } catch {
        // upstream swallows whatever onSuccess throws
      }
      producer.updateFaultItem(brokerName, api.clock.now() - responseFuture.getBeginTimestamp(), false);
      return null;
    }
    producer.updateFaultItem(brokerName, api.clock.now() - responseFuture.getBeginTimestamp(), true);
    let ex: MQClientException;
    if (!responseFuture.isSendRequestOK()) {
      ex = new MQClientException(api.profile, 'send request failed', responseFuture.getCause());
    } else if (responseFuture.isTimeout()) {
      ex = new MQClientException(
        api.profile,
        `wait response timeout ${responseFuture.getTimeoutMillis()}ms`,
        responseFuture.getCause(),
      );
    } else {
      ex = new MQClientException(api.profile, api.profile.unknownReasonText, responseFuture.getCause());
    }
    return api.onExceptionImpl(
      brokerName,
      msg,
      budget,
      request,
      sendCallback,
      topicPublishInfo,
      instance,
      retryTimesWhenSendFailed,
      times,
      ex,
      true,
      producer,
    );
  }
}

/**
 * 5.x: `operationComplete` is empty; the work is in `operationSucceed` / `operationFail`, whose bodies are
 * their plain forms (`...Now`), returning the re-send (`onExceptionImpl`, which may wait) instead of running it.
 */
class SendMessageInvokeCallback5 extends SendMessageInvokeCallback implements InvokeCallback {
  *operationComplete(): Sim<void> {
    // 5.x MQClientAPIImpl leaves operationComplete empty.
  }

  operationCompleteNow(): Sim<void> | null {
    return null;
  }

  *operationSucceed(response: RemotingCommand): Sim<void> {
    const rest = this.operationSucceedNow(response);
    if (rest !== null) yield* rest;
  }

  *operationFail(throwable: unknown): Sim<void> {
    yield* this.operationFailNow(throwable);
  }

  operationSucceedNow(response: RemotingCommand): Sim<void> | null {
    const api = this.api;
    const { addr, brokerName, msg, timeoutMillis, request, sendCallback, topicPublishInfo } = this;
    const { instance, retryTimesWhenSendFailed, times, producer, beginStartTime } = this;
    const cost = api.clock.now() - beginStartTime;
    if (sendCallback === null) {
      try {
        api.processSendResponse(brokerName, msg, response, addr);
      } catch (e) {
        if (!isJavaCatchable(e)) throw e;
      }
      producer.updateFaultItem(brokerName, api.clock.now() - beginStartTime, false, true);
      return null;
    }
    let sendResult: SendResult;
    try {
      sendResult = api.processSendResponse(brokerName, msg, response, addr);
    } catch (e) {
      if (!isJavaCatchable(e)) throw e;
      producer.updateFaultItem(brokerName, api.clock.now() - beginStartTime, true, true);
      return api.onExceptionImpl(
        brokerName,
        msg,
        timeoutMillis - cost,
        request,
        sendCallback,
        topicPublishInfo,
        instance,
        retryTimesWhenSendFailed,
        times,
        e,
        false,
        producer,
      );
    }
    try {
      sendCallback.onSuccess(sendResult);
    } catch {
      // swallowed upstream
    }
    producer.updateFaultItem(brokerName, api.clock.now() - beginStartTime, false, true);
    return null;
  }

  operationFailNow(throwable: unknown): Sim<void> {
    const api = this.api;
    const { brokerName, msg, timeoutMillis, request, sendCallback, topicPublishInfo } = this;
    const { instance, retryTimesWhenSendFailed, times, producer, beginStartTime } = this;
    producer.updateFaultItem(brokerName, api.clock.now() - beginStartTime, true, true);
    const cost = api.clock.now() - beginStartTime;
    let ex: MQClientException;
    let needRetry = true;
    if (throwable instanceof RemotingSendRequestException) {
      ex = new MQClientException(api.profile, 'send request failed', throwable);
    } else if (throwable instanceof RemotingTimeoutException) {
      ex = new MQClientException(api.profile, `wait response timeout, cost=${cost}`, throwable);
    } else {
      ex = new MQClientException(api.profile, 'unknown reason', throwable);
      needRetry = !(throwable instanceof RemotingTooMuchRequestException);
    }
    return api.onExceptionImpl(
      brokerName,
      msg,
      timeoutMillis - cost,
      request,
      sendCallback,
      topicPublishInfo,
      instance,
      retryTimesWhenSendFailed,
      times,
      ex,
      needRetry,
      producer,
    );
  }
}
