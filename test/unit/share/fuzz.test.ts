import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceArray, TraceEvent } from '../../../src/trace/types';
import { validScenario } from '../scenario/arbitraries';
import {
  MUTATIONS,
  checkCase,
  fuzzCase,
  loadEngine,
  runFuzz,
  traceOf,
  traceViolations,
  type Engine,
  type FuzzCase,
} from './fuzzCore';

const TRACES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/traces');

function fixtureTrace(name: string): TraceEvent[] {
  return readFileSync(join(TRACES, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TraceEvent);
}

let engine: Engine | null = null;
beforeAll(async () => {
  ({ engine } = await loadEngine());
});

describe('the scenario fuzzer (npm run fuzz runs 10,000 of these)', () => {
  it('finds no uncaught error, no error without a path and no broken invariant in 300 random cases', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const { failures } = await checkCase(c, engine);
        expect(failures).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('generates every kind of mutation, valid scenarios and broken text', () => {
    const kinds = new Set(
      fc.sample(fuzzCase, { numRuns: 400, seed: 42 }).map((c) => (c.kind === 'mutant' ? c.mutation : c.kind)),
    );
    expect([...kinds].sort()).toEqual([...MUTATIONS, 'text', 'valid'].sort());
  });

  it('counts cases and failures the way npm run fuzz prints them', async () => {
    const report = await runFuzz({ cases: 20, seed: 3, engine });
    expect(report.cases).toBe(20);
    expect(report.failed).toBe(0);
    expect(report.valid).toBeGreaterThan(0);
  });
});

describe('the fuzzer reports what it must', () => {
  const [valid] = fc.sample(validScenario, { numRuns: 1, seed: 5 });
  if (!valid) throw new Error('no sample');

  it('reports a mutation that must fail but was accepted', async () => {
    const c: FuzzCase = {
      kind: 'mutant',
      mutation: 'wrongType',
      path: ['seed'],
      value: valid,
      mustFail: true,
    };
    expect((await checkCase(c, null)).failures.join('\n')).toContain('wrongType at seed was accepted');
  });

  it('reports a refusal whose errors name none of the paths on the way to the broken value', async () => {
    const value = { ...valid, seed: 'not a number' };
    const c: FuzzCase = {
      kind: 'mutant',
      mutation: 'wrongType',
      path: ['durationMs'],
      value,
      mustFail: true,
    };
    expect((await checkCase(c, null)).failures.join('\n')).toContain('no error names it (got seed)');
  });

  it('reports a "valid" scenario that validation refuses', async () => {
    const c = { kind: 'valid', scenario: { ...valid, brokers: [] } } as FuzzCase;
    expect((await checkCase(c, null)).failures.join('\n')).toContain('a valid scenario was refused');
  });

  it('reports an engine that throws, returns no trace, or gives two traces for one seed', async () => {
    const c: FuzzCase = { kind: 'valid', scenario: valid };
    const throwing: Engine = () => {
      throw new Error('boom');
    };
    expect((await checkCase(c, throwing)).failures.join('\n')).toContain('runScenario threw: Error: boom');
    expect((await checkCase(c, () => 42)).failures).toEqual([
      'runScenario returned neither a trace nor {trace}',
    ]);
    const good = fixtureTrace('sync-retry-broker-error.jsonl');
    let calls = 0;
    const flaky: Engine = () => (calls++ === 0 ? good : good.map((e) => ({ ...e, extra: calls })));
    expect((await checkCase(c, flaky)).failures).toEqual([
      'the same scenario and seed gave two different traces',
    ]);
    expect((await checkCase(c, () => ({ trace: good }))).failures).toEqual([]);
  });
});

describe('the trace invariants', () => {
  const names = ['sync-retry-broker-error.jsonl', 'async-executor-timeout.jsonl'];

  it.each(names)('hold in the hand-checked fixture trace %s', (name) => {
    expect(traceViolations(fixtureTrace(name))).toEqual([]);
  });

  const base = () => fixtureTrace('sync-retry-broker-error.jsonl');
  const renumber = (events: TraceEvent[]): TraceArray => events.map((e, i) => ({ ...e, seq: i }));
  const indexOf = (events: TraceEvent[], kind: string) => events.findIndex((e) => e.kind === kind);

  it('catch a seq that skips a number', () => {
    const t = base();
    t.splice(3, 1);
    expect(traceViolations(t).join('\n')).toContain('event 3 has seq 4');
  });

  it('catch time going backwards', () => {
    const t = base();
    t[10] = { ...(t[10] as TraceEvent), t: -1 };
    expect(traceViolations(t).join('\n')).toContain('goes back in time');
  });

  it('catch a send.call with no send.result that sim.end does not list in flight', () => {
    const t = base().filter((e) => e.kind !== 'send.result');
    expect(traceViolations(renumber(t)).join('\n')).toMatch(/has no send.result and is not listed in flight/);
  });

  it('accept that same send when sim.end lists it in flight', () => {
    const t = base().filter((e) => e.kind !== 'send.result');
    const ids = t.filter((e) => e.kind === 'send.call').map((e) => (e as { msgId: string }).msgId);
    const end = indexOf(t, 'sim.end');
    t[end] = { ...(t[end] as TraceEvent), inFlight: ids } as TraceEvent;
    expect(traceViolations(renumber(t))).toEqual([]);
  });

  it('catch a second send.result for one message', () => {
    const t = base();
    const result = t[indexOf(t, 'send.result')] as TraceEvent;
    t.splice(t.length - 1, 0, result);
    expect(traceViolations(renumber(t)).join('\n')).toMatch(/has 2 send.result events/);
  });

  it('catch an offset that does not increase on its queue', () => {
    const t = base();
    const at = indexOf(t, 'broker.store');
    t.splice(at + 1, 0, { ...(t[at] as TraceEvent) }); // the same offset again, at the same time
    expect(traceViolations(renumber(t)).join('\n')).toMatch(
      /offset 0 at seq \d+ does not increase \(was 0\)/,
    );
  });

  it('catch a trace that does not end with sim.end', () => {
    expect(traceViolations(base().slice(0, -1)).join('\n')).toContain('not sim.end');
  });

  it('read a trace from runScenario whether it returns the events or an object holding them', () => {
    const t = base();
    expect(traceOf(t)).toBe(t);
    expect(traceOf({ trace: t })).toBe(t);
    expect(traceOf({ events: t })).toBe(t);
    expect(traceOf({})).toBeNull();
  });
});
