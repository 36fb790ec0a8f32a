/**
 * The Java semantics the client's decisions depend on, for a port that must agree with the JVM bit for bit:
 * `int` arithmetic, `hashCode` of String/Integer/Long, `String.compareTo`, `String.split`,
 * `Integer.parseInt`, `java.util.Random`, `Collections.shuffle`, and the iteration order of `HashMap` and
 * `ConcurrentHashMap` (which decides ties in upstream sorts).
 *
 * JS numbers are doubles: every `int` helper here takes and returns int32 values (`| 0` wraps like Java).
 * Java `long` values (timestamps, latencies) stay plain numbers elsewhere; they are exact below 2^53.
 */

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;

// ---------------------------------------------------------------------------------------------------------
// Exceptions

/** The Java exceptions the modelled code can throw, by simple class name (as recorded in conformance cases). */
export type JavaExceptionClass =
  | 'ArithmeticException'
  | 'IndexOutOfBoundsException'
  | 'ArrayIndexOutOfBoundsException'
  | 'NullPointerException'
  | 'NumberFormatException'
  | 'IllegalArgumentException'
  | 'IllegalStateException';

/**
 * A Java exception raised by modelled code. Upstream `catch (Exception e)` blocks catch these (and only
 * these: a TypeScript bug must not be swallowed as if Java had thrown).
 */
export class JavaException extends Error {
  constructor(
    readonly javaClass: JavaExceptionClass,
    message = '',
  ) {
    super(message);
    this.name = javaClass;
  }
}

export function isJavaException(error: unknown): error is JavaException {
  return error instanceof JavaException;
}

// ---------------------------------------------------------------------------------------------------------
// int arithmetic

/** `(int) x` for a value already integral: wraps to 32 bits. */
export function toInt(x: number): number {
  return x | 0;
}

/** `a + b` on Java ints (wraps on overflow). */
export function intAdd(a: number, b: number): number {
  return (a + b) | 0;
}

/** `Math.abs(int)`: `Math.abs(Integer.MIN_VALUE)` is still `Integer.MIN_VALUE`, which JS `Math.abs` is not. */
export function javaAbs(x: number): number {
  const v = x | 0;
  return v === INT_MIN ? INT_MIN : Math.abs(v);
}

/** `a % b` on Java ints: the sign follows the dividend; `% 0` throws `ArithmeticException`; never `-0`. */
export function javaRem(a: number, b: number): number {
  if ((b | 0) === 0) throw new JavaException('ArithmeticException', '/ by zero');
  return ((a | 0) % (b | 0)) | 0;
}

/** `list.get(index)` on an `ArrayList`: an index outside `[0, size)` throws `IndexOutOfBoundsException`. */
export function javaListGet<T>(list: readonly T[], index: number): T {
  if (index < 0 || index >= list.length) {
    throw new JavaException(
      'IndexOutOfBoundsException',
      `Index ${index} out of bounds for length ${list.length}`,
    );
  }
  return list[index] as T;
}

// ---------------------------------------------------------------------------------------------------------
// hashCode and compareTo

/** `String.hashCode()`: `h = 31*h + c` over UTF-16 code units, in int32 (surrogates count as two units). */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** `Integer.hashCode()`: the value itself. */
export function javaIntegerHashCode(value: number): number {
  return value | 0;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Parses a Java `long` from a bigint, a safe integer or a decimal string; out of range throws `NumberFormatException`. */
export function toJavaLong(value: bigint | number | string): bigint {
  let v: bigint;
  if (typeof value === 'bigint') v = value;
  else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new JavaException('NumberFormatException', `not an exact long: ${value}`);
    v = BigInt(value);
  } else {
    if (!/^[+-]?\d+$/.test(value))
      throw new JavaException('NumberFormatException', `For input string: "${value}"`);
    v = BigInt(value);
  }
  if (v < LONG_MIN || v > LONG_MAX)
    throw new JavaException('NumberFormatException', `For input string: "${value}"`);
  return v;
}

/** `Long.hashCode()`: `(int) (v ^ (v >>> 32))`. Takes the long as a bigint or a decimal string. */
export function javaLongHashCode(value: bigint | number | string): number {
  const unsigned = BigInt.asUintN(64, toJavaLong(value));
  return Number(BigInt.asIntN(32, unsigned ^ (unsigned >> 32n)));
}

/** `Double.hashCode()`: the long hash of `doubleToLongBits` (NaN canonicalised). */
export function javaDoubleHashCode(value: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Number.isNaN(value) ? NaN : value);
  return javaLongHashCode(view.getBigInt64(0));
}

/** `String.compareTo`: UTF-16 code unit order; the result's sign is what matters, as in Java. */
export function javaStringCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------------------------
// String.split and Integer.parseInt

