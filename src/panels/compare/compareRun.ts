import { pageEngine, presetUrl, readPresetParam, type ScenarioEngine } from '../../app/loadScenario';
import type { Lang } from '../../i18n';
import type { Trace } from '../../trace/types';
import {
  COMPARED_SETTINGS,
  settingsDiff,
  settingsOf,
  withSettings,
  type ComparedSetting,
  type SettingValues,
} from '../../view/compareSummary';

/** The preset compared when the address names none: a crash where the fault strategy makes a difference. */
export const COMPARE_DEFAULT_PRESET = 'broker-crash-mid-run';

/** Versions offered for B (the scenario format's `rocketmqVersion`). */
export const COMPARE_VERSIONS = ['4.5.2', '4.9.8', '5.3.3'] as const;

/** `?compare=1` (or any value but 0/false) opens the comparison. */
export function readCompareParam(search: string): boolean {
  const value = new URLSearchParams(search).get('compare');
  return value !== null && value !== '0' && value !== 'false';
}

/** The same address with `compare` set or removed (keeps preset, lang and the rest). */
export function compareHref(href: string, on: boolean): string {
  const url = new URL(href);
  if (on) url.searchParams.set('compare', '1');
  else url.searchParams.delete('compare');
  url.searchParams.delete('step');
  url.hash = '';
  return url.href;
}

/**
 * B's settings travel in the address as `b.<setting>=<value>`, one parameter per setting B changes (for
 * example `?compare=1&preset=broker-crash-mid-run&b.producer.sendLatencyFaultEnable=false`), so a compare
 * link reopens the same comparison. The names are the scenario file's paths; a value is read only in the
 * form its setting takes (a version of the list, true or false, or a whole number of at most 9 digits), and
 * anything else in the address is ignored, so a hostile link can at most change these five settings.
 */
export const COMPARE_B_PREFIX = 'b.';

const WHOLE = /^\d{1,9}$/;

function readSetting(setting: ComparedSetting, raw: string): SettingValues[ComparedSetting] | undefined {
  switch (setting) {
    case 'rocketmqVersion':
      return (COMPARE_VERSIONS as readonly string[]).includes(raw) ? raw : undefined;
    case 'producer.sendLatencyFaultEnable':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    default:
      return WHOLE.test(raw) ? Number(raw) : undefined;
  }
}

/** B's settings from the address, over A's; null when the address names none (the view picks its own). */
export function readCompareSettings(search: string, a: SettingValues): SettingValues | null {
  const params = new URLSearchParams(search);
  let found = false;
  const b: SettingValues = { ...a };
  for (const setting of COMPARED_SETTINGS) {
    const raw = params.get(`${COMPARE_B_PREFIX}${setting}`);
    if (raw === null) continue;
    const value = readSetting(setting, raw);
    if (value === undefined) continue;
    b[setting] = value;
    found = true;
  }
  return found ? b : null;
}

/** The address with B's settings: each one B changes, and none of the others. */
export function compareSettingsHref(href: string, a: SettingValues, b: SettingValues): string {
  const url = new URL(href);
  for (const setting of COMPARED_SETTINGS) url.searchParams.delete(`${COMPARE_B_PREFIX}${setting}`);
  for (const d of settingsDiff(a, b)) url.searchParams.set(`${COMPARE_B_PREFIX}${d.setting}`, String(d.b));
  return url.href;
}

export interface CompareIo {
  engine?: ScenarioEngine;
  fetchText?: (url: string) => Promise<string>;
  /** The language of validation problems (English when not given). */
  lang?: Lang;
}

export interface CompareSide {
  id: string;
  scenario: unknown;
  settings: SettingValues;
  trace: Trace;
}

export interface CompareBase extends CompareSide {
  seed: number | null;
  /** The scenario file as written, from which B is derived. */
  written: unknown;
}

async function fetchTextDefault(url: string): Promise<string> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

async function validated(engine: ScenarioEngine, text: string, lang?: Lang): Promise<unknown> {
  const outcome = await engine.validate(text, lang);
  if (!outcome.ok) throw new Error(outcome.problems.join('; '));
  return outcome.scenario;
}

/** Reads and runs A: `?preset=ID` of the page, else the default comparison preset. Throws with a message. */
export async function loadCompareBase(
  search: string,
  href: string,
  io: CompareIo = {},
): Promise<CompareBase> {
  const engine = io.engine ?? pageEngine;
  const fetchText = io.fetchText ?? fetchTextDefault;
  const requested = readPresetParam(search);
  if (typeof requested === 'object' && requested !== null) {
    throw new Error(`preset "${requested.invalid}": not a preset id`);
  }
  const id = requested ?? COMPARE_DEFAULT_PRESET;
  const text = await fetchText(presetUrl(id, href));
  const written: unknown = JSON.parse(text);
  const scenario = await validated(engine, text, io.lang);
  const trace = await engine.simulate(scenario);
  const seed = (scenario as { seed?: unknown } | null)?.seed;
  return {
    id,
    written,
    scenario,
    settings: settingsOf(scenario),
    trace,
    seed: typeof seed === 'number' ? seed : null,
  };
}

/** Runs B: A's written scenario with B's settings (same seed and workload). Throws with a message. */
export async function runCompareSide(
  base: CompareBase,
  settings: SettingValues,
  io: CompareIo = {},
): Promise<CompareSide> {
  const engine = io.engine ?? pageEngine;
  const text = JSON.stringify(withSettings(base.written, base.settings, settings));
  const scenario = await validated(engine, text, io.lang);
  const trace = await engine.simulate(scenario);
  return { id: base.id, scenario, settings: settingsOf(scenario), trace };
}
