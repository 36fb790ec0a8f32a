import { describe, expect, it } from 'vitest';
import type { TraceArray, TraceEvent } from '../../../src/trace/types';
import type { Fold } from '../../../src/view/fold';
import {
  checkpointInterval,
  createFoldCursor,
  eventAtStep,
  foldCursor,
  foldFromZero,
} from '../../../src/view/cursor';
import { readTrace } from '../../fixtures/traces/readTrace';

/** A fold that mutates in place and holds nested state, so a shallow clone would be caught. */
interface Tally {
  events: number;
  byKind: Map<string, number>;
  lastSeq: number;
  msgIds: string[];
}

const tally: Fold<Tally> = {
  name: 'tally',
  initial: () => ({ events: 0, byKind: new Map(), lastSeq: -1, msgIds: [] }),
  apply(state, event) {
    state.events++;
    state.byKind.set(event.kind, (state.byKind.get(event.kind) ?? 0) + 1);
    state.lastSeq = event.seq;
    const msgId = (event as { msgId?: unknown }).msgId;
    if (typeof msgId === 'string' && !state.msgIds.includes(msgId)) state.msgIds.push(msgId);
    return state;
  },
  clone: (state) => ({ ...state, byKind: new Map(state.byKind), msgIds: [...state.msgIds] }),
};

function syntheticTrace(length: number): TraceArray {
  const kinds = ['send.call', 'queue.select', 'rpc.send', 'rpc.response', 'send.result'];
  return Array.from({ length }, (_, i): TraceEvent => ({
    seq: i,
    t: i * 2,
    kind: kinds[i % kinds.length]!,
    code: { cls: 'Test', method: 'step' },
    msgId: `m${Math.floor(i / kinds.length)}`,
  }));
}

/** A seeded sequence of steps, so a failure can be replayed. */
function randomSteps(count: number, max: number, seed = 7): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % (max + 1);
  });
}

describe('createFoldCursor', () => {
  const sync = readTrace('sync-retry-broker-error');
  const async = readTrace('async-executor-timeout');

  it.each([1, 3, 7, 256])(
    'gives the same state as a fold from zero at every step of a fixture, in any order (interval %i)',
    (interval) => {
      for (const trace of [sync, async]) {
        const cursor = createFoldCursor(trace, tally, { interval });
        const order = [...randomSteps(60, trace.length), trace.length, 0, 5, 4, 3, trace.length - 1];
        for (const step of order) {
          expect(cursor.at(step), `step ${step}`).toEqual(foldFromZero(trace, tally, step));
        }
      }
    },
  );

  it('costs at most one interval of applies for a random jump once its checkpoints exist', () => {
    const trace = syntheticTrace(20_000);
    const cursor = createFoldCursor(trace, tally, { interval: 100 });
    cursor.prepare();
    for (const step of randomSteps(200, trace.length, 99)) {
      const before = cursor.stats.applies;
      cursor.at(step);
      expect(cursor.stats.applies - before).toBeLessThanOrEqual(100);
    }
    expect(cursor.stats.checkpoints).toBe(201);
  });

  it('steps back for no more than one interval of applies, and forward for exactly one', () => {
    const trace = syntheticTrace(1000);
    const cursor = createFoldCursor(trace, tally, { interval: 50 });
    cursor.at(700);
    let before = cursor.stats.applies;
    cursor.at(701);
    expect(cursor.stats.applies - before).toBe(1);
    for (let step = 700; step > 600; step--) {
      before = cursor.stats.applies;
      expect(cursor.at(step).lastSeq).toBe(step - 1);
      expect(cursor.stats.applies - before).toBeLessThan(50);
    }
  });

  it('returns snapshots that later moves do not change, and the same object for the same step', () => {
    const cursor = createFoldCursor(sync, tally, { interval: 4 });
    const at10 = cursor.at(10);
    const copy = structuredClone(at10);
    expect(cursor.at(10)).toBe(at10);
    cursor.at(30);
    cursor.at(2);
    expect(at10).toEqual(copy);
    expect(cursor.at(10)).not.toBe(at10);
    expect(cursor.at(10)).toEqual(copy);
  });

  it('clamps steps outside the trace and treats garbage as step 0', () => {
    const cursor = createFoldCursor(sync, tally);
    expect(cursor.at(-5).events).toBe(0);
    expect(cursor.at(Number.NaN).events).toBe(0);
    expect(cursor.at(1e9).events).toBe(sync.length);
    expect(cursor.at(3.7).events).toBe(3);
  });

  it('peeks without copying, and a peek leaves earlier snapshots alone', () => {
    const cursor = createFoldCursor(sync, tally, { interval: 5 });
    const snap = cursor.at(12);
    const { clones, checkpoints } = cursor.stats;
    expect(cursor.peek(20).events).toBe(20);
    // The only copies are the two checkpoints it passed (15 and 20), none for the result.
    expect(cursor.stats.checkpoints - checkpoints).toBe(2);
    expect(cursor.stats.clones - clones).toBe(2);
    expect(snap.events).toBe(12);
  });

  it('works on an empty trace', () => {
    const cursor = createFoldCursor([], tally);
    expect(cursor.at(0)).toEqual(tally.initial([]));
    expect(cursor.at(3).events).toBe(0);
    cursor.prepare();
  });
});