/**
 * `s.split(separator)` for a one-character separator that is not a regex metacharacter (`";"`, `":"`):
 * trailing empty strings are dropped, leading ones kept; no match at all returns `[s]` (so `""` gives `[""]`).
 */
export function javaSplit(s: string, separator: string): string[] {
  if (separator.length !== 1) throw new Error('javaSplit models one-character separators only');
  if (!s.includes(separator)) return [s];
  const parts = s.split(separator);
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '') end--;
  return parts.slice(0, end);
}

const UNICODE_DIGIT = /^\p{Nd}$/u;

/**
 * `Character.digit(ch, 10)` for one UTF-16 code unit: ASCII and every other BMP decimal digit (Arabic-Indic,
 * fullwidth, ...). A surrogate is never a digit. Unicode lays each decimal digit set out as 0..9 in
 * consecutive code points, so the value is the distance from the start of the run.
 */
export function javaCharacterDigit(codeUnit: number): number {
  if (codeUnit >= 0x30 && codeUnit <= 0x39) return codeUnit - 0x30;
  if (codeUnit < 0x80 || (codeUnit >= 0xd800 && codeUnit <= 0xdfff)) return -1;
  if (!UNICODE_DIGIT.test(String.fromCharCode(codeUnit))) return -1;
  let start = codeUnit;
  while (start > 0 && UNICODE_DIGIT.test(String.fromCharCode(start - 1))) start--;
  return (codeUnit - start) % 10;
}

/**
 * `Integer.parseInt(s)` (radix 10): an optional `+` or `-`, then at least one digit; no spaces; the value must
 * fit an int. Anything else throws `NumberFormatException` (a null string too, as in Java).
 */
export function javaParseInt(s: string | null): number {
  if (s === null) throw new JavaException('NumberFormatException', 'Cannot parse null string: null');
  const fail = () => new JavaException('NumberFormatException', `For input string: "${s}"`);
  if (s.length === 0) throw fail();
  let i = 0;
  let negative = false;
  const first = s.charCodeAt(0);
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d;
    i = 1;
    if (s.length === 1) throw fail();
  }
  let value = 0;
  for (; i < s.length; i++) {
    const digit = javaCharacterDigit(s.charCodeAt(i));
    if (digit < 0) throw fail();
    value = value * 10 + digit;
    if (value > 2147483648) throw fail();
  }
  if (negative) return -value | 0;
  if (value > INT_MAX) throw fail();
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// java.util.Random and Collections.shuffle

const RANDOM_MULTIPLIER = 0x5deece66dn;
const RANDOM_ADDEND = 0xbn;
const RANDOM_MASK = (1n << 48n) - 1n;

/** A source of full 32-bit signed ints, as `Random.nextInt()` gives. */
export interface Int32Source {
  nextInt32(): number;
}

/**
 * `java.util.Random`: the 48-bit linear congruential generator, with `nextInt()` and `nextInt(bound)` exactly
 * as the JDK computes them. Use it where a run must match a JVM run with the same seed.
 */
export class JavaRandom implements Int32Source {
  private seed: bigint;

  constructor(seed: number | bigint) {
    this.seed = (BigInt(seed) ^ RANDOM_MULTIPLIER) & RANDOM_MASK;
  }

  private next(bits: number): number {
    this.seed = (this.seed * RANDOM_MULTIPLIER + RANDOM_ADDEND) & RANDOM_MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  nextInt32(): number {
    return this.next(32);
  }

  /** `nextInt(bound)`: `bound <= 0` throws `IllegalArgumentException` ("bound must be positive"). */
  nextInt(bound: number): number {
    if (bound <= 0) throw new JavaException('IllegalArgumentException', 'bound must be positive');
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; u - (r = u % bound) + m > INT_MAX; u = this.next(31));
    return r;
  }
}

/** One signed 32-bit draw: `nextInt32()` when the stream has it, else two 16-bit draws from `nextInt(bound)`. */
export function drawInt32(random: { nextInt(bound: number): number } & Partial<Int32Source>): number {
  if (typeof random.nextInt32 === 'function') return random.nextInt32() | 0;
  return (random.nextInt(0x10000) << 16) | random.nextInt(0x10000) | 0;
}

