/**
 * The scenario format: the JSON a user writes, a preset carries or a share link encodes. Strict: an
 * unknown key is an error. Every setting is optional where RocketMQ has a default; the defaults depend
 * on the chosen version and live in ./defaults.ts (`resolveScenario` fills them in). Checks that need
 * more than one field (names that must exist, version-only settings, totals) are in ./validate.ts.
 *
 * Every error message says what is allowed. Messages are written as `said(code, params)` (./errorCodes.ts): a
 * code the page translates, decoded by ./validate.ts, which writes the English text. The caps below keep any valid scenario within what the engine
 * can run in a browser tab; the engine relies on them.
 *
 * No DOM, no React: the CLI, a worker and the page all import this module.
 */
import { z } from 'zod';
import {
  BROKER_DEFAULTS,
  NAME_SERVER_DEFAULTS,
  NETWORK_DEFAULTS,
  PRODUCER_DEFAULTS,
  TOPIC_DEFAULTS,
  WORKLOAD_DEFAULTS,
  type SettingInfo,
} from './defaults';
import { said, type ScenarioNoun } from './errorCodes';

/** The one format version so far. A newer file is refused with a message saying so. */
export const SCENARIO_FORMAT_VERSION = 1;

/** Documented limits. Anything past them is refused with a message naming the limit. */
export const SCENARIO_CAPS = {
  /** Sends over all workloads. */
  maxMessages: 1_000_000,
  /** Broker processes (masters and slaves). */
  maxBrokers: 64,
  maxTopics: 256,
  /** readQueueNums, writeQueueNums and both defaultTopicQueueNums. */
  maxQueuesPerTopic: 1024,
  /**
   * Sum over topics of (brokers holding it) x max(readQueueNums, writeQueueNums), counting TBW102 and the
   * queues that auto-creation may add for undeclared workload topics.
   */
  maxTotalQueues: 65_536,
  maxFaults: 100,
  maxWorkloads: 100,
  /** Sending threads of one workload. */
  maxThreadsPerWorkload: 256,
  /** Sending threads over all workloads. */
  maxSendingThreads: 1024,
  /** Any thread pool: async sender, callback executor, broker send threads. */
  maxPoolThreads: 256,
  /** Any task queue or semaphore. */
  maxQueueCapacity: 1_000_000,
  /** durationMs, and every time and timeout in the scenario: 24 h. */
  maxTimeMs: 86_400_000,
  /** Any parameter of a latency distribution: 10 min. */
  maxLatencyMs: 600_000,
  /** retryTimesWhenSendFailed and retryTimesWhenSendAsyncFailed. */
  maxRetries: 32,
  /** Periodic tasks (route refresh, heartbeat, registration, expiry scan) run at most once a second. */
  minPeriodMs: 1000,
  maxKeysPerWorkload: 10_000,
  maxTimesPerWorkload: 100_000,
  /** Sends per second of one workload. */
  maxRatePerSecond: 1_000_000,
  maxBodySize: 1024 * 1024 * 1024,
  maxNarrationSteps: 100,
  maxLinks: 256,
  maxRetryResponseCodes: 64,
  /** Characters in a title. */
  maxTitleLength: 200,
  /** Characters in a description, a narration body or a conclusion. */
  maxTextLength: 10_000,
  /** Characters in a broker, cluster or scenario id. */
  maxNameLength: 64,
  /** Characters in a topic name (TopicValidator: 127). */
  maxTopicLength: 127,
  /** Characters in free text that the client itself checks (producer group, a workload's topic, keys). */
  maxFreeTextLength: 300,
  /** Characters of JSON text accepted by `parseScenarioText` (16 Mi). */
  maxJsonChars: 16 * 1024 * 1024,
  /** Nesting depth of the input (a valid scenario needs about 7). */
  maxDepth: 64,
  /** Values (objects, arrays, numbers, strings, ...) in the input. */
  maxNodes: 3_000_000,
  /** Errors reported at most; a last line says how many more there were. */
  maxErrors: 100,
} as const;

