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
  switch (event.kind) {
    case 'queue.select': {
      const attempt = field(event, 'attempt');
      return typeof attempt === 'number' && attempt > 0 ? 'retry' : null;
    }
    case 'fault.update': {
      const isolation = field(event, 'isolation');
      const notAvailableMs = field(event, 'notAvailableMs');
      return isolation === true || (typeof notAvailableMs === 'number' && notAvailableMs > 0)
        ? 'fault'
        : null;
    }
    case 'budget.check':
      return field(event, 'ok') === false ? 'budget' : null;
    case 'broker.store':
      return field(event, 'duplicate') === true ? 'duplicate' : null;
    case 'send.result':
      return field(event, 'status') === 'SEND_OK' ? null : 'failure';
    case 'attempt.end': {
      const outcome = field(event, 'outcome');
      return field(event, 'error') !== undefined ||
        (typeof outcome === 'string' && !attemptSucceeded(outcome))
        ? 'failure'
        : null;
    }
    case 'broker.state': {
      const state = field(event, 'state');
      return typeof state === 'string' && BAD_BROKER_STATES.has(state) ? 'fault' : null;
    }
    default:
      if (FAULT_KINDS.has(event.kind)) return 'fault';
      if (FAILURE_KINDS.has(event.kind)) return 'failure';
      return null;
  }
}

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
      const event = trace.at(i)!;
      const kind = notableKindOf(event);
      if (kind) {
        const msgId = field(event, 'msgId');
        all.push({ index: i, kind, t: event.t, msgId: typeof msgId === 'string' ? msgId : undefined });
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
