import { describe, expect, it } from 'vitest';
import {
  INT_MAX,
  INT_MIN,
  JavaConcurrentHashMap,
  JavaException,
  JavaRandom,
  intAdd,
  javaAbs,
  javaCollectionsShuffle,
  javaHashMapIterationOrder,
  javaListGet,
  javaLongHashCode,
  javaParseInt,
  javaRem,
  javaSplit,
  javaStringCompare,
  javaStringHashCode,
} from '../../../../src/sim/common/javaInt';

function javaClassOf(body: () => unknown): string | undefined {
  try {
    body();
  } catch (error) {
    if (error instanceof JavaException) return error.javaClass;
    throw error;
  }
  return undefined;
}

describe('int arithmetic', () => {
  it('wraps Integer.MAX_VALUE + 1 to Integer.MIN_VALUE', () => {
    expect(intAdd(INT_MAX, 1)).toBe(INT_MIN);
  });

  it('keeps Math.abs(Integer.MIN_VALUE) negative, unlike JS Math.abs', () => {
    expect(javaAbs(INT_MIN)).toBe(INT_MIN);
    expect(javaAbs(-7)).toBe(7);
  });

  it('gives % the sign of the dividend', () => {
    expect(javaRem(-7, 3)).toBe(-1);
    expect(javaRem(7, -3)).toBe(1);
  });

  it('never returns -0 from %, so Integer.MIN_VALUE % 1 is a plain 0', () => {
    expect(Object.is(javaRem(INT_MIN, 1), 0)).toBe(true);
    expect(Object.is(javaRem(-4, 2), 0)).toBe(true);
  });

  it('throws ArithmeticException for % 0', () => {
    expect(javaClassOf(() => javaRem(5, 0))).toBe('ArithmeticException');
  });

  it('throws IndexOutOfBoundsException for a negative list index', () => {
    expect(javaClassOf(() => javaListGet(['a', 'b'], -1))).toBe('IndexOutOfBoundsException');
    expect(javaListGet(['a', 'b'], 1)).toBe('b');
  });
});

describe('javaStringHashCode', () => {
  it('hashes ASCII as 31*h + c in int32', () => {
    expect(javaStringHashCode('')).toBe(0);
    expect(javaStringHashCode('a')).toBe(97);
    // Recorded by the real JVM in selector-hash cases (debug.hashCode).
    expect(javaStringHashCode('order-611178002')).toBe(-1656411465);
  });

  it('hashes a surrogate pair as its two UTF-16 code units, not as one code point', () => {
    // U+1F600 is \uD83D\uDE00 in UTF-16: 31 * 0xD83D + 0xDE00.
    expect(javaStringHashCode('\u{1F600}')).toBe(31 * 0xd83d + 0xde00);
    expect(javaStringHashCode('\u{1F600}')).toBe(1772899);
  });

  it('hashes a lone surrogate like any other code unit', () => {
    expect(javaStringHashCode('\uD83D')).toBe(0xd83d);
  });

  it('reaches Integer.MIN_VALUE for "polygenelubricants"', () => {
    expect(javaStringHashCode('polygenelubricants')).toBe(INT_MIN);
  });
});

describe('javaLongHashCode', () => {
  it('xors the two halves of the long', () => {
    expect(javaLongHashCode('4294967296')).toBe(1);
    expect(javaLongHashCode('-1')).toBe(0);
    expect(javaLongHashCode('4294967295')).toBe(-1);
  });

  it('is exact beyond 2^53, where a JS number would round', () => {
    expect(javaLongHashCode('9007199254740993')).toBe(2097153);
    expect(javaLongHashCode('9223372036854775807')).toBe(INT_MIN);
    expect(javaLongHashCode(-(2n ** 63n))).toBe(INT_MIN);
  });

  it('rejects a value outside the long range with NumberFormatException', () => {
    expect(javaClassOf(() => javaLongHashCode('9223372036854775808'))).toBe('NumberFormatException');
  });
});

describe('javaStringCompare', () => {
  it('orders by UTF-16 code unit, so a supplementary character sorts before U+FF61', () => {
    // Code point order would say U+1F600 > U+FF61; Java compares the high surrogate 0xD83D.
    expect(javaStringCompare('\u{1F600}', '\uFF61')).toBeLessThan(0);
  });

  it('puts a prefix first', () => {
    expect(javaStringCompare('broker', 'broker-a')).toBeLessThan(0);
    expect(javaStringCompare('broker-b', 'broker-a')).toBeGreaterThan(0);
    expect(javaStringCompare('x', 'x')).toBe(0);
  });
});

