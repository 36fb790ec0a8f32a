import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/sim/common/Clock';
import type { IntRandom } from '../../../../src/sim/common/IntRandom';
import { JavaRandom, type Int32Source } from '../../../../src/sim/common/javaInt';
import { runOnThread } from '../../../../src/sim/common/ThreadLocal';
import type { MessageQueue } from '../../../../src/sim/client/MessageQueue';
import { MQFaultStrategy, SelectionExplain } from '../../../../src/sim/client/MQFaultStrategy';
import { topicRouteData2TopicPublishInfo } from '../../../../src/sim/client/topicRouteData2TopicPublishInfo';
import type { VersionId } from '../../../../src/sim/versions/profiles';

interface Setup {
  brokers?: [string, number][];
  latency?: boolean;
  start?: number;
  random?: IntRandom & Partial<Int32Source>;
}

/** A producer-side view of topic T over the given brokers (default broker-a and broker-b, 2 queues each). */
function setup(version: VersionId, options: Setup = {}) {
  const brokers = options.brokers ?? [
    ['broker-a', 2],
    ['broker-b', 2],
  ];
  const random = options.random ?? new JavaRandom(1);
  const clock = new ManualClock(1_000_000);
  const tpInfo = topicRouteData2TopicPublishInfo(
    'T',
    {
      orderTopicConf: null,
      queueDatas: brokers.map(([name, n]) => ({
        brokerName: name,
        readQueueNums: n,
        writeQueueNums: n,
        perm: 6,
      })),
      brokerDatas: brokers.map(([name]) => ({
        cluster: 'c',
        brokerName: name,
        brokerAddrs: { 0: `${name}:10911` },
      })),
    },
    { version, random },
  );
  tpInfo.sendWhichQueue.setStoredValue(options.start ?? 0);
  const strategy = new MQFaultStrategy({
    version,
    clock,
    random,
    sendLatencyFaultEnable: options.latency ?? true,
  });
  strategy.latencyFaultTolerance.whichItemWorst.setStoredValue(0);
  return { clock, tpInfo, strategy };
}

const label = (mq: MessageQueue) => `${mq.brokerName}:${mq.queueId}`;

describe('MQFaultStrategy.computeNotAvailableDuration', () => {
  it.each([
    [549, 0],
    [550, 30000],
    [999, 30000],
    [1000, 60000],
    [2000, 120000],
    [3000, 180000],
    [15000, 600000],
  ])('maps a latency of %i ms to %i ms out (4.x)', (latency, duration) => {
    expect(setup('4.9.8').strategy.computeNotAvailableDuration(latency)).toBe(duration);
  });

  it.each([
    [549, 0],
    [550, 2000],
    [1799, 2000],
    [1800, 5000],
    [3000, 6000],
    [5000, 10000],
    [15000, 30000],
  ])('maps a latency of %i ms to %i ms out (5.3.3)', (latency, duration) => {
    expect(setup('5.3.3').strategy.computeNotAvailableDuration(latency)).toBe(duration);
  });

  it('uses thresholds changed through setLatencyMax and setNotAvailableDuration', () => {
    const { strategy } = setup('4.9.8');
    strategy.setLatencyMax([10]);
    strategy.setNotAvailableDuration([7]);
    expect(strategy.computeNotAvailableDuration(10)).toBe(7);
    expect(strategy.computeNotAvailableDuration(9)).toBe(0);
  });
});

describe('MQFaultStrategy.updateFaultItem', () => {
  it('isolates a broker for 600 s after an isolating failure in 4.x, whatever the latency', () => {
    const update = setup('4.5.2').strategy.updateFaultItem('broker-a', 5, true);
    expect(update?.notAvailableDuration).toBe(600000);
    expect(update?.availableAt).toBe(1_600_000);
  });

  it('isolates a broker for only 10 s after an isolating failure in 5.3.3', () => {
    const update = setup('5.3.3').strategy.updateFaultItem('broker-a', 5, true, false);
    expect(update).toMatchObject({ notAvailableDuration: 10000, availableAt: 1_010_000, reachable: false });
  });

  it('does nothing while latency fault tolerance is off', () => {
    const { strategy } = setup('4.9.8', { latency: false });
    expect(strategy.updateFaultItem('broker-a', 20000, true)).toBeNull();
    expect(strategy.latencyFaultTolerance.faultItems()).toEqual([]);
  });
});

