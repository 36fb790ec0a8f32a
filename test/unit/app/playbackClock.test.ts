import { describe, expect, it } from 'vitest';
import {
  advanceClock,
  clockAt,
  EVENT_TICK_MS,
  MAX_FRAME_MS,
  MAX_IDLE_WALL_MS,
  TIME_SCALE,
} from '../../../src/app/playbackClock';
import type { TraceArray } from '../../../src/trace/types';

const at = (...times: number[]): TraceArray =>
  times.map((t, seq) => ({ seq, t, kind: 'x', code: { cls: 'C', method: 'm' } }));

describe('advanceClock, one event per tick', () => {
  it('moves two events a second at 1x and carries the fraction between frames', () => {
    const trace = at(0, 1, 2, 3, 4, 5);
    let clock = clockAt(trace, 0);
    clock = advanceClock(trace, clock, 200, 1, 'event');
    expect(clock.step).toBe(0);
    clock = advanceClock(trace, clock, 200, 1, 'event');
    expect(clock.step).toBe(0);
    clock = advanceClock(trace, clock, 200, 1, 'event');
    expect(clock.step).toBe(1);
    expect(clock.carry).toBeCloseTo(600 / EVENT_TICK_MS - 1);
  });

  it('goes 64 times faster at 64x, never past the end, and caps a long frame', () => {
    const trace = at(...Array.from({ length: 100 }, (_, i) => i));
    expect(advanceClock(trace, clockAt(trace, 0), 100, 64, 'event').step).toBe(12);
    expect(advanceClock(trace, clockAt(trace, 95), 100, 64, 'event').step).toBe(100);
    expect(advanceClock(trace, clockAt(trace, 0), 10_000, 1, 'event').step).toBe(
      Math.floor(MAX_FRAME_MS / EVENT_TICK_MS),
    );
  });
});

describe('advanceClock, by virtual time', () => {
  it('applies every event up to the virtual time reached, bursts at once', () => {
    const trace = at(0, 10, 10, 10, 40);
    let clock = clockAt(trace, 1);
    clock = advanceClock(trace, clock, 250, 4, 'time');
    expect(clock.virtualT).toBeCloseTo(250 * 4 * TIME_SCALE);
    expect(clock.virtualT).toBeGreaterThanOrEqual(10);
    expect(clock.step).toBe(4);
  });

  it('never waits longer than the idle cap for a silent gap', () => {
    const trace = at(0, 30_000);
    let clock = clockAt(trace, 1);
    let wall = 0;
    while (clock.step < 2 && wall < 60_000) {
      clock = advanceClock(trace, clock, 100, 1, 'time');
      wall += 100;
    }
    expect(clock.step).toBe(2);
    expect(wall).toBeLessThanOrEqual(MAX_IDLE_WALL_MS + 100);
  });

  it('stands still at the end of the trace', () => {
    const trace = at(0, 1);
    const end = clockAt(trace, 2);
    expect(advanceClock(trace, end, 100, 1, 'time')).toBe(end);
  });
});
