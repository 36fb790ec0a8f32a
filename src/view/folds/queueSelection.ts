import { fieldAt, kindAt } from '../../trace/access';
import type { Trace, TraceEvent } from '../../trace/types';
import type { Fold } from '../fold';
import {
  arr,
  bool,
  field,
  fieldNum,
  fieldStr,
  firstNum,
  firstStr,
  lastAtOrBefore,
  msgIdOf,
  num,
  provenance,
  str,
  type Provenance,
} from './eventFields';
import { readRoute, type QueueRef } from './route';

/**
 * The Queue selection panel's fold: the message-queue list the producer believes per topic, every
 * `queue.select` (the `sendWhichQueue` value, each skipped candidate and why, the chosen queue), the
 * selector's hash when a selector chose, and the latency fault table (`fault.update`). Selections are
 * indexed from the whole trace and read back clipped to the cursor, so a checkpoint costs little.
 */

export interface Skip {
  brokerName: string;
  queueId: number;
  reason: string;
  /** Position in the message-queue list, when the engine says. */
  pos: number | null;
  availableAt: number | null;
  lastBrokerName: string | null;
  pass: string | null;
}

export interface HashComputation {
  selector: string | null;
  /** What was hashed (the key or the selector's argument), when the event says. */
  arg: string | null;
  hash: number;
  queueCount: number | null;
  /** The resulting position, from the event or computed as upstream does (4.9.8: `abs(hash % n)`). */
  result: number | null;
  from: Provenance;
}

export interface Selection {
  msgId: string;
  attempt: number;
  brokerName: string;
  queueId: number;
  lastBrokerName: string | null;
  /** The `sendWhichQueue` value the choice was computed from. */
  index: number | null;
  skipped: Skip[];
  /** Which branch of `selectOneMessageQueue` returned (`available`, `notBestBroker`, `fallback`...). */
  path: string | null;
  /** Position of the chosen queue in the list, when the engine says. */
  pos: number | null;
  thread: string | null;
  /** 4.x: what `pickOneAtLeast` returned, when that branch ran. */
  pick: string | null;
  hash: HashComputation | null;
  /** The upstream method that made the choice, e.g. `MQFaultStrategy.selectOneMessageQueue`. */
  code: string;
  from: Provenance;
}

export interface FaultRow {
  brokerName: string;
  latencyMs: number;
  isolation: boolean;
  notAvailableMs: number;
  availableAt: number;
  reachable: boolean | null;
  from: Provenance;
}

export interface QueueSelectionIndex {
  trace: Trace;
  /** Trace positions of every `queue.select`, in order. */
  selects: number[];
  selectsByMsg: Map<string, number[]>;
  /** Trace positions of events that carry a selector hash, per message. */
  hashesByMsg: Map<string, number[]>;
  msgTopic: Map<string, string>;
  /** Queues seen in selections per topic (chosen and skipped), for when no `route.update` says the list. */
  seenQueues: Map<string, QueueRef[]>;
}

export interface QueueSelectionState {
  readonly index: QueueSelectionIndex;
  now: number;
  lastSeq: number;
  /** Trace position of the last applied event. */
  position: number;
  /** The publish list per topic, from `route.update`. */
  routes: Map<string, { queues: QueueRef[]; from: Provenance }>;
  faults: Map<string, FaultRow>;
}

function sortQueues(queues: QueueRef[]): QueueRef[] {
  return queues.sort((a, b) =>
    a.brokerName === b.brokerName ? a.queueId - b.queueId : a.brokerName < b.brokerName ? -1 : 1,
  );
}

