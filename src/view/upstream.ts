/**
 * Where each upstream class lives in apache/rocketmq, per modelled tag (rocketmq-all-4.5.2, -4.9.8, -5.3.3).
 * Generated from `git ls-tree` of those tags (main sources only); a class missing from a tag did not
 * exist there.
 */
export const UPSTREAM_VERSIONS = ['4.5.2', '4.9.8', '5.3.3'] as const;
export type UpstreamVersion = (typeof UPSTREAM_VERSIONS)[number];

/** Classes at the same path in all three tags. */
const SAME_IN_ALL: Readonly<Record<string, string>> = {
  AbstractSendMessageProcessor:
    'broker/src/main/java/org/apache/rocketmq/broker/processor/AbstractSendMessageProcessor.java',
  BrokerController: 'broker/src/main/java/org/apache/rocketmq/broker/BrokerController.java',
  BrokerOuterAPI: 'broker/src/main/java/org/apache/rocketmq/broker/out/BrokerOuterAPI.java',
  ClientConfig: 'client/src/main/java/org/apache/rocketmq/client/ClientConfig.java',
  ClientErrorCode: 'client/src/main/java/org/apache/rocketmq/client/common/ClientErrorCode.java',
  ClientManageProcessor:
    'broker/src/main/java/org/apache/rocketmq/broker/processor/ClientManageProcessor.java',
  CommitLog: 'store/src/main/java/org/apache/rocketmq/store/CommitLog.java',
  DefaultMQProducer: 'client/src/main/java/org/apache/rocketmq/client/producer/DefaultMQProducer.java',
  DefaultMQProducerImpl:
    'client/src/main/java/org/apache/rocketmq/client/impl/producer/DefaultMQProducerImpl.java',
  DefaultMessageStore: 'store/src/main/java/org/apache/rocketmq/store/DefaultMessageStore.java',
  DefaultRequestProcessor:
    'namesrv/src/main/java/org/apache/rocketmq/namesrv/processor/DefaultRequestProcessor.java',
  FAQUrl: 'common/src/main/java/org/apache/rocketmq/common/help/FAQUrl.java',
  HAService: 'store/src/main/java/org/apache/rocketmq/store/ha/HAService.java',
  LatencyFaultTolerance: 'client/src/main/java/org/apache/rocketmq/client/latency/LatencyFaultTolerance.java',
  LatencyFaultToleranceImpl:
    'client/src/main/java/org/apache/rocketmq/client/latency/LatencyFaultToleranceImpl.java',
  MQAdminImpl: 'client/src/main/java/org/apache/rocketmq/client/impl/MQAdminImpl.java',
  MQClientAPIImpl: 'client/src/main/java/org/apache/rocketmq/client/impl/MQClientAPIImpl.java',
  MQClientInstance: 'client/src/main/java/org/apache/rocketmq/client/impl/factory/MQClientInstance.java',
  MQClientManager: 'client/src/main/java/org/apache/rocketmq/client/impl/MQClientManager.java',
  MQFaultStrategy: 'client/src/main/java/org/apache/rocketmq/client/latency/MQFaultStrategy.java',
  Message: 'common/src/main/java/org/apache/rocketmq/common/message/Message.java',
  MessageClientIDSetter: 'common/src/main/java/org/apache/rocketmq/common/message/MessageClientIDSetter.java',
  MessageQueue: 'common/src/main/java/org/apache/rocketmq/common/message/MessageQueue.java',
  MessageQueueSelector: 'client/src/main/java/org/apache/rocketmq/client/producer/MessageQueueSelector.java',
  MessageStoreConfig: 'store/src/main/java/org/apache/rocketmq/store/config/MessageStoreConfig.java',
  MixAll: 'common/src/main/java/org/apache/rocketmq/common/MixAll.java',
  NamesrvController: 'namesrv/src/main/java/org/apache/rocketmq/namesrv/NamesrvController.java',
  NettyClientConfig: 'remoting/src/main/java/org/apache/rocketmq/remoting/netty/NettyClientConfig.java',
  NettyRemotingAbstract:
    'remoting/src/main/java/org/apache/rocketmq/remoting/netty/NettyRemotingAbstract.java',
  NettyRemotingClient: 'remoting/src/main/java/org/apache/rocketmq/remoting/netty/NettyRemotingClient.java',
  PermName: 'common/src/main/java/org/apache/rocketmq/common/constant/PermName.java',
  RemotingCommand: 'remoting/src/main/java/org/apache/rocketmq/remoting/protocol/RemotingCommand.java',
  RemotingHelper: 'remoting/src/main/java/org/apache/rocketmq/remoting/common/RemotingHelper.java',
  ResponseFuture: 'remoting/src/main/java/org/apache/rocketmq/remoting/netty/ResponseFuture.java',
  RouteInfoManager: 'namesrv/src/main/java/org/apache/rocketmq/namesrv/routeinfo/RouteInfoManager.java',
  SelectMessageQueueByHash:
    'client/src/main/java/org/apache/rocketmq/client/producer/selector/SelectMessageQueueByHash.java',
  SelectMessageQueueByMachineRoom:
    'client/src/main/java/org/apache/rocketmq/client/producer/selector/SelectMessageQueueByMachineRoom.java',
  SelectMessageQueueByRandom:
    'client/src/main/java/org/apache/rocketmq/client/producer/selector/SelectMessageQueueByRandom.java',
  SendCallback: 'client/src/main/java/org/apache/rocketmq/client/producer/SendCallback.java',
  SendMessageProcessor: 'broker/src/main/java/org/apache/rocketmq/broker/processor/SendMessageProcessor.java',
  SendResult: 'client/src/main/java/org/apache/rocketmq/client/producer/SendResult.java',
  ServiceState: 'common/src/main/java/org/apache/rocketmq/common/ServiceState.java',
  ThreadLocalIndex: 'client/src/main/java/org/apache/rocketmq/client/common/ThreadLocalIndex.java',
  TopicConfigManager: 'broker/src/main/java/org/apache/rocketmq/broker/topic/TopicConfigManager.java',
  TopicPublishInfo: 'client/src/main/java/org/apache/rocketmq/client/impl/producer/TopicPublishInfo.java',
  Validators: 'client/src/main/java/org/apache/rocketmq/client/Validators.java',
};

