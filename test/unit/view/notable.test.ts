import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/trace/types';
import { nextNotableStep, notableIndex, notableKindOf, previousNotableStep } from '../../../src/view/notable';
import { readTrace } from '../../fixtures/traces/readTrace';

const ev = (kind: string, fields: Record<string, unknown> = {}): TraceEvent => ({
  seq: 0,
  t: 0,
  kind,
  code: { cls: 'X', method: 'y' },
  ...fields,
});

describe('notableKindOf', () => {
  it('marks a queue selection after the first attempt as a retry, not the first one', () => {
    expect(notableKindOf(ev('queue.select', { attempt: 0 }))).toBeNull();
    expect(notableKindOf(ev('queue.select', { attempt: 1 }))).toBe('retry');
  });

  it('marks a fault-table update only when it isolates or bars a broker', () => {
    expect(notableKindOf(ev('fault.update', { isolation: false, notAvailableMs: 0 }))).toBeNull();
    expect(notableKindOf(ev('fault.update', { isolation: true, notAvailableMs: 600000 }))).toBe('fault');
    expect(notableKindOf(ev('fault.update', { isolation: false, notAvailableMs: 30000 }))).toBe('fault');
    expect(notableKindOf(ev('fault.inject'))).toBe('fault');
    expect(notableKindOf(ev('broker.state', { state: 'down' }))).toBe('fault');
    expect(notableKindOf(ev('broker.state', { state: 'up' }))).toBeNull();
  });

  it('marks failed budget checks, failures and duplicates', () => {
    expect(notableKindOf(ev('budget.check', { ok: true }))).toBeNull();
    expect(notableKindOf(ev('budget.check', { ok: false }))).toBe('budget');
    expect(notableKindOf(ev('send.result', { status: 'SEND_OK' }))).toBeNull();
    expect(notableKindOf(ev('send.result', { status: 'EXCEPTION' }))).toBe('failure');
    expect(notableKindOf(ev('send.result', { status: 'FLUSH_DISK_TIMEOUT' }))).toBe('failure');
    expect(notableKindOf(ev('attempt.end', { outcome: 'SEND_OK' }))).toBeNull();
    // A oneway attempt ends DISPATCHED (its request was written; no reply ever comes): not a failure.
    expect(notableKindOf(ev('attempt.end', { outcome: 'DISPATCHED' }))).toBeNull();
    expect(notableKindOf(ev('attempt.end', { outcome: 'MQBrokerException', error: 'CODE: 14' }))).toBe(
      'failure',
    );
    expect(notableKindOf(ev('executor.reject'))).toBe('failure');
    expect(notableKindOf(ev('rpc.timeout'))).toBe('failure');
    expect(notableKindOf(ev('broker.store', { duplicate: true }))).toBe('duplicate');
    expect(notableKindOf(ev('broker.store', { duplicate: false }))).toBeNull();
    expect(notableKindOf(ev('rpc.send'))).toBeNull();
  });
});

describe('notable jumps', () => {
  const trace = readTrace('async-executor-timeout');
  const { all } = notableIndex(trace);

  it('indexes every notable event of the async fixture in trace order', () => {
    expect(all.map((n) => `${trace.at(n.index)!.kind}:${n.kind}`)).toEqual([
      'fault.inject:fault',
      'broker.state:fault',
      'fault.update:fault',
      'queue.select:retry',
      'budget.check:budget',
      'attempt.end:failure',
      'send.result:failure',
      'budget.check:budget',
      'send.result:failure',
    ]);
  });

  it('goes to the step at which the next notable event is the one at the cursor', () => {
    const first = all[0]!.index;
    expect(nextNotableStep(trace, 0)).toBe(first + 1);
    expect(nextNotableStep(trace, first)).toBe(first + 1);
    expect(nextNotableStep(trace, first + 1)).toBe(all[1]!.index + 1);
    expect(nextNotableStep(trace, trace.length)).toBeNull();
  });

  it('goes back to the notable event before the one at the cursor', () => {
    for (let k = 1; k < all.length; k++) {
      expect(previousNotableStep(trace, all[k]!.index + 1)).toBe(all[k - 1]!.index + 1);
    }
    // From a plain event after the last notable one, back goes to that notable one.
    const last = all[all.length - 1]!.index;
    expect(previousNotableStep(trace, last + 3)).toBe(last + 1);
    expect(previousNotableStep(trace, all[0]!.index + 1)).toBeNull();
  });

  it('computes the index once per trace', () => {
    expect(notableIndex(trace)).toBe(notableIndex(trace));
  });
});
