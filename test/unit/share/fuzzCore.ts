/**
 * The scenario fuzzer shared by `npm run fuzz` (scripts/fuzz.ts, 10,000 cases) and the unit test
 * (test/unit/share/fuzz.test.ts, a few hundred). It generates scenario JSON, valid (the arbitraries of
 * test/unit/scenario) and invalid (mutations of valid ones: wrong types, missing fields, hostile strings and
 * keys, huge numbers, deep nesting, long lists, random JSON, broken text), and checks:
 *
 * - `parseScenario`, `parseScenarioText` and `decodeShareLink` never throw;
 * - invalid input gets errors, each with a path and a message, and a mutation that must fail names a path
 *   on the way to (or below) the value it broke;
 * - valid input passes, survives the share link, and, when `src/sim/runScenario.ts` exists, its trace
 *   satisfies the engine invariants and is the same for the same seed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  formatPath,
  parseScenario,
  parseScenarioText,
  type ResolvedScenario,
  type Scenario,
} from '../../../src/scenario';
import { decodeShareLink, encodeShareFragment } from '../../../src/share/shareLink';
import type { TraceArray, TraceEvent } from '../../../src/trace/types';
import { hostileJson, validScenario } from '../scenario/arbitraries';

type PathPart = string | number;
type Json = unknown;

// ---------------------------------------------------------------------------------------------------------
// The engine, when it exists.

export type Engine = (scenario: ResolvedScenario) => unknown;

/** `runScenario` from src/sim/runScenario.ts, or null with a note saying why the engine step is skipped. */
export async function loadEngine(): Promise<{ engine: Engine | null; note: string }> {
  const file = new URL('../../../src/sim/runScenario.ts', import.meta.url);
  if (!existsSync(fileURLToPath(file))) {
    return { engine: null, note: 'src/sim/runScenario.ts does not exist yet: engine step skipped' };
  }
  // It exists: a failure to import it is a real failure, not a reason to skip.
  const mod = (await import(/* @vite-ignore */ file.href)) as { runScenario?: unknown };
  if (typeof mod.runScenario !== 'function') {
    return {
      engine: null,
      note: 'src/sim/runScenario.ts exports no runScenario function: engine step skipped',
    };
  }
  return { engine: mod.runScenario as Engine, note: 'engine: runScenario from src/sim/runScenario.ts' };
}