export type ScenarioVersion = '4.5.2' | '4.9.8' | '5.3.3';
export type BrokerRole = 'ASYNC_MASTER' | 'SYNC_MASTER' | 'SLAVE';
export type FlushDiskType = 'ASYNC_FLUSH' | 'SYNC_FLUSH';
export type SendMode = 'SYNC' | 'ASYNC' | 'ONEWAY';
export type SelectorKind = 'none' | 'hash' | 'random' | 'machineRoom';

const C = SCENARIO_CAPS;

// ---------------------------------------------------------------------------------------------------------
// Builders whose error messages say what is allowed.

function quoteList(values: readonly (string | number)[]): string {
  return values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
}

function intIn(min: number, max: number, unit: ScenarioNoun) {
  const message = said('int.range', { min, max, unit });
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

const timeMs = (min = 0) => intIn(min, C.maxTimeMs, 'ms');
const periodMs = () => intIn(C.minPeriodMs, C.maxTimeMs, 'ms');

function latencyMs(positive: boolean) {
  const message = said(positive ? 'number.msPositive' : 'number.msRange', { max: C.maxLatencyMs });
  const n = z.number({ error: message }).max(C.maxLatencyMs, { error: message });
  return positive ? n.gt(0, { error: message }) : n.min(0, { error: message });
}

const bool = () => z.boolean({ error: said('bool') });

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: said('enum', { options: quoteList(values) }) });
}

function text(max: number, what: ScenarioNoun = 'text') {
  const message = said('text.max', { what, max });
  return z.string({ error: message }).max(max, { error: message });
}

/** Names that would collide with properties of every JavaScript object if a reader used them as keys. */
export function isReservedName(name: string): boolean {
  return (
    name === '__proto__' ||
    name === 'prototype' ||
    Object.prototype.hasOwnProperty.call(Object.prototype, name)
  );
}

const reserved = (s: string) => !isReservedName(s);
const reservedMessage = (what: ScenarioNoun) => ({
  error: (iss: { input?: unknown }) =>
    said('name.reserved', { value: String(JSON.stringify(iss.input)), what }),
});

const NAME_RE = /^[A-Za-z0-9_-]+$/;

/** Broker, cluster and preset names: letters, digits, '-' and '_'. */
function name(what: ScenarioNoun) {
  const message = said('name.pattern', { what, max: C.maxNameLength });
  return z
    .string({ error: message })
    .min(1, { error: message })
    .max(C.maxNameLength, { error: message })
    .regex(NAME_RE, { error: message })
    .refine(reserved, reservedMessage(what));
}

/** TopicValidator (4.9.8+): ^[%|a-zA-Z0-9_-]+$, at most 127 characters. */
function topicName() {
  const message = said('name.topic', { max: C.maxTopicLength });
  return z
    .string({ error: message })
    .min(1, { error: message })
    .max(C.maxTopicLength, { error: message })
    .regex(/^[%|A-Za-z0-9_-]+$/, { error: message })
    .refine(reserved, reservedMessage('topicName'));
}

/** Text the client validates itself (so a malformed value is a valid teaching scenario). */
function clientText(what: ScenarioNoun) {
  return text(C.maxFreeTextLength, what).refine(reserved, reservedMessage(what));
}

/** A strict object: every unknown key is reported, with the keys allowed here. */
function obj<S extends z.ZodRawShape>(shape: S) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') return said('object.unknownKey', { allowed });
      if (iss.code === 'invalid_type') return said('object.type', { allowed });
      return undefined;
    },
  });
}

function list<T extends z.ZodType>(item: T, max: number, noun: ScenarioNoun, min = 0) {
  const message = min > 0 ? said('list.range', { min, max, noun }) : said('list.max', { max, noun });
  return z.array(item, { error: message }).min(min, { error: message }).max(max, { error: message });
}

/** Describes a table row for the JSON Schema: what it does, its default per version, its upstream name. */
export function describeSetting(info: SettingInfo<unknown>): string {
  const d = info.defaults;
  const show = (v: unknown) => (v === null ? 'none' : JSON.stringify(v));
  const byVersion =
    show(d['4.5.2']) === show(d['4.9.8']) && show(d['4.9.8']) === show(d['5.3.3'])
      ? `Default: ${show(d['4.5.2'])}.`
      : `Default: 4.5.2 ${show(d['4.5.2'])}, 4.9.8 ${show(d['4.9.8'])}, 5.3.3 ${show(d['5.3.3'])}.`;
  const only = info.availableIn.length < 3 ? ` Only in ${info.availableIn.join(', ')}.` : '';
  const unit = info.unit ? ` Unit: ${info.unit}.` : '';
  const assumption = info.assumption ? ` (SendPath's assumption: ${info.assumption.en})` : '';
  return `${info.description.en}${unit} ${byVersion}${only}${assumption} Upstream: ${info.upstream}.`;
}

