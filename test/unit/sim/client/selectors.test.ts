import { describe, expect, it } from 'vitest';
import type { IntRandom } from '../../../../src/sim/common/IntRandom';
import { INT_MIN } from '../../../../src/sim/common/javaInt';
import { MessageQueue } from '../../../../src/sim/client/MessageQueue';
import { SelectMessageQueueByHash } from '../../../../src/sim/client/selectors/SelectMessageQueueByHash';
import { SelectMessageQueueByMachineRoom } from '../../../../src/sim/client/selectors/SelectMessageQueueByMachineRoom';
import { SelectMessageQueueByRandom } from '../../../../src/sim/client/selectors/SelectMessageQueueByRandom';

const queues = (n: number) => Array.from({ length: n }, (_, i) => new MessageQueue('T', 'broker-a', i));

function javaClassOf(body: () => unknown): string | undefined {
  try {
    body();
  } catch (error) {
    return (error as { javaClass?: string }).javaClass;
  }
  return undefined;
}

describe('SelectMessageQueueByHash', () => {
  it('maps the same key to the same queue every time', () => {
    const selector = new SelectMessageQueueByHash('4.9.8');
    const first = selector.select(queues(5), null, 'order-42');
    expect(selector.select(queues(5), null, 'order-42').queueId).toBe(first.queueId);
  });

  it('throws IndexOutOfBoundsException for a hash of Integer.MIN_VALUE and 3 queues (4.5.2)', () => {
    const selector = new SelectMessageQueueByHash('4.5.2');
    expect(javaClassOf(() => selector.select(queues(3), null, 'polygenelubricants'))).toBe(
      'IndexOutOfBoundsException',
    );
    expect(javaClassOf(() => selector.select(queues(3), null, INT_MIN))).toBe('IndexOutOfBoundsException');
  });

  it('still works for a hash of Integer.MIN_VALUE when the queue count divides 2^31 (4.5.2)', () => {
    expect(new SelectMessageQueueByHash('4.5.2').select(queues(4), null, 'polygenelubricants').queueId).toBe(
      0,
    );
  });

  it('takes % before abs, so Integer.MIN_VALUE maps to a valid queue (4.9.8, 5.3.3)', () => {
    // -2147483648 % 3 = -2, abs 2.
    expect(new SelectMessageQueueByHash('4.9.8').select(queues(3), null, 'polygenelubricants').queueId).toBe(
      2,
    );
    expect(new SelectMessageQueueByHash('5.3.3').select(queues(3), null, INT_MIN).queueId).toBe(2);
  });

  it('hashes a long argument as the xor of its halves', () => {
    // 4294967297 = 2^32 + 1: hash 1 ^ 1 = 0.
    expect(new SelectMessageQueueByHash('4.9.8').select(queues(3), null, 4294967297n).queueId).toBe(0);
  });

  it('throws NullPointerException for a null argument and ArithmeticException for an empty list', () => {
    const selector = new SelectMessageQueueByHash('5.3.3');
    expect(javaClassOf(() => selector.select(queues(3), null, null))).toBe('NullPointerException');
    expect(javaClassOf(() => selector.select([], null, 'k'))).toBe('ArithmeticException');
  });
});

describe('SelectMessageQueueByRandom', () => {
  it('returns the queue at random.nextInt(size) from the injected stream', () => {
    const bounds: number[] = [];
    const random: IntRandom = {
      nextInt: (bound) => {
        bounds.push(bound);
        return 3;
      },
    };
    expect(new SelectMessageQueueByRandom(random).select(queues(5), null, undefined).queueId).toBe(3);
    expect(bounds).toEqual([5]);
  });

  it('throws IllegalArgumentException for an empty list, as Random.nextInt(0) does', () => {
    const selector = new SelectMessageQueueByRandom({ nextInt: () => 0 });
    expect(javaClassOf(() => selector.select([], null, undefined))).toBe('IllegalArgumentException');
  });
});

describe('SelectMessageQueueByMachineRoom', () => {
  it('always returns null, so the send fails with "select message queue return null."', () => {
    const selector = new SelectMessageQueueByMachineRoom();
    selector.setConsumeridcs(new Set(['idc-1']));
    expect(selector.select(queues(3), null, 'k')).toBeNull();
    expect(selector.getConsumeridcs()).toEqual(new Set(['idc-1']));
  });
});
