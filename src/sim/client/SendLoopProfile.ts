/**
 * Per-version facts of the producer send path (DefaultMQProducer, DefaultMQProducerImpl, MQClientAPIImpl,
 * the exception classes and, for 5.x, the async remoting classes), read at the tags rocketmq-all-4.5.2,
 * rocketmq-all-4.9.8 and rocketmq-all-5.3.3 and checked against ../shared/conformance-sendloop.
 * Each flag names the upstream place that differs, so a student can find the line that explains a trace.
 */
import { parseVersion, type VersionId } from '../versions/VersionId';

export type { VersionId };

export interface SendLoopProfile {
  readonly version: VersionId;
  /** `FAQUrl.*` constants (all the same URL within one tag). */
  readonly faqUrl: string;
  /**
   * Broker codes `sendDefaultImpl` retries: a hard-coded `switch` in 4.5.2, `DefaultMQProducer.
   * retryResponseCodes` from 4.9.x; 5.x adds SYSTEM_BUSY (2) and GO_AWAY (1500).
   */
  readonly defaultRetryResponseCodes: readonly number[];
  /** 4.9.8+: `DefaultMQProducer.getRetryResponseCodes()` can be replaced/extended. */
  readonly retryResponseCodesConfigurable: boolean;
  /** `sendDefaultImpl` no-route text: "No route info of this topic, T" (4.5.2) vs "...: T". */
  readonly noRouteSeparator: ', ' | ': ';
  /** `sendSelectImpl`: "select message queue throwed exception." (4.5.2) vs "threw". */
  readonly selectThrewText: string;
  /** 4.9.8+: `sendSelectImpl` calls `validateNameServerSetting()` before its no-route error. */
  readonly selectValidatesNameServer: boolean;
  /** `RemotingConnectException(addr)`: "connect to <addr> failed" in 4.5.2 only. */
  readonly connectTextBrackets: boolean;
  /** 4.9.8+: `processSendResponse` uses `MQBrokerException(code, remark, addr)` (" BROKER: addr"). */
  readonly brokerExceptionWithAddr: boolean;
  /**
   * The budget `MQClientAPIImpl` passes to `onExceptionImpl` from the async callback:
   * 4.5.2 the constant 0; 4.9.8 `timeoutMillis - cost` (may go negative); 5.x the same, and
   * `onExceptionImpl` re-sends only while it is > 0.
   */
  readonly asyncRetryBudget: 'zero' | 'remaining' | 'remainingWhilePositive';
  /** 4.9.8+: `sendMessageAsync` catches a synchronous `invokeAsync` throw and re-sends it. */
  readonly asyncCatchesInvokeThrow: boolean;
  /** 5.x: the remoting callback is `operationSucceed`/`operationFail`, with the 5.x failure texts. */
  readonly remoting5: boolean;
  /** `MQClientAPIImpl` no-response text when the future is not past its timeout. */
  readonly unknownReasonText: string;
  /** 5.x: `sendMsgMaxTimeoutPerRequest`, `resetIndex` on retries, back-pressure semaphores. */
  readonly hasMaxTimeoutPerRequest: boolean;
  readonly resetIndexOnRetry: boolean;
  readonly hasBackpressure: boolean;
  /** 4.x: `start()` puts an empty TopicPublishInfo under `createTopicKey` (TBW102). */
  readonly startPutsCreateTopicKey: boolean;
  /**
   * 5.x `sendDefaultImpl` catch blocks: MQClientException is not isolated (isolation false), and
   * MQBrokerException marks the broker unreachable (reachable false).
   */
  readonly faultUpdate5: boolean;
  /** 4.9.8+: a `RemotingException` from the name server becomes an `IllegalStateException`. */
  readonly routeRemotingErrorIsIllegalState: boolean;
  /** 5.x: the default-topic lookup always asks for TBW102, ignoring `createTopicKey`. */
  readonly defaultTopicLookupIgnoresCreateTopicKey: boolean;
  /** 5.x: `start()`/`shutdown()` start and stop the fault strategy's detector task. */
  readonly hasFaultDetector: boolean;
  /** 5.x: the broker name of a queue goes through `MQClientInstance.getBrokerNameFromMessageQueue` (static topics). */
  readonly brokerNameFromMessageQueue: boolean;
  /** `MixAll.brokerVIPChannel`: 5.x finds the port after the last ':' (IPv6-safe), 4.x after the first. */
  readonly vipChannelSplitsOnLastColon: boolean;
  /** `MQVersion.CURRENT_VERSION` (the ordinal sent in every `RemotingCommand`). */
  readonly mqVersionOrdinal: number;
}

