import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_PRESET } from '../../../src/app/loadScenario';
import { parseScenarioText } from '../../../src/scenario';
import { runScenario } from '../../../src/sim/runScenario';
import type { TraceArray, TraceEvent } from '../../../src/trace/types';

const SCENARIOS = resolve(import.meta.dirname, '../../../public/scenarios');

/**
 * A preset's trace as the engine makes it, computed in the test process: what the browser tests compare the
 * page with, so that they check the panels against the trace rather than against numbers copied from a run.
 */
export function presetTrace(id: string = DEFAULT_PRESET): TraceArray {
  const parsed = parseScenarioText(readFileSync(resolve(SCENARIOS, `${id}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return runScenario(parsed.scenario);
}

/** The first event of `trace` of `kind` for which `match` holds; fails the test when there is none. */
export function firstEvent<E extends TraceEvent = TraceEvent>(
  trace: TraceArray,
  kind: string,
  match: (e: E) => boolean = () => true,
): E {
  const found = trace.find((e) => e.kind === kind && match(e as E));
  if (!found) throw new Error(`no ${kind} event matches in the trace`);
  return found as E;
}