function withInfo<T extends z.ZodType>(schema: T, info: SettingInfo<unknown>) {
  return schema.optional().meta({ description: describeSetting(info) });
}

// ---------------------------------------------------------------------------------------------------------
// Shared pieces.

export const LocalizedTextSchema = (max: number) =>
  obj({ en: text(max), zh: text(max) }).meta({
    description: 'The same text in English (en) and Chinese (zh).',
  });

export type LocalizedText = { en: string; zh: string };

export type Latency =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'lognormal'; medianMs: number; p99Ms: number };

export const LatencySchema = z
  .discriminatedUnion(
    'kind',
    [
      obj({ kind: z.literal('fixed'), ms: latencyMs(false) }).meta({ description: 'Always ms.' }),
      obj({ kind: z.literal('uniform'), minMs: latencyMs(false), maxMs: latencyMs(false) })
        .refine((l) => l.minMs <= l.maxMs, {
          error: said('latency.atLeast', { field: 'minMs' }),
          path: ['maxMs'],
        })
        .meta({ description: 'Uniform between minMs and maxMs.' }),
      obj({ kind: z.literal('lognormal'), medianMs: latencyMs(true), p99Ms: latencyMs(true) })
        .refine((l) => l.medianMs <= l.p99Ms, {
          error: said('latency.atLeast', { field: 'medianMs' }),
          path: ['p99Ms'],
        })
        .meta({ description: 'Log-normal with this median and 99th percentile (a long tail).' }),
    ],
    {
      error: (iss) => (iss.code === 'invalid_union' ? said('latency.kind') : said('latency.type')),
    },
  )
  .meta({ description: 'A latency distribution in milliseconds.' });

const BROKER_REF_RE = /^[A-Za-z0-9_-]{1,64}(@[1-9][0-9]{0,8})?$/;
const brokerRefMessage = said('brokerRef');
const brokerRef = () =>
  z.string({ error: brokerRefMessage }).regex(BROKER_REF_RE, { error: brokerRefMessage });

const endpointMessage = said('endpoint');
const endpoint = () =>
  z.string({ error: endpointMessage }).regex(/^(producer|namesrv|[A-Za-z0-9_-]{1,64}(@[1-9][0-9]{0,8})?)$/, {
    error: endpointMessage,
  });
const linkMessage = said('link.pair');
const link = () => z.tuple([endpoint(), endpoint()], { error: linkMessage });

// ---------------------------------------------------------------------------------------------------------
// Producer.

const P = PRODUCER_DEFAULTS;
const javaInt = (noun: ScenarioNoun, min = 0) => intIn(min, 2_147_483_647, noun);

