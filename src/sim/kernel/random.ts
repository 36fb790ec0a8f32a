import type { IntRandom } from '../common/IntRandom';

/**
 * Seeded randomness split into named streams. Each stream is an sfc32 generator whose 128-bit state is
 * a hash of (seed, stream name), so adding draws to one stream (say "network.latency") never shifts
 * another ("client.startIndex"): a scenario edit in one place does not reshuffle everything else.
 */
export class RandomSource {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly seed: number | string) {}

  /** The stream with this name (created on first use; the same object afterwards). */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (!s) {
      s = new RandomStream(`${String(this.seed)}\u0000${name}`);
      this.streams.set(name, s);
    }
    return s;
  }
}

/** cyrb128: four 32-bit hashes of a string, used as the sfc32 state. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** One sfc32 stream (small, fast, passes PractRand to large sizes). */
export class RandomStream implements IntRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = hash128(key);
    for (let i = 0; i < 15; i++) this.nextUint32(); // mix the hashed state
  }

  /** Uniform in [0, 2^32). */
  nextUint32(): number {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform int in [0, bound), unbiased (rejection sampling); bound must be a positive int <= 2^32. */
  nextInt(bound: number): number {
    if (!(bound > 0) || !Number.isInteger(bound) || bound > 4294967296) {
      throw new RangeError(`bound must be a positive integer, got ${bound}`);
    }
    const limit = 4294967296 - (4294967296 % bound);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % bound;
    }
  }

  /** Uniform int in [min, max] (inclusive). */
  intBetween(min: number, max: number): number {
    return min + this.nextInt(max - min + 1);
  }

  nextBoolean(probabilityTrue = 0.5): boolean {
    return this.nextDouble() < probabilityTrue;
  }

  /** Exponential with the given mean (inter-arrival times of a Poisson process). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.nextDouble());
  }

  /** Standard normal (Box-Muller, one value per call). */
  normal(): number {
    const u = 1 - this.nextDouble();
    const v = this.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal: exp(mu + sigma * N(0,1)); heavy-tailed latencies. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Log-normal parameterised by its median and the ratio p99/median. */
  lognormalByMedian(median: number, p99OverMedian: number): number {
    const sigma = Math.log(p99OverMedian) / 2.3263478740408408;
    return this.lognormal(Math.log(median), sigma);
  }
}
