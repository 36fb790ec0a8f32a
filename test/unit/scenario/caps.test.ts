import { describe, expect, it } from 'vitest';
import { SCENARIO_CAPS } from '../../../src/scenario/schema';
import { parseScenario, type ScenarioError } from '../../../src/scenario/validate';

const BASE = { version: 1, rocketmqVersion: '4.9.8', brokers: [{ name: 'broker-a' }] };

/** Each error's path and English message (the code and params are tested in validationText.test.ts). */
function errorsOf(input: unknown): Pick<ScenarioError, 'path' | 'message'>[] {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors.map(({ path, message }) => ({ path, message }));
}

const brokers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `b${i}` }));

describe('documented caps', () => {
  it('allows 1,000,000 messages in total and refuses one more', () => {
    const half = SCENARIO_CAPS.maxMessages / 2;
    expect(
      errorsOf({
        ...BASE,
        workload: [
          { count: half, topic: 'T' },
          { count: half, topic: 'T' },
        ],
      }),
    ).toEqual([]);
    expect(
      errorsOf({
        ...BASE,
        workload: [
          { count: half, topic: 'T' },
          { count: half + 1, topic: 'T' },
        ],
      }),
    ).toEqual([
      { path: 'workload', message: '1000001 messages in total over all workloads; at most 1000000' },
    ]);
    expect(errorsOf({ ...BASE, workload: [{ count: 1_000_001, topic: 'T' }] })[0]?.path).toBe(
      'workload[0].count',
    );
  });

  it('allows 64 brokers and refuses 65', () => {
    expect(errorsOf({ ...BASE, brokers: brokers(64) })).toEqual([]);
    expect(errorsOf({ ...BASE, brokers: brokers(65) })).toEqual([
      { path: 'brokers', message: 'must be a list of 1 to 64 brokers (got 65 items)' },
    ]);
  });

  it('allows 1024 queues per topic and refuses 1025', () => {
    expect(errorsOf({ ...BASE, topics: [{ name: 'T', readQueueNums: 1024, writeQueueNums: 1024 }] })).toEqual(
      [],
    );
    expect(errorsOf({ ...BASE, topics: [{ name: 'T', writeQueueNums: 1025 }] })[0]?.path).toBe(
      'topics[0].writeQueueNums',
    );
  });

  it('refuses more than 65,536 queues over all topics and brokers', () => {
    const topics = Array.from({ length: 2 }, (_, i) => ({
      name: `T${i}`,
      readQueueNums: 1024,
      writeQueueNums: 1024,
    }));
    const noAutoCreate = (n: number) => brokers(n).map((b) => ({ ...b, autoCreateTopicEnable: false }));
    expect(errorsOf({ ...BASE, brokers: noAutoCreate(32), topics })).toEqual([]);
    expect(errorsOf({ ...BASE, brokers: noAutoCreate(33), topics })).toEqual([
      {
        path: 'topics',
        message: '67584 queues in total (brokers holding each topic × its queue count); at most 65536',
      },
    ]);
  });

  it('counts TBW102 and the queues auto-creation may add for undeclared workload topics', () => {
    const big = Array.from({ length: 64 }, (_, i) => ({ name: `b${i}`, defaultTopicQueueNums: 1024 }));
    const producer = { defaultTopicQueueNums: 1024 };
    expect(errorsOf({ ...BASE, brokers: big, producer })).toEqual([]);
    const errors = errorsOf({
      ...BASE,
      brokers: big,
      producer,
      workload: [{ count: 1, topic: 'Undeclared' }],
    });
    expect(errors[0]?.path).toBe('workload');
    expect(errors[0]?.message).toContain('auto-created');
    expect(
      errorsOf({
        ...BASE,
        brokers: big.map((b) => ({ ...b, autoCreateTopicEnable: false })),
        producer,
        workload: [{ count: 1, topic: 'Undeclared' }],
      }),
    ).toEqual([]);
  });

  it('allows 1024 sending threads over all workloads and refuses more', () => {
    const w = { count: 1, topic: 'T', threads: 256 };
    expect(errorsOf({ ...BASE, workload: [w, w, w, w] })).toEqual([]);
    expect(errorsOf({ ...BASE, workload: [w, w, w, w, { ...w, threads: 1 }] })).toEqual([
      { path: 'workload', message: '1025 sending threads over all workloads; at most 1024' },
    ]);
  });

  it('allows 100 faults and refuses 101', () => {
    const fault = { atMs: 0, kind: 'up', broker: 'broker-a' };
    expect(errorsOf({ ...BASE, faults: new Array(100).fill(fault) })).toEqual([]);
    expect(errorsOf({ ...BASE, faults: new Array(101).fill(fault) })[0]?.path).toBe('faults');
  });

  it('allows a duration of 24 h and refuses a millisecond more', () => {
    expect(errorsOf({ ...BASE, durationMs: 86_400_000 })).toEqual([]);
    expect(errorsOf({ ...BASE, durationMs: 86_400_001 })[0]?.message).toContain('from 0 to 86400000');
  });

  it('refuses a workload whose last send would be due after 24 h', () => {
    expect(errorsOf({ ...BASE, workload: [{ count: 86_401, ratePerSecond: 1, topic: 'T' }] })).toEqual([]);
    const errors = errorsOf({ ...BASE, workload: [{ count: 86_402, ratePerSecond: 1, topic: 'T' }] });
    expect(errors[0]?.path).toBe('workload[0]');
    expect(errors[0]?.message).toContain('past the 24 h cap');
  });

  it('refuses periodic tasks that would run more often than once a second', () => {
    expect(errorsOf({ ...BASE, producer: { pollNameServerInterval: 999 } })[0]?.path).toBe(
      'producer.pollNameServerInterval',
    );
    expect(errorsOf({ ...BASE, producer: { pollNameServerInterval: 1000 } })).toEqual([]);
  });

  it('refuses latency parameters above ten minutes', () => {
    expect(errorsOf({ ...BASE, network: { connectLatency: { kind: 'fixed', ms: 600_001 } } })[0]?.path).toBe(
      'network.connectLatency.ms',
    );
  });

  it('keeps backpressure limits at or above the floors upstream’s setters enforce', () => {
    const v5 = { ...BASE, rocketmqVersion: '5.3.3' };
    expect(errorsOf({ ...v5, producer: { backPressureForAsyncSendNum: 9 } })[0]?.path).toBe(
      'producer.backPressureForAsyncSendNum',
    );
    expect(errorsOf({ ...v5, producer: { backPressureForAsyncSendSize: 1024 * 1024 - 1 } })[0]?.path).toBe(
      'producer.backPressureForAsyncSendSize',
    );
    expect(
      errorsOf({
        ...v5,
        producer: { backPressureForAsyncSendNum: 10, backPressureForAsyncSendSize: 1024 * 1024 },
      }),
    ).toEqual([]);
  });

  it('lists at most 100 errors and says how many more there were', () => {
    const producer = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`unknown${i}`, i]));
    const errors = errorsOf({ ...BASE, producer });
    expect(errors).toHaveLength(101);
    expect(errors[100]).toEqual({ path: '', message: '… and 50 more errors' });
  });

  it('refuses a title longer than 200 characters', () => {
    expect(errorsOf({ ...BASE, title: { en: 'x'.repeat(201), zh: '标题' } })[0]?.path).toBe('title.en');
  });
});