/** Classes that moved, or exist only in some tags. */
const BY_VERSION: Readonly<Record<UpstreamVersion, Readonly<Record<string, string>>>> = {
  '4.5.2': {
    QueueData: 'common/src/main/java/org/apache/rocketmq/common/protocol/route/QueueData.java',
    RequestCode: 'common/src/main/java/org/apache/rocketmq/common/protocol/RequestCode.java',
    ResponseCode: 'common/src/main/java/org/apache/rocketmq/common/protocol/ResponseCode.java',
    TopicRouteData: 'common/src/main/java/org/apache/rocketmq/common/protocol/route/TopicRouteData.java',
  },
  '4.9.8': {
    FlushDiskWatcher: 'store/src/main/java/org/apache/rocketmq/store/FlushDiskWatcher.java',
    QueueData: 'common/src/main/java/org/apache/rocketmq/common/protocol/route/QueueData.java',
    RequestCode: 'common/src/main/java/org/apache/rocketmq/common/protocol/RequestCode.java',
    RequestFutureHolder: 'client/src/main/java/org/apache/rocketmq/client/producer/RequestFutureHolder.java',
    ResponseCode: 'common/src/main/java/org/apache/rocketmq/common/protocol/ResponseCode.java',
    TopicRouteData: 'common/src/main/java/org/apache/rocketmq/common/protocol/route/TopicRouteData.java',
  },
  '5.3.3': {
    ClientRequestProcessor:
      'namesrv/src/main/java/org/apache/rocketmq/namesrv/processor/ClientRequestProcessor.java',
    DefaultHAService: 'store/src/main/java/org/apache/rocketmq/store/ha/DefaultHAService.java',
    FlushDiskWatcher: 'store/src/main/java/org/apache/rocketmq/store/FlushDiskWatcher.java',
    ProduceAccumulator: 'client/src/main/java/org/apache/rocketmq/client/producer/ProduceAccumulator.java',
    QueueData: 'remoting/src/main/java/org/apache/rocketmq/remoting/protocol/route/QueueData.java',
    RequestCode: 'remoting/src/main/java/org/apache/rocketmq/remoting/protocol/RequestCode.java',
    RequestFutureHolder: 'client/src/main/java/org/apache/rocketmq/client/producer/RequestFutureHolder.java',
    Resolver: 'client/src/main/java/org/apache/rocketmq/client/latency/Resolver.java',
    ResponseCode: 'remoting/src/main/java/org/apache/rocketmq/remoting/protocol/ResponseCode.java',
    ServiceDetector: 'client/src/main/java/org/apache/rocketmq/client/latency/ServiceDetector.java',
    TopicRouteData: 'remoting/src/main/java/org/apache/rocketmq/remoting/protocol/route/TopicRouteData.java',
  },
};

