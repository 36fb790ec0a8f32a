import type { Sim } from '../kernel/Kernel';
import type { ClientEnvironment } from './ClientEnvironment';
import { DefaultMQProducerImpl, MessageSysFlag, type MessageQueueSelector } from './DefaultMQProducerImpl';
import { isJavaCatchable } from './MQClientAPIImpl';
import type { Message } from './Message';
import type { SendCallback, SendResult } from './SendResult';
import type { SendLoopProfile } from './SendLoopProfile';
import { AUTO_CREATE_TOPIC_KEY_TOPIC, checkMessage } from './Validators';

export type CompressionType = 'ZLIB' | 'LZ4' | 'ZSTD';

export interface DefaultMQProducerOptions {
  /** Builds the implementation (the conformance harness uses a subclass, as the recording did). */
  implFactory?: (producer: DefaultMQProducer) => DefaultMQProducerImpl;
  /**
   * Modelled compressed size for bodies over the threshold (the simulation does not run zlib).
   * Default: half the length, at least 1 byte.
   */
  compressedSize?: (bodyLength: number) => number;
}

/**
 * `org.apache.rocketmq.client.producer.DefaultMQProducer`: the public facade, with each tag's defaults.
 * Blocking calls are generators: `const result = yield* producer.send(msg, 3000)` inside a simulated
 * process. Namespaces, hooks, trace and auto-batch are not modelled.
 */
export class DefaultMQProducer {
  readonly profile: SendLoopProfile;
  readonly defaultMQProducerImpl: DefaultMQProducerImpl;
  private producerGroup: string;
  private createTopicKey = AUTO_CREATE_TOPIC_KEY_TOPIC;
  private defaultTopicQueueNums = 4;
  private sendMsgTimeout = 3000;
  /** 5.x only: per-attempt cap, never applied to the last attempt; -1 is off. */
  private sendMsgMaxTimeoutPerRequest = -1;
  private compressMsgBodyOverHowmuch = 1024 * 4;
  private retryTimesWhenSendFailed = 2;
  private retryTimesWhenSendAsyncFailed = 2;
  private retryAnotherBrokerWhenNotStoreOK = false;
  private maxMessageSize = 1024 * 1024 * 4;
  private readonly retryResponseCodes: Set<number>;
  /** 5.x back-pressure for async sends. */
  private enableBackpressureForAsyncMode = false;
  private backPressureForAsyncSendNum = 10000;
  private backPressureForAsyncSendSize = 100 * 1024 * 1024;
  private compressType: CompressionType = 'ZLIB';
  private compressLevel = 5;
  /** `ClientConfig` fields used by the send path. */
  private instanceName = 'DEFAULT';
  private unitName: string | null = null;
  private vipChannelEnabled = false;
  private sendLatencyFaultEnable = false;
  private readonly compressedSize: (bodyLength: number) => number;

  constructor(
    readonly env: ClientEnvironment,
    producerGroup: string,
    options: DefaultMQProducerOptions = {},
  ) {
    this.profile = env.profile;
    this.producerGroup = producerGroup;
    this.retryResponseCodes = new Set(this.profile.defaultRetryResponseCodes);
    this.compressedSize = options.compressedSize ?? ((n) => Math.max(1, Math.ceil(n / 2)));
    this.defaultMQProducerImpl = options.implFactory
      ? options.implFactory(this)
      : new DefaultMQProducerImpl(this);
  }

  // ---------------------------------------------------------------------------------------------------
  // Lifecycle

  start(): void {
    this.defaultMQProducerImpl.start();
  }

  shutdown(): void {
    this.defaultMQProducerImpl.shutdown();
  }

  // ---------------------------------------------------------------------------------------------------
  // Sends

  /**
   * `send(msg)` / `send(msg, timeout)`: DEFAULT SYNC. 4.5.2's `send(msg)` (no timeout) validates the message
   * in the facade, before the impl's state check; `send(msg, timeout)` and later tags do not.
   */
  *send(msg: Message, timeout?: number): Sim<SendResult> {
    if (timeout === undefined && this.profile.version === '4.5.2') {
      checkMessage(this.profile, msg, this.maxMessageSize);
    }
    return yield* this.defaultMQProducerImpl.send(msg, timeout ?? this.sendMsgTimeout);
  }

