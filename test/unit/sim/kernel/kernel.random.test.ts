import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../../../src/sim/kernel/random';

function draw(source: RandomSource, stream: string, n: number): number[] {
  const s = source.stream(stream);
  return Array.from({ length: n }, () => s.nextInt(1000));
}

describe('RandomSource', () => {
  it('reproduces the same sequence for the same seed and stream name', () => {
    expect(draw(new RandomSource(42), 'network', 20)).toEqual(draw(new RandomSource(42), 'network', 20));
  });

  it('gives different sequences for different seeds and different stream names', () => {
    const a = draw(new RandomSource(42), 'network', 20);
    expect(draw(new RandomSource(43), 'network', 20)).not.toEqual(a);
    expect(draw(new RandomSource(42), 'client', 20)).not.toEqual(a);
  });

  it('keeps streams independent: draws on one stream do not shift another', () => {
    const quiet = new RandomSource(7);
    const busy = new RandomSource(7);
    draw(busy, 'noise', 500);
    expect(draw(busy, 'signal', 10)).toEqual(draw(quiet, 'signal', 10));
  });

  it('returns the same stream object for the same name', () => {
    const r = new RandomSource(1);
    expect(r.stream('x')).toBe(r.stream('x'));
  });

  it('draws nextInt within [0, bound) and nextDouble within [0, 1)', () => {
    const s = new RandomSource('seed').stream('range');
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 7000; i++) {
      const v = s.nextInt(7);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(7);
      counts[v] = (counts[v] ?? 0) + 1;
      const d = s.nextDouble();
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(() => s.nextInt(0)).toThrow(RangeError);
  });

  it('draws exponential values with roughly the requested mean and positive log-normal values', () => {
    const s = new RandomSource(99).stream('latency');
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += s.exponential(10);
    expect(sum / 20000).toBeGreaterThan(9.5);
    expect(sum / 20000).toBeLessThan(10.5);
    const samples = Array.from({ length: 5001 }, () => s.lognormalByMedian(5, 4)).sort((x, y) => x - y);
    expect(samples[0]).toBeGreaterThan(0);
    expect(samples[2500]).toBeGreaterThan(4.5);
    expect(samples[2500]).toBeLessThan(5.5);
  });
});
