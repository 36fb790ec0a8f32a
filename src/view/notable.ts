import { fieldAt, kindAt, timeAt } from '../trace/access';
import type { Trace, TraceEvent } from '../trace/types';
import { attemptSucceeded } from './outcome';

/**
 * Events worth a mark on the timeline and a "next/previous notable" jump: the moments a lesson is about.
 * Each kind has its own glyph on screen, so colour is never the only signal.
 */
export type NotableKind = 'retry' | 'fault' | 'budget' | 'failure' | 'duplicate';

export const NOTABLE_KINDS: readonly NotableKind[] = ['retry', 'fault', 'budget', 'failure', 'duplicate'];

export interface Notable {
  /** Index of the event in the trace (its step is `index + 1`). */
  index: number;
  kind: NotableKind;
  t: number;
  msgId: string | undefined;
}

type Fields = Record<string, unknown>;

function field(event: TraceEvent, name: string): unknown {
  return (event as unknown as Fields)[name];
}

const FAULT_KINDS = new Set(['fault.inject', 'fault.start', 'broker.down', 'broker.crash', 'link.partition']);
const FAILURE_KINDS = new Set(['executor.reject', 'rpc.timeout', 'callback.exception']);
const BAD_BROKER_STATES = new Set(['down', 'slow', 'busy', 'crashed', 'partitioned']);

/**
 * What, if anything, makes an event notable. `queue.select` attempts count from 0 (upstream's `times`), so
 * an attempt above 0 is a retry; a fault-table update is notable when it isolates or bars a broker.
 */
export function notableKindOf(event: TraceEvent): NotableKind | null {
  return notableKindFrom(event.kind, (name) => field(event, name));
}

/** `notableKindOf` from an event's kind and a reader of its fields (a packed trace reads them unbuilt). */
function notableKindFrom(kind: string, read: (name: string) => unknown): NotableKind | null {
  switch (kind) {
    case 'queue.select': {
      const attempt = read('attempt');
      return typeof attempt === 'number' && attempt > 0 ? 'retry' : null;
    }
    case 'fault.update': {
      const isolation = read('isolation');
      const notAvailableMs = read('notAvailableMs');
      return isolation === true || (typeof notAvailableMs === 'number' && notAvailableMs > 0)
        ? 'fault'
        : null;
    }
    case 'budget.check':
      return read('ok') === false ? 'budget' : null;
    case 'broker.store':
      return read('duplicate') === true ? 'duplicate' : null;
    case 'send.result':
      return read('status') === 'SEND_OK' ? null : 'failure';
    case 'attempt.end': {
      const outcome = read('outcome');
      return read('error') !== undefined || (typeof outcome === 'string' && !attemptSucceeded(outcome))
        ? 'failure'
        : null;
    }
    case 'broker.state': {
      const state = read('state');
      return typeof state === 'string' && BAD_BROKER_STATES.has(state) ? 'fault' : null;
    }
    default:
      if (FAULT_KINDS.has(kind)) return 'fault';
      if (FAILURE_KINDS.has(kind)) return 'failure';
      return null;
  }
}

/** Every kind `notableKindOf` can return something for. */
const MAYBE_NOTABLE: ReadonlySet<string> = new Set([
  'queue.select',
  'fault.update',
  'budget.check',
  'broker.store',
  'send.result',
  'attempt.end',
  'broker.state',
  ...FAULT_KINDS,
  ...FAILURE_KINDS,
]);

export interface NotableIndex {
  all: readonly Notable[];
  /** Sorted event indices of `all`, for binary search. */
  indices: Int32Array;
}

const memo = new WeakMap<Trace, NotableIndex>();

/** Every notable event of a trace, computed once per trace. */
export function notableIndex(trace: Trace): NotableIndex {
  let index = memo.get(trace);
  if (!index) {
    const all: Notable[] = [];
    for (let i = 0; i < trace.length; i++) {
      // Most events are of kinds that are never notable: skip them without building them.
      const eventKind = kindAt(trace, i);
      if (!MAYBE_NOTABLE.has(eventKind)) continue;
      const kind = notableKindFrom(eventKind, (name) => fieldAt(trace, i, name));
      if (kind) {
        const msgId = fieldAt(trace, i, 'msgId');
        all.push({
          index: i,
          kind,
          t: timeAt(trace, i),
          msgId: typeof msgId === 'string' ? msgId : undefined,
        });
      }
    }
    index = { all, indices: Int32Array.from(all, (n) => n.index) };
    memo.set(trace, index);
  }
  return index;
}

/** First position in sorted `values` whose value is >= `x`. */
function lowerBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The step that makes the next notable event the one at the cursor (the event at the cursor is
 * `trace[step - 1]`, so a notable event at index i is reached at step i + 1); null when none is left.
 */
export function nextNotableStep(trace: Trace, step: number): number | null {
  const { indices } = notableIndex(trace);
  const at = lowerBound(indices, step);
  return at < indices.length ? indices[at]! + 1 : null;
}

/** The step of the previous notable event before the one at the cursor; null when none. */
export function previousNotableStep(trace: Trace, step: number): number | null {
  const { indices } = notableIndex(trace);
  const at = lowerBound(indices, step - 1) - 1;
  return at >= 0 ? indices[at]! + 1 : null;
}
