import type { Pacing } from '../store/cursorLogic';
import type { Trace } from '../trace/types';
import { stepAtTime } from '../view/cursor';

/**
 * How playback advances, as pure functions of elapsed wall time (the animation loop only measures time and
 * calls these). Two pacings:
 * - `event`: one event per tick; at 1x a tick is EVENT_TICK_MS, so two events a second.
 * - `time`: virtual time flows at TIME_SCALE virtual ms per wall ms at 1x (a hundredth of real time, so the few
 *   milliseconds of a healthy RPC stay visible); a silent gap never holds the screen longer than
 *   MAX_IDLE_WALL_MS, so a 30 s isolation does not freeze the lesson.
 */
export const EVENT_TICK_MS = 500;
export const TIME_SCALE = 0.01;
export const MAX_IDLE_WALL_MS = 1200;
/** A frame longer than this (a background tab, a breakpoint) counts as this long. */
export const MAX_FRAME_MS = 250;

export interface PlaybackClock {
  step: number;
  /** Virtual time reached, in ms (time pacing). */
  virtualT: number;
  /** Fraction of an event carried to the next frame (event pacing). */
  carry: number;
}

/** The clock at a cursor position: virtual time is that of the event at the cursor (or the first one). */
export function clockAt(trace: Trace, step: number): PlaybackClock {
  const event = step > 0 ? trace.at(step - 1) : trace.at(0);
  return { step, virtualT: event?.t ?? 0, carry: 0 };
}

export function advanceClock(
  trace: Trace,
  clock: PlaybackClock,
  wallMs: number,
  speed: number,
  pacing: Pacing,
): PlaybackClock {
  const elapsed = Math.min(MAX_FRAME_MS, Math.max(0, wallMs));
  if (clock.step >= trace.length) return clock;
  if (pacing === 'event') {
    const carry = clock.carry + (elapsed * speed) / EVENT_TICK_MS;
    const whole = Math.floor(carry);
    const step = Math.min(trace.length, clock.step + whole);
    return { step, virtualT: trace.at(step - 1)?.t ?? clock.virtualT, carry: carry - whole };
  }
  const next = trace.at(clock.step)!;
  let virtualT = clock.virtualT + elapsed * speed * TIME_SCALE;
  const maxAhead = MAX_IDLE_WALL_MS * speed * TIME_SCALE;
  if (next.t - virtualT > maxAhead) virtualT = next.t - maxAhead;
  return { step: stepAtTime(trace, virtualT, clock.step), virtualT, carry: 0 };
}