describe('MQFaultStrategy.selectOneMessageQueue (4.x)', () => {
  it('skips a broker isolated for 600 ms latency for 30 s (4.9.8)', () => {
    const { clock, tpInfo, strategy } = setup('4.9.8');
    strategy.updateFaultItem('broker-a', 600, false);
    const during: string[] = [];
    for (let i = 0; i < 8; i++) {
      during.push(strategy.selectOneMessageQueue(tpInfo, null).brokerName);
      clock.advance(3749);
    }
    expect(during.every((b) => b === 'broker-b')).toBe(true);
    clock.set(1_030_000);
    const after = [1, 2, 3, 4].map(() => strategy.selectOneMessageQueue(tpInfo, null).brokerName);
    expect(after).toContain('broker-a');
  });

  it('returns the first available queue after a faulty broker again and again, since the counter moves by one', () => {
    const { tpInfo, strategy } = setup('4.9.8');
    strategy.updateFaultItem('broker-a', 600, false);
    const picks = [1, 2, 3, 4].map(() => label(strategy.selectOneMessageQueue(tpInfo, null)));
    expect(picks).toEqual(['broker-b:0', 'broker-b:0', 'broker-b:1', 'broker-b:0']);
  });

  it('sends a 4.5.2 retry back to the broker that just failed while it is still available', () => {
    const { tpInfo, strategy } = setup('4.5.2', { start: 1 }); // first position 2: broker-b
    const explain = new SelectionExplain();
    const mq = strategy.selectOneMessageQueue(tpInfo, 'broker-a', false, explain);
    expect(mq.brokerName).toBe('broker-a');
    expect(explain.path).toBe('available');
    expect(explain.skipped.map((s) => s.reason)).toEqual(['notLastBroker', 'notLastBroker']);
  });

  it('ignores lastBrokerName entirely when latency fault tolerance is on (4.9.8)', () => {
    const { tpInfo, strategy } = setup('4.9.8', { start: 1 });
    expect(strategy.selectOneMessageQueue(tpInfo, 'broker-b').brokerName).toBe('broker-b');
  });

  it('avoids lastBrokerName when latency fault tolerance is off (4.9.8)', () => {
    const { tpInfo, strategy } = setup('4.9.8', { start: 1, latency: false });
    const explain = new SelectionExplain();
    expect(strategy.selectOneMessageQueue(tpInfo, 'broker-b', false, explain).brokerName).toBe('broker-a');
    expect(explain.path).toBe('latencyDisabled');
  });

  it('rewrites an entry of the shared queue list when every broker is out (4.5.2)', () => {
    const { tpInfo, strategy } = setup('4.5.2');
    strategy.updateFaultItem('broker-a', 600, false);
    strategy.updateFaultItem('broker-b', 1200, false);
    const explain = new SelectionExplain();
    const mq = strategy.selectOneMessageQueue(tpInfo, null, false, explain);
    expect(explain.path).toBe('notBestBroker');
    expect(tpInfo.messageQueueList).toContain(mq);
    expect(tpInfo.messageQueueList.map(label)).toEqual([
      'broker-a:0',
      'broker-a:1',
      'broker-a:1',
      'broker-b:1',
    ]);
    expect(explain.mutated).toEqual({
      pos: 2,
      before: { brokerName: 'broker-b', queueId: 0 },
      after: { brokerName: 'broker-a', queueId: 1 },
    });
  });

  it('returns a new queue and leaves the list alone when every broker is out (4.9.8)', () => {
    const { tpInfo, strategy } = setup('4.9.8');
    strategy.updateFaultItem('broker-a', 600, false);
    strategy.updateFaultItem('broker-b', 1200, false);
    const explain = new SelectionExplain();
    const mq = strategy.selectOneMessageQueue(tpInfo, null, false, explain);
    expect(label(mq)).toBe('broker-a:1');
    expect(tpInfo.messageQueueList).not.toContain(mq);
    expect(tpInfo.messageQueueList.map(label)).toEqual([
      'broker-a:0',
      'broker-a:1',
      'broker-b:0',
      'broker-b:1',
    ]);
    expect(explain.pos).toBe(-1);
  });

  it('removes a picked broker that is not in the route and falls back to round robin', () => {
    const { tpInfo, strategy } = setup('4.9.8');
    strategy.updateFaultItem('broker-a', 600, false);
    strategy.updateFaultItem('broker-b', 1200, false);
    strategy.updateFaultItem('broker-x', 10, false); // available, sorts first, serves no queue of T
    const explain = new SelectionExplain();
    strategy.selectOneMessageQueue(tpInfo, null, false, explain);
    expect(explain).toMatchObject({ path: 'fallback', pick: 'broker-x', writeQueueNums: -1 });
    expect(explain.removedFromFaultTable).toBe('broker-x');
    expect(strategy.latencyFaultTolerance.getFaultItem('broker-x')).toBeUndefined();
  });

  it('logs the NullPointerException of remove(null) on an empty route, then throws ArithmeticException', () => {
    const { tpInfo, strategy } = setup('4.5.2', { brokers: [] });
    const explain = new SelectionExplain();
    expect(() => strategy.selectOneMessageQueue(tpInfo, null, false, explain)).toThrow(
      expect.objectContaining({ javaClass: 'ArithmeticException' }),
    );
    expect(explain.loggedErrors).toEqual(['NullPointerException']);
  });

  it('forces position 0 when the local index overflows to Integer.MIN_VALUE inside the loop (4.9.8)', () => {
    const { tpInfo, strategy } = setup('4.9.8', {
      brokers: [
        ['broker-a', 1],
        ['broker-b', 1],
        ['broker-c', 1],
      ],
      start: 2147483646,
    });
    strategy.updateFaultItem('broker-b', 600, false);
    // First value 2147483647 -> position 1 (broker-b, out); the next local index is Integer.MIN_VALUE -> 0.
    expect(strategy.selectOneMessageQueue(tpInfo, null).brokerName).toBe('broker-a');
  });
});

