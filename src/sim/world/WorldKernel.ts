import { Kernel } from '../kernel/Kernel';

/**
 * The kernel of a world simulation. Virtual time runs on binary fractions of a millisecond (see
 * {@link quantize}), so sums of latencies stay exact; `now()` is what upstream's
 * `System.currentTimeMillis()` would read: whole milliseconds. A 0.5 ms one-way trip therefore costs a Java
 * caller 0 or 1 ms depending on where in the millisecond it starts, as it would for real.
 */
export class WorldKernel extends Kernel {
  override now(): number {
    return Math.floor(super.now());
  }

  /** The exact virtual time (for the trace and the network). */
  exactNow(): number {
    return super.now();
  }
}

/** 1/1024 ms: durations are rounded to this grid so that virtual time is always exact in floating point. */
export const TICKS_PER_MS = 1024;

export function quantize(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.round(ms * TICKS_PER_MS) / TICKS_PER_MS;
}
