import type { Trace } from '../trace/types';

/** Where a narration step points (the resolved scenario's form, see src/scenario/defaults.ts). */
export type NarrationAnchor =
  { by: 'step'; step: number } | { by: 'event'; kind: string | null; msgId: string | null; nth: number };

/**
 * The cursor step that shows a narration step's event: the event with that index, or the nth event of that
 * kind (for that message, if named). The cursor at step N has applied N events, so an event at index i is
 * on screen at step i + 1. Null when the trace has no such event.
 */
export function narrationCursorStep(trace: Trace, at: NarrationAnchor): number | null {
  if (at.by === 'step') return at.step >= 0 && at.step < trace.length ? at.step + 1 : null;
  let seen = 0;
  for (let index = 0; index < trace.length; index++) {
    const event = trace.at(index)!;
    if (at.kind !== null && event.kind !== at.kind) continue;
    if (at.msgId !== null && (event as { msgId?: unknown }).msgId !== at.msgId) continue;
    seen++;
    if (seen === at.nth) return index + 1;
  }
  return null;
}
