import { describe, expect, it } from 'vitest';
import {
  INITIAL_CURSOR,
  clampStep,
  fitToTrace,
  normaliseSpeed,
  pause,
  play,
  restart,
  seek,
  setPacing,
  setSpeed,
  shiftSpeed,
  stepBack,
  stepForward,
  togglePlay,
  type CursorState,
  type Pacing,
} from '../../../src/store/cursorLogic';

const at = (step: number, playing = false): CursorState => ({ ...INITIAL_CURSOR, step, playing });

describe('cursor rules', () => {
  it('clamps a step into 0..length and sends garbage to 0', () => {
    expect(clampStep(5, 10)).toBe(5);
    expect(clampStep(-1, 10)).toBe(0);
    expect(clampStep(11, 10)).toBe(10);
    expect(clampStep(2.9, 10)).toBe(2);
    expect(clampStep(Number.NaN, 10)).toBe(0);
    expect(clampStep(Infinity, 10)).toBe(0);
  });

  it('steps forward and back by one event, never past either end', () => {
    expect(stepForward(at(3), 10).step).toBe(4);
    expect(stepForward(at(10), 10).step).toBe(10);
    expect(stepBack(at(3), 10).step).toBe(2);
    expect(stepBack(at(0), 10).step).toBe(0);
  });

  it('stops playback when the student moves the cursor by hand', () => {
    expect(stepForward(at(3, true), 10).playing).toBe(false);
    expect(stepBack(at(3, true), 10).playing).toBe(false);
    expect(seek(at(3, true), 10, 7)).toMatchObject({ step: 7, playing: false });
    expect(restart(at(3, true))).toMatchObject({ step: 0, playing: false });
  });

  it('plays from the start again when the cursor is at the end, and never plays an empty trace', () => {
    expect(play(at(10), 10)).toMatchObject({ step: 0, playing: true });
    expect(play(at(4), 10)).toMatchObject({ step: 4, playing: true });
    expect(play(at(0), 0).playing).toBe(false);
  });

  it('toggles between playing and paused', () => {
    expect(togglePlay(at(2), 10).playing).toBe(true);
    expect(togglePlay(at(2, true), 10).playing).toBe(false);
    expect(pause(at(2, true)).playing).toBe(false);
  });

  it('offers speeds from 0.25x to 64x and snaps anything else to the nearest', () => {
    expect(normaliseSpeed(0.25)).toBe(0.25);
    expect(normaliseSpeed(64)).toBe(64);
    expect(normaliseSpeed(1000)).toBe(64);
    expect(normaliseSpeed(0.01)).toBe(0.25);
    expect(normaliseSpeed(3)).toBe(4);
    expect(normaliseSpeed(-2)).toBe(1);
    expect(setSpeed(at(0), 16).speed).toBe(16);
  });

  it('shifts the speed one notch at a time and stops at the ends', () => {
    expect(shiftSpeed({ ...at(0), speed: 1 }, 1).speed).toBe(2);
    expect(shiftSpeed({ ...at(0), speed: 1 }, -1).speed).toBe(0.5);
    expect(shiftSpeed({ ...at(0), speed: 64 }, 1).speed).toBe(64);
    expect(shiftSpeed({ ...at(0), speed: 0.25 }, -1).speed).toBe(0.25);
  });

  it('accepts the two pacing modes and ignores anything else', () => {
    expect(setPacing(at(0), 'time').pacing).toBe('time');
    expect(setPacing({ ...at(0), pacing: 'time' }, 'event').pacing).toBe('event');
    expect(setPacing(at(0), 'warp' as Pacing).pacing).toBe(INITIAL_CURSOR.pacing);
  });

  it('keeps the cursor in place for a new trace when it fits, and clamps it when the trace is shorter', () => {
    expect(fitToTrace(at(5), 10).step).toBe(5);
    expect(fitToTrace(at(50), 10).step).toBe(10);
    expect(fitToTrace(at(5), 10, 8).step).toBe(8);
    expect(fitToTrace(at(5, true), 0).playing).toBe(false);
  });
});