/** `Collections.shuffle(list, rnd)`: swaps from the end, `i-1` with `nextInt(i)`; in place. */
export function javaCollectionsShuffle<T>(list: T[], random: { nextInt(bound: number): number }): void {
  for (let i = list.length; i > 1; i--) {
    const j = random.nextInt(i);
    const a = list[i - 1] as T;
    list[i - 1] = list[j] as T;
    list[j] = a;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Hash-table iteration order

/** `HashMap.hash` / `ConcurrentHashMap.spread`: mixes the high half into the low half. */
function spreadHash(h: number): number {
  return h ^ (h >>> 16);
}

/** `tableSizeFor(c)`: the smallest power of two >= c (at least 1). */
function tableSizeFor(c: number): number {
  let n = 1;
  while (n < c) n *= 2;
  return n;
}

/**
 * The order in which a `java.util.HashMap` with default capacity iterates its keys, given the keys in insertion
 * order (no removals). Resizes keep the relative order inside a bucket, so the order is bucket index at the
 * final capacity, then insertion order. Tree bins (8+ colliding keys) are not modelled.
 */
export function javaHashMapIterationOrder<K>(
  keysInInsertionOrder: readonly K[],
  hashOf: (key: K) => number,
): K[] {
  let capacity = 16;
  while (keysInInsertionOrder.length > capacity * 0.75) capacity *= 2;
  const bucketOf = (key: K) => (spreadHash(hashOf(key)) & (capacity - 1)) >>> 0;
  return keysInInsertionOrder
    .map((key, order) => ({ key, order, bucket: bucketOf(key) }))
    .sort((a, b) => a.bucket - b.bucket || a.order - b.order)
    .map((entry) => entry.key);
}

interface HashNode<K, V> {
  readonly hash: number;
  readonly key: K;
  value: V;
}

interface HashBin<K, V> {
  nodes: HashNode<K, V>[];
  /** A `TreeBin`: iterates its `first` list, to which `putTreeVal` prepends new nodes. */
  tree: boolean;
}

const TREEIFY_THRESHOLD = 8;
const UNTREEIFY_THRESHOLD = 6;
const MIN_TREEIFY_CAPACITY = 64;
const MAXIMUM_CAPACITY = 1 << 30;

/**
 * A map that iterates in the order a single-threaded `java.util.concurrent.ConcurrentHashMap` would:
 * bins by index; inside a bin, insertion order, except where a resize (`transfer`) reversed part of it.
 * Upstream sorts copy the table in this order, so ties come out as Java's did.
 */
export class JavaConcurrentHashMap<K, V> {
  private table: HashBin<K, V>[] | null = null;
  private sizeCtl: number;
  private count = 0;

  /**
   * @param hashOf the key's Java `hashCode()`
   * @param initialCapacity as passed to `new ConcurrentHashMap<>(initialCapacity)`; omitted means the no-arg
   *   constructor (16 bins). JDK 17 sizes the table to `tableSizeFor(1 + initialCapacity / 0.75)`.
   */
  constructor(
    private readonly hashOf: (key: K) => number,
    private readonly keyEquals: (a: K, b: K) => boolean = Object.is,
    initialCapacity?: number,
  ) {
    this.sizeCtl = initialCapacity === undefined ? 0 : tableSizeFor(Math.floor(1 + initialCapacity / 0.75));
  }

  get size(): number {
    return this.count;
  }

  private find(key: K): HashNode<K, V> | undefined {
    if (!this.table) return undefined;
    const hash = spreadHash(this.hashOf(key)) & 0x7fffffff;
    const bin = this.table[hash & (this.table.length - 1)];
    return bin?.nodes.find((node) => node.hash === hash && this.keyEquals(node.key, key));
  }

  get(key: K): V | undefined {
    return this.find(key)?.value;
  }

  has(key: K): boolean {
    return this.find(key) !== undefined;
  }

  /** `put`: replaces the value of an existing key in place (its position does not change). */
  put(key: K, value: V): V | undefined {
    return this.putVal(key, value, false);
  }

  putIfAbsent(key: K, value: V): V | undefined {
    return this.putVal(key, value, true);
  }

  private initTable(): HashBin<K, V>[] {
    const n = this.sizeCtl > 0 ? this.sizeCtl : 16;
    this.table = Array.from({ length: n }, () => ({ nodes: [], tree: false }));
    this.sizeCtl = n - (n >>> 2);
    return this.table;
  }

  private putVal(key: K, value: V, onlyIfAbsent: boolean): V | undefined {
    const hash = spreadHash(this.hashOf(key)) & 0x7fffffff;
    const table = this.table ?? this.initTable();
    const bin = table[hash & (table.length - 1)] as HashBin<K, V>;
    const existing = bin.nodes.find((node) => node.hash === hash && this.keyEquals(node.key, key));
    if (existing) {
      const old = existing.value;
      if (!onlyIfAbsent) existing.value = value;
      return old;
    }
    const binCount = bin.nodes.length;
    if (bin.tree) bin.nodes.unshift({ hash, key, value });
    else bin.nodes.push({ hash, key, value });
    if (!bin.tree && binCount >= TREEIFY_THRESHOLD) this.treeifyBin(bin);
    this.addCount(1);
    return undefined;
  }

  remove(key: K): V | undefined {
    if (!this.table) return undefined;
    const hash = spreadHash(this.hashOf(key)) & 0x7fffffff;
    const bin = this.table[hash & (this.table.length - 1)] as HashBin<K, V>;
    const at = bin.nodes.findIndex((node) => node.hash === hash && this.keyEquals(node.key, key));
    if (at < 0) return undefined;
    const [removed] = bin.nodes.splice(at, 1);
    this.count--;
    return removed?.value;
  }

  private addCount(delta: number): void {
    this.count += delta;
    while (this.table && this.count >= this.sizeCtl && this.table.length < MAXIMUM_CAPACITY) this.transfer();
  }

  private treeifyBin(bin: HashBin<K, V>): void {
    const n = this.table?.length ?? 0;
    if (n < MIN_TREEIFY_CAPACITY) this.tryPresize(n << 1);
    else bin.tree = true;
  }

  private tryPresize(size: number): void {
    const c = tableSizeFor(size + (size >>> 1) + 1);
    while (this.table && c > this.sizeCtl && this.table.length < MAXIMUM_CAPACITY) this.transfer();
  }

  /** `transfer`: doubles the table; each list bin splits into a low and a high list around its last run. */
  private transfer(): void {
    const old = this.table as HashBin<K, V>[];
    const n = old.length;
    const next: HashBin<K, V>[] = Array.from({ length: n * 2 }, () => ({ nodes: [], tree: false }));
    for (let i = n - 1; i >= 0; i--) {
      const bin = old[i] as HashBin<K, V>;
      const low = next[i] as HashBin<K, V>;
      const high = next[i + n] as HashBin<K, V>;
      if (bin.nodes.length === 0) continue;
      if (bin.tree) {
        for (const node of bin.nodes) ((node.hash & n) === 0 ? low : high).nodes.push(node);
        low.tree = low.nodes.length > UNTREEIFY_THRESHOLD;
        high.tree = high.nodes.length > UNTREEIFY_THRESHOLD;
        continue;
      }
      // The nodes from the last run of equal split bits on are moved as they are; the ones before it are
      // prepended one by one, so they end up reversed in front of that run.
      let lastRun = bin.nodes.length - 1;
      const runBit = (bin.nodes[lastRun] as HashNode<K, V>).hash & n;
      while (lastRun > 0 && ((bin.nodes[lastRun - 1] as HashNode<K, V>).hash & n) === runBit) lastRun--;
      const run = bin.nodes.slice(lastRun);
      const lows: HashNode<K, V>[] = runBit === 0 ? [...run] : [];
      const highs: HashNode<K, V>[] = runBit === 0 ? [] : [...run];
      for (let j = 0; j < lastRun; j++) {
        const node = bin.nodes[j] as HashNode<K, V>;
        if ((node.hash & n) === 0) lows.unshift(node);
        else highs.unshift(node);
      }
      low.nodes = lows;
      high.nodes = highs;
    }
    this.table = next;
    this.sizeCtl = (n << 1) - (n >>> 1);
  }

  /** Entries in iteration order (a snapshot). */
  entries(): [K, V][] {
    return (this.table ?? []).flatMap((bin) => bin.nodes.map((node): [K, V] => [node.key, node.value]));
  }

  keys(): K[] {
    return this.entries().map(([key]) => key);
  }

  values(): V[] {
    return this.entries().map(([, value]) => value);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Hex digits

/** "00".."FF", for {@link hexUpper32}. */
const HEX_BYTE: readonly string[] = Array.from(
  { length: 256 },
  (_, i) => (i >> 4).toString(16).toUpperCase() + (i & 15).toString(16).toUpperCase(),
);

/**
 * The 8 upper-case hex digits of an unsigned 32-bit value, zero-padded: what
 * `n.toString(16).toUpperCase().padStart(8, '0')` gives for `n >>> 0`, without the radix conversion (a
 * runtime call per number). Message ids build two of these per send.
 */
export function hexUpper32(n: number): string {
  const u = n >>> 0;
  return HEX_BYTE[u >>> 24]! + HEX_BYTE[(u >>> 16) & 255]! + HEX_BYTE[(u >>> 8) & 255]! + HEX_BYTE[u & 255]!;
}

/** The 4 upper-case hex digits of the low 16 bits of `n`, zero-padded. */
export function hexUpper16(n: number): string {
  return HEX_BYTE[(n >>> 8) & 255]! + HEX_BYTE[n & 255]!;
}
