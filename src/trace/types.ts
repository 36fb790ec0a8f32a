/**
 * The trace contract (../shared/DESIGN.md, "Trace events"): the engine writes these events, the page folds
 * them, `npm run sim` prints them as JSON lines. Field names here are contract; add kinds freely, but never
 * rename a field of a required kind.
 */

/** The upstream code an event models, e.g. `{cls: 'MQFaultStrategy', method: 'selectOneMessageQueue'}`. */
export interface CodeRef {
  cls: string;
  method: string;
}

export type SendMode = 'SYNC' | 'ASYNC' | 'ONEWAY';

export type SendStatus =
  'SEND_OK' | 'FLUSH_DISK_TIMEOUT' | 'FLUSH_SLAVE_TIMEOUT' | 'SLAVE_NOT_AVAILABLE' | 'EXCEPTION';

interface Base<K extends string> {
  /** 0, 1, 2, ... in emission order. */
  seq: number;
  /** Virtual time in ms. Never decreases along the trace. */
  t: number;
  kind: K;
  code: CodeRef;
}

export interface SendCallEvent extends Base<'send.call'> {
  msgId: string;
  mode: SendMode;
  topic: string;
  key?: string;
  timeoutMs: number;
}

export interface ExecutorEvent extends Base<'executor.enqueue' | 'executor.run' | 'executor.reject'> {
  msgId: string;
  /** The executor's queue size after the event. */
  queued: number;
  worker?: string;
  waitedMs?: number;
}

export type RouteSource = 'cache' | 'namesrv' | 'default-topic' | 'none';

export interface RouteLookupEvent extends Base<'route.lookup'> {
  topic: string;
  source: RouteSource;
  msgId?: string;
}

export type SkipReason = 'notAvailable' | 'sameBroker' | 'notReachable' | 'filtered' | string;

export interface QueueSelectEvent extends Base<'queue.select'> {
  msgId: string;
  attempt: number;
  brokerName: string;
  queueId: number;
  lastBrokerName: string | null;
  /** The `sendWhichQueue` value the choice was computed from. */
  index: number;
  skipped: { brokerName: string; queueId: number; reason: SkipReason; availableAt?: number }[];
}

export interface BudgetCheckEvent extends Base<'budget.check'> {
  msgId: string;
  /** Which upstream check, e.g. `sendDefaultImpl`, `sendKernelImpl`, `DEFAULT ASYNC`. */
  where: string;
  costMs: number;
  timeoutMs: number;
  ok: boolean;
}

export interface RpcEvent extends Base<'rpc.send' | 'rpc.arrive' | 'rpc.response' | 'rpc.timeout'> {
  rpcId: number;
  from: string;
  to: string;
  /**
   * DESIGN.md lists a `code?` here, but `code` is already every event's `{cls, method}`; so the remoting
   * codes get their own names: the request code (SEND_MESSAGE_V2 = 310, ...) and the response code.
   */
  requestCode?: number;
  responseCode?: number;
  /** A short name of the RPC for display, e.g. `SEND_MESSAGE_V2`, `GET_ROUTEINFO_BY_TOPIC`. */
  name?: string;
  msgId?: string;
}

export interface BrokerStoreEvent extends Base<'broker.store'> {
  broker: string;
  topic: string;
  queueId: number;
  offset: number;
  msgId: string;
  /** True when this message was already stored once (a retry after a lost or late reply). */
  duplicate: boolean;
}

export interface FaultUpdateEvent extends Base<'fault.update'> {
  brokerName: string;
  latencyMs: number;
  isolation: boolean;
  notAvailableMs: number;
  availableAt: number;
}

export interface AttemptEndEvent extends Base<'attempt.end'> {
  msgId: string;
  attempt: number;
  outcome: string;
  error?: string;
}

export interface SendResultEvent extends Base<'send.result'> {
  msgId: string;
  status: SendStatus;
  exception?: string;
  message?: string;
  viaCallback: boolean;
  costMs: number;
}

/**
 * 5.x async back-pressure (`enableBackpressureForAsyncMode`): `executeAsyncMessageSend` takes a permit of
 * `semaphoreAsyncSendNum` (1) then of `semaphoreAsyncSendSize` (the body length), waiting at most the time
 * left, or gives up (`timeout`); `BackpressureSendCallBack.semaphoreProcessor` gives them back (`release`).
 * `available`, `total` and `waiting` are the semaphore's state right after the step.
 */
export interface BackpressureEvent extends Base<'producer.backpressure'> {
  msgId: string;
  semaphore: 'semaphoreAsyncSendNum' | 'semaphoreAsyncSendSize';
  action: 'acquire' | 'timeout' | 'release';
  permits: number;
  available: number;
  total: number;
  waiting: number;
  waitedMs: number;
  thread?: string;
}

export interface SimEndEvent extends Base<'sim.end'> {
  inFlight: string[];
}

/** Any other kind the engine emits (route updates, broker state, semaphores...): open for extension. */
export interface OtherEvent extends Base<string> {
  [field: string]: unknown;
}

export type KnownEvent =
  | SendCallEvent
  | ExecutorEvent
  | RouteLookupEvent
  | QueueSelectEvent
  | BudgetCheckEvent
  | RpcEvent
  | BrokerStoreEvent
  | FaultUpdateEvent
  | AttemptEndEvent
  | SendResultEvent
  | BackpressureEvent
  | SimEndEvent;

export type TraceEvent = KnownEvent | OtherEvent;

/**
 * A trace as the page and the tools read it: its length and its events by index. A plain `TraceEvent[]` is
 * one (tests write them by hand); the page keeps a `PackedTrace` (src/trace/packed.ts), which builds each
 * event on demand from typed arrays. Read events with `at(i)`, never with `trace[i]`.
 */
export interface Trace {
  readonly length: number;
  at(index: number): TraceEvent | undefined;
  [Symbol.iterator](): Iterator<TraceEvent>;
}

/** A trace held as plain objects: what the engine returns and what tests write by hand. */
export type TraceArray = readonly TraceEvent[];
