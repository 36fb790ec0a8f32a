import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workloadSendTimeMs } from '../../../src/scenario/defaults';
import { SCENARIO_CAPS } from '../../../src/scenario/schema';
import { formatScenarioErrors, parseScenario, parseScenarioText } from '../../../src/scenario/validate';
import { hostileJson, nastyKey, validScenario } from './arbitraries';

function assertResultShape(r: ReturnType<typeof parseScenario>): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  expect(r.errors.length).toBeLessThanOrEqual(SCENARIO_CAPS.maxErrors + 1);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
}

describe('parseScenario on random input', () => {
  it('never throws on random JSON values, and answers with errors that have a path and a message', () => {
    fc.assert(
      fc.property(hostileJson, (value) => {
        assertResultShape(parseScenario(value));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any JavaScript value fast-check can build', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
          withObjectString: true,
          withBoxedValues: true,
          key: fc.oneof(fc.string(), nastyKey),
        }),
        (value) => {
          assertResultShape(parseScenario(value));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on random text, nor on JSON text with random cuts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        assertResultShape(parseScenarioText(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(validScenario, fc.nat(), (s, cut) => {
        const text = JSON.stringify(s);
        assertResultShape(parseScenarioText(text.slice(0, cut % (text.length + 1))));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws when a valid scenario has one value replaced by random JSON', () => {
    fc.assert(
      fc.property(
        validScenario,
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        hostileJson,
        (s, route, junk) => {
          // Walk down `route` (indices into the keys or items at each level), then replace what is there.
          const copy = JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
          let node: unknown = copy;
          for (let depth = 0; depth < route.length - 1; depth++) {
            const keys = node && typeof node === 'object' ? Object.keys(node) : [];
            if (keys.length === 0) break;
            const next = (node as Record<string, unknown>)[keys[(route[depth] ?? 0) % keys.length] as string];
            if (!next || typeof next !== 'object') break;
            node = next;
          }
          if (node && typeof node === 'object') {
            const keys = Object.keys(node);
            const key =
              keys.length > 0 ? (keys[(route[route.length - 1] ?? 0) % keys.length] as string) : 'extra';
            (node as Record<string, unknown>)[key] = junk;
          }
          assertResultShape(parseScenario(copy));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('valid scenarios', () => {
  it('are accepted, and the resolved scenario stays within the caps', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const r = parseScenario(s);
        if (!r.ok) throw new Error(formatScenarioErrors(r.errors));
        const resolved = r.scenario;
        expect(resolved.brokers.length).toBeGreaterThanOrEqual(1);
        expect(resolved.brokers.length).toBeLessThanOrEqual(SCENARIO_CAPS.maxBrokers);
        for (const w of resolved.workload) {
          expect(w.count).toBeGreaterThanOrEqual(1);
          const last = workloadSendTimeMs(w, w.count - 1);
          expect(Number.isFinite(last)).toBe(true);
          expect(last).toBeLessThanOrEqual(SCENARIO_CAPS.maxTimeMs);
        }
        const ids = new Set(resolved.brokers.map((b) => b.id));
        for (const f of resolved.faults) {
          if ('broker' in f) expect(ids.has(f.broker)).toBe(true);
        }
        expect(JSON.parse(JSON.stringify(resolved))).toEqual(resolved);
      }),
      { numRuns: 300 },
    );
  });

  it('survive a round trip through JSON text', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const a = parseScenario(s);
        const b = parseScenarioText(JSON.stringify(s, null, 2));
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
