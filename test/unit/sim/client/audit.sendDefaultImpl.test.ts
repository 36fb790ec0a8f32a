/**
 * Audit of issue 3: `DefaultMQProducerImpl.sendDefaultImpl` and the SYNC wire path through the real
 * `MQClientAPIImpl`, for what the recorded send-loop cases do not show: the fault update each exception class
 * makes per tag (the recordings run with latency fault tolerance off in the shared subset), the 5.x per-request
 * cap on the real wire path, a non-OK result outliving a later non-retriable code in 4.x, and
 * `MQClientAPIImpl`'s own "sendMessage call timeout" check.
 */
import { describe, expect, it } from 'vitest';
import { ClientEnvironment } from '../../../../src/sim/client/ClientEnvironment';
import { DefaultMQProducer } from '../../../../src/sim/client/DefaultMQProducer';
import {
  InterruptedException,
  MQClientException,
  RemotingTimeoutException,
  RemotingTooMuchRequestException,
} from '../../../../src/sim/client/exceptions';
import { Message } from '../../../../src/sim/client/Message';
import type { SendMessageRequestHeader } from '../../../../src/sim/client/MQClientAPIImpl';
import type { FaultUpdate } from '../../../../src/sim/client/MQFaultStrategy';
import { ResponseCode } from '../../../../src/sim/client/ResponseCode';
import { Kernel, sleep, type Sim } from '../../../../src/sim/kernel/Kernel';
import { RandomSource } from '../../../../src/sim/kernel/random';
import { RemotingCommand } from '../../../../src/sim/remoting/RemotingCommand';
import type { VersionId } from '../../../../src/sim/versions/VersionId';
import { FakeRemotingClient, makeFixture, route, runMain, type FakeNetworkOptions } from './sendPathFixture';

const T = 'TopicTest';

/** A fake network whose first broker calls throw the scripted exceptions (after their latency). */
class FailingBrokers extends FakeRemotingClient {
  readonly thrown: { addr: string; timeout: number; at: number }[] = [];

  constructor(
    private readonly clock: Kernel,
    options: FakeNetworkOptions,
    remoting5: boolean,
    private readonly failures: { latency: number; error: () => Error }[],
  ) {
    super(clock, options, remoting5);
  }

  override *invokeSync(
    addr: string | null,
    request: RemotingCommand,
    timeoutMillis: number,
  ): Sim<RemotingCommand> {
    const next = addr === null ? undefined : this.failures.shift();
    if (next && addr !== null) {
      this.thrown.push({ addr, timeout: timeoutMillis, at: this.clock.now() });
      yield* sleep(next.latency);
      throw next.error();
    }
    return yield* super.invokeSync(addr, request, timeoutMillis);
  }
}

function failingFixture(version: VersionId, failures: { latency: number; error: () => Error }[]) {
  const kernel = new Kernel();
  const random = new RandomSource(7);
  let remoting: FailingBrokers | null = null;
  const env = new ClientEnvironment({
    kernel,
    version,
    randomStream: (name) => random.stream(name),
    createRemotingClient: () =>
      (remoting ??= new FailingBrokers(
        kernel,
        { routes: { [T]: route(['broker-a', 2], ['broker-b', 2]) } },
        version === '5.3.3',
        failures,
      )),
  });
  const producer = new DefaultMQProducer(env, 'audit_group');
  producer.setSendLatencyFaultEnable(true);
  producer.start();
  const updates: FaultUpdate[] = [];
  producer.defaultMQProducerImpl.observer = { onFaultUpdate: (u) => updates.push(u) };
  return { kernel, producer, updates, remoting: () => remoting! };
}

/** The fields of a fault update that differ per tag and exception class. */
function brief(u: FaultUpdate | undefined) {
  return (
    u && {
      latency: u.currentLatency,
      isolation: u.isolation,
      duration: u.notAvailableDuration,
      reachable: u.reachable,
    }
  );
}

