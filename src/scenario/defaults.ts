/**
 * Defaults of the scenario format, per RocketMQ version, and `resolveScenario`, which fills every one of
 * them in. The engine reads only `ResolvedScenario`: no optional fields, no version lookups left to do.
 *
 * Each table row names the upstream field it mirrors and says in one line (en and zh-CN) what it does;
 * the scenario editor shows that line beside the field and docs/scenario.md is generated from the same
 * rows. Values were read at the tags rocketmq-all-4.5.2, rocketmq-all-4.9.8 and rocketmq-all-5.3.3
 * (../shared/rocketmq-producer-client.md section 1, ../shared/rocketmq-server-side.md section 0).
 * Rows marked `assumption` are SendPath's choice: upstream has no such default (a machine's CPU count,
 * latencies, addresses).
 *
 * No DOM, no React: the CLI, a worker and the page all import this module.
 */
import type {
  BrokerRole,
  FlushDiskType,
  Latency,
  LocalizedText,
  Scenario,
  ScenarioVersion,
  SendMode,
  SelectorKind,
} from './schema';

export type { Latency, LocalizedText, Scenario, ScenarioVersion } from './schema';

export const SCENARIO_VERSIONS = ['4.5.2', '4.9.8', '5.3.3'] as const satisfies readonly ScenarioVersion[];

/**
 * The CPU count SendPath assumes for every simulated machine. Upstream sizes several pools from
 * `Runtime.getRuntime().availableProcessors()`; a simulation needs a fixed number.
 */
export const SIMULATED_CPU_COUNT = 4;

const ALL = SCENARIO_VERSIONS;
const FROM_4_9_8 = ['4.9.8', '5.3.3'] as const satisfies readonly ScenarioVersion[];
const ONLY_5_X = ['5.3.3'] as const satisfies readonly ScenarioVersion[];

/** One row of a default table. */
export interface SettingInfo<T> {
  /** The upstream class and field (or method) this setting mirrors; `SendPath` for our own settings. */
  readonly upstream: string;
  /** The versions in which a scenario may set it; elsewhere the field does not exist upstream. */
  readonly availableIn: readonly ScenarioVersion[];
  /** The value the engine uses when the scenario leaves it out (null where the version has no such field). */
  readonly defaults: Readonly<Record<ScenarioVersion, T>>;
  /** Unit of a number, for the editor and the docs. */
  readonly unit?: 'ms' | 's' | 'bytes' | 'threads' | 'tasks' | 'queues' | 'messages' | 'per second';
  /** One line on what it does. */
  readonly description: LocalizedText;
  /** Set when the default is SendPath's choice, not an upstream value; says why. */
  readonly assumption?: LocalizedText;
}

export type SettingTable<T> = { readonly [K in keyof T]-?: SettingInfo<T[K]> };

function same<T>(value: T): Record<ScenarioVersion, T> {
  return { '4.5.2': value, '4.9.8': value, '5.3.3': value };
}

function fixed(ms: number): Latency {
  return { kind: 'fixed', ms };
}

// ---------------------------------------------------------------------------------------------------------
// Resolved types: what the engine reads.

/** The producer: `DefaultMQProducer`, its `ClientConfig`, the async sender executor, and when it starts. */
export interface ResolvedProducer {
  group: string;
  sendMsgTimeout: number;
  retryTimesWhenSendFailed: number;
  retryTimesWhenSendAsyncFailed: number;
  retryAnotherBrokerWhenNotStoreOK: boolean;
  sendLatencyFaultEnable: boolean;
  /** 5.x only (null in 4.x). -1 is off. */
  sendMsgMaxTimeoutPerRequest: number | null;
  /** Settable from 4.9.8; in 4.5.2 the fixed list of the `sendDefaultImpl` switch. */
  retryResponseCodes: number[];
  compressMsgBodyOverHowmuch: number;
  maxMessageSize: number;
  defaultTopicQueueNums: number;
  createTopicKey: string;
  pollNameServerInterval: number;
  heartbeatBrokerInterval: number;
  /** Settable from 4.9.8; 4.5.2 has the same 3000 ms hard-coded. */
  mqClientApiTimeout: number;
  clientCallbackExecutorThreads: number;
  clientAsyncSemaphoreValue: number;
  clientOnewaySemaphoreValue: number;
  clientCloseSocketIfTimeout: boolean;
  asyncSenderThreads: number;
  asyncSenderQueueCapacity: number;
  /** 5.x only (null in 4.x). */
  enableBackpressureForAsyncMode: boolean | null;
  /** 5.x only (null in 4.x). */
  backPressureForAsyncSendNum: number | null;
  /** 5.x only (null in 4.x). */
  backPressureForAsyncSendSize: number | null;
  /** 5.x only (null in 4.x). */
  startDetectorEnable: boolean | null;
  /** 5.x only (null in 4.x). */
  detectTimeout: number | null;
  /** 5.x only (null in 4.x). */
  detectInterval: number | null;
  /** Virtual time of `producer.start()`. */
  startAtMs: number;
  /** Virtual time of `producer.shutdown()`, or null for never. */
  shutdownAtMs: number | null;
}

/** The name server. */
export interface ResolvedNameServer {
  address: string;
  processingLatency: Latency;
  brokerChannelExpiredTime: number;
  scanNotActiveBrokerInterval: number;
  scanNotActiveBrokerInitialDelay: number;
  serverChannelMaxIdleTimeSeconds: number;
  orderMessageEnable: boolean;
}

/** Settings of one broker process that a scenario may give (the identity fields are separate). */
export interface ResolvedBrokerSettings {
  clusterName: string;
  flushDiskType: FlushDiskType;
  autoCreateTopicEnable: boolean;
  defaultTopicQueueNums: number;
  brokerPermission: number;
  sendMessageThreadPoolNums: number;
  sendThreadPoolQueueCapacity: number;
  brokerFastFailureEnable: boolean;
  waitTimeMillsInSendQueue: number;
  osPageCacheBusyTimeOutMills: number;
  syncFlushTimeout: number;
  /** 4.9.8+ (null in 4.5.2, where the slave wait uses `syncFlushTimeout`). */
  slaveTimeout: number | null;
  /** 5.x only (null in 4.x). */
  inSyncReplicas: number | null;
  haHousekeepingInterval: number;
  maxMessageSize: number;
  registerNameServerPeriod: number;
  registerBrokerTimeoutMills: number;
  storeLatency: Latency;
  flushLatency: Latency;
  replicationLatency: Latency;
}

/** One broker process: a master (brokerId 0) or a slave (brokerId >= 1) of the group `name`. */
export interface ResolvedBroker extends ResolvedBrokerSettings {
  /** Unique node id: the group name for a master, `name@brokerId` for a slave. Faults and links use it. */
  id: string;
  /** `brokerName`: the group; a master and its slaves share it. */
  name: string;
  brokerId: number;
  role: BrokerRole;
  /** "ip:port" of the broker's main remoting port. */
  address: string;
  /** Ids of the other processes of the same group (a master lists its slaves; a slave its master and peers). */
  groupPeers: string[];
  /** Position in `brokers[]` of the scenario. */
  index: number;
}