export const ProducerSchema = obj({
  group: withInfo(clientText('producerGroup'), P.group),
  sendMsgTimeout: withInfo(timeMs(), P.sendMsgTimeout),
  retryTimesWhenSendFailed: withInfo(intIn(0, C.maxRetries, 'retries'), P.retryTimesWhenSendFailed),
  retryTimesWhenSendAsyncFailed: withInfo(intIn(0, C.maxRetries, 'retries'), P.retryTimesWhenSendAsyncFailed),
  retryAnotherBrokerWhenNotStoreOK: withInfo(bool(), P.retryAnotherBrokerWhenNotStoreOK),
  sendLatencyFaultEnable: withInfo(bool(), P.sendLatencyFaultEnable),
  sendMsgMaxTimeoutPerRequest: withInfo(intIn(-1, C.maxTimeMs, 'msCapOff'), P.sendMsgMaxTimeoutPerRequest),
  retryResponseCodes: withInfo(
    list(intIn(-2_147_483_648, 2_147_483_647, 'responseCode'), C.maxRetryResponseCodes, 'responseCodes'),
    P.retryResponseCodes,
  ),
  compressMsgBodyOverHowmuch: withInfo(javaInt('bytes'), P.compressMsgBodyOverHowmuch),
  maxMessageSize: withInfo(javaInt('bytes', 1), P.maxMessageSize),
  defaultTopicQueueNums: withInfo(intIn(1, C.maxQueuesPerTopic, 'queues'), P.defaultTopicQueueNums),
  createTopicKey: withInfo(clientText('topicName'), P.createTopicKey),
  pollNameServerInterval: withInfo(periodMs(), P.pollNameServerInterval),
  heartbeatBrokerInterval: withInfo(periodMs(), P.heartbeatBrokerInterval),
  mqClientApiTimeout: withInfo(timeMs(), P.mqClientApiTimeout),
  clientCallbackExecutorThreads: withInfo(
    intIn(1, C.maxPoolThreads, 'threads'),
    P.clientCallbackExecutorThreads,
  ),
  clientAsyncSemaphoreValue: withInfo(intIn(1, C.maxQueueCapacity, 'permits'), P.clientAsyncSemaphoreValue),
  clientOnewaySemaphoreValue: withInfo(intIn(1, C.maxQueueCapacity, 'permits'), P.clientOnewaySemaphoreValue),
  clientCloseSocketIfTimeout: withInfo(bool(), P.clientCloseSocketIfTimeout),
  asyncSenderThreads: withInfo(intIn(1, C.maxPoolThreads, 'threads'), P.asyncSenderThreads),
  asyncSenderQueueCapacity: withInfo(intIn(1, C.maxQueueCapacity, 'tasks'), P.asyncSenderQueueCapacity),
  enableBackpressureForAsyncMode: withInfo(bool(), P.enableBackpressureForAsyncMode),
  backPressureForAsyncSendNum: withInfo(
    intIn(10, C.maxQueueCapacity, 'messages'),
    P.backPressureForAsyncSendNum,
  ),
  backPressureForAsyncSendSize: withInfo(javaInt('bytes', 1024 * 1024), P.backPressureForAsyncSendSize),
  startDetectorEnable: withInfo(bool(), P.startDetectorEnable),
  detectTimeout: withInfo(timeMs(), P.detectTimeout),
  detectInterval: withInfo(periodMs(), P.detectInterval),
  startAtMs: withInfo(timeMs(), P.startAtMs),
  shutdownAtMs: withInfo(timeMs(), P.shutdownAtMs),
}).meta({ description: 'The producer (DefaultMQProducer and its ClientConfig). Every field is optional.' });

// ---------------------------------------------------------------------------------------------------------
// Name server.

const N = NAME_SERVER_DEFAULTS;
const addressMessage = said('address');
const address = () =>
  z
    .string({ error: addressMessage })
    .regex(
      /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}:[0-9]{1,5}$/,
      {
        error: addressMessage,
      },
    )
    .refine((a) => Number(a.slice(a.lastIndexOf(':') + 1)) <= 65535, {
      error: said('address.port'),
    });

export const NameServerSchema = obj({
  address: withInfo(address(), N.address),
  processingLatency: withInfo(LatencySchema, N.processingLatency),
  brokerChannelExpiredTime: withInfo(timeMs(1), N.brokerChannelExpiredTime),
  scanNotActiveBrokerInterval: withInfo(periodMs(), N.scanNotActiveBrokerInterval),
  scanNotActiveBrokerInitialDelay: withInfo(timeMs(), N.scanNotActiveBrokerInitialDelay),
  serverChannelMaxIdleTimeSeconds: withInfo(
    intIn(1, C.maxTimeMs / 1000, 'seconds'),
    N.serverChannelMaxIdleTimeSeconds,
  ),
  orderMessageEnable: withInfo(bool(), N.orderMessageEnable),
}).meta({ description: 'The name server (one). Every field is optional.' });

// ---------------------------------------------------------------------------------------------------------
// Brokers.

const B = BROKER_DEFAULTS;