describe('javaSplit', () => {
  it('drops trailing empty strings and keeps leading ones', () => {
    expect(javaSplit('a:4;;', ';')).toEqual(['a:4']);
    expect(javaSplit(';a', ';')).toEqual(['', 'a']);
  });

  it('returns no items at all for a string made only of separators', () => {
    expect(javaSplit(';', ';')).toEqual([]);
  });

  it('returns the whole string when there is no separator, even an empty one', () => {
    expect(javaSplit('', ':')).toEqual(['']);
    expect(javaSplit('broker-b', ':')).toEqual(['broker-b']);
  });
});

describe('javaParseInt', () => {
  it('accepts a leading + and leading zeros', () => {
    expect(javaParseInt('+3')).toBe(3);
    expect(javaParseInt('007')).toBe(7);
    expect(javaParseInt('-2147483648')).toBe(INT_MIN);
  });

  it('rejects spaces, overflow, a bare sign and the empty string', () => {
    for (const text of [' 4', '4 ', '2147483648', '-', '+', '', 'x']) {
      expect(
        javaClassOf(() => javaParseInt(text)),
        text,
      ).toBe('NumberFormatException');
    }
  });

  it('accepts non-ASCII decimal digits, as Character.digit does', () => {
    expect(javaParseInt('\u0663')).toBe(3); // ARABIC-INDIC DIGIT THREE
    expect(javaParseInt('\uFF11\uFF12')).toBe(12); // FULLWIDTH DIGIT ONE, TWO
  });

  it('rejects a supplementary-plane digit, which is two surrogates to Java', () => {
    expect(javaClassOf(() => javaParseInt('\u{1D7CF}'))).toBe('NumberFormatException');
  });
});

describe('JavaRandom', () => {
  it('reproduces java.util.Random.nextInt() for well-known seeds', () => {
    expect(new JavaRandom(0).nextInt32()).toBe(-1155484576);
    expect(new JavaRandom(42).nextInt32()).toBe(-1170105035);
  });

  it('keeps nextInt(bound) inside [0, bound) and rejects a bound of 0', () => {
    const random = new JavaRandom(7);
    for (let i = 0; i < 200; i++) {
      const value = random.nextInt(7);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(7);
    }
    expect(javaClassOf(() => random.nextInt(0))).toBe('IllegalArgumentException');
  });

  it('shuffles by swapping from the end, drawing nextInt(i) for i = n..2', () => {
    const draws: number[] = [];
    const list = ['a', 'b', 'c', 'd'];
    javaCollectionsShuffle(list, {
      nextInt: (bound) => {
        draws.push(bound);
        return 0;
      },
    });
    expect(draws).toEqual([4, 3, 2]);
    // swap(3,0) -> d b c a; swap(2,0) -> c b d a; swap(1,0) -> b c d a
    expect(list).toEqual(['b', 'c', 'd', 'a']);
  });
});

describe('hash-table iteration order', () => {
  it('iterates a ConcurrentHashMap(16) of broker names by bucket, not by insertion', () => {
    const map = new JavaConcurrentHashMap<string, number>(javaStringHashCode, Object.is, 16);
    for (const name of ['broker-a', 'broker-b', 'broker-c', 'broker-d']) map.put(name, 0);
    expect(map.keys()).toEqual(['broker-d', 'broker-b', 'broker-c', 'broker-a']);
  });

  it('reverses the nodes before the last run of a bin when a resize splits it, as transfer does', () => {
    const map = new JavaConcurrentHashMap<number, true>((k) => k);
    // 1, 33, 17, 49 share bin 1 of 16; 17 and 49 move to bin 17 after the resize at the 12th key.
    for (const key of [1, 33, 17, 49, 2, 3, 4, 5, 6, 7, 8, 9]) map.put(key, true);
    expect(map.keys()).toEqual([33, 1, 2, 3, 4, 5, 6, 7, 8, 9, 17, 49]);
  });

  it('keeps the position of a key whose value is replaced, and forgets a removed key', () => {
    const map = new JavaConcurrentHashMap<number, string>((k) => k);
    map.put(1, 'a');
    map.put(17, 'b');
    map.put(1, 'c');
    expect(map.entries()).toEqual([
      [1, 'c'],
      [17, 'b'],
    ]);
    map.remove(1);
    expect(map.keys()).toEqual([17]);
    expect(map.size).toBe(1);
  });

  it('iterates a HashMap by bucket, then insertion order', () => {
    expect(javaHashMapIterationOrder([17, 1, 2], (k) => k)).toEqual([17, 1, 2]);
    expect(javaHashMapIterationOrder([2, 1], (k) => k)).toEqual([1, 2]);
  });
});