export interface ResolvedOrderTopicQueues {
  brokerName: string;
  queueNums: number;
}

export interface ResolvedTopic {
  name: string;
  readQueueNums: number;
  writeQueueNums: number;
  perm: number;
  /** Broker group names that hold the topic (each master and its slaves). */
  brokers: string[];
  order: boolean;
  /** `orderTopicConf` as upstream writes it ("broker-a:4;broker-b:4"), or null. */
  orderTopicConf: string | null;
  /** The same, parsed. */
  orderTopicQueues: ResolvedOrderTopicQueues[] | null;
}

export type NetworkEndpoint = string; // 'producer', 'namesrv' or a broker id ('broker-a', 'broker-a@1')

export interface ResolvedLink {
  /** The two endpoints (node ids), in the order written. Links are undirected. */
  between: [NetworkEndpoint, NetworkEndpoint];
  latency: Latency;
}

export interface ResolvedNetwork {
  /** One-way latency per class of link; a `links` entry overrides its pair. */
  latency: {
    producerToNameServer: Latency;
    producerToBroker: Latency;
    brokerToNameServer: Latency;
    brokerToBroker: Latency;
  };
  links: ResolvedLink[];
  connectLatency: Latency;
  connectTimeoutMillis: number;
}

export type ResolvedSchedule =
  | { kind: 'rate'; perSecond: number }
  | { kind: 'interval'; intervalMs: number }
  | { kind: 'times'; offsetsMs: number[] };

export type ResolvedKeys =
  { kind: 'none' } | { kind: 'fixed'; key: string } | { kind: 'cycle'; keys: string[] };

export interface ResolvedWorkload {
  /** Position in `workload[]` of the scenario. */
  index: number;
  name: string | null;
  count: number;
  startAtMs: number;
  /** Offsets are sorted ascending. Use `workloadSendTimeMs` for the due time of message i. */
  schedule: ResolvedSchedule;
  mode: SendMode;
  topic: string;
  /** Use `workloadKey` for the key of message i. */
  keys: ResolvedKeys;
  bodySize: number;
  selector: SelectorKind;
  threads: number;
  /** The timeout passed to `send(...)`: the workload's own, else `producer.sendMsgTimeout`. */
  timeoutMs: number;
}

export type ResolvedFaultTarget =
  { kind: 'broker'; broker: string } | { kind: 'link'; between: [string, string] };

interface FaultBase {
  /** Position in `faults[]` of the scenario. */
  index: number;
  atMs: number;
}

export type ResolvedFault =
  | (FaultBase & { kind: 'crash'; broker: string; durationMs: number | null; closeConnections: boolean })
  | (FaultBase & { kind: 'shutdown'; broker: string; durationMs: number | null })
  | (FaultBase & { kind: 'up'; broker: string })
  | (FaultBase & {
      kind: 'slow';
      target: ResolvedFaultTarget;
      extraLatency: Latency;
      durationMs: number | null;
    })
  | (FaultBase & {
      kind: 'busy';
      broker: string;
      cause: 'pageCacheBusy' | 'sendQueueFull';
      durationMs: number | null;
    })
  | (FaultBase & { kind: 'partition'; between: [string, string]; durationMs: number | null })
  | (FaultBase & { kind: 'heal'; between: [string, string] })
  | (FaultBase & { kind: 'flushTimeout'; broker: string; durationMs: number | null })
  | (FaultBase & { kind: 'dropReply'; broker: string; durationMs: number | null; count: number | null });

export type ResolvedNarrationAnchor =
  { by: 'step'; step: number } | { by: 'event'; kind: string | null; msgId: string | null; nth: number };

export interface ResolvedNarration {
  steps: { title: LocalizedText; body: LocalizedText; at: ResolvedNarrationAnchor }[];
  conclusion: LocalizedText;
}

/** A scenario with every default filled in for its version. */
export interface ResolvedScenario {
  version: 1;
  id: string | null;
  title: LocalizedText | null;
  description: LocalizedText | null;
  seed: number;
  rocketmqVersion: ScenarioVersion;
  /** Stop time; null: stop once every send has its result (the engine still stops at SCENARIO_CAPS.maxTimeMs). */
  durationMs: number | null;
  producer: ResolvedProducer;
  nameServer: ResolvedNameServer;
  brokers: ResolvedBroker[];
  topics: ResolvedTopic[];
  network: ResolvedNetwork;
  workload: ResolvedWorkload[];
  /** Sorted by `atMs`; faults at the same time keep the order they were written in. */
  faults: ResolvedFault[];
  narration: ResolvedNarration | null;
}

// ---------------------------------------------------------------------------------------------------------
// Default tables.

const RETRY_CODES_4X = [17, 14, 1, 16, 204, 205];
const RETRY_CODES_5X = [17, 14, 1, 2, 16, 204, 205, 1500];