describe('sendDefaultImpl fault bookkeeping per exception class (audit)', () => {
  it('isolates the broker after an MQClientException in 4.x (600 s) but only records its latency in 5.3.3', () => {
    const expected = {
      '4.5.2': { latency: 100, isolation: true, duration: 600000, reachable: true },
      '4.9.8': { latency: 100, isolation: true, duration: 600000, reachable: true },
      '5.3.3': { latency: 100, isolation: false, duration: 0, reachable: true },
    } as const;
    for (const v of ['4.5.2', '4.9.8', '5.3.3'] as const) {
      const f = failingFixture(v, [
        { latency: 100, error: () => new MQClientException({ faqUrl: 'x' }, 'scripted') },
      ]);
      const out = runMain(f.kernel, () => f.producer.send(Message.ofText(T, null, 'x'), 3000));
      expect(out.value?.getSendStatus(), v).toBe('SEND_OK');
      expect(brief(f.updates[0]), v).toEqual(expected[v]);
    }
  });

  it('isolates the broker after a broker error code, and in 5.3.3 also marks it unreachable (10 s)', () => {
    const expected = {
      '4.5.2': { latency: 100, isolation: true, duration: 600000, reachable: true },
      '4.9.8': { latency: 100, isolation: true, duration: 600000, reachable: true },
      '5.3.3': { latency: 100, isolation: true, duration: 10000, reachable: false },
    } as const;
    for (const v of ['4.5.2', '4.9.8', '5.3.3'] as const) {
      const f = makeFixture(v, {
        routes: { [T]: route(['broker-a', 2], ['broker-b', 2]) },
        replies: [
          { latency: 100, code: ResponseCode.SYSTEM_ERROR },
          { latency: 10, code: ResponseCode.SUCCESS },
        ],
      });
      f.producer.setSendLatencyFaultEnable(true);
      f.producer.start();
      const updates: FaultUpdate[] = [];
      f.producer.defaultMQProducerImpl.observer = { onFaultUpdate: (u) => updates.push(u) };
      const out = runMain(f.kernel, () => f.producer.send(Message.ofText(T, null, 'x'), 3000));
      expect(out.value?.getSendStatus(), v).toBe('SEND_OK');
      expect(brief(updates[0]), v).toEqual(expected[v]);
    }
  });

  it('keeps a 5.3.3 broker reachable after a RemotingException unless the fault detector is enabled', () => {
    for (const detector of [false, true]) {
      const f = failingFixture('5.3.3', [
        { latency: 100, error: () => new RemotingTimeoutException('scripted') },
      ]);
      f.producer.defaultMQProducerImpl.mqFaultStrategy.setStartDetectorEnable(detector);
      runMain(f.kernel, () => f.producer.send(Message.ofText(T, null, 'x'), 3000));
      expect(brief(f.updates[0]), `detector ${detector}`).toEqual({
        latency: 100,
        isolation: true,
        duration: 10000,
        reachable: !detector,
      });
    }
  });

  it('records an InterruptedException without isolation and ends the send with it, unwrapped, after one attempt', () => {
    const durations = { '4.5.2': 30000, '4.9.8': 30000, '5.3.3': 2000 } as const;
    for (const v of ['4.5.2', '4.9.8', '5.3.3'] as const) {
      const f = failingFixture(v, [{ latency: 700, error: () => new InterruptedException('stop') }]);
      const out = runMain(f.kernel, () => f.producer.send(Message.ofText(T, null, 'x'), 3000));
      expect(out.error, v).toBeInstanceOf(InterruptedException);
      expect(f.remoting().thrown, v).toHaveLength(1);
      expect(f.remoting().sent, v).toHaveLength(0);
      expect(brief(f.updates[0]), v).toEqual({
        latency: 700,
        isolation: false,
        duration: durations[v],
        reachable: true,
      });
    }
  });
});