export const BrokerSchema = obj({
  name: name('brokerName').meta({
    description: 'brokerName: the broker group. A master and its slaves share it. Required.',
  }),
  role: oneOf(['ASYNC_MASTER', 'SYNC_MASTER', 'SLAVE']).optional().meta({
    description:
      'MessageStoreConfig.brokerRole. Default: ASYNC_MASTER. A SLAVE needs a brokerId of 1 or more and takes no sends.',
  }),
  brokerId: intIn(0, 999_999_999, 'brokerId').optional().meta({
    description:
      'BrokerConfig.brokerId: 0 for a master (the default); 1 or more for a SLAVE (required there).',
  }),
  address: address().optional().meta({
    description:
      'ip:port of the broker. Default: 10.0.0.N:10911 where N is the position in brokers[] plus 1.',
  }),
  clusterName: withInfo(name('clusterName'), B.clusterName),
  flushDiskType: withInfo(oneOf(['ASYNC_FLUSH', 'SYNC_FLUSH']), B.flushDiskType),
  autoCreateTopicEnable: withInfo(bool(), B.autoCreateTopicEnable),
  defaultTopicQueueNums: withInfo(intIn(1, C.maxQueuesPerTopic, 'queues'), B.defaultTopicQueueNums),
  brokerPermission: withInfo(
    z.union([z.literal(2), z.literal(4), z.literal(6)], {
      error: said('brokerPermission'),
    }),
    B.brokerPermission,
  ),
  sendMessageThreadPoolNums: withInfo(intIn(1, C.maxPoolThreads, 'threads'), B.sendMessageThreadPoolNums),
  sendThreadPoolQueueCapacity: withInfo(intIn(1, C.maxQueueCapacity, 'tasks'), B.sendThreadPoolQueueCapacity),
  brokerFastFailureEnable: withInfo(bool(), B.brokerFastFailureEnable),
  waitTimeMillsInSendQueue: withInfo(timeMs(), B.waitTimeMillsInSendQueue),
  osPageCacheBusyTimeOutMills: withInfo(timeMs(), B.osPageCacheBusyTimeOutMills),
  syncFlushTimeout: withInfo(timeMs(), B.syncFlushTimeout),
  slaveTimeout: withInfo(timeMs(), B.slaveTimeout),
  inSyncReplicas: withInfo(intIn(1, C.maxBrokers, 'replicas'), B.inSyncReplicas),
  haHousekeepingInterval: withInfo(periodMs(), B.haHousekeepingInterval),
  maxMessageSize: withInfo(javaInt('bytes', 1), B.maxMessageSize),
  registerNameServerPeriod: withInfo(intIn(10_000, 60_000, 'msClamped'), B.registerNameServerPeriod),
  registerBrokerTimeoutMills: withInfo(timeMs(), B.registerBrokerTimeoutMills),
  storeLatency: withInfo(LatencySchema, B.storeLatency),
  flushLatency: withInfo(LatencySchema, B.flushLatency),
  replicationLatency: withInfo(LatencySchema, B.replicationLatency),
}).meta({ description: 'One broker process: a master (brokerId 0) or a slave of the group `name`.' });

// ---------------------------------------------------------------------------------------------------------
// Topics.

const T = TOPIC_DEFAULTS;
const ORDER_CONF_RE = /^[A-Za-z0-9_-]{1,64}:[0-9]{1,4}(;[A-Za-z0-9_-]{1,64}:[0-9]{1,4})*;?$/;
const orderConfMessage = said('orderTopicConf');

export const TopicSchema = obj({
  name: topicName().meta({ description: 'Topic name (TopicValidator rules). Required.' }),
  readQueueNums: withInfo(intIn(0, C.maxQueuesPerTopic, 'queues'), T.readQueueNums),
  writeQueueNums: withInfo(intIn(0, C.maxQueuesPerTopic, 'queues'), T.writeQueueNums),
  perm: withInfo(intIn(0, 7, 'permBits'), T.perm),
  brokers: list(name('brokerName'), C.maxBrokers, 'brokerNames', 1)
    .optional()
    .meta({ description: 'Broker groups that hold the topic (by name). Default: every broker group.' }),
  order: withInfo(bool(), T.order),
  orderTopicConf: z
    .string({ error: orderConfMessage })
    .max(5000, { error: orderConfMessage })
    .regex(ORDER_CONF_RE, { error: orderConfMessage })
    .optional()
    .meta({
      description:
        'The name server’s ORDER_TOPIC_CONFIG value for this topic ("broker-a:4;broker-b:4"); producers then build queues from it verbatim. Needs nameServer.orderMessageEnable.',
    }),
}).meta({ description: 'A topic created on brokers before the run (as mqadmin updateTopic would).' });