export const PRODUCER_DEFAULTS: SettingTable<ResolvedProducer> = {
  group: {
    upstream: 'DefaultMQProducer.producerGroup',
    availableIn: ALL,
    defaults: same('please_rename_unique_group_name'),
    description: {
      en: 'Producer group; start() refuses a blank or malformed name and DEFAULT_PRODUCER.',
      zh: '生产者组名；start() 会拒绝空名、含非法字符的名字和 DEFAULT_PRODUCER。',
    },
    assumption: {
      en: 'Upstream has no default group (the no-argument constructor uses DEFAULT_PRODUCER, which start() refuses); SendPath uses the name from upstream’s examples.',
      zh: '上游没有默认组名（无参构造用 DEFAULT_PRODUCER，start() 会拒绝）；SendPath 使用上游示例里的组名。',
    },
  },
  sendMsgTimeout: {
    upstream: 'DefaultMQProducer.sendMsgTimeout',
    availableIn: ALL,
    defaults: same(3000),
    unit: 'ms',
    description: {
      en: 'Timeout budget of one send(): the route lookup and every sync attempt draw from it.',
      zh: '一次 send() 的超时预算：路由查询和每次同步尝试都从中扣除。',
    },
  },
  retryTimesWhenSendFailed: {
    upstream: 'DefaultMQProducer.retryTimesWhenSendFailed',
    availableIn: ALL,
    defaults: same(2),
    description: {
      en: 'Sync sends: retries after a failed attempt, so at most 1 + this many attempts.',
      zh: '同步发送失败后的重试次数，最多尝试 1 + 该值次。',
    },
  },
  retryTimesWhenSendAsyncFailed: {
    upstream: 'DefaultMQProducer.retryTimesWhenSendAsyncFailed',
    availableIn: ALL,
    defaults: same(2),
    description: {
      en: 'Async sends: re-sends by MQClientAPIImpl after a network failure or timeout (never after a broker error code).',
      zh: '异步发送：网络失败或超时后由 MQClientAPIImpl 重新发送的次数（Broker 返回错误码时不重发）。',
    },
  },
  retryAnotherBrokerWhenNotStoreOK: {
    upstream: 'DefaultMQProducer.retryAnotherBrokerWhenNotStoreOK',
    availableIn: ALL,
    defaults: same(false),
    description: {
      en: 'Sync sends: also retry on another broker after FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT or SLAVE_NOT_AVAILABLE.',
      zh: '同步发送：收到 FLUSH_DISK_TIMEOUT、FLUSH_SLAVE_TIMEOUT 或 SLAVE_NOT_AVAILABLE 时也换一个 Broker 重试。',
    },
  },
  sendLatencyFaultEnable: {
    upstream: 'DefaultMQProducer.setSendLatencyFaultEnable (MQFaultStrategy.sendLatencyFaultEnable)',
    availableIn: ALL,
    defaults: same(false),
    description: {
      en: 'Latency fault tolerance: for a while, avoid brokers that answered slowly or failed.',
      zh: '发送延迟故障规避开关：在一段不可用时长内避开响应慢或失败的 Broker。',
    },
  },
  sendMsgMaxTimeoutPerRequest: {
    upstream: 'DefaultMQProducer.sendMsgMaxTimeoutPerRequest',
    availableIn: ONLY_5_X,
    defaults: { '4.5.2': null, '4.9.8': null, '5.3.3': -1 },
    unit: 'ms',
    description: {
      en: '5.x: caps the budget of every sync attempt except the last; -1 turns the cap off.',
      zh: '5.x：限制除最后一次以外每次同步尝试的超时时间；-1 表示不限制。',
    },
  },
  retryResponseCodes: {
    upstream:
      'DefaultMQProducer.retryResponseCodes (4.5.2: the switch in DefaultMQProducerImpl.sendDefaultImpl)',
    availableIn: FROM_4_9_8,
    defaults: { '4.5.2': RETRY_CODES_4X, '4.9.8': RETRY_CODES_4X, '5.3.3': RETRY_CODES_5X },
    description: {
      en: 'Broker response codes after which a sync send retries on another broker (fixed in code in 4.5.2).',
      zh: '同步发送遇到这些 Broker 响应码时换一个 Broker 重试（4.5.2 写死在代码里）。',
    },
  },
  compressMsgBodyOverHowmuch: {
    upstream: 'DefaultMQProducer.compressMsgBodyOverHowmuch',
    availableIn: ALL,
    defaults: same(4096),
    unit: 'bytes',
    description: {
      en: 'Bodies of at least this many bytes are compressed before they are sent.',
      zh: '消息体达到该字节数时先压缩再发送。',
    },
  },
  maxMessageSize: {
    upstream: 'DefaultMQProducer.maxMessageSize',
    availableIn: ALL,
    defaults: same(4 * 1024 * 1024),
    unit: 'bytes',
    description: {
      en: 'Largest body the client accepts; a larger one fails before any network call.',
      zh: '客户端允许的最大消息体；超过则在任何网络调用之前就失败。',
    },
  },
  defaultTopicQueueNums: {
    upstream: 'DefaultMQProducer.defaultTopicQueueNums',
    availableIn: ALL,
    defaults: same(4),
    unit: 'queues',
    description: {
      en: 'Queues per broker of a topic auto-created from TBW102 (at most TBW102’s own count).',
      zh: '通过 TBW102 自动创建 Topic 时每个 Broker 上的队列数（不超过 TBW102 自身的队列数）。',
    },
  },
  createTopicKey: {
    upstream: 'DefaultMQProducer.createTopicKey',
    availableIn: ALL,
    defaults: same('TBW102'),
    description: {
      en: 'Template topic for a topic without a route (auto-create); 5.x looks up TBW102 whatever this says.',
      zh: 'Topic 没有路由时用作模板的 Topic（自动创建 Topic）；5.x 无论此值如何都查询 TBW102。',
    },
  },
  pollNameServerInterval: {
    upstream: 'ClientConfig.pollNameServerInterval',
    availableIn: ALL,
    defaults: same(30000),
    unit: 'ms',
    description: {
      en: 'Period of the route refresh from the name server: a stale route can live this long.',
      zh: '从 NameServer 刷新 Topic 路由信息的周期：过期路由最多存活这么久。',
    },
  },
  heartbeatBrokerInterval: {
    upstream: 'ClientConfig.heartbeatBrokerInterval',
    availableIn: ALL,
    defaults: same(30000),
    unit: 'ms',
    description: {
      en: 'Period of the client’s HEART_BEAT to every master broker.',
      zh: '客户端向每个主节点 Broker 发送心跳（HEART_BEAT）的周期。',
    },
  },
  mqClientApiTimeout: {
    upstream: 'ClientConfig.mqClientApiTimeout (4.5.2: the constant 3000 in MQClientInstance)',
    availableIn: FROM_4_9_8,
    defaults: same(3000),
    unit: 'ms',
    description: {
      en: 'Timeout of the route RPC to the name server (fixed at 3000 in 4.5.2).',
      zh: '向 NameServer 查询路由的 RPC 超时（4.5.2 固定为 3000）。',
    },
  },
  clientCallbackExecutorThreads: {
    upstream: 'ClientConfig.clientCallbackExecutorThreads',
    availableIn: ALL,
    defaults: same(SIMULATED_CPU_COUNT),
    unit: 'threads',
    description: {
      en: 'Threads of the remoting callback executor, where async callbacks and async re-sends run.',
      zh: 'remoting 回调线程池的线程数：异步回调和异步重发在这里执行。',
    },
    assumption: {
      en: 'Upstream: the CPU count; SendPath assumes 4 CPUs.',
      zh: '上游为 CPU 核数；SendPath 假定为 4 核。',
    },
  },
  clientAsyncSemaphoreValue: {
    upstream: 'NettyClientConfig.clientAsyncSemaphoreValue',
    availableIn: ALL,
    defaults: same(65535),
    description: {
      en: 'Most async requests in flight at once; more wait for a permit (5.x: sync calls take one too).',
      zh: '同时在途的异步请求上限；超出则等待许可（5.x 同步调用也占用许可）。',
    },
  },
  clientOnewaySemaphoreValue: {
    upstream: 'NettyClientConfig.clientOnewaySemaphoreValue',
    availableIn: ALL,
    defaults: same(65535),
    description: {
      en: 'Most oneway requests in flight at once.',
      zh: '同时在途的单向请求上限。',
    },
  },
  clientCloseSocketIfTimeout: {
    upstream: 'NettyClientConfig.clientCloseSocketIfTimeout',
    availableIn: ALL,
    defaults: { '4.5.2': false, '4.9.8': true, '5.3.3': true },
    description: {
      en: 'Close the channel to a broker after a sync request on it timed out.',
      zh: '同步请求超时后关闭到该 Broker 的连接。',
    },
  },
  asyncSenderThreads: {
    upstream: 'DefaultMQProducerImpl.defaultAsyncSenderExecutor (core = max = availableProcessors)',
    availableIn: ALL,
    defaults: same(SIMULATED_CPU_COUNT),
    unit: 'threads',
    description: {
      en: 'Worker threads of the async sender executor, which runs every async send (route, selection, write).',
      zh: '异步发送线程池（AsyncSenderExecutor）的工作线程数，每次异步发送（路由、选择队列、写出）都在其中执行。',
    },
    assumption: {
      en: 'Upstream: the CPU count; SendPath assumes 4 CPUs.',
      zh: '上游为 CPU 核数；SendPath 假定为 4 核。',
    },
  },
  asyncSenderQueueCapacity: {
    upstream: 'DefaultMQProducerImpl.asyncSenderThreadPoolQueue (LinkedBlockingQueue capacity)',
    availableIn: ALL,
    defaults: same(50000),
    unit: 'tasks',
    description: {
      en: 'Task queue of the async sender executor; when it is full send() fails with "executor rejected".',
      zh: '异步发送线程池的任务队列容量；队列满时 send() 以 "executor rejected" 失败（拒绝）。',
    },
  },
  enableBackpressureForAsyncMode: {
    upstream: 'DefaultMQProducer.enableBackpressureForAsyncMode',
    availableIn: ONLY_5_X,
    defaults: { '4.5.2': null, '4.9.8': null, '5.3.3': false },
    description: {
      en: '5.x: async sends first take permits (messages and bytes) and wait for them: back-pressure.',
      zh: '5.x：异步发送先获取许可（条数和字节数），拿不到就等待，即背压。',
    },
  },
  backPressureForAsyncSendNum: {
    upstream: 'DefaultMQProducer.backPressureForAsyncSendNum',
    availableIn: ONLY_5_X,
    defaults: { '4.5.2': null, '4.9.8': null, '5.3.3': 10000 },
    unit: 'messages',
    description: {
      en: '5.x: most async messages between send() and their callback (at least 10).',
      zh: '5.x：从 send() 到回调之间最多同时存在的异步消息条数（至少 10）。',
    },
  },
  backPressureForAsyncSendSize: {
    upstream: 'DefaultMQProducer.backPressureForAsyncSendSize',
    availableIn: ONLY_5_X,
    defaults: { '4.5.2': null, '4.9.8': null, '5.3.3': 100 * 1024 * 1024 },
    unit: 'bytes',
    description: {
      en: '5.x: most body bytes of async messages between send() and their callback (at least 1 MiB).',
      zh: '5.x：从 send() 到回调之间异步消息体的总字节数上限（至少 1 MiB）。',
    },
  },
  startDetectorEnable: {
    upstream: 'ClientConfig.startDetectorEnable',
    availableIn: ONLY_5_X,
    defaults: { '4.5.2': null, '4.9.8': null, '5.3.3': false },
    description: {
      en: '5.x: probe unreachable brokers in the background so they become reachable again sooner.',
      zh: '5.x：在后台探测不可达的 Broker，使其更快恢复为可达。',
    },
  },
  detectTimeout: {
    upstream: 'ClientConfig.detectTimeout',
    availableIn: ONLY_5_X,
    defaults: { '4.5.2': null, '4.9.8': null, '5.3.3': 200 },
    unit: 'ms',
    description: {
      en: '5.x: timeout of one detector probe.',
      zh: '5.x：一次探测的超时。',
    },
  },
  detectInterval: {
    upstream: 'ClientConfig.detectInterval',
    availableIn: ONLY_5_X,
    defaults: { '4.5.2': null, '4.9.8': null, '5.3.3': 2000 },
    unit: 'ms',
    description: {
      en: '5.x: the detector probes the same broker at most this often.',
      zh: '5.x：同一个 Broker 两次探测之间的最短间隔。',
    },
  },
  startAtMs: {
    upstream: 'SendPath (the time of DefaultMQProducer.start())',
    availableIn: ALL,
    defaults: same(0),
    unit: 'ms',
    description: {
      en: 'Virtual time at which start() is called; a send before it fails with the service-state error.',
      zh: '调用 start() 的虚拟时间；在此之前的发送会因服务状态（ServiceState）不对而失败。',
    },
  },
  shutdownAtMs: {
    upstream: 'SendPath (the time of DefaultMQProducer.shutdown())',
    availableIn: ALL,
    defaults: same(null),
    unit: 'ms',
    description: {
      en: 'Virtual time at which shutdown() is called; leave it out to keep the producer running.',
      zh: '调用 shutdown() 的虚拟时间；不填则生产者一直运行。',
    },
  },
};

