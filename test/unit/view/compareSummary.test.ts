import { describe, expect, it } from 'vitest';
import {
  linkedStep,
  queueRows,
  settingsDiff,
  settingsOf,
  summarizeTrace,
  withSettings,
} from '../../../src/view/compareSummary';
import { readTrace } from '../../fixtures/traces/readTrace';

const syncRetry = readTrace('sync-retry-broker-error');
const asyncTimeout = readTrace('async-executor-timeout');

describe('summarizeTrace', () => {
  it('counts a sync send retried on another broker: all succeed, one retried, no duplicate', () => {
    const s = summarizeTrace(syncRetry);
    expect(s).toMatchObject({ sends: 2, ok: 2, successRate: 1, retried: 1, duplicates: 0 });
    expect(s.p50CostMs).toBe(5);
    expect(s.p99CostMs).toBeCloseTo(6.96);
    expect([...s.perQueue]).toEqual([['broker-b:0', 2]]);
  });

  it('counts async sends that time out in the executor as failures', () => {
    const s = summarizeTrace(asyncTimeout);
    expect(s).toMatchObject({ sends: 3, ok: 1, retried: 1, duplicates: 0 });
    expect(s.successRate).toBeCloseTo(1 / 3);
    expect(s.p50CostMs).toBe(3002);
    expect([...s.perQueue]).toEqual([['broker-b:0', 1]]);
  });

  it('counts duplicate stores and is empty for an empty trace', () => {
    const store = syncRetry.find((e) => e.kind === 'broker.store')!;
    const s = summarizeTrace([...syncRetry, { ...store, seq: 99, t: 2000, duplicate: true, queueId: 3 }]);
    expect(s.duplicates).toBe(1);
    expect([...s.perQueue.keys()]).toEqual(['broker-b:0', 'broker-b:3']);
    expect(summarizeTrace([])).toMatchObject({ sends: 0, successRate: null, p50CostMs: null });
  });

  it('lines both sides up per queue, a missing queue counting 0', () => {
    const rows = queueRows(summarizeTrace(syncRetry), {
      ...summarizeTrace(asyncTimeout),
      perQueue: new Map([['broker-a:1', 4]]),
    });
    expect(rows).toEqual([
      { queue: 'broker-a:1', a: 0, b: 4 },
      { queue: 'broker-b:0', a: 2, b: 0 },
    ]);
  });
});

describe('the compared settings', () => {
  const resolved = {
    rocketmqVersion: '4.9.8',
    producer: {
      sendLatencyFaultEnable: true,
      retryTimesWhenSendFailed: 2,
      sendMsgTimeout: 3000,
      asyncSenderThreads: 4,
    },
  };

  it('reads the resolved settings and lists what B changes', () => {
    const a = settingsOf(resolved);
    const b = { ...a, 'producer.sendLatencyFaultEnable': false, rocketmqVersion: '4.5.2' };
    expect(settingsDiff(a, b)).toEqual([
      { setting: 'rocketmqVersion', a: '4.9.8', b: '4.5.2' },
      { setting: 'producer.sendLatencyFaultEnable', a: true, b: false },
    ]);
  });

  it('writes only the changed settings into a copy of the written scenario, leaving A untouched', () => {
    const written = { seed: 7, producer: { group: 'g' } };
    const a = settingsOf(resolved);
    const b = { ...a, 'producer.sendMsgTimeout': 1000 };
    expect(withSettings(written, a, b)).toEqual({ seed: 7, producer: { group: 'g', sendMsgTimeout: 1000 } });
    expect(written).toEqual({ seed: 7, producer: { group: 'g' } });
  });
});

describe('linked scrubbers', () => {
  it('move the other side to the last event at the same virtual time', () => {
    const t12 = syncRetry.filter((e) => e.t <= 12).length;
    const step = syncRetry.findIndex((e) => e.t === 12) + 1;
    expect(linkedStep(syncRetry, step, syncRetry)).toBe(t12);
    expect(linkedStep(syncRetry, 0, asyncTimeout)).toBe(0);
    expect(linkedStep(syncRetry, syncRetry.length, asyncTimeout)).toBe(
      asyncTimeout.filter((e) => e.t <= syncRetry.at(-1)!.t).length,
    );
  });
});
