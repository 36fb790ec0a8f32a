/**
 * "What if from here": after an edit re-simulates, the cursor keeps its step when everything the student
 * has already seen (the events up to the cursor) is the same in the new trace; otherwise the story changed
 * before the cursor and it goes back to the start. Pure.
 */
import type { Trace } from '../../trace/types';

/** Structural equality of JSON-like values (trace events are plain data). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !sameJson(ao[k], bo[k])) return false;
  }
  return true;
}

/** Whether the first `step` events of both traces are the same. */
export function samePrefix(before: Trace, after: Trace, step: number): boolean {
  if (step > before.length || step > after.length) return false;
  for (let i = 0; i < step; i++) if (!sameJson(before.at(i), after.at(i))) return false;
  return true;
}

/** The cursor after a re-simulation: `step` when the trace up to it is unchanged, else 0. */
export function keptCursorStep(before: Trace, after: Trace, step: number): number {
  const s = Number.isFinite(step) ? Math.max(0, Math.trunc(step)) : 0;
  return s > 0 && samePrefix(before, after, s) ? s : 0;
}

/** Virtual time of the cursor: the time of the event at it (`trace[step - 1]`), 0 before the first. */
export function cursorTime(trace: Trace, step: number): number {
  if (step <= 0) return 0;
  const t = trace.at(Math.min(step, trace.length) - 1)?.t;
  return typeof t === 'number' && Number.isFinite(t) ? t : 0;
}

/**
 * When "now" is for a fault added at the cursor: the first whole millisecond after the cursor's event (a
 * fault time is a whole number), so every event up to the cursor still happens before it. 0 at the start.
 */
export function faultTimeAtCursor(trace: Trace, step: number): number {
  return step <= 0 ? 0 : Math.floor(cursorTime(trace, step)) + 1;
}