export function indexQueueSelection(trace: Trace): QueueSelectionIndex {
  const selects: number[] = [];
  const selectsByMsg = new Map<string, number[]>();
  const hashesByMsg = new Map<string, number[]>();
  const msgTopic = new Map<string, string>();
  const seen = new Map<string, Map<string, QueueRef>>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  for (let i = 0; i < trace.length; i++) {
    // Only calls, selections and hash computations matter; other events are skipped unbuilt.
    const kind = kindAt(trace, i);
    if (kind !== 'send.call' && kind !== 'queue.select' && fieldAt(trace, i, 'hash') === undefined) continue;
    const e = trace.at(i)!;
    const msgId = msgIdOf(e);
    const topic = str(e, 'topic');
    if (e.kind === 'send.call' && msgId && topic) msgTopic.set(msgId, topic);
    if (msgId && num(e, 'hash') !== undefined) push(hashesByMsg, msgId, i);
    if (e.kind !== 'queue.select' || !msgId) continue;
    selects.push(i);
    push(selectsByMsg, msgId, i);
    const t = msgTopic.get(msgId) ?? topic ?? '';
    let queues = seen.get(t);
    if (!queues) seen.set(t, (queues = new Map()));
    const add = (b: string | undefined, q: number | undefined) => {
      if (b !== undefined && q !== undefined && q >= 0)
        queues.set(`${b}#${q}`, { brokerName: b, queueId: q });
    };
    add(str(e, 'brokerName'), num(e, 'queueId'));
    for (const s of arr(e, 'skipped') ?? []) add(fieldStr(s, 'brokerName'), fieldNum(s, 'queueId'));
  }
  const seenQueues = new Map<string, QueueRef[]>();
  for (const [topic, queues] of seen) seenQueues.set(topic, sortQueues([...queues.values()]));
  return { trace, selects, selectsByMsg, hashesByMsg, msgTopic, seenQueues };
}

/** Java's `Math.abs(hash % n)`, the 4.9.8 `SelectMessageQueueByHash` index. */
export function hashIndex(hash: number, queueCount: number): number {
  return Math.abs(hash % queueCount);
}

function readHash(e: TraceEvent): HashComputation | null {
  const hash = num(e, 'hash');
  if (hash === undefined) return null;
  const queueCount = firstNum(e, ['queueCount', 'n', 'mqsSize']) ?? null;
  const explicit = firstNum(e, ['hashIndex', 'selectedIndex', 'mqIndex', 'result']);
  const argValue = field(e, 'arg') ?? field(e, 'key');
  return {
    selector: firstStr(e, ['selector', 'selectorName']) ?? null,
    arg: typeof argValue === 'string' || typeof argValue === 'number' ? String(argValue) : null,
    hash,
    queueCount,
    result: explicit ?? (queueCount ? hashIndex(hash, queueCount) : null),
    from: provenance(e),
  };
}

/** Reads a `queue.select` event into what the panel shows. */
export function readSelection(e: TraceEvent): Selection {
  const skipped: Skip[] = (arr(e, 'skipped') ?? []).map((s) => ({
    brokerName: fieldStr(s, 'brokerName') ?? '?',
    queueId: fieldNum(s, 'queueId') ?? -1,
    reason: fieldStr(s, 'reason') ?? '?',
    pos: fieldNum(s, 'pos') ?? null,
    availableAt: fieldNum(s, 'availableAt') ?? null,
    lastBrokerName: fieldStr(s, 'lastBrokerName') ?? null,
    pass: fieldStr(s, 'pass') ?? null,
  }));
  const lastBroker = field(e, 'lastBrokerName');
  const pick = field(e, 'pick');
  return {
    msgId: msgIdOf(e) ?? '?',
    attempt: num(e, 'attempt') ?? 0,
    brokerName: str(e, 'brokerName') ?? '?',
    queueId: num(e, 'queueId') ?? -1,
    lastBrokerName: typeof lastBroker === 'string' ? lastBroker : null,
    index: num(e, 'index') ?? null,
    skipped,
    path: str(e, 'path') ?? null,
    pos: num(e, 'pos') ?? null,
    thread: firstStr(e, ['thread', 'threadName']) ?? null,
    pick: typeof pick === 'string' ? pick : null,
    hash: readHash(e),
    code: `${e.code?.cls ?? '?'}.${e.code?.method ?? '?'}`,
    from: provenance(e),
  };
}

export const queueSelectionFold: Fold<QueueSelectionState> = {
  name: 'queueSelection',
  initial(trace: Trace): QueueSelectionState {
    return {
      index: indexQueueSelection(trace),
      now: 0,
      lastSeq: -1,
      position: -1,
      routes: new Map(),
      faults: new Map(),
    };
  },
  apply(state: QueueSelectionState, e: TraceEvent, index: number): QueueSelectionState {
    state.now = e.t;
    state.lastSeq = e.seq;
    state.position = index;
    if (e.kind === 'route.update') {
      const topic = str(e, 'topic');
      const route = readRoute(e);
      if (topic && route.queues.length > 0) {
        state.routes.set(topic, { queues: route.queues, from: provenance(e) });
      }
    } else if (e.kind === 'fault.update') {
      const brokerName = str(e, 'brokerName');
      if (brokerName) {
        state.faults.set(brokerName, {
          brokerName,
          latencyMs: num(e, 'latencyMs') ?? 0,
          isolation: bool(e, 'isolation') ?? false,
          notAvailableMs: num(e, 'notAvailableMs') ?? 0,
          availableAt: num(e, 'availableAt') ?? e.t,
          reachable: bool(e, 'reachable') ?? null,
          from: provenance(e),
        });
      }
    } else if (e.kind === 'fault.remove' || e.kind === 'fault.item.remove') {
      const brokerName = firstStr(e, ['brokerName', 'broker']);
      if (brokerName) state.faults.delete(brokerName);
    }
    return state;
  },
  clone(state: QueueSelectionState): QueueSelectionState {
    return { ...state, routes: new Map(state.routes), faults: new Map(state.faults) };
  },
};