// ---------------------------------------------------------------------------------------------------------
// Network.

const NW = NETWORK_DEFAULTS;

export const NetworkSchema = obj({
  latency: obj({
    producerToNameServer: withInfo(LatencySchema, NW.producerToNameServer),
    producerToBroker: withInfo(LatencySchema, NW.producerToBroker),
    brokerToNameServer: withInfo(LatencySchema, NW.brokerToNameServer),
    brokerToBroker: withInfo(LatencySchema, NW.brokerToBroker),
  })
    .optional()
    .meta({ description: 'One-way latency per class of link.' }),
  links: list(
    obj({
      between: link().meta({ description: 'The two endpoints; a link is undirected.' }),
      latency: LatencySchema,
    }),
    C.maxLinks,
    'links',
  )
    .optional()
    .meta({ description: 'Per-link overrides of the one-way latency.' }),
  connectLatency: withInfo(LatencySchema, NW.connectLatency),
  connectTimeoutMillis: withInfo(timeMs(1), NW.connectTimeoutMillis),
}).meta({ description: 'Network between the producer, the name server and the brokers.' });

// ---------------------------------------------------------------------------------------------------------
// Workload.

const W = WORKLOAD_DEFAULTS;
const rateMessage = said('number.rate', { max: C.maxRatePerSecond });
/** intervalMs and timesMs: milliseconds with fractions, unlike the whole-millisecond times elsewhere. */
const offsetMessage = said('number.ms', { max: C.maxTimeMs });

export const WorkloadSchema = obj({
  name: text(C.maxTitleLength, 'label').optional().meta({ description: 'A label for the panels.' }),
  count: intIn(1, C.maxMessages, 'messages').optional().meta({
    description: 'How many messages. Required unless timesMs is given (then it must equal its length).',
  }),
  startAtMs: withInfo(timeMs(), W.startAtMs),
  ratePerSecond: z
    .number({ error: rateMessage })
    .gt(0, { error: rateMessage })
    .max(C.maxRatePerSecond, { error: rateMessage })
    .optional()
    .meta({
      description:
        'Schedule: this many sends per second from startAtMs. One of ratePerSecond, intervalMs, timesMs.',
    }),
  intervalMs: z
    .number({ error: offsetMessage })
    .min(0, { error: offsetMessage })
    .max(C.maxTimeMs, { error: offsetMessage })
    .optional()
    .meta({
      description:
        'Schedule: one send every intervalMs from startAtMs. The default when no schedule is given: 0 (all due at startAtMs).',
    }),
  timesMs: list(
    z
      .number({ error: offsetMessage })
      .min(0, { error: offsetMessage })
      .max(C.maxTimeMs, { error: offsetMessage }),
    C.maxTimesPerWorkload,
    'times',
    1,
  )
    .optional()
    .meta({ description: 'Schedule: explicit due times, as offsets in ms from startAtMs.' }),
  mode: withInfo(oneOf(['SYNC', 'ASYNC', 'ONEWAY']), W.mode),
  topic: clientText('topic').meta({
    description:
      'Topic to send to. It need not be declared: a missing topic shows route lookup, TBW102 and auto-creation. Required.',
  }),
  key: clientText('messageKey')
    .optional()
    .meta({ description: 'The same key on every message (Message.keys). At most one of key and keys.' }),
  keys: list(clientText('messageKey'), C.maxKeysPerWorkload, 'keys', 1)
    .optional()
    .meta({ description: 'Keys used in turn: message i gets keys[i mod length].' }),
  bodySize: withInfo(intIn(0, C.maxBodySize, 'bytes'), W.bodySize),
  selector: withInfo(oneOf(['none', 'hash', 'random', 'machineRoom']), W.selector),
  threads: withInfo(intIn(1, C.maxThreadsPerWorkload, 'threads'), W.threads),
  timeoutMs: timeMs()
    .optional()
    .meta({ description: 'Timeout passed to send(..., timeout). Default: producer.sendMsgTimeout.' }),
}).meta({ description: 'A series of sends.' });

// ---------------------------------------------------------------------------------------------------------
// Faults.

