import { describe, expect, it } from 'vitest';
import {
  faultTimeAtCursor,
  keptCursorStep,
  sameJson,
  samePrefix,
} from '../../../src/panels/scenarioEditor/cursorKeep';
import type { TraceArray, TraceEvent } from '../../../src/trace/types';

const ev = (seq: number, t: number, extra: Record<string, unknown> = {}) =>
  ({ seq, t, kind: 'x', code: { cls: 'C', method: 'm' }, ...extra }) as unknown as TraceEvent;

const before: TraceArray = [ev(0, 0), ev(1, 5), ev(2, 10, { msgId: 'a' }), ev(3, 20), ev(4, 30)];

describe('the cursor-keeping rule ("what if from here")', () => {
  it('keeps the step when every event up to the cursor is the same', () => {
    const after: TraceArray = [...before.slice(0, 3), ev(3, 21, { kind: 'fault.update' }), ev(4, 40)];
    expect(keptCursorStep(before, after, 3)).toBe(3);
  });

  it('goes back to the start when an event before the cursor changed', () => {
    const after: TraceArray = [ev(0, 0), ev(1, 5), ev(2, 10, { msgId: 'b' }), ev(3, 20), ev(4, 30)];
    expect(keptCursorStep(before, after, 3)).toBe(0);
    expect(keptCursorStep(before, after, 2)).toBe(2);
  });

  it('goes back to the start when the new trace is shorter than the cursor', () => {
    expect(keptCursorStep(before, before.slice(0, 2), 4)).toBe(0);
  });

  it('keeps step 0 and treats garbage as 0', () => {
    expect(keptCursorStep(before, [], 0)).toBe(0);
    expect(keptCursorStep(before, before, Number.NaN)).toBe(0);
    expect(keptCursorStep(before, before, 5)).toBe(5);
  });

  it('compares events structurally, ignoring key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(samePrefix(before, before, 5)).toBe(true);
  });

  it('puts a fault "now" just after the cursor event, so the seen events stay before it', () => {
    expect(faultTimeAtCursor(before, 0)).toBe(0);
    expect(faultTimeAtCursor(before, 3)).toBe(11);
    expect(faultTimeAtCursor([ev(0, 12.4)], 1)).toBe(13);
  });
});
