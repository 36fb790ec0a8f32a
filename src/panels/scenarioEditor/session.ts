/**
 * How an edit reaches the page: validate (`parseScenario`), keep it as the last good scenario, re-simulate
 * through the page's one engine door (`pageEngine.simulate`) and show scenario and trace in one store
 * update, the cursor kept when nothing before it changed. Invalid edits and failed simulations never touch
 * what is on screen. Also finds the scenario *as written* behind what is on screen, for the editor to start
 * from, and the topology's "kill this broker now".
 */
import type { StoreApi } from 'zustand';
import { pageEngine, presetUrl, type ScenarioEngine } from '../../app/loadScenario';
import { parseScenario, type Scenario, type ScenarioError } from '../../scenario';
import {
  decodeShareLink,
  hasShareFragment,
  loadLastGood,
  saveLastGood,
  validateScenarioText,
} from '../../share';
import type { AppState } from '../../store/appStore';
import { faultTimeAtCursor, keptCursorStep, sameJson } from './cursorKeep';

export type ApplyOutcome =
  | { kind: 'invalid'; errors: ScenarioError[] }
  | { kind: 'failed'; detail: string }
  | { kind: 'stale' }
  | { kind: 'simulated'; step: number; kept: boolean };

export interface ApplyOptions {
  engine?: ScenarioEngine;
  /** Called just before the store changes; returning false drops the result (a newer edit is under way). */
  stillWanted?: () => boolean;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Validates, re-simulates and shows `written`. Never throws. */
export async function applyWrittenScenario(
  store: StoreApi<AppState>,
  written: Scenario,
  options: ApplyOptions = {},
): Promise<ApplyOutcome> {
  const parsed = parseScenario(written);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  saveLastGood(written);
  let trace;
  try {
    trace = await (options.engine ?? pageEngine).simulate(parsed.scenario);
  } catch (error) {
    return { kind: 'failed', detail: message(error) };
  }
  if (options.stillWanted && !options.stillWanted()) return { kind: 'stale' };
  const state = store.getState();
  const step = keptCursorStep(state.trace, trace, state.step);
  state.showScenario({ scenario: parsed.scenario, presetId: state.presetId, trace, step });
  store.getState().setWritten({ scenario: written, resolved: parsed.scenario });
  return { kind: 'simulated', step, kept: step === state.step };
}

/** A small valid scenario to start from when nothing is on screen (a preset or link that failed to load). */
export function starterScenario(rocketmqVersion: Scenario['rocketmqVersion'] = '4.9.8'): Scenario {
  return {
    version: 1,
    rocketmqVersion,
    brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
    topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4 }],
    workload: [{ count: 10, intervalMs: 100, mode: 'SYNC', topic: 'TopicTest' }],
  };
}

function versionOf(scenario: unknown): Scenario['rocketmqVersion'] {
  const v =
    scenario !== null && typeof scenario === 'object'
      ? (scenario as { rocketmqVersion?: unknown }).rocketmqVersion
      : undefined;
  return v === '4.5.2' || v === '5.3.3' ? v : '4.9.8';
}

async function fetchTextDefault(url: string): Promise<string> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/**
 * The scenario as written behind what is on screen: the editor's own last edit, else the preset file,
 * else the share link, else the kept last good scenario when it is the one on screen, else a starter.
 */
export async function writtenScenarioOnScreen(
  store: StoreApi<AppState>,
  win: Window = window,
  fetchText: (url: string) => Promise<string> = fetchTextDefault,
): Promise<Scenario> {
  const state = store.getState();
  if (state.written && state.written.resolved === state.scenario) return state.written.scenario as Scenario;
  const matches = (s: Scenario) => {
    const parsed = parseScenario(s);
    return parsed.ok && sameJson(parsed.scenario, state.scenario);
  };
  if (state.presetId !== null) {
    try {
      const result = validateScenarioText(await fetchText(presetUrl(state.presetId, win.location.href)));
      if (result.ok) return result.scenario;
    } catch {
      // Fall through to the other sources.
    }
  }
  if (hasShareFragment(win.location.hash)) {
    const decoded = decodeShareLink(win.location.href);
    if (decoded.ok && matches(decoded.scenario)) return decoded.scenario;
  }
  const lastGood = loadLastGood();
  if (lastGood && matches(lastGood.scenario)) return lastGood.scenario;
  return starterScenario(versionOf(state.scenario));
}

/** The scenario with a `crash` of `broker` added now (just after the cursor's event). */
export function withCrashNow(scenario: Scenario, broker: string, atMs: number): Scenario {
  const name = broker.replace(/@0$/, '');
  return { ...scenario, faults: [...(scenario.faults ?? []), { kind: 'crash', atMs, broker: name }] };
}

/** "Kill this broker now": a crash at the cursor's time, re-simulated, the cursor kept. */
export async function killBrokerNow(
  store: StoreApi<AppState>,
  broker: string,
  options: ApplyOptions & { win?: Window } = {},
): Promise<ApplyOutcome> {
  const written = await writtenScenarioOnScreen(store, options.win);
  const { trace, step } = store.getState();
  return applyWrittenScenario(store, withCrashNow(written, broker, faultTimeAtCursor(trace, step)), options);
}
