import type { StoreApi } from 'zustand';
import type { AppState } from '../store/appStore';
import type { ResolvedScenario } from '../scenario/defaults';
import { PAGE_MAX_TRACE_EVENTS } from '../trace/limits';
import type { Trace } from '../trace/types';
import { translate, type Lang } from '../i18n';
import { scenarioErrorLine, shareErrorText } from '../i18n/problemText';
import { readStepParam } from './urlStep';

/**
 * The page's only door into the engine (DESIGN.md: the UI folds the trace, it never calls the engine
 * otherwise). It reads `?preset=ID` (else the default preset), fetches `./scenarios/ID.json` relative to the
 * page (so any sub-path works), validates and runs it, and puts scenario and trace in the store in one
 * update, with the cursor from `&step=`.
 */

export type ValidateOutcome = { ok: true; scenario: unknown } | { ok: false; problems: string[] };

export interface ScenarioEngine {
  /** Validates a scenario file's text; each problem names its JSON path (or line and column). */
  validate(text: string, lang?: Lang): Promise<ValidateOutcome>;
  /**
   * Runs a validated scenario. The one engine call: a Web Worker can replace it without the rest of the
   * page noticing, which is why it returns a promise.
   */
  simulate(scenario: unknown): Promise<Trace>;
}

/** Preset ids are file names: letters, digits, dot, dash and underscore. */
const PRESET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The preset named by `?preset=`: its id, `null` when absent, or `{invalid}` for something not an id. */
export function readPresetParam(search: string): string | null | { invalid: string } {
  const value = new URLSearchParams(search).get('preset');
  if (value === null || value === '') return null;
  return PRESET_ID.test(value) && !value.includes('..') ? value : { invalid: value };
}

/** `./scenarios/ID.json` resolved against the page's own address. */
export function presetUrl(id: string, pageHref: string): string {
  return new URL(`scenarios/${encodeURIComponent(id)}.json`, pageHref).href;
}

/**
 * The preset opened when the URL names none: a sync send whose first attempt fails fast on a dead broker and
 * is retried on the other, so a first-time student sees route lookup, queue selection, a budget check, a
 * failure and a retry in a few dozen events.
 */
export const DEFAULT_PRESET = 'retry-another-broker';

export const pageEngine: ScenarioEngine = {
  async validate(text, lang = 'en') {
    const { parseScenarioText } = await import('../scenario');
    const result = parseScenarioText(text);
    if (result.ok) return { ok: true, scenario: result.scenario };
    return { ok: false, problems: result.errors.map((e) => scenarioErrorLine(lang, e)) };
  },
  async simulate(scenario) {
    // In a Web Worker, so that the page stays responsive and a long run can be cancelled; on the page's
    // thread only where there is no Worker (jsdom). The engine loads in its own chunk either way.
    // Either way the page gets a packed trace, capped at PAGE_MAX_TRACE_EVENTS.
    const { pageSimulator } = await import('../worker/pageSimulator');
    if (pageSimulator) return pageSimulator.simulate(scenario, PAGE_MAX_TRACE_EVENTS);
    const [{ runScenario }, { packTrace }] = await Promise.all([
      import('../sim/runScenario'),
      import('../trace/packed'),
    ]);
    return packTrace(runScenario(scenario as ResolvedScenario, { maxEvents: PAGE_MAX_TRACE_EVENTS }));
  },
};

/** Whether the fragment carries a shared scenario (`#s=...`), without loading the share module. */
export function hasSharedScenario(hash: string): boolean {
  return /(?:^#?|&)s(?:=|&|$)/.test(hash);
}

export interface LoadOptions {
  engine?: ScenarioEngine;
  fetchText?: (url: string) => Promise<string>;
}

async function fetchTextDefault(url: string): Promise<string> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads what the address asks for into the store. Never throws: a failure lands in `loadProblems`, and
 * the last good scenario and trace stay on screen.
 */
export async function loadScenario(
  win: Window,
  store: StoreApi<AppState>,
  options: LoadOptions = {},
): Promise<void> {
  const engine = options.engine ?? pageEngine;
  const step = readStepParam(win.location.search) ?? undefined;
  if (hasSharedScenario(win.location.hash)) {
    if (await openSharedScenario(win, store, engine, step)) return;
    // Nothing good was kept: the default opens, and the link's problems stay on screen after it.
    const problems = store.getState().loadProblems;
    await loadPreset(win, store, options);
    store.getState().failLoading(problems);
    return;
  }
  await loadPreset(win, store, options);
}

/** Opens `?preset=ID`, else the default preset. Never throws. */
async function loadPreset(win: Window, store: StoreApi<AppState>, options: LoadOptions): Promise<void> {
  const engine = options.engine ?? pageEngine;
  const fetchText = options.fetchText ?? fetchTextDefault;
  const search = win.location.search;
  const step = readStepParam(search) ?? undefined;
  const requested = readPresetParam(search);
  const { startLoading, failLoading, showScenario } = store.getState();
  /** Reports the problems; whatever was on screen stays there. */
  const fail = (problems: string[]) => failLoading(problems);

  if (typeof requested === 'object' && requested !== null) {
    fail([`preset "${requested.invalid}": not a preset id (letters, digits, ".", "-", "_")`]);
    return;
  }
  const presetId = requested ?? DEFAULT_PRESET;
  startLoading(presetId);
  let text: string;
  try {
    text = await fetchText(presetUrl(presetId, win.location.href));
  } catch (error) {
    fail([`preset "${presetId}": could not be read (${message(error)})`]);
    return;
  }
  try {
    const outcome = await engine.validate(text, store.getState().lang);
    if (!outcome.ok) {
      fail(outcome.problems.map((p) => `preset "${presetId}": ${p}`));
      return;
    }
    const trace = await engine.simulate(outcome.scenario);
    showScenario({ scenario: outcome.scenario, presetId, trace, step });
  } catch (error) {
    fail([`preset "${presetId}": the simulation failed (${message(error)})`]);
  }
}

/**
 * Opens `#s=...` (a shared scenario, DESIGN.md). A link that does not decode or validate shows what is wrong
 * (each problem with its field) and the last good scenario instead, so a hostile or broken link never costs
 * the user their work. Returns false when there was nothing to show at all.
 */
async function openSharedScenario(
  win: Window,
  store: StoreApi<AppState>,
  engine: ScenarioEngine,
  step: number | undefined,
): Promise<boolean> {
  const { startLoading, failLoading, showScenario } = store.getState();
  startLoading(null);
  const share = await import('../share');
  const lang = store.getState().lang;
  const decoded = share.decodeShareLink(win.location.href);
  if (decoded.ok) {
    try {
      const trace = await engine.simulate(decoded.resolved);
      showScenario({ scenario: decoded.resolved, presetId: null, trace, step: decoded.step ?? step });
      share.saveLastGood(decoded.scenario);
      return true;
    } catch (error) {
      failLoading([`#s: ${translate(lang, 'share.unexpected', { detail: message(error) })}`]);
      return false;
    }
  }
  // Each message names its own field; a problem reported twice is shown once.
  const problems = [...new Set(decoded.errors.map((e) => shareErrorText(lang, e)))];
  const lastGood = share.loadLastGood();
  if (lastGood) {
    try {
      const trace = await engine.simulate(lastGood.resolved);
      showScenario({ scenario: lastGood.resolved, presetId: null, trace });
      failLoading(problems);
      return true;
    } catch {
      // The kept scenario no longer runs: fall through to the default below.
    }
  }
  failLoading(problems);
  return false;
}