  /**
   * `send(msg, sendCallback, timeout)`: the deprecated executor-wrapped async send. Returns once the task is
   * submitted (5.x with back-pressure: once the permits are taken, or the task ran on this thread). Without a
   * timeout argument 5.x's facade hands every throwable to `onException` instead of throwing it.
   */
  *sendWithCallback(msg: Message, sendCallback: SendCallback, timeout?: number): Sim<void> {
    const rest = this.sendWithCallbackNow(msg, sendCallback, timeout);
    if (rest !== null) yield* rest;
  }

  /**
   * `sendWithCallback` as plain calls (the workload's hot path): what may still wait (5.x back-pressure) is
   * returned as a process step, null when nothing is left.
   */
  sendWithCallbackNow(msg: Message, sendCallback: SendCallback, timeout?: number): Sim<void> | null {
    if (timeout !== undefined || this.profile.version !== '5.3.3') {
      return this.defaultMQProducerImpl.sendAsyncNow(msg, sendCallback, timeout ?? this.sendMsgTimeout);
    }
    let rest: Sim<void> | null;
    try {
      rest = this.defaultMQProducerImpl.sendAsyncNow(msg, sendCallback, this.sendMsgTimeout);
    } catch (e) {
      if (!isJavaCatchable(e)) throw e;
      sendCallback.onException(e);
      return null;
    }
    return rest === null ? null : exceptionToCallback(rest, sendCallback);
  }

  /** `sendOneway(msg)`: budget `sendMsgTimeout`, one attempt, no result. */
  *sendOneway(msg: Message): Sim<void> {
    yield* this.defaultMQProducerImpl.sendOneway(msg);
  }

  /** `send(msg, selector, arg, timeout)`: SELECT SYNC (`sendSelectImpl`). */
  *sendWithSelector(
    msg: Message,
    selector: MessageQueueSelector,
    arg: unknown,
    timeout: number = this.sendMsgTimeout,
  ): Sim<SendResult> {
    return yield* this.defaultMQProducerImpl.sendWithSelector(msg, selector, arg, timeout);
  }

  // ---------------------------------------------------------------------------------------------------
  // ClientConfig

  /** `changeInstanceNameToPID`: 4.5.2 the PID (so producers of one JVM share an instance), later "PID#nanoTime". */
  changeInstanceNameToPID(): void {
    if (this.instanceName === 'DEFAULT') {
      this.instanceName =
        this.profile.version === '4.5.2' ? String(this.env.pid) : `${this.env.pid}#${this.env.nanoTime()}`;
    }
  }

  /** `buildMQClientId`: clientIP@instanceName[@unitName]. */
  buildMQClientId(): string {
    let id = `${this.env.clientIP}@${this.instanceName}`;
    if (this.unitName !== null && this.unitName.length > 0) id += `@${this.unitName}`;
    return id;
  }

  getInstanceName(): string {
    return this.instanceName;
  }

  setInstanceName(instanceName: string): void {
    this.instanceName = instanceName;
  }

  setUnitName(unitName: string | null): void {
    this.unitName = unitName;
  }

  isSendMessageWithVIPChannel(): boolean {
    return this.vipChannelEnabled;
  }

  setVipChannelEnabled(enabled: boolean): void {
    this.vipChannelEnabled = enabled;
  }

  // ---------------------------------------------------------------------------------------------------
  // Settings

  getProducerGroup(): string {
    return this.producerGroup;
  }

  setProducerGroup(group: string): void {
    this.producerGroup = group;
  }

  getCreateTopicKey(): string {
    return this.createTopicKey;
  }

  setCreateTopicKey(key: string): void {
    this.createTopicKey = key;
  }

  getDefaultTopicQueueNums(): number {
    return this.defaultTopicQueueNums;
  }

  setDefaultTopicQueueNums(n: number): void {
    this.defaultTopicQueueNums = n;
  }

  getSendMsgTimeout(): number {
    return this.sendMsgTimeout;
  }

  setSendMsgTimeout(ms: number): void {
    this.sendMsgTimeout = ms;
  }

  getSendMsgMaxTimeoutPerRequest(): number {
    return this.sendMsgMaxTimeoutPerRequest;
  }

  setSendMsgMaxTimeoutPerRequest(ms: number): void {
    this.requireVersion5('setSendMsgMaxTimeoutPerRequest');
    this.sendMsgMaxTimeoutPerRequest = ms;
  }

  getCompressMsgBodyOverHowmuch(): number {
    return this.compressMsgBodyOverHowmuch;
  }