const atMs = () => timeMs().meta({ description: 'Virtual time at which the fault happens.' });
const durationMs = (what: string) => timeMs().optional().meta({ description: what });
const onBroker = () =>
  brokerRef().meta({ description: 'The broker: "broker-a" (its master) or "broker-a@1" (a slave).' });

export const FaultSchema = z.discriminatedUnion(
  'kind',
  [
    obj({
      kind: z.literal('crash'),
      atMs: atMs(),
      broker: onBroker(),
      durationMs: durationMs('Back up after this long; leave it out to stay down (or add an "up" fault).'),
      closeConnections: bool().optional().meta({
        description:
          'false (default): power loss or a hang, no FIN: peers notice only by timeouts and expiry. true: the process died on a live host, so its sockets close at once and connects are refused.',
      }),
    }).meta({ description: 'The broker stops without a clean close.' }),
    obj({
      kind: z.literal('shutdown'),
      atMs: atMs(),
      broker: onBroker(),
      durationMs: durationMs('Restart after this long; leave it out to stay down.'),
    }).meta({
      description: 'Clean shutdown: the broker unregisters from the name server (order per version).',
    }),
    obj({ kind: z.literal('up'), atMs: atMs(), broker: onBroker() }).meta({
      description: 'The broker (re)starts and registers at once.',
    }),
    obj({
      kind: z.literal('slow'),
      atMs: atMs(),
      broker: onBroker().optional(),
      link: link().optional().meta({ description: 'A link instead of a broker: ["producer", "broker-a"].' }),
      extraLatency: LatencySchema.meta({
        description: 'Added to each store on the broker, or to each one-way trip on the link.',
      }),
      durationMs: durationMs('How long; leave it out for the rest of the run.'),
    }).meta({ description: 'Extra latency on a broker or a link. Give exactly one of broker and link.' }),
    obj({
      kind: z.literal('busy'),
      atMs: atMs(),
      broker: onBroker(),
      cause: oneOf(['pageCacheBusy', 'sendQueueFull']).optional().meta({
        description:
          'pageCacheBusy (default): the commit-log lock is held too long: [REJECTREQUEST], [PCBUSY_CLEAN_QUEUE], [PC_SYNCHRONIZED]. sendQueueFull: the send queue is full: [OVERLOAD].',
      }),
      durationMs: durationMs('How long; leave it out for the rest of the run.'),
    }).meta({
      description:
        'Broker flow control: sends are answered SYSTEM_BUSY (or SYSTEM_ERROR in 4.x for PC_SYNCHRONIZED).',
    }),
    obj({
      kind: z.literal('partition'),
      atMs: atMs(),
      link: link(),
      durationMs: durationMs('Heal after this long; leave it out to stay cut (or add a "heal" fault).'),
    }).meta({ description: 'Nothing crosses the link either way; connections stay open (no FIN).' }),
    obj({ kind: z.literal('heal'), atMs: atMs(), link: link() }).meta({
      description: 'Ends a partition of the link.',
    }),
    obj({
      kind: z.literal('flushTimeout'),
      atMs: atMs(),
      broker: onBroker(),
      durationMs: durationMs('How long; leave it out for the rest of the run.'),
    }).meta({
      description:
        'SYNC_FLUSH never completes: sends are answered FLUSH_DISK_TIMEOUT after syncFlushTimeout.',
    }),
    obj({
      kind: z.literal('dropReply'),
      atMs: atMs(),
      broker: onBroker(),
      durationMs: durationMs(
        'How long; leave it out for the rest of the run (or until count replies are lost).',
      ),
      count: intIn(1, C.maxMessages, 'replies')
        .optional()
        .meta({ description: 'Lose at most this many replies.' }),
    }).meta({
      description: 'The broker stores the message but its reply is lost, so a retry stores it twice.',
    }),
  ],
  {
    error: (iss) => (iss.code === 'invalid_union' ? said('fault.kind') : said('fault.type')),
  },
);

// ---------------------------------------------------------------------------------------------------------
// Narration (classroom presets).

const anchorMessage = said('narration.at');

