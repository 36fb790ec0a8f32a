import { describe, expect, it } from 'vitest';
import { ofKind, results, run, twoBrokers, type Ev } from './worldKit';

describe('the response-table scan', () => {
  it('calls an unanswered async request back at the first tick at or after begin + timeout + 1000 ms', () => {
    const trace = run({
      ...twoBrokers('4.9.8'),
      producer: { retryTimesWhenSendAsyncFailed: 0 },
      workload: [{ count: 1, startAtMs: 5200, mode: 'ASYNC', topic: 'TopicTest' }],
      faults: [
        { atMs: 0, kind: 'dropReply', broker: 'broker-a' },
        { atMs: 0, kind: 'dropReply', broker: 'broker-b' },
      ],
    });
    const timeout = ofKind(trace, 'rpc.timeout').find((e) => e.name === 'SEND_MESSAGE_V2')!;
    const deadline = (timeout.beginTimestamp as number) + (timeout.timeoutMs as number) + 1000;
    expect(timeout.by).toBe('scanResponseTable');
    // The scan runs 3 s after the client started, then every second: ticks at whole seconds here.
    expect(timeout.t).toBeGreaterThanOrEqual(deadline);
    expect(timeout.t).toBeLessThan(deadline + 1000);
    expect(timeout.t % 1000).toBe(0);
    expect(results(trace)[0]?.exception).toBe('MQClientException');
  });
});

/** A sync send times out on a slow channel that also carries async requests. */
function mixedOnSlowChannel(version: '4.5.2' | '4.9.8'): Ev[] {
  return run({
    version: 1,
    rocketmqVersion: version,
    producer: { retryTimesWhenSendFailed: 0, retryTimesWhenSendAsyncFailed: 0 },
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4 }],
    workload: [
      { count: 3, startAtMs: 50, intervalMs: 1, mode: 'ASYNC', topic: 'TopicTest', timeoutMs: 10_000 },
      { count: 1, startAtMs: 100, mode: 'SYNC', topic: 'TopicTest', timeoutMs: 1000 },
    ],
    faults: [
      { atMs: 0, kind: 'slow', link: ['producer', 'broker-a'], extraLatency: { kind: 'fixed', ms: 5000 } },
    ],
  });
}

describe('a sync timeout on a shared channel', () => {
  it('in 4.9.8 closes the channel and fails the async requests on it at once (failFast)', () => {
    const trace = mixedOnSlowChannel('4.9.8');
    const failed = ofKind(trace, 'rpc.fail').filter((e) => e.name === 'SEND_MESSAGE_V2');
    expect(failed.length).toBe(3);
    for (const e of failed) expect(Math.floor(e.t)).toBe(1100);
  });

  it('in 4.5.2 leaves the channel open (clientCloseSocketIfTimeout is false)', () => {
    expect(ofKind(mixedOnSlowChannel('4.5.2'), 'rpc.fail')).toEqual([]);
  });
});

/** broker-a stores slowly; its process dies (sockets closed) while an async send waits for its answer. */
function peerClosesWhileWaiting(version: '4.9.8' | '5.3.3'): Ev[] {
  return run({
    version: 1,
    rocketmqVersion: version,
    producer: { retryTimesWhenSendAsyncFailed: 0 },
    brokers: [{ name: 'broker-a', storeLatency: { kind: 'fixed', ms: 500 } }],
    topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4 }],
    workload: [{ count: 1, startAtMs: 100, mode: 'ASYNC', topic: 'TopicTest' }],
    faults: [{ atMs: 300, kind: 'crash', broker: 'broker-a', closeConnections: true }],
  });
}

describe('a broker that closes its sockets while a request is pending', () => {
  it('fails the request at once in 5.3.3 (channelInactive closes the channel)', () => {
    const trace = peerClosesWhileWaiting('5.3.3');
    const failed = ofKind(trace, 'rpc.fail')[0];
    expect(failed?.t).toBeLessThan(302);
  });

  it('leaves the request to the response-table scan in 4.x', () => {
    const trace = peerClosesWhileWaiting('4.9.8');
    expect(ofKind(trace, 'rpc.fail')).toEqual([]);
    expect(ofKind(trace, 'rpc.timeout')[0]?.by).toBe('scanResponseTable');
  });
});

describe('the async semaphore', () => {
  it('makes a send wait for a permit when clientAsyncSemaphoreValue is exhausted', () => {
    const trace = run({
      ...twoBrokers('4.9.8'),
      producer: { clientAsyncSemaphoreValue: 1, asyncSenderThreads: 2 },
      workload: [{ count: 4, startAtMs: 100, intervalMs: 0, mode: 'ASYNC', topic: 'TopicTest' }],
    });
    const waits = ofKind(trace, 'semaphore.acquire').filter((e) => e.semaphore === 'semaphoreAsync');
    expect(waits.length).toBeGreaterThan(0);
    expect(results(trace).every((e) => e.status === 'SEND_OK')).toBe(true);
  });
});