export const NAME_SERVER_DEFAULTS: SettingTable<ResolvedNameServer> = {
  address: {
    upstream: 'SendPath (namesrvAddr; port 9876 as NamesrvStartup)',
    availableIn: ALL,
    defaults: same('10.0.0.100:9876'),
    description: {
      en: 'Address the producer and the brokers use for the name server.',
      zh: '生产者和 Broker 连接 NameServer 所用的地址。',
    },
    assumption: { en: 'A made-up LAN address.', zh: '虚构的局域网地址。' },
  },
  processingLatency: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(fixed(0.1)),
    unit: 'ms',
    description: {
      en: 'Time the name server takes to answer one request (route lookup, registration).',
      zh: 'NameServer 处理一个请求（路由查询、注册）所需的时间。',
    },
    assumption: {
      en: 'Upstream publishes no latency; 0.1 ms is a LAN-scale guess (server spec 11.2).',
      zh: '上游没有公布延迟数据；0.1 毫秒是按局域网量级的估计（服务端规格 11.2）。',
    },
  },
  brokerChannelExpiredTime: {
    upstream: 'RouteInfoManager.BROKER_CHANNEL_EXPIRED_TIME (5.3.3: DEFAULT_BROKER_CHANNEL_EXPIRED_TIME)',
    availableIn: ALL,
    defaults: same(120000),
    unit: 'ms',
    description: {
      en: 'A broker that has not re-registered for this long is removed from the routes by the expiry scan.',
      zh: 'Broker 超过这么久没有重新注册，就会被过期扫描从路由中删除。',
    },
  },
  scanNotActiveBrokerInterval: {
    upstream: 'NamesrvConfig.scanNotActiveBrokerInterval (4.x: 10 s fixed in NamesrvController.initialize)',
    availableIn: ALL,
    defaults: { '4.5.2': 10000, '4.9.8': 10000, '5.3.3': 5000 },
    unit: 'ms',
    description: {
      en: 'Period of the scan that removes expired brokers.',
      zh: '清理过期 Broker 的扫描周期。',
    },
  },
  scanNotActiveBrokerInitialDelay: {
    upstream: 'NamesrvController (the first delay of the expiry scan)',
    availableIn: ALL,
    defaults: { '4.5.2': 5000, '4.9.8': 5000, '5.3.3': 5 },
    unit: 'ms',
    description: {
      en: 'When the first expiry scan runs after the name server starts.',
      zh: 'NameServer 启动后第一次过期扫描的时间。',
    },
  },
  serverChannelMaxIdleTimeSeconds: {
    upstream: 'NettyServerConfig.serverChannelMaxIdleTimeSeconds',
    availableIn: ALL,
    defaults: same(120),
    unit: 's',
    description: {
      en: 'A broker connection with no traffic for this long is closed, which removes the broker at once.',
      zh: '与 Broker 的连接空闲这么久会被关闭，Broker 随即被移除。',
    },
  },
  orderMessageEnable: {
    upstream: 'NamesrvConfig.orderMessageEnable',
    availableIn: ALL,
    defaults: same(false),
    description: {
      en: 'Return a topic’s orderTopicConf with its route; producers then take queues from it verbatim.',
      zh: '在路由中返回 Topic 的 orderTopicConf；生产者将直接按它生成队列。',
    },
  },
};

