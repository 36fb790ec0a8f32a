import type { IntRandom } from '../common/IntRandom';
import { drawInt32, intAdd, javaAbs, INT_MAX } from '../common/javaInt';
import { currentThreadName, ThreadLocal } from '../common/ThreadLocal';
import { profileOf, type VersionLike, type VersionProfile } from '../versions/profiles';

const POSITIVE_MASK = 0x7fffffff;

/**
 * `org.apache.rocketmq.client.common.ThreadLocalIndex`: a round-robin counter per thread.
 *
 * Each `TopicPublishInfo` owns one (`sendWhichQueue`) and each `LatencyFaultToleranceImpl` one
 * (`whichItemWorst`). The value lives in a `ThreadLocal`, so the sending thread, an async executor worker and
 * a callback thread each walk their own sequence. A thread's first call starts from a random value.
 */
export class ThreadLocalIndex {
  private readonly profile: VersionProfile;
  /** `null` until the thread's first call, like the unset Java `ThreadLocal<Integer>`. */
  private readonly threadLocalIndex = new ThreadLocal<number | null>(() => null);

  constructor(
    version: VersionLike,
    private readonly random: IntRandom,
  ) {
    this.profile = profileOf(version);
  }

  /**
   * The version's step. 4.5.2 (`getAndIncrement`): store and return `abs(s + 1)`, 0 if that is negative, so it
   * returns the incremented value despite its name and wraps to 0 after Integer.MAX_VALUE.
   * 4.9.8/5.3.3 (`incrementAndGet`): store `s + 1` (int wrap) and return it with the sign bit cleared.
   */
  incrementAndGet(): number {
    const rule = this.profile.threadLocalIndex;
    let index = this.threadLocalIndex.get();
    if (index === null) {
      index = this.firstValue();
      // ThreadLocalIndex (4.x) stores the first value before stepping; 5.3.3 steps straight from it.
      this.threadLocalIndex.set(index);
    }
    if (rule.step === 'absClampedToZero') {
      let next = javaAbs(intAdd(index, 1));
      if (next < 0) next = 0;
      this.threadLocalIndex.set(next);
      return next;
    }
    const next = intAdd(index, 1);
    this.threadLocalIndex.set(next);
    return next & POSITIVE_MASK;
  }

  /** 4.5.2's name for the same step: both names run this version's rule (see `incrementAndGet`). */
  getAndIncrement(): number {
    return this.incrementAndGet();
  }

  /**
   * 5.x `reset()`: stores `Math.abs(random.nextInt(Integer.MAX_VALUE))`, a fresh start in [0, 2^31-2].
   * `DefaultMQProducerImpl.sendDefaultImpl` (5.3.3) calls it before every retry when latency fault is on.
   */
  reset(): void {
    if (!this.profile.threadLocalIndex.hasReset) {
      throw new Error(`ThreadLocalIndex.reset() does not exist in ${this.profile.id}`);
    }
    this.threadLocalIndex.set(javaAbs(this.random.nextInt(INT_MAX)));
  }

  private firstValue(): number {
    const drawn = drawInt32(this.random);
    switch (this.profile.threadLocalIndex.firstValue) {
      case 'absClampedToZero': {
        const v = javaAbs(drawn);
        return v < 0 ? 0 : v;
      }
      case 'abs':
        // 4.9.8 keeps Math.abs(Integer.MIN_VALUE) negative; the mask on return hides it.
        return javaAbs(drawn);
      case 'signed':
        return drawn;
    }
  }

  /** The stored value of a thread (`null` before its first call): what a harness reads by reflection. */
  getStoredValue(thread: string = currentThreadName()): number | null {
    return this.threadLocalIndex.getFor(thread);
  }

  /** Sets the stored value of a thread, as the conformance harness does by reflection before the first op. */
  setStoredValue(value: number | null, thread: string = currentThreadName()): void {
    this.threadLocalIndex.setFor(thread, value === null ? null : value | 0);
  }

  toString(): string {
    return `ThreadLocalIndex{threadLocalIndex=${this.threadLocalIndex.get()}}`;
  }
}