export const NarrationSchema = obj({
  steps: list(
    obj({
      title: LocalizedTextSchema(C.maxTitleLength),
      body: LocalizedTextSchema(C.maxTextLength),
      at: z
        .union(
          [
            intIn(0, 100_000_000, 'steps'),
            obj({
              kind: text(100, 'eventKind')
                .optional()
                .meta({ description: 'Trace event kind, e.g. "send.result".' }),
              msgId: text(100, 'messageId').optional().meta({ description: 'Only events of this message.' }),
              nth: intIn(1, 100_000_000, 'matches')
                .optional()
                .meta({ description: 'The nth matching event, counting from 1 (default 1).' }),
            }),
          ],
          { error: anchorMessage },
        )
        .meta({
          description:
            'Where the cursor jumps: a trace step index, or the nth event matching kind and msgId.',
        }),
    }),
    C.maxNarrationSteps,
    'steps',
    1,
  ),
  conclusion: LocalizedTextSchema(C.maxTextLength),
}).meta({ description: 'A guided narration for classroom presets.' });

// ---------------------------------------------------------------------------------------------------------
// The scenario.

export const ScenarioSchema = obj({
  $schema: z
    .string({ error: said('text.schemaUrl') })
    .max(2000, { error: said('text.max', { what: 'text', max: 2000 }) })
    .optional()
    .meta({ description: 'Ignored; lets an editor find scenario.schema.json.' }),
  version: z
    .literal(SCENARIO_FORMAT_VERSION, {
      error: (iss) =>
        typeof iss.input === 'number' && iss.input > SCENARIO_FORMAT_VERSION
          ? said('version.newer', { given: iss.input, supported: SCENARIO_FORMAT_VERSION })
          : said('version.wrong', { supported: SCENARIO_FORMAT_VERSION }),
    })
    .meta({ description: 'Format version of this file: 1.' }),
  id: name('presetId').optional().meta({
    description: 'Preset id; for a file in public/scenarios it equals the file name without .json.',
  }),
  title: LocalizedTextSchema(C.maxTitleLength).optional(),
  description: LocalizedTextSchema(C.maxTextLength).optional(),
  seed: intIn(0, 4_294_967_295, 'seed')
    .optional()
    .meta({ description: 'Seed of every random draw; same scenario and seed, same trace. Default: 1.' }),
  rocketmqVersion: oneOf(['4.5.2', '4.9.8', '5.3.3']).meta({
    description: 'Client and server behaviour to simulate; also chooses the defaults. Required.',
  }),
  durationMs: timeMs()
    .optional()
    .meta({ description: 'Stop time. Default: when every send has its result (and at most 24 h).' }),
  producer: ProducerSchema.optional(),
  nameServer: NameServerSchema.optional(),
  brokers: list(BrokerSchema, C.maxBrokers, 'brokers', 1).meta({
    description: 'Broker processes; at least one.',
  }),
  topics: list(TopicSchema, C.maxTopics, 'topics').optional(),
  network: NetworkSchema.optional(),
  workload: list(WorkloadSchema, C.maxWorkloads, 'workloads').optional(),
  faults: list(FaultSchema, C.maxFaults, 'faults').optional(),
  narration: NarrationSchema.optional(),
}).meta({
  title: 'SendPath scenario',
  description:
    'A simulated RocketMQ producer, name server and brokers, a workload and faults on a timeline. See docs/scenario.md.',
});

/** A scenario as written (before defaults). */
export type Scenario = z.infer<typeof ScenarioSchema>;
export type Fault = z.infer<typeof FaultSchema>;
export type Workload = z.infer<typeof WorkloadSchema>;
export type Broker = z.infer<typeof BrokerSchema>;
export type Topic = z.infer<typeof TopicSchema>;

// Compile-time checks that the schema and the hand-written types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _latencyTypeAgrees: Same<z.infer<typeof LatencySchema>, Latency> = true;
const _producerKeysAgree: Same<keyof z.infer<typeof ProducerSchema>, keyof typeof PRODUCER_DEFAULTS> = true;
const _brokerKeysAgree: Same<
  Exclude<keyof Broker, 'name' | 'role' | 'brokerId' | 'address'>,
  keyof typeof BROKER_DEFAULTS
> = true;
void _latencyTypeAgrees;
void _producerKeysAgree;
void _brokerKeysAgree;

/** The JSON Schema of the format (public/scenario.schema.json is generated from it). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