describe('foldCursor', () => {
  it('shares one cursor per (trace, fold) and starts fresh for a new trace', () => {
    const trace = syntheticTrace(10);
    expect(foldCursor(trace, tally)).toBe(foldCursor(trace, tally));
    expect(foldCursor([...trace], tally)).not.toBe(foldCursor(trace, tally));
  });
});

describe('checkpointInterval', () => {
  it('keeps 256 for small traces and about 1024 checkpoints for a million events', () => {
    expect(checkpointInterval(0)).toBe(256);
    expect(checkpointInterval(100_000)).toBe(256);
    expect(checkpointInterval(1_000_000)).toBe(977);
  });
});

describe('eventAtStep', () => {
  it('is the last applied event, and nothing before the first', () => {
    const trace = syntheticTrace(3);
    expect(eventAtStep(trace, 0)).toBeUndefined();
    expect(eventAtStep(trace, 1)?.seq).toBe(0);
    expect(eventAtStep(trace, 3)?.seq).toBe(2);
    expect(eventAtStep(trace, 99)?.seq).toBe(2);
  });
});

describe('measureSeek', () => {
  it('reports percentiles of seeded random jumps over every fold', async () => {
    const { measureSeek } = await import('../../../src/view/seekBenchmark');
    let clock = 0;
    const trace = syntheticTrace(5000);
    const result = measureSeek(trace, [tally as Fold<unknown>], { jumps: 20, now: () => (clock += 1) });
    expect(result.jumps).toBe(20);
    // Each measured jump reads the fake clock twice, one tick apart.
    expect(result).toMatchObject({ p50Ms: 1, p95Ms: 1, maxMs: 1 });
    expect(foldCursor(trace, tally).stats.checkpoints).toBe(Math.floor(5000 / 256) + 1);
  });
});

describe('FoldCursor.warm', () => {
  it('builds the checkpoints ahead in slices without moving the cursor, then reports done', () => {
    const trace = syntheticTrace(1000);
    const cursor = createFoldCursor(trace, tally, { interval: 100 });
    const at5 = cursor.at(5);
    let rounds = 0;
    while (!cursor.warm(250)) rounds++;
    expect(rounds).toBeGreaterThan(1);
    expect(cursor.stats.checkpoints).toBe(11);
    expect(cursor.at(5)).toBe(at5);
    const before = cursor.stats.applies;
    expect(cursor.at(950).events).toBe(950);
    expect(cursor.stats.applies - before).toBe(50);
    expect(cursor.warm(10)).toBe(true);
  });

  it('makes progress even with a budget smaller than one interval', () => {
    const cursor = createFoldCursor(syntheticTrace(500), tally, { interval: 100 });
    let calls = 0;
    while (!cursor.warm(1) && calls < 1000) calls++;
    expect(calls).toBeLessThan(1000);
    expect(cursor.stats.checkpoints).toBe(6);
    expect(cursor.at(500)).toEqual(foldFromZero(syntheticTrace(500), tally, 500));
  });
});