/** The events of whatever runScenario returns: a trace, or an object holding one as `trace` or `events`. */
export function traceOf(result: unknown): TraceArray | null {
  if (Array.isArray(result)) return result as TraceArray;
  if (result && typeof result === 'object') {
    const { trace, events } = result as { trace?: unknown; events?: unknown };
    if (Array.isArray(trace)) return trace as TraceArray;
    if (Array.isArray(events)) return events as TraceArray;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Engine invariants (DESIGN.md, "Trace events").

/** Every violation of the invariants in a trace; empty when it holds them all. */
export function traceViolations(trace: TraceArray): string[] {
  const out: string[] = [];
  const add = (message: string) => {
    if (out.length < 20) out.push(message);
  };
  if (trace.length === 0) return ['the trace is empty (it must end with sim.end)'];
  let lastT = -Infinity;
  trace.forEach((e, i) => {
    if (e.seq !== i) add(`event ${i} has seq ${String(e.seq)}`);
    if (typeof e.t !== 'number' || !Number.isFinite(e.t)) add(`event ${i} has t ${String(e.t)}`);
    else if (e.t < lastT) add(`event ${i} (${e.kind}) goes back in time: t ${e.t} after ${lastT}`);
    else lastT = e.t;
  });
  const last = trace.at(trace.length - 1) as TraceEvent;
  const end = trace.findIndex((e) => e.kind === 'sim.end');
  if (last.kind !== 'sim.end') add(`the last event is ${last.kind}, not sim.end`);
  if (end >= 0 && end !== trace.length - 1) add(`sim.end at ${end} is not the last event`);
  const inFlight = new Set(
    last.kind === 'sim.end' && Array.isArray((last as { inFlight?: unknown }).inFlight)
      ? ((last as { inFlight: unknown[] }).inFlight as string[])
      : [],
  );
  if (last.kind === 'sim.end' && !Array.isArray((last as { inFlight?: unknown }).inFlight)) {
    add('sim.end has no inFlight list');
  }

  const calls = new Map<string, number>();
  const results = new Map<string, number>();
  const offsets = new Map<string, number>();
  for (const e of trace) {
    const ev = e as TraceEvent & Record<string, unknown>;
    if (e.kind === 'send.call') {
      const id = String(ev.msgId);
      if (calls.has(id)) add(`msgId ${id} has two send.call events`);
      calls.set(id, e.seq);
    } else if (e.kind === 'send.result') {
      const id = String(ev.msgId);
      if (!calls.has(id)) add(`send.result for ${id} (seq ${e.seq}) comes without an earlier send.call`);
      results.set(id, (results.get(id) ?? 0) + 1);
    } else if (e.kind === 'broker.store') {
      const queue = `${String(ev.broker)}/${String(ev.topic)}/${String(ev.queueId)}`;
      const offset = Number(ev.offset);
      const before = offsets.get(queue);
      if (before !== undefined && !(offset > before)) {
        add(`queue ${queue}: offset ${offset} at seq ${e.seq} does not increase (was ${before})`);
      }
      offsets.set(queue, offset);
    }
  }
  for (const id of calls.keys()) {
    const n = results.get(id) ?? 0;
    if (n > 1) add(`msgId ${id} has ${n} send.result events`);
    if (n === 1 && inFlight.has(id)) add(`msgId ${id} has a send.result and is listed in flight`);
    if (n === 0 && !inFlight.has(id))
      add(`msgId ${id} has no send.result and is not listed in flight at sim.end`);
  }
  for (const id of inFlight) if (!calls.has(id)) add(`sim.end lists ${id} in flight, but it was never sent`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Cases.

export const MUTATIONS = [
  'wrongType',
  'missingField',
  'hostileString',
  'hostileKey',
  'hugeNumber',
  'deepNesting',
  'longList',
  'randomJson',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export type FuzzCase =
  | { kind: 'valid'; scenario: Scenario }
  | { kind: 'mutant'; mutation: Mutation; path: PathPart[]; value: Json; mustFail: boolean }
  | { kind: 'text'; text: string };

const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '',
  ' ',
  '\u0000\u0001\u001f',
  '\uD800',
  '\u202Eevil',
  '🙂🙂🙂',
  'a'.repeat(100_000),
  '"},{"version":2',
  '../../etc/passwd',
  '${alert(1)}',
  '1e400',
];

const HUGE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 53,
  2 ** 32,
  -1,
  0.5,
  -0,
  5e-324,
  NaN,
  Infinity,
  -Infinity,
];

interface Slot {
  path: PathPart[];
  value: Json;
}

/** Every value in a JSON tree with its path (the root has the path []). */
function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (value: Json, path: PathPart[]) => {
    out.push({ path, value });
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(root, []);
  return out;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Sets a value as an own property (never through a `__proto__` setter). */
function setAt(root: Json, path: PathPart[], value: Json): Json {
  if (path.length === 0) return value;
  let node = root as Record<PathPart, Json>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<PathPart, Json>;
  Object.defineProperty(node, path[path.length - 1] as PathPart, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return root;
}

function deleteAt(root: Json, path: PathPart[]): void {
  let node = root as Record<PathPart, Json>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<PathPart, Json>;
  delete node[path[path.length - 1] as PathPart];
}

/** A value of another JSON type than `value` (numbers become numeric strings, and so on). */
function otherType(value: Json, pick: number): Json {
  const choices: Json[] =
    typeof value === 'number'
      ? [String(value), true, null, [value], { value }]
      : typeof value === 'string'
        ? [pick, false, null, [value], { value }]
        : typeof value === 'boolean'
          ? [String(value), Number(value), null]
          : Array.isArray(value)
            ? [{}, 'list', 0, null]
            : value === null
              ? [0, '']
              : [[], 'object', 1, null];
  return choices[pick % choices.length];
}

/** Required fields a mutation may delete, by the shape of their path. */
const REQUIRED = [
  /^version$/,
  /^rocketmqVersion$/,
  /^brokers$/,
  /^brokers\.\d+\.name$/,
  /^topics\.\d+\.name$/,
  /^workload\.\d+\.topic$/,
  /^faults\.\d+\.(kind|atMs)$/,
];

function mutate(s: Scenario, mutation: Mutation, pick: number, junk: Json): FuzzCase {
  const root = clone(s) as Json;
  const all = slots(root);
  const choose = (list: Slot[]): Slot | undefined => list[pick % Math.max(1, list.length)];
  const mutant = (path: PathPart[], value: Json, mustFail: boolean): FuzzCase => ({
    kind: 'mutant',
    mutation,
    path,
    value,
    mustFail,
  });
  switch (mutation) {
    case 'wrongType': {
      const slot = choose(all.filter((x) => x.path.length > 0)) ?? { path: [], value: root };
      return mutant(slot.path, setAt(root, slot.path, otherType(slot.value, pick)), true);
    }
    case 'missingField': {
      const required = all.filter((x) => REQUIRED.some((re) => re.test(x.path.join('.'))));
      const slot = choose(required);
      if (!slot) return mutant([], root, false);
      deleteAt(root, slot.path);
      return mutant(slot.path, root, true);
    }
    case 'hostileString': {
      const strings = all.filter((x) => typeof x.value === 'string');
      const slot = choose(strings);
      if (!slot) return mutant([], root, false);
      const text = HOSTILE_STRINGS[pick % HOSTILE_STRINGS.length] as string;
      return mutant(slot.path, setAt(root, slot.path, text), false);
    }
    case 'hostileKey': {
      const objects = all.filter((x) => x.value && typeof x.value === 'object' && !Array.isArray(x.value));
      const slot = choose(objects) ?? { path: [], value: root };
      const keys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'polluted'];
      const key = keys[pick % keys.length] as string;
      setAt(root, [...slot.path, key], junk);
      return mutant([...slot.path, key], root, true);
    }
    case 'hugeNumber': {
      const numbers = all.filter((x) => typeof x.value === 'number');
      const slot = choose(numbers);
      if (!slot) return mutant([], root, false);
      const n = HUGE_NUMBERS[pick % HUGE_NUMBERS.length] as number;
      return mutant(slot.path, setAt(root, slot.path, n), !Number.isFinite(n));
    }
    case 'deepNesting': {
      const slot = choose(all) ?? { path: [], value: root };
      let value: Json = slot.value ?? 0;
      const levels = 64 + (pick % 2000);
      for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
      return mutant(slot.path, setAt(root, slot.path, value), true);
    }
    case 'longList': {
      const lists = all.filter((x) => Array.isArray(x.value));
      const slot = choose(lists) ?? { path: ['brokers'], value: [] };
      const length = [65, 101, 257, 1025, 10_001, 100_001][pick % 6] as number;
      const item = (slot.value as Json[])[0] ?? 0;
      return mutant(slot.path, setAt(root, slot.path, new Array(length).fill(item)), length > 100_000);
    }
    case 'randomJson': {
      const slot = choose(all) ?? { path: [], value: root };
      return mutant(slot.path, setAt(root, slot.path, junk), false);
    }
  }
}

/** Broken JSON text: a valid scenario's text cut short, or with characters flipped. */
function brokenText(s: Scenario, cut: number, flips: number[]): string {
  const text = JSON.stringify(s, null, cut % 2 === 0 ? 2 : undefined);
  if (flips.length === 0) return text.slice(0, cut % (text.length + 1));
  const chars = [...text];
  for (const f of flips) chars[f % chars.length] = '{}[]",:0\\NaI-'.charAt(f % 13);
  return chars.join('');
}

/** A fuzz case: half valid scenarios, the rest mutants and broken text. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 4, arbitrary: validScenario.map((scenario): FuzzCase => ({ kind: 'valid', scenario })) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(validScenario, fc.constantFrom(...MUTATIONS), fc.nat(), hostileJson)
      .map(([s, mutation, pick, junk]) => mutate(s, mutation, pick, junk)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(validScenario, fc.nat(), fc.array(fc.nat(), { maxLength: 3 }))
      .map(([s, cut, flips]): FuzzCase => ({ kind: 'text', text: brokenText(s, cut, flips) })),
  },
);

// ---------------------------------------------------------------------------------------------------------
// Checking one case.

export interface CaseOutcome {
  /** Empty when the case passed. */
  failures: string[];
  valid: boolean;
  engineRan: boolean;
}

function related(errorPath: string, mutated: PathPart[]): boolean {
  const target = formatPath(mutated);
  if (errorPath === target) return true;
  if (target === '') return true;
  const isPrefix = (short: string, long: string) =>
    long.startsWith(short) && (long[short.length] === '.' || long[short.length] === '[');
  // An ancestor (a union or an object reporting for its member) or a descendant (a member of the new value).
  return (
    (errorPath !== '' || mutated.length <= 1) && (isPrefix(errorPath, target) || isPrefix(target, errorPath))
  );
}

function shapeProblems(r: ReturnType<typeof parseScenario>, what: string): string[] {
  if (r.ok) return [];
  const out: string[] = [];
  if (r.errors.length === 0) out.push(`${what}: refused with no errors`);
  for (const e of r.errors) {
    if (typeof e.path !== 'string') out.push(`${what}: an error without a path`);
    if (typeof e.message !== 'string' || e.message.trim() === '')
      out.push(`${what}: an error without a message`);
  }
  return out;
}

function attempt<T>(what: string, run: () => T, failures: string[]): T | undefined {
  try {
    return run();
  } catch (e) {
    failures.push(`${what} threw: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export async function checkCase(c: FuzzCase, engine: Engine | null): Promise<CaseOutcome> {
  const failures: string[] = [];
  if (c.kind === 'text') {
    const r = attempt('parseScenarioText', () => parseScenarioText(c.text), failures);
    if (r) failures.push(...shapeProblems(r, 'parseScenarioText'));
    attempt('decodeShareLink', () => decodeShareLink(`#s=1.${c.text.slice(0, 200)}`), failures);
    return { failures, valid: false, engineRan: false };
  }
  if (c.kind === 'mutant') {
    const r = attempt('parseScenario', () => parseScenario(c.value), failures);
    if (!r) return { failures, valid: false, engineRan: false };
    failures.push(...shapeProblems(r, 'parseScenario'));
    if (c.mustFail && r.ok) failures.push(`${c.mutation} at ${formatPath(c.path) || '(root)'} was accepted`);
    if (c.mustFail && !r.ok && !r.errors.some((e) => related(e.path, c.path))) {
      failures.push(
        `${c.mutation} at ${formatPath(c.path) || '(root)'}: no error names it (got ${r.errors
          .slice(0, 3)
          .map((e) => e.path || '(root)')
          .join(', ')})`,
      );
    }
    // The same value through a share link: never an exception, and the same verdict as parseScenario on
    // what JSON keeps of it (JSON turns NaN into null and drops undefined).
    const json = attempt('JSON.stringify', () => JSON.stringify(c.value) ?? 'null', failures);
    if (json !== undefined && json.length < 200_000) {
      const link = attempt(
        'decodeShareLink',
        () => decodeShareLink(encodeShareFragment(c.value as Scenario)),
        failures,
      );
      const again = attempt('parseScenario', () => parseScenario(JSON.parse(json) as unknown), failures);
      if (link && again && link.ok !== again.ok) {
        failures.push(
          `the share link ${link.ok ? 'accepts' : 'refuses'} what parseScenario ${again.ok ? 'accepts' : 'refuses'}`,
        );
      }
    }
    return { failures, valid: r.ok, engineRan: false };
  }

  // A valid scenario.
  const r = attempt('parseScenario', () => parseScenario(c.scenario), failures);
  if (!r) return { failures, valid: false, engineRan: false };
  if (!r.ok) {
    failures.push(
      `a valid scenario was refused: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
    return { failures, valid: false, engineRan: false };
  }
  const link = attempt(
    'decodeShareLink',
    () => decodeShareLink(encodeShareFragment(c.scenario, 3)),
    failures,
  );
  if (link && !link.ok) failures.push(`the share link does not open: ${link.errors[0]?.message ?? ''}`);
  if (link?.ok && JSON.stringify(link.resolved) !== JSON.stringify(r.scenario)) {
    failures.push('the share link resolves to another scenario');
  }
  if (!engine) return { failures, valid: true, engineRan: false };

  const runs: string[] = [];
  for (let i = 0; i < 2; i++) {
    let result: unknown;
    try {
      result = await engine(r.scenario);
    } catch (e) {
      failures.push(`runScenario threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return { failures, valid: true, engineRan: true };
    }
    const trace = traceOf(result);
    if (!trace) {
      failures.push('runScenario returned neither a trace nor {trace}');
      return { failures, valid: true, engineRan: true };
    }
    if (i === 0) failures.push(...traceViolations(trace));
    runs.push(JSON.stringify(trace));
  }
  if (runs[0] !== runs[1]) failures.push('the same scenario and seed gave two different traces');
  return { failures, valid: true, engineRan: true };
}

// ---------------------------------------------------------------------------------------------------------
// A run.

export interface FuzzReport {
  cases: number;
  failed: number;
  valid: number;
  engineRuns: number;
  seed: number;
  /** The first few failing cases, for a person to read. */
  examples: { index: number; failures: string[]; input: string }[];
}

function describeCase(c: FuzzCase): string {
  const text =
    c.kind === 'text'
      ? c.text
      : JSON.stringify(
          c.kind === 'valid' ? c.scenario : { mutation: c.mutation, path: c.path, value: c.value },
        );
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

export async function runFuzz(options: {
  cases: number;
  seed: number;
  engine: Engine | null;
  onProgress?: (done: number) => void;
}): Promise<FuzzReport> {
  const report: FuzzReport = {
    cases: 0,
    failed: 0,
    valid: 0,
    engineRuns: 0,
    seed: options.seed,
    examples: [],
  };
  // Generated in batches so that a 10,000-case run never holds every case at once.
  const batch = 500;
  for (let start = 0; start < options.cases; start += batch) {
    const n = Math.min(batch, options.cases - start);
    const cases = fc.sample(fuzzCase, { numRuns: n, seed: options.seed + start });
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i] as FuzzCase;
      const outcome = await checkCase(c, options.engine);
      report.cases++;
      if (outcome.valid) report.valid++;
      if (outcome.engineRan) report.engineRuns++;
      if (outcome.failures.length > 0) {
        report.failed++;
        if (report.examples.length < 5) {
          report.examples.push({ index: start + i, failures: outcome.failures, input: describeCase(c) });
        }
      }
    }
    options.onProgress?.(report.cases);
  }
  return report;
}
