import { fieldAt, kindAt } from '../../trace/access';
import type { Trace } from '../../trace/types';

export interface LogFilter {
  /** '' for every kind. */
  kind: string;
  /** '' for every message. */
  msgId: string;
}

export const NO_FILTER: LogFilter = { kind: '', msgId: '' };

/** The event indices that pass the filter, or null when nothing is filtered (every event, no copy). */
export function filterIndices(trace: Trace, filter: LogFilter): Int32Array | null {
  if (filter.kind === '' && filter.msgId === '') return null;
  const out: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    if (filter.kind !== '' && kindAt(trace, i) !== filter.kind) continue;
    if (filter.msgId !== '' && fieldAt(trace, i, 'msgId') !== filter.msgId) continue;
    out.push(i);
  }
  return Int32Array.from(out);
}

/** The row showing the event at the cursor: the last listed event at or before it; -1 when none. */
export function cursorRow(indices: Int32Array | null, step: number, count: number): number {
  if (step <= 0) return -1;
  if (indices === null) return Math.min(step, count) - 1;
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (indices[mid]! <= step - 1) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export interface TraceFacets {
  /** Kinds in order of first appearance, with counts. */
  kinds: { kind: string; count: number }[];
  /** Message ids in order of first appearance. */
  msgIds: string[];
}

const memo = new WeakMap<Trace, TraceFacets>();

export function traceFacets(trace: Trace): TraceFacets {
  let facets = memo.get(trace);
  if (!facets) {
    const kinds = new Map<string, number>();
    const msgIds = new Set<string>();
    for (let i = 0; i < trace.length; i++) {
      const kind = kindAt(trace, i);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const msgId = fieldAt(trace, i, 'msgId');
      if (typeof msgId === 'string') msgIds.add(msgId);
    }
    facets = { kinds: [...kinds].map(([kind, count]) => ({ kind, count })), msgIds: [...msgIds] };
    memo.set(trace, facets);
  }
  return facets;
}
