import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/sim/common/Clock';
import type { IntRandom } from '../../../../src/sim/common/IntRandom';
import { JavaRandom } from '../../../../src/sim/common/javaInt';
import {
  LatencyFaultToleranceImpl,
  type Resolver,
  type ServiceDetector,
} from '../../../../src/sim/client/LatencyFaultToleranceImpl';
import type { VersionId } from '../../../../src/sim/versions/profiles';

const noRandom: IntRandom = {
  nextInt: () => {
    throw new Error('unexpected random draw');
  },
};

function table(
  version: VersionId,
  extra: { resolver?: Resolver; serviceDetector?: ServiceDetector; random?: IntRandom } = {},
) {
  const clock = new ManualClock(1_000_000);
  const faults = new LatencyFaultToleranceImpl({
    version,
    clock,
    random: extra.random ?? noRandom,
    ...extra,
  });
  faults.whichItemWorst.setStoredValue(0);
  return { clock, faults };
}

describe('LatencyFaultToleranceImpl.updateFaultItem', () => {
  it('lets a later short update end a long isolation at once (4.x overwrites startTimestamp)', () => {
    const { faults } = table('4.9.8');
    faults.updateFaultItem('broker-a', 20000, 600000);
    faults.updateFaultItem('broker-a', 10, 0);
    expect(faults.isAvailable('broker-a')).toBe(true);
  });

  it('keeps the longer isolation when a later update is shorter (5.x only extends)', () => {
    const { clock, faults } = table('5.3.3');
    faults.updateFaultItem('broker-a', 20000, 30000);
    clock.advance(1000);
    faults.updateFaultItem('broker-a', 600, 2000);
    expect(faults.getFaultItem('broker-a')?.startTimestamp).toBe(1_030_000);
    expect(faults.isAvailable('broker-a')).toBe(false);
  });

  it('makes a broker available at once for a negative duration in 4.x, and ignores it in 5.x', () => {
    const old = table('4.5.2').faults;
    old.updateFaultItem('broker-a', 10, -5000);
    expect(old.getFaultItem('broker-a')?.startTimestamp).toBe(995_000);
    const current = table('5.3.3').faults;
    current.updateFaultItem('broker-a', 10, -5000);
    expect(current.getFaultItem('broker-a')?.startTimestamp).toBe(0);
  });

  it('is available again exactly at startTimestamp', () => {
    const { clock, faults } = table('4.9.8');
    faults.updateFaultItem('broker-a', 700, 30000);
    clock.advance(29999);
    expect(faults.isAvailable('broker-a')).toBe(false);
    clock.advance(1);
    expect(faults.isAvailable('broker-a')).toBe(true);
  });

  it('keeps an unreachable 5.x broker available when its duration is 0', () => {
    const { faults } = table('5.3.3');
    faults.updateFaultItem('broker-a', 10, 0, false);
    expect(faults.isAvailable('broker-a')).toBe(true);
    expect(faults.isReachable('broker-a')).toBe(false);
  });

  it('treats brokers without an item as available and reachable', () => {
    const { faults } = table('5.3.3');
    expect(faults.isAvailable('nobody')).toBe(true);
    expect(faults.isReachable('nobody')).toBe(true);
  });
});