describe('MQFaultStrategy.selectOneMessageQueue (5.3.3)', () => {
  it('avoids the last broker in the available pass', () => {
    const { tpInfo, strategy } = setup('5.3.3', { start: 1 });
    const explain = new SelectionExplain();
    expect(strategy.selectOneMessageQueue(tpInfo, 'broker-b', false, explain).brokerName).toBe('broker-a');
    expect(explain.skipped).toEqual([
      {
        brokerName: 'broker-b',
        queueId: 0,
        pos: 2,
        reason: 'sameBroker',
        pass: 'available',
        lastBrokerName: 'broker-b',
      },
      {
        brokerName: 'broker-b',
        queueId: 1,
        pos: 3,
        reason: 'sameBroker',
        pass: 'available',
        lastBrokerName: 'broker-b',
      },
    ]);
  });

  it('falls back to the last broker only when it is the only broker', () => {
    const { tpInfo, strategy } = setup('5.3.3', { brokers: [['broker-a', 2]] });
    const explain = new SelectionExplain();
    expect(strategy.selectOneMessageQueue(tpInfo, 'broker-a', false, explain).brokerName).toBe('broker-a');
    expect(explain.path).toBe('fallback');
  });

  it('takes an isolated but reachable broker when none is available', () => {
    const { tpInfo, strategy } = setup('5.3.3');
    strategy.updateFaultItem('broker-a', 5, true, false);
    strategy.updateFaultItem('broker-b', 5, true, true);
    const explain = new SelectionExplain();
    expect(strategy.selectOneMessageQueue(tpInfo, null, false, explain).brokerName).toBe('broker-b');
    expect(explain.path).toBe('reachable');
    expect(explain.skipped.find((s) => s.pass === 'available')).toMatchObject({
      reason: 'notAvailable',
      availableAt: 1_010_000,
    });
    expect(explain.skipped.find((s) => s.pass === 'reachable')).toMatchObject({ reason: 'notReachable' });
  });

  it('moves the stored counter on every probe', () => {
    const { tpInfo, strategy } = setup('5.3.3');
    strategy.updateFaultItem('broker-b', 600, false);
    strategy.selectOneMessageQueue(tpInfo, null); // 1 -> a1
    strategy.selectOneMessageQueue(tpInfo, null); // 2 b0, 3 b1, 4 a0
    expect(tpInfo.sendWhichQueue.getStoredValue()).toBe(4);
  });

  it('re-randomises the counter on resetIndex only while latency fault tolerance is on', () => {
    const draws = { nextInt: () => 41, nextInt32: () => 0 };
    const on = setup('5.3.3', { random: draws });
    const explain = new SelectionExplain();
    expect(label(on.strategy.selectOneMessageQueue(on.tpInfo, null, true, explain))).toBe('broker-b:0'); // 42 % 4
    expect(explain.resetTo).toBe(41);
    const off = setup('5.3.3', { random: draws, latency: false });
    off.strategy.selectOneMessageQueue(off.tpInfo, null, true);
    expect(off.tpInfo.sendWhichQueue.getStoredValue()).toBe(1);
  });
});

