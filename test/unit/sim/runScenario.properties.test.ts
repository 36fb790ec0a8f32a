import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/validate';
import type { Scenario } from '../../../src/scenario/schema';
import { runScenario } from '../../../src/sim/runScenario';
import { validScenario } from '../scenario/arbitraries';
import type { Ev } from './world/worldKit';

/** Random valid scenarios; half of them without a duration (the run ends when every send has its result). */
const scenarios = fc.tuple(validScenario, fc.boolean()).map(([s, open]): Scenario => {
  if (!open) return s;
  const copy = { ...s };
  delete copy.durationMs;
  return copy;
});

function traceOf(s: Scenario): Ev[] {
  const parsed = parseScenario(s);
  if (!parsed.ok) throw new Error(`generator produced an invalid scenario: ${parsed.errors[0]?.message}`);
  return runScenario(parsed.scenario) as Ev[];
}

const RUNS = { numRuns: 40, seed: 20261123 };

describe('runScenario on random valid scenarios', () => {
  it('never throws, reports no internal error, and ends with sim.end', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const trace = traceOf(s);
        expect(trace.at(-1)?.kind).toBe('sim.end');
        expect(trace.filter((e) => e.kind === 'sim.error')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('numbers events 0, 1, 2, ... and never lets virtual time go back', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const trace = traceOf(s);
        trace.forEach((e, i) => {
          expect(e.seq).toBe(i);
          if (i > 0) expect(e.t).toBeGreaterThanOrEqual(trace[i - 1]!.t);
        });
      }),
      RUNS,
    );
  });

  it('ends every send.call in exactly one send.result, or lists it in flight at sim.end', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const trace = traceOf(s);
        const inFlight = new Set(trace.at(-1)!.inFlight as string[]);
        const resultCount = new Map<string, number>();
        for (const e of trace) {
          if (e.kind === 'send.result')
            resultCount.set(e.msgId as string, (resultCount.get(e.msgId as string) ?? 0) + 1);
        }
        for (const call of trace.filter((e) => e.kind === 'send.call')) {
          const n = resultCount.get(call.msgId as string) ?? 0;
          expect(n + (inFlight.has(call.msgId as string) ? 1 : 0)).toBe(1);
        }
      }),
      RUNS,
    );
  });

  it('starts no sync attempt after its sendDefaultImpl budget check failed', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const trace = traceOf(s);
        const mode = new Map<string, unknown>();
        const failed = new Set<string>();
        for (const e of trace) {
          const id = e.msgId as string;
          if (e.kind === 'send.call') mode.set(id, e.mode);
          if (e.kind === 'budget.check' && e.where === 'sendDefaultImpl' && e.ok === false) failed.add(id);
          if (e.kind === 'queue.select' && mode.get(id) === 'SYNC') expect(failed.has(id)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('gives every broker queue strictly increasing offsets', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const last = new Map<string, number>();
        for (const e of traceOf(s)) {
          if (e.kind !== 'broker.store') continue;
          const queue = `${String(e.broker)}/${String(e.topic)}/${String(e.queueId)}`;
          const offset = e.offset as number;
          if (last.has(queue)) expect(offset).toBeGreaterThan(last.get(queue)!);
          last.set(queue, offset);
        }
      }),
      RUNS,
    );
  });

  it('gives the same trace, byte for byte, for the same scenario and seed', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const a = traceOf(s)
          .map((e) => JSON.stringify(e))
          .join('\n');
        const b = traceOf(s)
          .map((e) => JSON.stringify(e))
          .join('\n');
        expect(a === b).toBe(true);
      }),
      { ...RUNS, numRuns: 20 },
    );
  });
});
