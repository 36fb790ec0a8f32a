/**
 * The cursor's rules as pure functions (state in, state out), so the slice stays a thin wrapper and tests
 * call the rules directly (jaeger-ui's `store.timeline.ts` -> `timeline-utils.ts`).
 */

/** How playback moves: by virtual time (the gaps between events are kept) or one event per tick. */
export type Pacing = 'time' | 'event';

export const PACINGS: readonly Pacing[] = ['time', 'event'];

/** Playback speeds offered, from a quarter to 64 times. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;

export const MIN_SPEED = SPEEDS[0];
export const MAX_SPEED = SPEEDS[SPEEDS.length - 1]!;

export interface CursorState {
  /** Events applied: 0 (before the first event) to the trace length (after the last). */
  step: number;
  playing: boolean;
  speed: number;
  pacing: Pacing;
}

export const INITIAL_CURSOR: CursorState = { step: 0, playing: false, speed: 1, pacing: 'event' };

/** A step inside 0..length; anything that is not a finite number goes to 0. */
export function clampStep(step: number, length: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.min(Math.max(0, Math.trunc(length)), Math.max(0, Math.trunc(step)));
}

/** Moving the cursor by hand stops playback: the student has taken over. */
export function seek(state: CursorState, length: number, step: number): CursorState {
  return { ...state, step: clampStep(step, length), playing: false };
}

export function stepForward(state: CursorState, length: number): CursorState {
  return seek(state, length, state.step + 1);
}

export function stepBack(state: CursorState, length: number): CursorState {
  return seek(state, length, state.step - 1);
}

export function restart(state: CursorState): CursorState {
  return { ...state, step: 0, playing: false };
}

/** Play at the end starts again from the beginning; an empty trace cannot play. */
export function play(state: CursorState, length: number): CursorState {
  if (length <= 0) return { ...state, step: 0, playing: false };
  const step = clampStep(state.step, length);
  return { ...state, step: step >= length ? 0 : step, playing: true };
}

export function pause(state: CursorState): CursorState {
  return { ...state, playing: false };
}

export function togglePlay(state: CursorState, length: number): CursorState {
  return state.playing ? pause(state) : play(state, length);
}

/** The offered speed nearest to `speed` (0.25x..64x); garbage becomes 1x. */
export function normaliseSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) return 1;
  let best: number = SPEEDS[0];
  for (const s of SPEEDS) if (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed))) best = s;
  return best;
}

export function setSpeed(state: CursorState, speed: number): CursorState {
  return { ...state, speed: normaliseSpeed(speed) };
}

/** One notch up or down the speed list, stopping at its ends. */
export function shiftSpeed(state: CursorState, notches: number): CursorState {
  const index = SPEEDS.indexOf(normaliseSpeed(state.speed) as (typeof SPEEDS)[number]);
  const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, index + notches))]!;
  return { ...state, speed: next };
}

export function setPacing(state: CursorState, pacing: Pacing): CursorState {
  return PACINGS.includes(pacing) ? { ...state, pacing } : state;
}

/** When the trace changes (a new scenario, a re-simulation), the cursor keeps its place if it still fits. */
export function fitToTrace(state: CursorState, length: number, step = state.step): CursorState {
  return { ...state, step: clampStep(step, length), playing: state.playing && length > 0 };
}
