/**
 * The system-level stories SendPath exists to show, each checked on a whole simulated run.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/sim/runScenario';
import { ofKind, resolve, results, run, twoBrokers, type Ev } from './world/worldKit';

/** broker-b loses power at 5 s (no FIN); one send at 0.1 s makes TopicTest a publish topic. */
function crashStory(): Ev[] {
  return run({
    ...twoBrokers('4.9.8'),
    durationMs: 200_000,
    workload: [{ count: 1, startAtMs: 100, topic: 'TopicTest' }],
    faults: [{ atMs: 5000, kind: 'crash', broker: 'broker-b' }],
  });
}

describe('a broker that loses power', () => {
  it('stays in the name server routes until its channel has been idle for 120 s', () => {
    const trace = crashStory();
    const removal = trace.find(
      (e) => (e.kind === 'namesrv.expire' || e.kind === 'namesrv.unregister') && e.broker === 'broker-b',
    );
    // Registered at 0 (the last I/O on its channel): the idle detector closes it at 120 s; the expiry scan
    // (every 10 s from 5 s) would have needed until 125 s.
    expect(removal?.t).toBe(120_000);
    expect(removal?.reason).toBe('idle');
  });

  it('stays in the producer route until the first refresh after the name server dropped it', () => {
    const trace = crashStory();
    const refreshes = ofKind(trace, 'route.refresh').filter((e) => e.topic === 'TopicTest');
    const before = refreshes.filter((e) => e.t < 120_000);
    const after = refreshes.filter((e) => e.t > 120_000);
    expect(before.length).toBeGreaterThan(2);
    for (const r of before) expect(r.believed).toContain('broker-b');
    expect(after[0]?.outcome).toBe('changed');
    expect(after[0]?.believed).toEqual(['broker-a']);
    // pollNameServerInterval 30 s, first at 10 ms: the refresh round after 120 s starts at 120.01 s.
    expect(after[0]!.t).toBeGreaterThan(120_010);
    expect(after[0]!.t).toBeLessThan(120_020);
  });
});

describe('a lost reply', () => {
  it('followed by a retry on another broker stores the message twice', () => {
    const trace = run({
      ...twoBrokers('4.9.8', 2),
      workload: [{ count: 1, startAtMs: 100, topic: 'TopicTest' }],
      faults: [
        { atMs: 0, kind: 'dropReply', broker: 'broker-a', count: 1 },
        { atMs: 0, kind: 'dropReply', broker: 'broker-b', count: 1 },
      ],
    });
    const stores = ofKind(trace, 'broker.store');
    expect(stores.length).toBeGreaterThanOrEqual(2);
    expect(new Set(stores.map((e) => e.msgId)).size).toBe(1);
    expect(stores[0]!.duplicate).toBe(false);
    expect(stores[1]!.duplicate).toBe(true);
    expect(stores[1]!.broker).not.toBe(stores[0]!.broker);
  });
});

/** The order in which the messages of one key were stored, as indexes of their send calls. */
function storedOrder(trace: Ev[]): number[] {
  const index = new Map<unknown, number>();
  for (const call of ofKind(trace, 'send.call')) index.set(call.msgId, call.index as number);
  return ofKind(trace, 'broker.store').map((e) => index.get(e.msgId)!);
}

describe('per-key ordering with SelectMessageQueueByHash', () => {
  it('breaks for async sends on an executor with several threads', () => {
    const trace = run({
      ...twoBrokers('4.5.2'),
      producer: { asyncSenderThreads: 4 },
      workload: [
        { count: 12, intervalMs: 0, mode: 'ASYNC', topic: 'TopicTest', key: 'order-1', selector: 'hash' },
      ],
    });
    const order = storedOrder(trace);
    expect(order).toHaveLength(12);
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
  });

  it('holds for one thread sending synchronously', () => {
    const trace = run({
      ...twoBrokers('4.5.2'),
      workload: [
        { count: 12, intervalMs: 0, mode: 'SYNC', topic: 'TopicTest', key: 'order-1', selector: 'hash' },
      ],
    });
    const order = storedOrder(trace);
    expect(order).toEqual([...Array(12).keys()]);
    expect(
      new Set(ofKind(trace, 'broker.store').map((e) => `${String(e.broker)}#${String(e.queueId)}`)).size,
    ).toBe(1);
  });
});

describe('a burst against a 4.5.2 broker', () => {
  it('is answered SYSTEM_BUSY [TIMEOUT_CLEAN_QUEUE] once requests have waited 200 ms in the send queue', () => {
    const trace = run({
      version: 1,
      rocketmqVersion: '4.5.2',
      brokers: [{ name: 'broker-a', storeLatency: { kind: 'fixed', ms: 5 } }],
      topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4 }],
      workload: [{ count: 300, startAtMs: 2000, intervalMs: 0, mode: 'ASYNC', topic: 'TopicTest' }],
    });
    const busy = results(trace).filter((e) => e.responseCode === 2);
    expect(busy.length).toBeGreaterThan(100);
    for (const e of busy)
      expect(e.message).toContain('[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while');
    // The sweep runs every 10 ms from 1 s after the broker started: a request waits 200 to 210 ms.
    for (const e of busy) expect(e.costMs).toBeLessThanOrEqual(212);
  });
});

describe('a run too large for a browser tab', () => {
  it('stops at the event cap with sim.end listing the sends still in flight', () => {
    const trace = runScenario(
      resolve({
        ...twoBrokers('4.9.8'),
        workload: [{ count: 200, intervalMs: 10, mode: 'ASYNC', topic: 'TopicTest' }],
      }),
      { maxEvents: 500 },
    ) as Ev[];
    const end = trace.at(-1)!;
    expect(trace).toHaveLength(500);
    expect(end.kind).toBe('sim.end');
    expect(end.reason).toBe('traceCap');
    expect((end.inFlight as string[]).length).toBeGreaterThan(0);
  });
});