const FAQ_4X = 'http://rocketmq.apache.org/docs/faq/';
const FAQ_5X = 'https://rocketmq.apache.org/docs/bestPractice/06FAQ';
const RETRY_CODES_4X = [17, 14, 1, 16, 204, 205] as const;
const RETRY_CODES_5X = [17, 14, 1, 2, 16, 204, 205, 1500] as const;

export const SEND_LOOP_PROFILES: Readonly<Record<VersionId, SendLoopProfile>> = {
  '4.5.2': {
    version: '4.5.2',
    faqUrl: FAQ_4X,
    defaultRetryResponseCodes: RETRY_CODES_4X,
    retryResponseCodesConfigurable: false,
    noRouteSeparator: ', ',
    selectThrewText: 'select message queue throwed exception.',
    selectValidatesNameServer: false,
    connectTextBrackets: true,
    brokerExceptionWithAddr: false,
    asyncRetryBudget: 'zero',
    asyncCatchesInvokeThrow: false,
    remoting5: false,
    unknownReasonText: 'unknow reseaon',
    hasMaxTimeoutPerRequest: false,
    resetIndexOnRetry: false,
    hasBackpressure: false,
    startPutsCreateTopicKey: true,
    faultUpdate5: false,
    routeRemotingErrorIsIllegalState: false,
    defaultTopicLookupIgnoresCreateTopicKey: false,
    hasFaultDetector: false,
    brokerNameFromMessageQueue: false,
    vipChannelSplitsOnLastColon: false,
    mqVersionOrdinal: 317,
  },
  '4.9.8': {
    version: '4.9.8',
    faqUrl: FAQ_4X,
    defaultRetryResponseCodes: RETRY_CODES_4X,
    retryResponseCodesConfigurable: true,
    noRouteSeparator: ': ',
    selectThrewText: 'select message queue threw exception.',
    selectValidatesNameServer: true,
    connectTextBrackets: false,
    brokerExceptionWithAddr: true,
    asyncRetryBudget: 'remaining',
    asyncCatchesInvokeThrow: true,
    remoting5: false,
    unknownReasonText: 'unknow reseaon',
    hasMaxTimeoutPerRequest: false,
    resetIndexOnRetry: false,
    hasBackpressure: false,
    startPutsCreateTopicKey: true,
    faultUpdate5: false,
    routeRemotingErrorIsIllegalState: true,
    defaultTopicLookupIgnoresCreateTopicKey: false,
    hasFaultDetector: false,
    brokerNameFromMessageQueue: false,
    vipChannelSplitsOnLastColon: false,
    mqVersionOrdinal: 409,
  },
  '5.3.3': {
    version: '5.3.3',
    faqUrl: FAQ_5X,
    defaultRetryResponseCodes: RETRY_CODES_5X,
    retryResponseCodesConfigurable: true,
    noRouteSeparator: ': ',
    selectThrewText: 'select message queue threw exception.',
    selectValidatesNameServer: true,
    connectTextBrackets: false,
    brokerExceptionWithAddr: true,
    asyncRetryBudget: 'remainingWhilePositive',
    asyncCatchesInvokeThrow: true,
    remoting5: true,
    unknownReasonText: 'unknown reason',
    hasMaxTimeoutPerRequest: true,
    resetIndexOnRetry: true,
    hasBackpressure: true,
    startPutsCreateTopicKey: false,
    faultUpdate5: true,
    routeRemotingErrorIsIllegalState: true,
    defaultTopicLookupIgnoresCreateTopicKey: true,
    hasFaultDetector: true,
    brokerNameFromMessageQueue: true,
    vipChannelSplitsOnLastColon: true,
    mqVersionOrdinal: 479,
  },
};

export function sendLoopProfile(version: VersionId | string): SendLoopProfile {
  return SEND_LOOP_PROFILES[parseVersion(version)];
}