export const BROKER_DEFAULTS: SettingTable<ResolvedBrokerSettings> = {
  clusterName: {
    upstream: 'BrokerConfig.brokerClusterName',
    availableIn: ALL,
    defaults: same('DefaultCluster'),
    description: {
      en: 'Cluster the broker registers under.',
      zh: 'Broker 注册时所属的集群名。',
    },
  },
  flushDiskType: {
    upstream: 'MessageStoreConfig.flushDiskType',
    availableIn: ALL,
    defaults: same('ASYNC_FLUSH' as FlushDiskType),
    description: {
      en: 'ASYNC_FLUSH answers at once; SYNC_FLUSH waits for the disk and can answer FLUSH_DISK_TIMEOUT.',
      zh: '异步刷盘（ASYNC_FLUSH）立即应答；同步刷盘（SYNC_FLUSH）等待落盘，可能返回 FLUSH_DISK_TIMEOUT。',
    },
  },
  autoCreateTopicEnable: {
    upstream: 'BrokerConfig.autoCreateTopicEnable',
    availableIn: ALL,
    defaults: same(true),
    description: {
      en: 'Offer TBW102, so that a send to an unknown topic creates it on this broker.',
      zh: '提供 TBW102，使发往未知 Topic 的消息在本 Broker 上自动创建 Topic。',
    },
  },
  defaultTopicQueueNums: {
    upstream: 'BrokerConfig.defaultTopicQueueNums',
    availableIn: ALL,
    defaults: same(8),
    unit: 'queues',
    description: {
      en: 'Read and write queues of TBW102 on this broker.',
      zh: '本 Broker 上 TBW102 的读队列数和写队列数。',
    },
  },
  brokerPermission: {
    upstream: 'BrokerConfig.brokerPermission',
    availableIn: ALL,
    defaults: same(6),
    description: {
      en: 'Broker-wide permission sent with every registration: 6 read and write, 4 read only (drains writes).',
      zh: '随注册上报的 Broker 级权限（perm）：6 可读写，4 只读（用于摘除写流量）。',
    },
  },
  sendMessageThreadPoolNums: {
    upstream: 'BrokerConfig.sendMessageThreadPoolNums',
    availableIn: ALL,
    defaults: { '4.5.2': 1, '4.9.8': SIMULATED_CPU_COUNT, '5.3.3': SIMULATED_CPU_COUNT },
    unit: 'threads',
    description: {
      en: 'Threads that process sends (4.5.2: one, blocked through flush and replication).',
      zh: '处理发送请求的线程数（4.5.2 只有 1 个，且在刷盘和主从同步期间一直被占用）。',
    },
    assumption: {
      en: '4.9.8 and 5.3.3: min(CPU count, 4); SendPath assumes 4 CPUs.',
      zh: '4.9.8 和 5.3.3 为 min(CPU 核数, 4)；SendPath 假定为 4 核。',
    },
  },
  sendThreadPoolQueueCapacity: {
    upstream: 'BrokerConfig.sendThreadPoolQueueCapacity',
    availableIn: ALL,
    defaults: same(10000),
    unit: 'tasks',
    description: {
      en: 'Send task queue; when it is full the broker answers SYSTEM_BUSY [OVERLOAD].',
      zh: '发送任务队列容量；队列满时 Broker 返回 SYSTEM_BUSY [OVERLOAD]（流控）。',
    },
  },
  brokerFastFailureEnable: {
    upstream: 'BrokerConfig.brokerFastFailureEnable',
    availableIn: ALL,
    defaults: same(true),
    description: {
      en: 'Sweep the send queue every 10 ms and answer stale or page-cache-busy requests with SYSTEM_BUSY.',
      zh: '每 10 毫秒清理发送队列，对等待过久或 PageCache 繁忙时的请求返回 SYSTEM_BUSY（快速失败）。',
    },
  },
  waitTimeMillsInSendQueue: {
    upstream: 'BrokerConfig.waitTimeMillsInSendQueue',
    availableIn: ALL,
    defaults: same(200),
    unit: 'ms',
    description: {
      en: 'A send queued this long is answered SYSTEM_BUSY [TIMEOUT_CLEAN_QUEUE].',
      zh: '在队列中等待超过该时间的发送请求返回 SYSTEM_BUSY [TIMEOUT_CLEAN_QUEUE]。',
    },
  },
  osPageCacheBusyTimeOutMills: {
    upstream: 'MessageStoreConfig.osPageCacheBusyTimeOutMills',
    availableIn: ALL,
    defaults: same(1000),
    unit: 'ms',
    description: {
      en: 'An append holding the commit-log lock longer than this makes the page cache "busy": flow control.',
      zh: '一次写入持有 CommitLog 锁超过该时间即视为 PageCache 繁忙，触发流控。',
    },
  },
  syncFlushTimeout: {
    upstream: 'MessageStoreConfig.syncFlushTimeout',
    availableIn: ALL,
    defaults: same(5000),
    unit: 'ms',
    description: {
      en: 'SYNC_FLUSH: wait this long for the disk, then answer FLUSH_DISK_TIMEOUT (4.5.2: also the slave wait).',
      zh: '同步刷盘最多等待这么久，之后返回 FLUSH_DISK_TIMEOUT（4.5.2 中也是等待从节点的时间）。',
    },
  },
  slaveTimeout: {
    upstream: 'MessageStoreConfig.slaveTimeout',
    availableIn: FROM_4_9_8,
    defaults: { '4.5.2': null, '4.9.8': 3000, '5.3.3': 3000 },
    unit: 'ms',
    description: {
      en: 'SYNC_MASTER: wait this long for a slave’s ack, then answer FLUSH_SLAVE_TIMEOUT (4.5.2 uses syncFlushTimeout).',
      zh: '同步双写（SYNC_MASTER）等待从节点确认的时间，超时返回 FLUSH_SLAVE_TIMEOUT（4.5.2 使用 syncFlushTimeout）。',
    },
  },
  inSyncReplicas: {
    upstream: 'MessageStoreConfig.inSyncReplicas',
    availableIn: ONLY_5_X,
    defaults: { '4.5.2': null, '4.9.8': null, '5.3.3': 1 },
    description: {
      en: '5.x SYNC_MASTER: replicas (master included) that must ack; 1, the default, means no wait at all.',
      zh: '5.x 同步双写：需要确认的副本数（含主节点）；默认 1 表示完全不等待。',
    },
  },
  haHousekeepingInterval: {
    upstream: 'MessageStoreConfig.haHousekeepingInterval',
    availableIn: ALL,
    defaults: same(20000),
    unit: 'ms',
    description: {
      en: 'A slave connection silent this long is dropped; until then a dead slave causes FLUSH_SLAVE_TIMEOUT.',
      zh: '从节点连接沉默这么久才被断开；在此之前失联的从节点会导致 FLUSH_SLAVE_TIMEOUT。',
    },
  },
  maxMessageSize: {
    upstream: 'MessageStoreConfig.maxMessageSize',
    availableIn: ALL,
    defaults: same(4 * 1024 * 1024),
    unit: 'bytes',
    description: {
      en: 'Largest message the store accepts; larger ones are answered MESSAGE_ILLEGAL.',
      zh: '存储允许的最大消息；更大的消息返回 MESSAGE_ILLEGAL。',
    },
  },
  registerNameServerPeriod: {
    upstream: 'BrokerConfig.registerNameServerPeriod',
    availableIn: ALL,
    defaults: same(30000),
    unit: 'ms',
    description: {
      en: 'Period of the broker’s full registration at the name server (its liveness heartbeat).',
      zh: 'Broker 向 NameServer 全量注册的周期（即它的存活心跳）。',
    },
  },
  registerBrokerTimeoutMills: {
    upstream: 'BrokerConfig.registerBrokerTimeoutMills',
    availableIn: ALL,
    defaults: { '4.5.2': 6000, '4.9.8': 6000, '5.3.3': 24000 },
    unit: 'ms',
    description: {
      en: 'Timeout of one registration RPC to the name server.',
      zh: '一次向 NameServer 注册的 RPC 超时。',
    },
  },
  storeLatency: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(fixed(0.2)),
    unit: 'ms',
    description: {
      en: 'Time of the send checks and the commit-log append (inside the commit-log lock).',
      zh: '发送检查和追加写入 CommitLog（持有 CommitLog 锁期间）所用的时间。',
    },
    assumption: {
      en: 'Upstream publishes no latency; 0.2 ms is a guess (server spec 11.2).',
      zh: '上游没有公布延迟数据；0.2 毫秒是估计值（服务端规格 11.2）。',
    },
  },
  flushLatency: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(fixed(2)),
    unit: 'ms',
    description: {
      en: 'SYNC_FLUSH only: time until the flush covers the message.',
      zh: '仅同步刷盘：直到该消息落盘所需的时间。',
    },
    assumption: {
      en: 'Upstream publishes no latency; 2 ms is an SSD-scale guess (server spec 11.2).',
      zh: '上游没有公布延迟数据；2 毫秒是按 SSD 量级的估计（服务端规格 11.2）。',
    },
  },
  replicationLatency: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(fixed(1.5)),
    unit: 'ms',
    description: {
      en: 'SYNC_MASTER only: time from the append until a live, connected slave acknowledges it.',
      zh: '仅同步双写：从写入到在线且已连接的从节点确认所需的时间。',
    },
    assumption: {
      en: 'Upstream publishes no latency; 1.5 ms is a guess (server spec 11.2).',
      zh: '上游没有公布延迟数据；1.5 毫秒是估计值（服务端规格 11.2）。',
    },
  },
};