describe('LatencyFaultToleranceImpl.pickOneAtLeast', () => {
  it('returns null for an empty table', () => {
    expect(table('4.9.8').faults.pickOneAtLeast()).toBeNull();
  });

  it('returns a lone item without moving whichItemWorst (4.x)', () => {
    const { faults } = table('4.9.8');
    faults.updateFaultItem('broker-a', 700, 30000);
    expect(faults.pickOneAtLeast()).toBe('broker-a');
    expect(faults.whichItemWorst.getStoredValue()).toBe(0);
  });

  it('rotates over the better half: available first, then lower latency (4.9.8)', () => {
    const { faults } = table('4.9.8');
    faults.updateFaultItem('broker-slow', 3000, 180000);
    faults.updateFaultItem('broker-ok', 10, 0);
    faults.updateFaultItem('broker-mid', 700, 30000);
    faults.updateFaultItem('broker-worse', 1200, 60000);
    // sorted: ok, mid, worse, slow; half = 2; whichItemWorst 1, 2, 3 -> mid, ok, mid
    expect([1, 2, 3].map(() => faults.pickOneAtLeast())).toEqual(['broker-mid', 'broker-ok', 'broker-mid']);
  });

  it('breaks exact ties in ConcurrentHashMap order, which is by hash bucket (4.9.8)', () => {
    const { faults } = table('4.9.8');
    for (const name of ['broker-a', 'broker-b', 'broker-c']) faults.updateFaultItem(name, 700, 30000);
    faults.updateFaultItem('broker-d', 900, 30000);
    // Table order d, b, c, a; sorted (stable) b, c, a, d; picks sorted[1 % 2], sorted[2 % 2]. Insertion order
    // would have given a and b instead.
    expect([faults.pickOneAtLeast(), faults.pickOneAtLeast()]).toEqual(['broker-c', 'broker-b']);
  });

  it('returns the first reachable item of a shuffle, or null if none is reachable (5.3.3)', () => {
    const { faults } = table('5.3.3', { random: new JavaRandom(1) });
    faults.updateFaultItem('broker-a', 10, 0, false);
    faults.updateFaultItem('broker-b', 10, 0, false);
    expect(faults.pickOneAtLeast()).toBeNull();
    faults.updateFaultItem('broker-b', 10, 0, true);
    expect(faults.pickOneAtLeast()).toBe('broker-b');
  });
});

describe('LatencyFaultToleranceImpl.remove', () => {
  it('throws NullPointerException for a null name, as ConcurrentHashMap does', () => {
    expect(() => table('4.5.2').faults.remove(null)).toThrow(
      expect.objectContaining({ javaClass: 'NullPointerException' }),
    );
  });
});

describe('LatencyFaultToleranceImpl detector (5.x)', () => {
  function detecting() {
    const addrs = new Map<string, string>([['broker-a', '10.0.0.1:10911']]);
    const healthy = new Set<string>();
    const probes: string[] = [];
    const parts = table('5.3.3', {
      resolver: (name) => addrs.get(name) ?? null,
      serviceDetector: (addr, timeout) => {
        probes.push(`${addr}@${timeout}`);
        return healthy.has(addr);
      },
    });
    return { ...parts, addrs, healthy, probes };
  }

  it('marks a broker reachable again after a healthy probe, without ending its isolation', () => {
    const { faults, healthy } = detecting();
    faults.updateFaultItem('broker-a', 3000, 10000, false);
    healthy.add('10.0.0.1:10911');
    const round = faults.detectByOneRound();
    expect(round.recovered).toEqual(['broker-a']);
    expect(faults.isReachable('broker-a')).toBe(true);
    expect(faults.isAvailable('broker-a')).toBe(false);
  });

  it('probes an item again only after detectInterval, with the 200 ms detect timeout', () => {
    const { clock, faults, probes } = detecting();
    faults.updateFaultItem('broker-a', 3000, 10000, false);
    faults.detectByOneRound();
    faults.detectByOneRound();
    clock.advance(1999);
    faults.detectByOneRound();
    clock.advance(1);
    faults.detectByOneRound();
    expect(probes).toEqual(['10.0.0.1:10911@200', '10.0.0.1:10911@200']);
  });

  it('drops the item of a broker that no longer resolves', () => {
    const { faults, addrs } = detecting();
    faults.updateFaultItem('broker-a', 3000, 10000, false);
    addrs.clear();
    expect(faults.detectByOneRound().removed).toEqual(['broker-a']);
    expect(faults.getFaultItem('broker-a')).toBeUndefined();
  });

  it('runs scheduled detection only once started and enabled', () => {
    const { faults } = detecting();
    faults.updateFaultItem('broker-a', 3000, 10000, false);
    expect(faults.runScheduledDetection()).toBeNull();
    faults.startDetector();
    expect(faults.runScheduledDetection()).toBeNull();
    faults.setStartDetectorEnable(true);
    expect(faults.runScheduledDetection()?.probed).toEqual(['10.0.0.1:10911']);
  });

  it('has no reachability before 5.x', () => {
    expect(() => table('4.9.8').faults.isReachable('broker-a')).toThrow(/does not exist in 4.9.8/);
  });
});
