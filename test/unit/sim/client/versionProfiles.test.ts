import { describe, expect, it } from 'vitest';
import {
  isVersionId,
  parseVersion,
  PROFILES,
  profileOf,
  VERSION_IDS,
} from '../../../../src/sim/versions/profiles';

describe('version profiles', () => {
  it('parse a version written as a number, with a v, or as the git tag', () => {
    expect(parseVersion('4.9.8')).toBe('4.9.8');
    expect(parseVersion('v5.3.3')).toBe('5.3.3');
    expect(parseVersion('rocketmq-all-4.5.2')).toBe('4.5.2');
  });

  it('reject a version that is not modelled, naming the ones that are', () => {
    expect(() => parseVersion('4.9.7')).toThrow(/4\.5\.2, 4\.9\.8, 5\.3\.3/);
    expect(isVersionId('4.9.7')).toBe(false);
    expect(isVersionId(498)).toBe(false);
  });

  it('pair every latencyMax threshold with a notAvailableDuration', () => {
    for (const id of VERSION_IDS) {
      const rule = PROFILES[id].mqFaultStrategy;
      expect(rule.notAvailableDuration).toHaveLength(rule.latencyMax.length);
      expect(PROFILES[id].id).toBe(id);
    }
  });

  it('accept a whole profile where a version is expected, for what-if experiments', () => {
    const custom = {
      ...PROFILES['4.9.8'],
      mqFaultStrategy: { ...PROFILES['4.9.8'].mqFaultStrategy, isolationLatency: 1 },
    };
    expect(profileOf(custom).mqFaultStrategy.isolationLatency).toBe(1);
    expect(profileOf('5.3.3')).toBe(PROFILES['5.3.3']);
  });
});
