import { describe, expect, it } from 'vitest';
import { bin } from 'd3';
import fc from 'fast-check';
import {
  BAR_PX,
  clusterMarks,
  densityBars,
  PAD,
  timeScale,
  timeWarp,
} from '../../../src/panels/timeline/model';
import type { TraceArray } from '../../../src/trace/types';
import type { Notable } from '../../../src/view/notable';
import { readTrace } from '../../fixtures/traces/readTrace';

const at = (...times: number[]): TraceArray =>
  times.map((t, seq) => ({ seq, t, kind: 'x', code: { cls: 'C', method: 'm' } }));

describe('timeWarp', () => {
  it('draws a long silent stretch short, so a burst next to it keeps room', () => {
    const warp = timeWarp(at(0, 5, 10, 17, 1000, 1003));
    expect(warp.gaps).toEqual([{ from: 17, to: 1000 }]);
    const x = timeScale(at(0, 5, 10, 17, 1000, 1003), 1000);
    // The burst 0..17 ms takes most of the width, not 1.7% of it.
    expect(x(17) - x(0)).toBeGreaterThan(400);
    expect(x(1003)).toBeCloseTo(1000 - PAD);
  });

  it('keeps a scale that maps back: invert(x(t)) is t, inside and around the gap', () => {
    const trace = at(0, 5, 17, 1000, 1003);
    const x = timeScale(trace, 800);
    for (const t of [0, 3, 17, 500, 1000, 1002]) expect(x.invert(x(t))).toBeCloseTo(t, 6);
  });

  it('survives a trace where every event has the same time, and an empty one', () => {
    expect(timeWarp(at(5, 5, 5)).domain).toEqual([5, 6]);
    expect(timeWarp([]).domain).toEqual([0, 1]);
  });
});

describe('densityBars', () => {
  it('counts every event exactly once', () => {
    const trace = readTrace('sync-retry-broker-error');
    const x = timeScale(trace, 600);
    const bars = densityBars(trace, x, 600);
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(trace.length);
    for (const bar of bars) expect(bar.x).toBeGreaterThanOrEqual(PAD - 1e-9);
  });

  it('bins as d3.bin would, column by column, for random traces and widths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 40, max: 1600 }),
        (raw, width) => {
          const times = [...raw].sort((a, b) => a - b);
          const trace = at(...times);
          const x = timeScale(trace, width);
          const [lo, hi] = [x.domain()[0]!, x.domain().at(-1)!];
          const thresholds: number[] = [];
          for (let px = PAD + BAR_PX; px < Math.max(PAD + 1, width - PAD); px += BAR_PX)
            thresholds.push(x.invert(px));
          const expected = bin<number, number>()
            .domain([lo, hi])
            .thresholds(thresholds)(times)
            .filter((b) => b.length > 0)
            .map((b) => ({ x: x(b.x0!), count: b.length }));
          const got = densityBars(trace, x, width).map((b) => ({ x: b.x, count: b.count }));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('clusterMarks', () => {
  const notable = (index: number, t: number, kind: Notable['kind']): Notable => ({
    index,
    t,
    kind,
    msgId: undefined,
  });

  it('merges marks closer than the minimum distance and lists their kinds once', () => {
    const marks = clusterMarks(
      [notable(1, 0, 'failure'), notable(2, 1, 'fault'), notable(3, 2, 'failure'), notable(9, 100, 'retry')],
      (t) => t * 2,
      16,
    );
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatchObject({ count: 3, kinds: ['failure', 'fault'], first: { index: 1 } });
    expect(marks[1]).toMatchObject({ count: 1, x: 200 });
  });
});
