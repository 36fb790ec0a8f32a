import { describe, expect, it } from 'vitest';
import type { IntRandom } from '../../../../src/sim/common/IntRandom';
import { INT_MAX, INT_MIN } from '../../../../src/sim/common/javaInt';
import { runOnThread } from '../../../../src/sim/common/ThreadLocal';
import { ThreadLocalIndex } from '../../../../src/sim/client/ThreadLocalIndex';

/** A random stream that returns the given values, then fails the test. */
function scripted(...values: number[]): IntRandom & { nextInt32(): number } {
  let i = 0;
  const next = () => {
    const value = values[i++];
    if (value === undefined) throw new Error('unexpected random draw');
    return value;
  };
  return { nextInt: next, nextInt32: next };
}

describe('ThreadLocalIndex', () => {
  it('returns the incremented value from getAndIncrement despite its name (4.5.2)', () => {
    const index = new ThreadLocalIndex('4.5.2', scripted());
    index.setStoredValue(5);
    expect(index.getAndIncrement()).toBe(6);
    expect(index.getStoredValue()).toBe(6);
  });

  it('wraps to 0 after Integer.MAX_VALUE and stores 0 (4.5.2)', () => {
    const index = new ThreadLocalIndex('4.5.2', scripted());
    index.setStoredValue(INT_MAX);
    expect(index.getAndIncrement()).toBe(0);
    expect(index.getStoredValue()).toBe(0);
    expect(index.getAndIncrement()).toBe(1);
  });

  it('stores Integer.MIN_VALUE after Integer.MAX_VALUE but returns 0 through the mask (4.9.8)', () => {
    const index = new ThreadLocalIndex('4.9.8', scripted());
    index.setStoredValue(INT_MAX);
    expect(index.incrementAndGet()).toBe(0);
    expect(index.getStoredValue()).toBe(INT_MIN);
    expect(index.incrementAndGet()).toBe(1);
  });

  it('starts a thread at abs(nextInt()), clamping Integer.MIN_VALUE to 0 (4.5.2)', () => {
    const index = new ThreadLocalIndex('4.5.2', scripted(INT_MIN));
    expect(index.getAndIncrement()).toBe(1);
  });

  it('starts a thread at abs(nextInt()), where Integer.MIN_VALUE stays negative (4.9.8)', () => {
    const index = new ThreadLocalIndex('4.9.8', scripted(INT_MIN));
    expect(index.incrementAndGet()).toBe(1);
    expect(index.getStoredValue()).toBe(INT_MIN + 1);
  });

  it('starts a thread at the raw signed nextInt() and masks what it returns (5.3.3)', () => {
    const index = new ThreadLocalIndex('5.3.3', scripted(-5));
    expect(index.incrementAndGet()).toBe(-4 & 0x7fffffff);
    expect(index.getStoredValue()).toBe(-4);
  });

  it('reset stores abs(nextInt(Integer.MAX_VALUE)) as the next start (5.3.3)', () => {
    const random = scripted(123);
    const index = new ThreadLocalIndex('5.3.3', random);
    index.setStoredValue(7);
    index.reset();
    expect(index.getStoredValue()).toBe(123);
    expect(index.incrementAndGet()).toBe(124);
  });

  it('has no reset before 5.x', () => {
    expect(() => new ThreadLocalIndex('4.9.8', scripted(1)).reset()).toThrow(/does not exist in 4.9.8/);
  });

  it('keeps a separate counter per thread, so a callback thread does not move the sender’s', () => {
    const index = new ThreadLocalIndex('4.9.8', scripted(100));
    index.setStoredValue(10, 'sender');
    runOnThread('sender', () => index.incrementAndGet());
    const callbackValue = runOnThread('callback', () => index.incrementAndGet());
    expect(callbackValue).toBe(101);
    expect(index.getStoredValue('sender')).toBe(11);
  });
});
