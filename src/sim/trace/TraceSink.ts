import type { CodeRef, TraceEvent } from '../../trace/types';

/** The clock a sink stamps events with: the kernel's exact virtual time (fractions of a ms). */
export interface ExactClock {
  exactNow(): number;
}

/**
 * Collects trace events in emission order. Callers build each event as an object literal with `seq` and `t`
 * first (so every event of a kind has one shape and JSON keys come out in contract order); `add` stamps them.
 * Cheap on purpose: the benchmark appends millions of events.
 */
export class TraceSink {
  readonly events: TraceEvent[] = [];
  /** Events stamped later than this are dropped (the run's stop time). */
  limitT = Infinity;
  /** Once sealed (every send has its result), nothing more is recorded. */
  sealed = false;
  /** At most this many events are kept; then the sink seals itself and `overflowed` is set. */
  maxEvents = Infinity;
  overflowed = false;

  constructor(private readonly clock: ExactClock) {}

  /** Virtual time as the trace shows it: ms, rounded to the microsecond. */
  now(): number {
    return roundTime(this.clock.exactNow());
  }

  add<E extends TraceEvent>(event: E): E {
    if (this.sealed) return event;
    const t = roundTime(this.clock.exactNow());
    if (t > this.limitT) return event;
    const n = this.events.length;
    if (n >= this.maxEvents) {
      this.sealed = true;
      this.overflowed = true;
      return event;
    }
    event.seq = n;
    event.t = t;
    this.events.push(event);
    return event;
  }

  get size(): number {
    return this.events.length;
  }
}

/** ms rounded to 3 decimals: the kernel runs on binary fractions of a ms, the trace shows microseconds. */
export function roundTime(t: number): number {
  return Math.round(t * 1000) / 1000;
}

/** A shared `{cls, method}`; events point at these constants instead of allocating one each. */
export function code(cls: string, method: string): CodeRef {
  return { cls, method };
}