describe('sendDefaultImpl budgets and results on the real wire path (audit)', () => {
  it('caps every 5.3.3 attempt but the last at sendMsgMaxTimeoutPerRequest, and leaves it uncapped at -1', () => {
    for (const [cap, timeouts] of [
      [1000, [1000, 1000, 4980]],
      [-1, [5000, 4990, 4980]],
    ] as const) {
      const f = makeFixture('5.3.3', {
        routes: { [T]: route(['broker-a', 2], ['broker-b', 2]) },
        replies: [
          { latency: 10, code: ResponseCode.SERVICE_NOT_AVAILABLE },
          { latency: 10, code: ResponseCode.SERVICE_NOT_AVAILABLE },
          { latency: 10, code: ResponseCode.SUCCESS },
        ],
      });
      f.producer.setSendMsgMaxTimeoutPerRequest(cap);
      f.producer.start();
      const out = runMain(f.kernel, () => f.producer.send(Message.ofText(T, null, 'x'), 5000));
      expect(out.value?.getSendStatus(), `cap ${cap}`).toBe('SEND_OK');
      expect(
        f.remoting.sent.map((s) => s.timeout),
        `cap ${cap}`,
      ).toEqual(timeouts);
    }
  });

  it('has no sendMsgMaxTimeoutPerRequest before 5.x', () => {
    for (const v of ['4.5.2', '4.9.8'] as const) {
      expect(() => makeFixture(v).producer.setSendMsgMaxTimeoutPerRequest(1000), v).toThrow(/does not exist/);
    }
  });

  it('returns an earlier non-OK result when a later attempt meets a broker code that is not retried', () => {
    for (const v of ['4.5.2', '4.9.8', '5.3.3'] as const) {
      const f = makeFixture(v, {
        routes: { [T]: route(['broker-a', 2], ['broker-b', 2]) },
        replies: [
          { latency: 10, code: ResponseCode.FLUSH_DISK_TIMEOUT },
          { latency: 10, code: ResponseCode.MESSAGE_ILLEGAL },
        ],
      });
      f.producer.setRetryAnotherBrokerWhenNotStoreOK(true);
      f.producer.start();
      const out = runMain(f.kernel, () => f.producer.send(Message.ofText(T, null, 'x'), 3000));
      expect(out.error, v).toBeUndefined();
      expect(out.value?.getSendStatus(), v).toBe('FLUSH_DISK_TIMEOUT');
      expect(f.remoting.sent, v).toHaveLength(2);
      const first = f.remoting.sent[0]!;
      expect(out.value?.getMessageQueue().getQueueId(), v).toBe(first.header.queueId);
      expect(first.addr, v).not.toBe(f.remoting.sent[1]!.addr);
    }
  });

  it('refuses in MQClientAPIImpl.sendMessage a budget below its own cost with "sendMessage call timeout", before any write', () => {
    for (const mode of ['SYNC', 'ASYNC'] as const) {
      const f = makeFixture('4.9.8', { routes: { [T]: route(['broker-a', 2]) } });
      f.producer.start();
      const impl = f.producer.defaultMQProducerImpl;
      const api = impl.getMqClientFactory()!.getMQClientAPIImpl();
      const header: SendMessageRequestHeader = {
        producerGroup: 'test_group',
        topic: T,
        defaultTopic: 'TBW102',
        defaultTopicQueueNums: 4,
        queueId: 0,
        sysFlag: 0,
        bornTimestamp: 0,
        flag: 0,
        properties: '',
        reconsumeTimes: 0,
        unitMode: false,
        batch: false,
      };
      const out = runMain(f.kernel, () =>
        api.sendMessageWithCallback(
          '127.0.0.1:10911',
          'broker-a',
          Message.ofText(T, null, 'x'),
          header,
          -1,
          mode,
          { onSuccess: () => {}, onException: () => {} },
          null,
          null,
          0,
          impl,
        ),
      );
      expect(out.error, mode).toBeInstanceOf(RemotingTooMuchRequestException);
      expect((out.error as Error).message, mode).toBe('sendMessage call timeout');
      expect(f.remoting.sent, mode).toHaveLength(0);
    }
  });
});