/** JDK classes the model names; they have no file in apache/rocketmq. */
const JDK_CLASSES: Readonly<Record<string, string>> = {
  ThreadPoolExecutor: 'java.util.concurrent.ThreadPoolExecutor',
};

/**
 * Methods that live in another class in some tags: 5.x moved the name server's route query from
 * `DefaultRequestProcessor` to `ClientRequestProcessor` (NamesrvController registers it for
 * GET_ROUTEINFO_BY_TOPIC).
 */
const MOVED_METHODS: Readonly<Record<UpstreamVersion, Readonly<Record<string, string>>>> = {
  '4.5.2': {},
  '4.9.8': {},
  '5.3.3': { 'DefaultRequestProcessor.getRouteInfoByTopic': 'ClientRequestProcessor' },
};

export const DEFAULT_UPSTREAM_VERSION: UpstreamVersion = '4.9.8';

export function parseUpstreamVersion(value: unknown): UpstreamVersion | null {
  if (typeof value !== 'string') return null;
  const trimmed = value
    .trim()
    .replace(/^rocketmq-all-/, '')
    .replace(/^v/, '');
  return (UPSTREAM_VERSIONS as readonly string[]).includes(trimmed) ? (trimmed as UpstreamVersion) : null;
}

/** The version a scenario models (`rocketmqVersion`), else the default. */
export function upstreamVersionOf(scenario: unknown): UpstreamVersion {
  if (scenario !== null && typeof scenario === 'object') {
    const fields = scenario as Record<string, unknown>;
    return (
      parseUpstreamVersion(fields.rocketmqVersion) ??
      parseUpstreamVersion(fields.version) ??
      DEFAULT_UPSTREAM_VERSION
    );
  }
  return DEFAULT_UPSTREAM_VERSION;
}

export type UpstreamSource =
  | { kind: 'rocketmq'; cls: string; path: string; url: string }
  | { kind: 'jdk'; cls: string; qualifiedName: string }
  | { kind: 'unknown'; cls: string };

/** Where `cls.method` is written in the chosen tag, with a link to that file at that tag. */
export function upstreamSource(version: UpstreamVersion, cls: string, method?: string): UpstreamSource {
  const home = (method !== undefined ? MOVED_METHODS[version][`${cls}.${method}`] : undefined) ?? cls;
  const path = BY_VERSION[version][home] ?? SAME_IN_ALL[home];
  if (path !== undefined) {
    return {
      kind: 'rocketmq',
      cls: home,
      path,
      url: `https://github.com/apache/rocketmq/blob/rocketmq-all-${version}/${path}`,
    };
  }
  const jdk = JDK_CLASSES[cls];
  return jdk !== undefined ? { kind: 'jdk', cls, qualifiedName: jdk } : { kind: 'unknown', cls };
}