/** What the panel shows at the cursor: one selection (the selected message's, else the latest) in context. */
export interface QueueSelectionView {
  selection: Selection | null;
  /** 1 for the message's first selection, 2 for the next (the retry), whatever base the trace counts from. */
  attemptNumber: number;
  /** The `sendWhichQueue` value of the selection before it (same thread when the trace names threads). */
  previousIndex: { value: number; from: Provenance } | null;
  topic: string | null;
  /** The message-queue list, in list order (broker name, then queue id). */
  queues: QueueRef[];
  /** Where the list came from: the producer's route at the cursor, or queues seen in selections. */
  queuesFrom: Provenance | null;
  faults: FaultRow[];
  now: number;
  lastSeq: number;
}

function eventAt(state: QueueSelectionState, position: number): TraceEvent | undefined {
  return state.index.trace.at(position);
}

/**
 * The view at the cursor. With `selectedMsgId`, the latest selection of that message up to the cursor
 * (none yet: the latest of any message); without, the latest selection of any message.
 */
export function selectionView(state: QueueSelectionState, selectedMsgId: string | null): QueueSelectionView {
  const { index } = state;
  const upTo = (positions: readonly number[]) => lastAtOrBefore(positions, state.position, (p) => p);
  let at = -1;
  let positionInAll: number;
  let attemptNumber = 0;
  if (selectedMsgId) {
    const own = index.selectsByMsg.get(selectedMsgId) ?? [];
    const k = upTo(own);
    if (k >= 0) {
      at = own[k]!;
      attemptNumber = k + 1;
    }
  }
  if (at < 0) {
    positionInAll = upTo(index.selects);
    if (positionInAll >= 0) at = index.selects[positionInAll]!;
  } else {
    positionInAll = lastAtOrBefore(index.selects, at, (p) => p);
  }
  const event = at >= 0 ? eventAt(state, at) : undefined;
  const selection = event ? readSelection(event) : null;
  if (selection && attemptNumber === 0) {
    const own = index.selectsByMsg.get(selection.msgId) ?? [];
    attemptNumber = lastAtOrBefore(own, at, (p) => p) + 1;
  }
  if (selection && !selection.hash) {
    const hashes = index.hashesByMsg.get(selection.msgId) ?? [];
    const k = lastAtOrBefore(hashes, at, (p) => p);
    const hashEvent = k >= 0 ? eventAt(state, hashes[k]!) : undefined;
    if (hashEvent) selection.hash = readHash(hashEvent);
  }
  let previousIndex: QueueSelectionView['previousIndex'] = null;
  if (selection) {
    for (let k = positionInAll - 1; k >= 0; k--) {
      const prev = eventAt(state, index.selects[k]!);
      if (!prev) break;
      const thread = firstStr(prev, ['thread', 'threadName']) ?? null;
      if (selection.thread !== null && thread !== selection.thread) continue;
      const value = num(prev, 'index');
      if (value !== undefined) previousIndex = { value, from: provenance(prev) };
      break;
    }
  }
  const topic = selection ? (index.msgTopic.get(selection.msgId) ?? null) : null;
  const route = topic !== null ? state.routes.get(topic) : [...state.routes.values()].at(-1);
  const queues = route?.queues ?? index.seenQueues.get(topic ?? '') ?? [];
  const faults = [...state.faults.values()].sort((a, b) => (a.brokerName < b.brokerName ? -1 : 1));
  return {
    selection,
    attemptNumber,
    previousIndex,
    topic,
    queues,
    queuesFrom: route?.from ?? null,
    faults,
    now: state.now,
    lastSeq: state.lastSeq,
  };
}