/** Topic settings that have defaults (`name` is required). */
export interface ResolvedTopicSettings {
  readQueueNums: number;
  writeQueueNums: number;
  perm: number;
  order: boolean;
}

export const TOPIC_DEFAULTS: SettingTable<ResolvedTopicSettings> = {
  readQueueNums: {
    upstream: 'TopicConfig.readQueueNums (default of mqadmin updateTopic: UpdateTopicSubCommand)',
    availableIn: ALL,
    defaults: same(8),
    unit: 'queues',
    description: {
      en: 'Queues consumers read, per broker.',
      zh: '每个 Broker 上供消费者读取的队列数（读队列数）。',
    },
  },
  writeQueueNums: {
    upstream: 'TopicConfig.writeQueueNums (default of mqadmin updateTopic: UpdateTopicSubCommand)',
    availableIn: ALL,
    defaults: same(8),
    unit: 'queues',
    description: {
      en: 'Queues producers write, per broker (queue ids 0 … writeQueueNums − 1).',
      zh: '每个 Broker 上供生产者写入的队列数（写队列数，队列号 0 … writeQueueNums − 1）。',
    },
  },
  perm: {
    upstream: 'TopicConfig.perm (PermName)',
    availableIn: ALL,
    defaults: same(6),
    description: {
      en: 'Permission bits: 4 read, 2 write, 1 inherit; producers only route to queues with write (2).',
      zh: '权限位（perm）：4 读、2 写、1 继承；生产者只向有写权限（2）的队列发送。',
    },
  },
  order: {
    upstream: 'TopicConfig.order',
    availableIn: ALL,
    defaults: same(false),
    description: {
      en: 'Order topic: a broker with write permission removed refuses its sends with NO_PERMISSION.',
      zh: '顺序 Topic：Broker 被去掉写权限后对它的发送返回 NO_PERMISSION。',
    },
  },
};

/** Workload settings that have defaults (`topic` and `count` are required; the schedule is described apart). */
export interface ResolvedWorkloadSettings {
  startAtMs: number;
  mode: SendMode;
  bodySize: number;
  selector: SelectorKind;
  threads: number;
}

export const WORKLOAD_DEFAULTS: SettingTable<ResolvedWorkloadSettings> = {
  startAtMs: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(0),
    unit: 'ms',
    description: {
      en: 'Virtual time of the first send.',
      zh: '第一次发送的虚拟时间。',
    },
  },
  mode: {
    upstream: 'CommunicationMode (send(msg), send(msg, callback), sendOneway(msg))',
    availableIn: ALL,
    defaults: same('SYNC' as SendMode),
    description: {
      en: 'SYNC waits for the result, ASYNC hands it to a callback, ONEWAY never learns it.',
      zh: '同步发送等待结果，异步发送通过回调得到结果，单向发送不关心结果。',
    },
  },
  bodySize: {
    upstream: 'SendPath (Message.body length)',
    availableIn: ALL,
    defaults: same(1024),
    unit: 'bytes',
    description: {
      en: 'Body length of each message (0 shows the "body length is zero" check).',
      zh: '每条消息体的长度（0 可演示“消息体长度为零”的校验）。',
    },
  },
  selector: {
    upstream: 'MessageQueueSelector (SelectMessageQueueByHash, …ByRandom, …ByMachineRoom)',
    availableIn: ALL,
    defaults: same('none' as SelectorKind),
    description: {
      en: 'none: send(msg) with the fault strategy; hash/random/machineRoom: send(msg, selector, key), no retries.',
      zh: 'none：send(msg)，走故障规避策略；hash/random/machineRoom：send(msg, selector, key)，队列选择器，不重试。',
    },
  },
  threads: {
    upstream: 'SendPath (application threads calling send)',
    availableIn: ALL,
    defaults: same(1),
    unit: 'threads',
    description: {
      en: 'Application threads that call send(); message i goes to thread i mod threads.',
      zh: '调用 send() 的业务线程数；第 i 条消息由第 i mod threads 个线程发送。',
    },
  },
};

