import {
  INT_MIN,
  INT_MAX,
  JavaException,
  javaAbs,
  javaDoubleHashCode,
  javaIntegerHashCode,
  javaListGet,
  javaLongHashCode,
  javaRem,
  javaStringHashCode,
} from '../../common/javaInt';
import { profileOf, type VersionLike, type VersionProfile } from '../../versions/profiles';
import type { MessageQueue } from '../MessageQueue';
import type { MessageQueueSelector } from './MessageQueueSelector';

/**
 * `arg.hashCode()` for the argument types a scenario can pass:
 * a string is a `String`; an int32 number an `Integer`; another safe integer or a bigint a `Long`; any other
 * number a `Double`; an object with `hashCode()` is asked. `null`/`undefined` throw `NullPointerException`.
 */
export function javaHashCodeOf(arg: unknown): number {
  if (arg === null || arg === undefined) throw new JavaException('NullPointerException', 'arg is null');
  if (typeof arg === 'string') return javaStringHashCode(arg);
  if (typeof arg === 'bigint') return javaLongHashCode(arg);
  if (typeof arg === 'number') {
    if (Number.isInteger(arg) && arg >= INT_MIN && arg <= INT_MAX) return javaIntegerHashCode(arg);
    if (Number.isSafeInteger(arg)) return javaLongHashCode(arg);
    return javaDoubleHashCode(arg);
  }
  if (typeof arg === 'boolean') return arg ? 1231 : 1237;
  if (typeof arg === 'object' && typeof (arg as { hashCode?: unknown }).hashCode === 'function') {
    return (arg as { hashCode(): number }).hashCode() | 0;
  }
  throw new Error(`no Java hashCode for an argument of type ${typeof arg}`);
}

/** The position `SelectMessageQueueByHash` computes, before `mqs.get` (negative in 4.5.2 for Integer.MIN_VALUE). */
export function hashSelectorIndex(version: VersionLike, hash: number, size: number): number {
  if (profileOf(version).selectMessageQueueByHash.index === 'absThenMod') {
    // SelectMessageQueueByHash (4.5.2): abs first, so Integer.MIN_VALUE stays negative and the index is
    // negative unless size divides 2^31 (fixed in 4.8.0, ISSUE #2421).
    const value = hash < 0 ? javaAbs(hash) : hash;
    return javaRem(value, size);
  }
  const value = javaRem(hash, size);
  return value < 0 ? javaAbs(value) : value;
}

/**
 * `SelectMessageQueueByHash`: the same argument (same `hashCode`) always maps to the same position of the list,
 * which is what per-key ordering relies on while the route is stable.
 */
export class SelectMessageQueueByHash implements MessageQueueSelector {
  private readonly profile: VersionProfile;

  constructor(version: VersionLike) {
    this.profile = profileOf(version);
  }

  select(mqs: readonly MessageQueue[], _msg: unknown, arg: unknown): MessageQueue {
    const index = hashSelectorIndex(this.profile, javaHashCodeOf(arg), mqs.length);
    return javaListGet(mqs, index);
  }
}