describe('MQFaultStrategy with an explanation', () => {
  it.each(['4.5.2', '4.9.8', '5.3.3'] as const)(
    'makes the same decisions with or without one (%s)',
    (version) => {
      const plain = setup(version, { start: 7 });
      const explained = setup(version, { start: 7 });
      const script = new JavaRandom(99);
      const brokers = ['broker-a', 'broker-b'];
      for (let step = 0; step < 200; step++) {
        const kind = script.nextInt(4);
        if (kind === 0) {
          const broker = brokers[script.nextInt(2)] as string;
          const latency = script.nextInt(4000);
          const isolation = script.nextInt(5) === 0;
          plain.strategy.updateFaultItem(broker, latency, isolation);
          explained.strategy.updateFaultItem(broker, latency, isolation);
        } else if (kind === 1) {
          plain.clock.advance(5000);
          explained.clock.advance(5000);
        } else {
          const last = script.nextInt(3) === 0 ? (brokers[script.nextInt(2)] as string) : null;
          const a = plain.strategy.selectOneMessageQueue(plain.tpInfo, last);
          const b = explained.strategy.selectOneMessageQueue(
            explained.tpInfo,
            last,
            false,
            new SelectionExplain(),
          );
          expect(label(b)).toBe(label(a));
        }
      }
    },
  );
});

describe('MQFaultStrategy and threads', () => {
  it('gives a callback thread its own counter, so its re-send does not move the sender’s', () => {
    const { tpInfo, strategy } = setup('4.9.8', { random: { nextInt: () => 0, nextInt32: () => 100 } });
    runOnThread('sender', () => strategy.selectOneMessageQueue(tpInfo, null));
    const before = tpInfo.sendWhichQueue.getStoredValue('sender');
    runOnThread('NettyClientPublicExecutor_1', () => strategy.selectOneMessageQueue(tpInfo, null));
    expect(tpInfo.sendWhichQueue.getStoredValue('sender')).toBe(before);
    expect(tpInfo.sendWhichQueue.getStoredValue('NettyClientPublicExecutor_1')).toBe(101);
  });
});
