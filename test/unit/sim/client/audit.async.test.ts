/**
 * Audit of issue 3: the 5.x async paths that the shared subset of ../shared/conformance-sendloop does not hold
 * (its README names them: `v5-fail-too-much-request-no-retry`, `v5-retry-stops-budget-one-left`,
 * `v5-backpressure-on-retry-then-ok`, `v5-backpressure-on-no-num-permits`). They run through the same harness
 * as the recorded cases: the real `DefaultMQProducerImpl`, `MQClientAPIImpl` and `ResponseFuture` over a
 * scripted `invokeAsync`. Expected values are read from the upstream code of rocketmq-all-5.3.3.
 */
import { describe, expect, it } from 'vitest';
import { sendLoopEvents } from '../../../../src/conformance/families/sendloop-harness';

const FAQ5 =
  '\nFor more information, please visit the url, https://rocketmq.apache.org/docs/bestPractice/06FAQ';
const BROKERS = [
  { name: 'broker-a', writeQueueNums: 4 },
  { name: 'broker-b', writeQueueNums: 4 },
];

function asyncCase(extra: Record<string, unknown>) {
  return sendLoopEvents('5.3.3', {
    mode: 'asyncDeprecated',
    timeout: 3000,
    startIndex: 0,
    callbackStartIndex: 0,
    queueWait: 0,
    brokers: BROKERS,
    ...extra,
  });
}

function kinds(events: Record<string, unknown>[]): string[] {
  return events.map((e) => String(e.event));
}

describe('5.x async re-sends (audit)', () => {
  it('does not re-send after operationFail(RemotingTooMuchRequestException), and reports it as "unknown reason"', () => {
    const events = asyncCase({
      asyncCalls: [
        { latency: 10, kind: 'fail', throw: { class: 'RemotingTooMuchRequestException' } },
        { latency: 10, kind: 'response', code: 0 },
      ],
    });
    expect(kinds(events)).toEqual(['callerReturn', 'taskStart', 'attempt', 'onException', 'end']);
    expect(events[3]).toEqual({
      event: 'onException',
      class: 'MQClientException',
      message: `unknown reason${FAQ5}`,
      responseCode: -1,
      cause: { class: 'RemotingTooMuchRequestException', message: 'scripted' },
      at: 10,
    });
  });

  it('re-sends after operationFail(RemotingConnectException) to another broker', () => {
    const events = asyncCase({
      asyncCalls: [
        { latency: 10, kind: 'fail', throw: { class: 'RemotingConnectException' } },
        { latency: 10, kind: 'response', code: 0 },
      ],
    });
    expect(kinds(events)).toEqual(['callerReturn', 'taskStart', 'attempt', 'attempt', 'onSuccess', 'end']);
    expect(events[2]).toMatchObject({ brokerName: 'broker-a', timeout: 3000, at: 0 });
    expect(events[3]).toMatchObject({ brokerName: 'broker-b', timeout: 2990, at: 10 });
  });

  it('re-sends with a budget of 1 ms when 1 ms is left, and not at all when nothing is left (timeoutMillis > 0)', () => {
    const oneLeft = asyncCase({
      asyncCalls: [
        { latency: 2999, kind: 'sendFailed' },
        { latency: 0, kind: 'response', code: 0 },
      ],
    });
    expect(kinds(oneLeft)).toEqual(['callerReturn', 'taskStart', 'attempt', 'attempt', 'onSuccess', 'end']);
    expect(oneLeft[3]).toMatchObject({ event: 'attempt', timeout: 1, at: 2999 });
    const noneLeft = asyncCase({
      asyncCalls: [
        { latency: 3000, kind: 'sendFailed' },
        { latency: 0, kind: 'response', code: 0 },
      ],
    });
    expect(kinds(noneLeft)).toEqual(['callerReturn', 'taskStart', 'attempt', 'onException', 'end']);
    expect(noneLeft[3]).toMatchObject({ class: 'MQClientException', at: 3000 });
  });
});

describe('5.x async back-pressure (audit)', () => {
  it('holds the permits across an async re-send and releases them just before the user callback', () => {
    const events = asyncCase({
      producer: { enableBackpressureForAsyncMode: true },
      asyncCalls: [
        { latency: 100, kind: 'sendFailed' },
        { latency: 10, kind: 'response', code: 0 },
      ],
    });
    expect(
      events
        .filter((e) => e.event !== 'taskStart')
        .map((e) =>
          e.event === 'permits'
            ? `permits ${String(e.num)}/${String(e.size)}@${String(e.at)}`
            : `${String(e.event)}@${String(e.at)}`,
        ),
    ).toEqual([
      'callerReturn@0',
      'permits 9999/104857595@0',
      'attempt@0',
      'attempt@100',
      'onSuccess@110',
      'permits 10000/104857600@110',
      'permits 10000/104857600@110',
      'end@110',
    ]);
  });

  it('waits the whole remaining timeout on the virtual clock when no num permit is free, then fails on the caller thread', () => {
    const events = asyncCase({
      producer: { enableBackpressureForAsyncMode: true },
      backpressure: { numPermits: 0 },
      asyncCalls: [{ latency: 10, kind: 'response', code: 0 }],
    });
    // The recording's JVM waited these 3000 ms in real time, so its virtual `at` stayed 0 (see docs/fidelity.md).
    expect(kinds(events)).toEqual(['onException', 'permits', 'callerReturn', 'permits', 'permits', 'end']);
    expect(events[0]).toEqual({
      event: 'onException',
      class: 'RemotingTooMuchRequestException',
      message: 'send message tryAcquire semaphoreAsyncNum timeout',
      at: 3000,
    });
    expect(events[1]).toMatchObject({ num: 0, size: 104857600 });
  });
});
