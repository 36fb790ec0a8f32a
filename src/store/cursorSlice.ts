import type { StateCreator } from 'zustand';
import type { Trace } from '../trace/types';
import { nextNotableStep, previousNotableStep } from '../view/notable';
import * as logic from './cursorLogic';
import type { CursorState, Pacing } from './cursorLogic';

export type { Pacing } from './cursorLogic';

/** The cursor over the trace and the player's settings. Every action delegates to `cursorLogic`. */
export interface CursorSlice extends CursorState {
  /** Moves the cursor to `step` events applied (clamped); stops playback. */
  seek: (step: number) => void;
  stepForward: () => void;
  stepBack: () => void;
  restart: () => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: number) => void;
  setPacing: (pacing: Pacing) => void;
  /** Moves to the next (or previous) notable event: a retry, fault, failed budget check, failure or duplicate. */
  nextNotable: () => void;
  previousNotable: () => void;
  /** Playback's own move: like `seek` but keeps playing, and stops at the end. */
  advanceTo: (step: number) => void;
}

type WithTrace = CursorSlice & { trace: Trace };

function cursorOf(s: CursorState): CursorState {
  return { step: s.step, playing: s.playing, speed: s.speed, pacing: s.pacing };
}

export function createCursorSlice<S extends WithTrace>(
  init: Partial<CursorState> = {},
): StateCreator<S, [], [], CursorSlice> {
  return (set, get) => {
    const update = (rule: (c: CursorState, length: number) => CursorState) => {
      const state = get();
      const next = rule(cursorOf(state), state.trace.length);
      const cur = cursorOf(state);
      if (
        next.step !== cur.step ||
        next.playing !== cur.playing ||
        next.speed !== cur.speed ||
        next.pacing !== cur.pacing
      ) {
        set(next as Partial<S>);
      }
    };
    const base = { ...logic.INITIAL_CURSOR, ...init };
    return {
      step: base.step,
      playing: base.playing,
      speed: logic.normaliseSpeed(base.speed),
      pacing: base.pacing,
      seek: (step) => update((c, n) => logic.seek(c, n, step)),
      stepForward: () => update(logic.stepForward),
      stepBack: () => update(logic.stepBack),
      restart: () => update(logic.restart),
      play: () => update(logic.play),
      pause: () => update(logic.pause),
      togglePlay: () => update(logic.togglePlay),
      setSpeed: (speed) => update((c) => logic.setSpeed(c, speed)),
      setPacing: (pacing) => update((c) => logic.setPacing(c, pacing)),
      nextNotable: () =>
        update((c, n) => {
          const target = nextNotableStep(get().trace, c.step);
          return target === null ? c : logic.seek(c, n, target);
        }),
      previousNotable: () =>
        update((c, n) => {
          const target = previousNotableStep(get().trace, c.step);
          return target === null ? c : logic.seek(c, n, target);
        }),
      advanceTo: (step) =>
        update((c, n) => {
          const target = logic.clampStep(step, n);
          return { ...c, step: target, playing: c.playing && target < n };
        }),
    };
  };
}
