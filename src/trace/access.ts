import { PackedTrace } from './packed';
import type { Trace } from './types';

/**
 * Reading one field of many events. Scans over a whole trace (the timeline's density, the notable events,
 * the indexes the panels build once per trace) go through these: on a packed trace they read the field
 * without building the event, which keeps a scan of a million events short; on an array they just read it.
 * `i` must be within the trace.
 */
export function kindAt(trace: Trace, i: number): string {
  return trace instanceof PackedTrace ? trace.kindAt(i) : trace.at(i)!.kind;
}

export function fieldAt(trace: Trace, i: number, key: string): unknown {
  return trace instanceof PackedTrace
    ? trace.fieldAt(i, key)
    : (trace.at(i) as unknown as Record<string, unknown>)[key];
}

export function timeAt(trace: Trace, i: number): number {
  return fieldAt(trace, i, 't') as number;
}

const timesMemo = new WeakMap<Trace, Float64Array>();

/** Every event's `t`, computed once per trace (the timeline reads them all on each resize). */
export function timesOf(trace: Trace): Float64Array {
  let times = timesMemo.get(trace);
  if (!times) {
    times = new Float64Array(trace.length);
    for (let i = 0; i < trace.length; i++) times[i] = timeAt(trace, i);
    timesMemo.set(trace, times);
  }
  return times;
}
