import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, resolveScenario, type Scenario } from '../../../src/scenario';
import { exportScenarioText, importScenarioBytes, importScenarioText } from '../../../src/share/importExport';
import { loadLastGood, saveLastGood, type StorageLike } from '../../../src/share/lastGood';
import { decodeShareLink, encodeShareFragment, shareUrl } from '../../../src/share/shareLink';
import { validScenario } from '../scenario/arbitraries';

/** What parseScenario makes of the scenario: the resolved form the engine would run. */
function resolvedOf(s: Scenario) {
  const r = parseScenario(s);
  if (!r.ok) throw new Error(`the arbitrary produced an invalid scenario: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

/** JSON keeps everything a scenario holds except -0, which it writes as 0. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('random valid scenarios round-trip', () => {
  it('through the share link: decode(encode(s)) resolves to the same scenario, at the same step', () => {
    fc.assert(
      fc.property(validScenario, fc.option(fc.nat({ max: 1_000_000 }), { nil: undefined }), (s, step) => {
        const r = decodeShareLink(encodeShareFragment(s, step));
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect(r.scenario).toEqual(asJson(s));
        expect(resolveScenario(r.scenario)).toEqual(asJson(resolvedOf(s)));
        expect(r.resolved).toEqual(resolveScenario(r.scenario));
        expect(r.step).toBe(step);
        expect(r.warnings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('through a whole page address under a sub-path', () => {
    fc.assert(
      fc.property(validScenario, fc.nat({ max: 5000 }), (s, step) => {
        const url = shareUrl('https://course.example.edu/a/b/sendpath/?lang=zh', s, step);
        const r = decodeShareLink(url);
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect(r.resolved).toEqual(asJson(resolvedOf(s)));
        expect(r.step).toBe(step);
      }),
      { numRuns: 50 },
    );
  });

  it('through export and import, as text and as UTF-8 bytes', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const text = exportScenarioText(s);
        for (const r of [importScenarioText(text), importScenarioBytes(new TextEncoder().encode(text))]) {
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
          expect(r.scenario).toEqual(asJson(s));
          expect(r.resolved).toEqual(asJson(resolvedOf(s)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('through the last good scenario in storage', () => {
    const items = new Map<string, string>();
    const storage: StorageLike = {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => void items.set(k, v),
      removeItem: (k) => void items.delete(k),
    };
    fc.assert(
      fc.property(validScenario, (s) => {
        expect(saveLastGood(s, storage)).toEqual({ ok: true });
        expect(loadLastGood(storage)?.resolved).toEqual(asJson(resolvedOf(s)));
      }),
      { numRuns: 100 },
    );
  });
});