/** Network settings that have defaults. */
export interface ResolvedNetworkSettings {
  producerToNameServer: Latency;
  producerToBroker: Latency;
  brokerToNameServer: Latency;
  brokerToBroker: Latency;
  connectLatency: Latency;
  connectTimeoutMillis: number;
}

const LINK_ASSUMPTION: LocalizedText = {
  en: 'Upstream publishes no latency; 0.5 ms one way is a LAN-scale guess (server spec 11.2).',
  zh: '上游没有公布延迟数据；单向 0.5 毫秒是按局域网量级的估计（服务端规格 11.2）。',
};

export const NETWORK_DEFAULTS: SettingTable<ResolvedNetworkSettings> = {
  producerToNameServer: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(fixed(0.5)),
    unit: 'ms',
    description: { en: 'One-way delay producer ↔ name server.', zh: '生产者 ↔ NameServer 的单向延迟。' },
    assumption: LINK_ASSUMPTION,
  },
  producerToBroker: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(fixed(0.5)),
    unit: 'ms',
    description: { en: 'One-way delay producer ↔ broker.', zh: '生产者 ↔ Broker 的单向延迟。' },
    assumption: LINK_ASSUMPTION,
  },
  brokerToNameServer: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(fixed(0.5)),
    unit: 'ms',
    description: { en: 'One-way delay broker ↔ name server.', zh: 'Broker ↔ NameServer 的单向延迟。' },
    assumption: LINK_ASSUMPTION,
  },
  brokerToBroker: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(fixed(0.5)),
    unit: 'ms',
    description: {
      en: 'One-way delay between two brokers (master ↔ slave).',
      zh: '两个 Broker 之间（主节点 ↔ 从节点）的单向延迟。',
    },
    assumption: LINK_ASSUMPTION,
  },
  connectLatency: {
    upstream: 'SendPath',
    availableIn: ALL,
    defaults: same(fixed(1)),
    unit: 'ms',
    description: {
      en: 'Time to open a new TCP connection to a live peer; a refused connect fails after one round trip.',
      zh: '与在线对端建立新 TCP 连接的时间；被拒绝的连接约一个往返后失败。',
    },
    assumption: {
      en: 'Upstream publishes no latency; 1 ms is a LAN-scale guess (server spec 11.2).',
      zh: '上游没有公布延迟数据；1 毫秒是按局域网量级的估计（服务端规格 11.2）。',
    },
  },
  connectTimeoutMillis: {
    upstream: 'NettyClientConfig.connectTimeoutMillis',
    availableIn: ALL,
    defaults: same(3000),
    unit: 'ms',
    description: {
      en: 'How long a connect to an unreachable broker waits before it fails.',
      zh: '连接不可达的 Broker 时最多等待多久才失败。',
    },
  },
};

/** Top-level settings with defaults. */
export const SCENARIO_DEFAULTS = {
  seed: 1,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Resolution.

/** `broker-a` for a master, `broker-a@1` for a slave. */
export function brokerNodeId(name: string, brokerId: number): string {
  return brokerId === 0 ? name : `${name}@${brokerId}`;
}

/** Deep copy of plain data (defaults are shared constants; a resolved scenario owns its values). */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => copy(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copy(v);
    return out as T;
  }
  return value;
}

function fill<T extends object>(
  table: SettingTable<T>,
  given: { readonly [K in keyof T]?: T[K] | undefined } | undefined,
  version: ScenarioVersion,
): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(table) as (keyof T & string)[]) {
    const value = given?.[key];
    out[key] = copy(value !== undefined ? value : table[key].defaults[version]);
  }
  return out as T;
}

/** Parses "broker-a:4;broker-b:8" (already checked by the schema). */
export function parseOrderTopicConf(conf: string): ResolvedOrderTopicQueues[] {
  return conf
    .split(';')
    .filter((part) => part.length > 0)
    .map((part) => {
      const colon = part.lastIndexOf(':');
      return { brokerName: part.slice(0, colon), queueNums: Number(part.slice(colon + 1)) };
    });
}

/**
 * Fills in every default for the scenario's version. Expects a scenario that passed `parseScenario`'s
 * checks (use `parseScenario`, which calls this); on such input it never throws.
 */
