/**
 * Audit of issue 3: queue-choice details that the recorded cases leave open or that a reader of the spec could
 * get wrong: the fault table's hash order (a 32-bin table), the 5.x `reset()` range, and the selectors
 * `SelectMessageQueueByRandom` and `SelectMessageQueueByMachineRoom` used through the producer.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/sim/common/Clock';
import type { IntRandom } from '../../../../src/sim/common/IntRandom';
import { MQClientException } from '../../../../src/sim/client/exceptions';
import { LatencyFaultToleranceImpl } from '../../../../src/sim/client/LatencyFaultToleranceImpl';
import { Message } from '../../../../src/sim/client/Message';
import { SelectMessageQueueByMachineRoom } from '../../../../src/sim/client/selectors/SelectMessageQueueByMachineRoom';
import { SelectMessageQueueByRandom } from '../../../../src/sim/client/selectors/SelectMessageQueueByRandom';
import { ThreadLocalIndex } from '../../../../src/sim/client/ThreadLocalIndex';
import { makeFixture, route, runMain } from './sendPathFixture';

const T = 'TopicTest';

describe('queue choice details (audit)', () => {
  it('breaks a 4.9.8 pickOneAtLeast tie in the order of a 32-bin table, since new ConcurrentHashMap(16) has 32 bins', () => {
    const faults = new LatencyFaultToleranceImpl({
      version: '4.9.8',
      clock: new ManualClock(1_000_000),
      random: { nextInt: () => 0 },
    });
    faults.whichItemWorst.setStoredValue(0);
    // Spread hashes: broker-a is bin 11 of 16 but bin 27 of 32; broker-n is bin 12 in both. Insertion order
    // and a 16-bin table both put broker-a first; the real 32-bin table puts broker-n first.
    faults.updateFaultItem('broker-a', 700, 30000);
    faults.updateFaultItem('broker-n', 700, 30000);
    expect(faults.faultItems().map((i) => i.name)).toEqual(['broker-n', 'broker-a']);
    // Equal items: the stable sort keeps table order and half = 1 always picks sorted[0].
    expect(faults.pickOneAtLeast()).toBe('broker-n');
  });

  it('draws the 5.3.3 reset() value with bound Integer.MAX_VALUE, so it can store at most 2147483646', () => {
    const bounds: number[] = [];
    const random: IntRandom = {
      nextInt: (bound) => {
        bounds.push(bound);
        return bound - 1;
      },
    };
    const index = new ThreadLocalIndex('5.3.3', random);
    index.reset();
    expect(bounds).toEqual([2147483647]);
    expect(index.getStoredValue()).toBe(2147483646);
  });

  it('fails a send with SelectMessageQueueByMachineRoom with "select message queue return null." in every tag', () => {
    for (const v of ['4.5.2', '4.9.8', '5.3.3'] as const) {
      const f = makeFixture(v, { routes: { [T]: route(['broker-a', 4]) } });
      f.producer.start();
      const out = runMain(f.kernel, () =>
        f.producer.sendWithSelector(
          Message.ofText(T, null, 'x'),
          new SelectMessageQueueByMachineRoom(),
          'k',
          3000,
        ),
      );
      expect(out.error, v).toBeInstanceOf(MQClientException);
      expect((out.error as MQClientException).errorMessage, v).toBe('select message queue return null.');
      expect((out.error as MQClientException).getResponseCode(), v).toBe(-1);
      expect(f.remoting.sent, v).toHaveLength(0);
    }
  });

  it('sends a SelectMessageQueueByRandom message to list[nextInt(size)] of the whole publish list', () => {
    const bounds: number[] = [];
    const random: IntRandom = {
      nextInt: (bound) => {
        bounds.push(bound);
        return 5;
      },
    };
    const f = makeFixture('4.9.8', { routes: { [T]: route(['broker-a', 4], ['broker-b', 4]) } });
    f.producer.start();
    const out = runMain(f.kernel, () =>
      f.producer.sendWithSelector(
        Message.ofText(T, null, 'x'),
        new SelectMessageQueueByRandom(random),
        null,
        3000,
      ),
    );
    expect(bounds).toEqual([8]);
    expect(out.value?.getMessageQueue().getBrokerName()).toBe('broker-b');
    expect(f.remoting.sent[0]!.header.queueId).toBe(1);
    expect(f.remoting.sent[0]!.addr).toBe('127.0.0.1:11011');
  });
});
