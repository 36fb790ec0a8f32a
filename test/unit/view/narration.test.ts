import { describe, expect, it } from 'vitest';
import type { TraceArray } from '../../../src/trace/types';
import { narrationCursorStep } from '../../../src/view/narration';

const code = { cls: 'X', method: 'y' };
const trace: TraceArray = [
  { seq: 0, t: 0, kind: 'send.call', code, msgId: 'm1', mode: 'SYNC', topic: 'T', timeoutMs: 3000 },
  { seq: 1, t: 1, kind: 'queue.select', code, msgId: 'm1' },
  { seq: 2, t: 2, kind: 'send.call', code, msgId: 'm2', mode: 'SYNC', topic: 'T', timeoutMs: 3000 },
  { seq: 3, t: 3, kind: 'queue.select', code, msgId: 'm2' },
  { seq: 4, t: 4, kind: 'queue.select', code, msgId: 'm2' },
];

describe('narrationCursorStep', () => {
  it('puts the event with the given index at the cursor (step = index + 1)', () => {
    expect(narrationCursorStep(trace, { by: 'step', step: 0 })).toBe(1);
    expect(narrationCursorStep(trace, { by: 'step', step: 4 })).toBe(5);
  });

  it('finds the nth event of a kind, counting only the named message when there is one', () => {
    expect(narrationCursorStep(trace, { by: 'event', kind: 'queue.select', msgId: null, nth: 2 })).toBe(4);
    expect(narrationCursorStep(trace, { by: 'event', kind: 'queue.select', msgId: 'm2', nth: 2 })).toBe(5);
    expect(narrationCursorStep(trace, { by: 'event', kind: null, msgId: 'm2', nth: 1 })).toBe(3);
  });

  it('answers null for an anchor the trace does not have', () => {
    expect(narrationCursorStep(trace, { by: 'step', step: 5 })).toBeNull();
    expect(narrationCursorStep(trace, { by: 'event', kind: 'queue.select', msgId: 'm1', nth: 2 })).toBeNull();
    expect(narrationCursorStep(trace, { by: 'event', kind: 'broker.store', msgId: null, nth: 1 })).toBeNull();
  });
});