export function resolveScenario(s: Scenario): ResolvedScenario {
  const v = s.rocketmqVersion;

  const producer = fill(PRODUCER_DEFAULTS, s.producer, v);
  producer.retryResponseCodes = [...new Set(producer.retryResponseCodes)];

  const groups = new Map<string, string[]>();
  s.brokers.forEach((b) => {
    const id = brokerNodeId(b.name, b.brokerId ?? 0);
    groups.set(b.name, [...(groups.get(b.name) ?? []), id]);
  });
  const brokers: ResolvedBroker[] = s.brokers.map((b, index) => {
    const { name, role = 'ASYNC_MASTER', brokerId = 0, address, ...settings } = b;
    const id = brokerNodeId(name, brokerId);
    return {
      id,
      name,
      brokerId,
      role,
      address: address ?? `10.0.0.${index + 1}:10911`,
      groupPeers: (groups.get(name) ?? []).filter((peer) => peer !== id),
      index,
      ...fill(BROKER_DEFAULTS, settings, v),
    };
  });
  const groupNames = [...groups.keys()];

  const topics: ResolvedTopic[] = (s.topics ?? []).map((t) => ({
    name: t.name,
    ...fill(TOPIC_DEFAULTS, t, v),
    brokers: t.brokers ? [...t.brokers] : [...groupNames],
    orderTopicConf: t.orderTopicConf ?? null,
    orderTopicQueues: t.orderTopicConf ? parseOrderTopicConf(t.orderTopicConf) : null,
  }));

  const net = fill(
    NETWORK_DEFAULTS,
    {
      ...s.network?.latency,
      connectLatency: s.network?.connectLatency,
      connectTimeoutMillis: s.network?.connectTimeoutMillis,
    },
    v,
  );
  const network: ResolvedNetwork = {
    latency: {
      producerToNameServer: net.producerToNameServer,
      producerToBroker: net.producerToBroker,
      brokerToNameServer: net.brokerToNameServer,
      brokerToBroker: net.brokerToBroker,
    },
    links: (s.network?.links ?? []).map((l) => ({
      between: [l.between[0], l.between[1]],
      latency: copy(l.latency),
    })),
    connectLatency: net.connectLatency,
    connectTimeoutMillis: net.connectTimeoutMillis,
  };

  const workload: ResolvedWorkload[] = (s.workload ?? []).map((w, index) => {
    const schedule: ResolvedSchedule =
      w.timesMs !== undefined
        ? { kind: 'times', offsetsMs: [...w.timesMs].sort((a, b) => a - b) }
        : w.ratePerSecond !== undefined
          ? { kind: 'rate', perSecond: w.ratePerSecond }
          : { kind: 'interval', intervalMs: w.intervalMs ?? 0 };
    const keys: ResolvedKeys =
      w.key !== undefined
        ? { kind: 'fixed', key: w.key }
        : w.keys !== undefined
          ? { kind: 'cycle', keys: [...w.keys] }
          : { kind: 'none' };
    return {
      index,
      name: w.name ?? null,
      count: w.count ?? w.timesMs?.length ?? 0,
      ...fill(WORKLOAD_DEFAULTS, w, v),
      schedule,
      topic: w.topic,
      keys,
      timeoutMs: w.timeoutMs ?? producer.sendMsgTimeout,
    };
  });

  const faults = (s.faults ?? [])
    .map((f, index): ResolvedFault => {
      const base = { index, atMs: f.atMs };
      switch (f.kind) {
        case 'crash':
          return {
            ...base,
            kind: 'crash',
            broker: f.broker,
            durationMs: f.durationMs ?? null,
            closeConnections: f.closeConnections ?? false,
          };
        case 'shutdown':
          return { ...base, kind: 'shutdown', broker: f.broker, durationMs: f.durationMs ?? null };
        case 'up':
          return { ...base, kind: 'up', broker: f.broker };
        case 'slow':
          return {
            ...base,
            kind: 'slow',
            target:
              f.link !== undefined
                ? { kind: 'link', between: [f.link[0], f.link[1]] }
                : { kind: 'broker', broker: f.broker ?? '' },
            extraLatency: copy(f.extraLatency),
            durationMs: f.durationMs ?? null,
          };
        case 'busy':
          return {
            ...base,
            kind: 'busy',
            broker: f.broker,
            cause: f.cause ?? 'pageCacheBusy',
            durationMs: f.durationMs ?? null,
          };
        case 'partition':
          return {
            ...base,
            kind: 'partition',
            between: [f.link[0], f.link[1]],
            durationMs: f.durationMs ?? null,
          };
        case 'heal':
          return { ...base, kind: 'heal', between: [f.link[0], f.link[1]] };
        case 'flushTimeout':
          return { ...base, kind: 'flushTimeout', broker: f.broker, durationMs: f.durationMs ?? null };
        case 'dropReply':
          return {
            ...base,
            kind: 'dropReply',
            broker: f.broker,
            durationMs: f.durationMs ?? null,
            count: f.count ?? null,
          };
      }
    })
    .sort((a, b) => a.atMs - b.atMs || a.index - b.index);

  const narration: ResolvedNarration | null = s.narration
    ? {
        steps: s.narration.steps.map((step) => ({
          title: copy(step.title),
          body: copy(step.body),
          at:
            typeof step.at === 'number'
              ? { by: 'step', step: step.at }
              : {
                  by: 'event',
                  kind: step.at.kind ?? null,
                  msgId: step.at.msgId ?? null,
                  nth: step.at.nth ?? 1,
                },
        })),
        conclusion: copy(s.narration.conclusion),
      }
    : null;

  return {
    version: 1,
    id: s.id ?? null,
    title: s.title ? copy(s.title) : null,
    description: s.description ? copy(s.description) : null,
    seed: s.seed ?? SCENARIO_DEFAULTS.seed,
    rocketmqVersion: v,
    durationMs: s.durationMs ?? null,
    producer,
    nameServer: fill(NAME_SERVER_DEFAULTS, s.nameServer, v),
    brokers,
    topics,
    network,
    workload,
    faults,
    narration,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Helpers the engine may use, so that every reader agrees on what a schedule, a key list and a distribution mean.

/** Due time (virtual ms) of message i (0-based) of a workload. */
export function workloadSendTimeMs(w: ResolvedWorkload, i: number): number {
  switch (w.schedule.kind) {
    case 'rate':
      return w.startAtMs + (i * 1000) / w.schedule.perSecond;
    case 'interval':
      return w.startAtMs + i * w.schedule.intervalMs;
    case 'times':
      return w.startAtMs + (w.schedule.offsetsMs[i] ?? 0);
  }
}

/** Key of message i of a workload, or null when it has none. */
export function workloadKey(w: ResolvedWorkload, i: number): string | null {
  switch (w.keys.kind) {
    case 'none':
      return null;
    case 'fixed':
      return w.keys.key;
    case 'cycle':
      return w.keys.keys[i % w.keys.keys.length] ?? null;
  }
}

/** One-way latency of the link between two nodes: an override from `links`, else the default of its class. */
export function linkLatency(s: ResolvedScenario, a: NetworkEndpoint, b: NetworkEndpoint): Latency {
  for (const link of s.network.links) {
    const [x, y] = link.between;
    if ((x === a && y === b) || (x === b && y === a)) return link.latency;
  }
  const isBroker = (n: string) => n !== 'producer' && n !== 'namesrv';
  const ends = new Set([a, b]);
  const l = s.network.latency;
  if (ends.has('producer') && ends.has('namesrv')) return l.producerToNameServer;
  if (ends.has('producer')) return l.producerToBroker;
  if (ends.has('namesrv')) return l.brokerToNameServer;
  return isBroker(a) && isBroker(b) ? l.brokerToBroker : l.producerToBroker;
}

/** z such that P(Z <= z) = 0.99 for a standard normal Z. */
const Z_99 = 2.3263478740408408;

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error below 1.2e-9).
 * Exported for tests.
 */
export function inverseNormalCdf(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** Upper bound of any latency draw (ms); a lognormal tail is clamped here. */
export const MAX_LATENCY_DRAW_MS = 600_000;

/**
 * The latency at quantile u in [0, 1) of a distribution: the format's definition of the three kinds.
 * The engine draws u from a seeded stream. fixed: always ms; uniform: minMs + u·(maxMs − minMs);
 * lognormal: median·exp(σ·Φ⁻¹(u)) with σ = ln(p99/median)/Φ⁻¹(0.99), clamped to [0, MAX_LATENCY_DRAW_MS].
 * Never NaN, never negative, never above MAX_LATENCY_DRAW_MS, for any u (NaN u counts as 0).
 */
export function latencyQuantile(dist: Latency, u: number): number {
  const p = Number.isFinite(u) ? Math.min(Math.max(u, 0), 1 - Number.EPSILON) : 0;
  let value: number;
  switch (dist.kind) {
    case 'fixed':
      value = dist.ms;
      break;
    case 'uniform':
      value = dist.minMs + p * (dist.maxMs - dist.minMs);
      break;
    case 'lognormal': {
      const sigma = Math.log(dist.p99Ms / dist.medianMs) / Z_99;
      value = sigma > 0 ? dist.medianMs * Math.exp(sigma * inverseNormalCdf(p)) : dist.medianMs;
      break;
    }
  }
  if (!Number.isFinite(value) || value < 0) value = value === Infinity ? MAX_LATENCY_DRAW_MS : 0;
  return Math.min(value, MAX_LATENCY_DRAW_MS);
}
