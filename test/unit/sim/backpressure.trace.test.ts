import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/validate';
import { runScenario } from '../../../src/sim/runScenario';
import type { BackpressureEvent, TraceArray } from '../../../src/trace/types';

/** 30 async sends in 30 ms over 200 ms links: far more in flight than 10 permits allow. */
function burst(timeoutMs: number, version: '5.3.3' | '4.9.8' = '5.3.3'): TraceArray {
  const parsed = parseScenario({
    version: 1,
    seed: 9,
    rocketmqVersion: version,
    producer:
      version === '5.3.3' ? { enableBackpressureForAsyncMode: true, backPressureForAsyncSendNum: 10 } : {},
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'T', readQueueNums: 4, writeQueueNums: 4 }],
    network: { latency: { producerToBroker: { kind: 'fixed', ms: 200 } } },
    workload: [{ count: 30, ratePerSecond: 1000, mode: 'ASYNC', topic: 'T', bodySize: 100, timeoutMs }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return runScenario(parsed.scenario);
}

const steps = (trace: TraceArray, semaphore: BackpressureEvent['semaphore']) =>
  trace.filter(
    (e): e is BackpressureEvent =>
      e.kind === 'producer.backpressure' && (e as BackpressureEvent).semaphore === semaphore,
  );

describe('5.x async back-pressure in the trace', () => {
  it('takes one semaphoreAsyncSendNum permit per send, makes the 11th wait, and gives each back in the callback', () => {
    const trace = burst(3000);
    const num = steps(trace, 'semaphoreAsyncSendNum');
    const acquires = num.filter((e) => e.action === 'acquire');
    const releases = num.filter((e) => e.action === 'release');
    expect(acquires).toHaveLength(30);
    expect(releases).toHaveLength(30);
    expect(num.every((e) => e.total === 10 && e.code.cls !== '')).toBe(true);
    // The first ten go at once; the eleventh waits for a reply to give a permit back.
    expect(acquires.slice(0, 10).every((e) => e.waitedMs === 0)).toBe(true);
    expect(acquires[10]!.waitedMs).toBeGreaterThan(300);
    expect(Math.min(...num.map((e) => e.available))).toBe(0);
    // Permits never go below zero or above the total; a release while a send waits hands the permit straight
    // to it (the fair semaphore's waiter), so the count stays at 0 until the queue drains; all come back.
    expect(num.every((e) => e.available >= 0 && e.available <= 10)).toBe(true);
    const handoff = num.findIndex((e) => e.action === 'release');
    expect(num[handoff]!.available).toBe(0);
    expect(num[handoff + 1]).toMatchObject({ action: 'acquire', available: 0 });
    expect(num.at(-1)).toMatchObject({ action: 'release', available: 10 });
    // A release comes right before its message's send.result, on the callback's thread.
    for (const r of releases) {
      const result = trace.find(
        (e) => e.seq > r.seq && e.kind === 'send.result' && (e as { msgId?: string }).msgId === r.msgId,
      );
      expect(result).toBeDefined();
    }
    expect(steps(trace, 'semaphoreAsyncSendSize').filter((e) => e.action === 'acquire')[0]?.permits).toBe(
      100,
    );
  });

  it('refuses a permit after waiting out the time left, and the send fails with the tryAcquire message', () => {
    const trace = burst(250);
    const timeouts = steps(trace, 'semaphoreAsyncSendNum').filter((e) => e.action === 'timeout');
    expect(timeouts.length).toBeGreaterThan(0);
    const failed = trace.find(
      (e) => e.kind === 'send.result' && (e as { msgId?: string }).msgId === timeouts[0]!.msgId,
    ) as unknown as { status: string; message?: string; exception?: string };
    expect(failed.status).toBe('EXCEPTION');
    expect(JSON.stringify(failed)).toContain('send message tryAcquire semaphoreAsyncNum timeout');
  });

  it('is absent from 4.x traces, which have no back-pressure', () => {
    expect(burst(3000, '4.9.8').some((e) => e.kind === 'producer.backpressure')).toBe(false);
  });
});
