/**
 * Audit of issue 3: start/shutdown states and `makeSureStateOK`, for the calls and states the recorded
 * `state-*` cases in ../shared/conformance-sendloop do not hold (sync and oneway before start, oneway after
 * shutdown, start after shutdown, the 5.x detector, the 4.5.2 facade's early validation).
 */
import { describe, expect, it } from 'vitest';
import { MQClientException } from '../../../../src/sim/client/exceptions';
import { Message } from '../../../../src/sim/client/Message';
import type { VersionId } from '../../../../src/sim/versions/VersionId';
import { makeFixture, route, runMain } from './sendPathFixture';

const T = 'TopicTest';
const VERSIONS: VersionId[] = ['4.5.2', '4.9.8', '5.3.3'];

function seeSuffix(v: VersionId): string {
  const url =
    v === '5.3.3'
      ? 'https://rocketmq.apache.org/docs/bestPractice/06FAQ'
      : 'http://rocketmq.apache.org/docs/faq/';
  return `\nSee ${url} for further details.`;
}

function fixture(v: VersionId) {
  return makeFixture(v, { routes: { [T]: route(['broker-a', 4]) } });
}

describe('producer lifecycle (audit)', () => {
  it('refuses a sync send before start with the CREATE_JUST state error and sends nothing', () => {
    for (const v of VERSIONS) {
      const f = fixture(v);
      const out = runMain(f.kernel, () => f.producer.send(Message.ofText(T, null, 'x'), 3000));
      expect((out.error as MQClientException).getMessage(), v).toBe(
        `The producer service state not OK, CREATE_JUST${seeSuffix(v)}`,
      );
      expect((out.error as MQClientException).getResponseCode(), v).toBe(-1);
      expect(f.remoting.sent, v).toHaveLength(0);
    }
  });

  it('refuses a oneway send before start and after shutdown with the state error of that moment', () => {
    for (const v of VERSIONS) {
      const f = fixture(v);
      const before = runMain(f.kernel, () => f.producer.sendOneway(Message.ofText(T, null, 'x')));
      expect((before.error as MQClientException).getMessage(), v).toBe(
        `The producer service state not OK, CREATE_JUST${seeSuffix(v)}`,
      );
      f.producer.start();
      f.producer.shutdown();
      const after = runMain(f.kernel, () => f.producer.sendOneway(Message.ofText(T, null, 'x')));
      expect((after.error as MQClientException).getMessage(), v).toBe(
        `The producer service state not OK, SHUTDOWN_ALREADY${seeSuffix(v)}`,
      );
      expect(f.remoting.sent, v).toHaveLength(0);
    }
  });

  it('refuses to start again after shutdown, saying it was maybe started once, and stays SHUTDOWN_ALREADY', () => {
    for (const v of VERSIONS) {
      const f = fixture(v);
      f.producer.start();
      f.producer.shutdown();
      let error: unknown = null;
      try {
        f.producer.start();
      } catch (e) {
        error = e;
      }
      expect((error as MQClientException).getMessage(), v).toBe(
        `The producer service state not OK, maybe started once, SHUTDOWN_ALREADY${seeSuffix(v)}`,
      );
      expect(f.producer.defaultMQProducerImpl.getServiceState(), v).toBe('SHUTDOWN_ALREADY');
    }
  });

  it('starts the 5.x fault detector with the producer and stops it on shutdown', () => {
    const f = fixture('5.3.3');
    const faults = f.producer.defaultMQProducerImpl.mqFaultStrategy.latencyFaultTolerance;
    expect(faults.isDetectorStarted()).toBe(false);
    f.producer.start();
    expect(faults.isDetectorStarted()).toBe(true);
    f.producer.shutdown();
    expect(faults.isDetectorStarted()).toBe(false);
  });

  it('validates the message in the 4.5.2 facade send(msg) before the state check, unlike send(msg, timeout)', () => {
    const empty = () => new Message(T, null, new Uint8Array(0));
    const f = fixture('4.5.2');
    const noTimeout = runMain(f.kernel, () => f.producer.send(empty()));
    expect((noTimeout.error as MQClientException).errorMessage).toBe('the message body length is zero');
    const withTimeout = runMain(f.kernel, () => f.producer.send(empty(), 3000));
    expect((withTimeout.error as MQClientException).getMessage()).toBe(
      `The producer service state not OK, CREATE_JUST${seeSuffix('4.5.2')}`,
    );
  });

  it('checks the state before the message in the 4.9.8 and 5.3.3 facade send(msg)', () => {
    for (const v of ['4.9.8', '5.3.3'] as const) {
      const f = fixture(v);
      const out = runMain(f.kernel, () => f.producer.send(new Message(T, null, new Uint8Array(0))));
      expect((out.error as MQClientException).getMessage(), v).toBe(
        `The producer service state not OK, CREATE_JUST${seeSuffix(v)}`,
      );
    }
  });
});