  setCompressMsgBodyOverHowmuch(bytes: number): void {
    this.compressMsgBodyOverHowmuch = bytes;
  }

  getCompressType(): CompressionType {
    return this.compressType;
  }

  setCompressType(type: CompressionType): void {
    this.compressType = type;
  }

  getCompressLevel(): number {
    return this.compressLevel;
  }

  /** `CompressionType.getCompressionFlag()` (4.9.x+). */
  getCompressionFlag(): number {
    switch (this.compressType) {
      case 'LZ4':
        return MessageSysFlag.COMPRESSION_LZ4_TYPE;
      case 'ZSTD':
        return MessageSysFlag.COMPRESSION_ZSTD_TYPE;
      case 'ZLIB':
        return MessageSysFlag.COMPRESSION_ZLIB_TYPE;
    }
  }

  /** The compressor: a body of the modelled compressed length (contents are not modelled). */
  compress(body: Uint8Array): Uint8Array | null {
    return new Uint8Array(this.compressedSize(body.length));
  }

  getRetryTimesWhenSendFailed(): number {
    return this.retryTimesWhenSendFailed;
  }

  setRetryTimesWhenSendFailed(n: number): void {
    this.retryTimesWhenSendFailed = n;
  }

  getRetryTimesWhenSendAsyncFailed(): number {
    return this.retryTimesWhenSendAsyncFailed;
  }

  setRetryTimesWhenSendAsyncFailed(n: number): void {
    this.retryTimesWhenSendAsyncFailed = n;
  }

  isRetryAnotherBrokerWhenNotStoreOK(): boolean {
    return this.retryAnotherBrokerWhenNotStoreOK;
  }

  setRetryAnotherBrokerWhenNotStoreOK(b: boolean): void {
    this.retryAnotherBrokerWhenNotStoreOK = b;
  }

  getMaxMessageSize(): number {
    return this.maxMessageSize;
  }

  setMaxMessageSize(n: number): void {
    this.maxMessageSize = n;
  }

  /** The broker codes `sendDefaultImpl` retries (a fixed list in 4.5.2). */
  getRetryResponseCodes(): ReadonlySet<number> {
    return this.retryResponseCodes;
  }

  addRetryResponseCode(code: number): void {
    if (!this.profile.retryResponseCodesConfigurable)
      throw new Error('addRetryResponseCode does not exist in 4.5.2');
    this.retryResponseCodes.add(code);
  }

  /** Replaces the whole set (what the conformance input `producer.retryResponseCodes` does). */
  setRetryResponseCodes(codes: Iterable<number>): void {
    if (!this.profile.retryResponseCodesConfigurable) throw new Error('retryResponseCodes is fixed in 4.5.2');
    this.retryResponseCodes.clear();
    for (const c of codes) this.retryResponseCodes.add(c);
  }

  isSendLatencyFaultEnable(): boolean {
    return this.sendLatencyFaultEnable;
  }

  /** Also switches the running strategy (4.x `MQFaultStrategy.setSendLatencyFaultEnable`). */
  setSendLatencyFaultEnable(enable: boolean): void {
    this.sendLatencyFaultEnable = enable;
    this.defaultMQProducerImpl?.mqFaultStrategy.setSendLatencyFaultEnable(enable);
  }

  isEnableBackpressureForAsyncMode(): boolean {
    return this.enableBackpressureForAsyncMode;
  }

  setEnableBackpressureForAsyncMode(enable: boolean): void {
    this.requireVersion5('setEnableBackpressureForAsyncMode');
    this.enableBackpressureForAsyncMode = enable;
  }

  getBackPressureForAsyncSendNum(): number {
    return this.backPressureForAsyncSendNum;
  }

  getBackPressureForAsyncSendSize(): number {
    return this.backPressureForAsyncSendSize;
  }

  private requireVersion5(method: string): void {
    if (!this.profile.hasBackpressure)
      throw new Error(`DefaultMQProducer.${method} does not exist in ${this.profile.version}`);
  }
}

/** 5.x without a timeout argument: the rest of an async send, whose Java exceptions go to `onException`. */
function* exceptionToCallback(rest: Sim<void>, sendCallback: SendCallback): Sim<void> {
  try {
    yield* rest;
  } catch (e) {
    if (!isJavaCatchable(e)) throw e;
    sendCallback.onException(e);
  }
}
