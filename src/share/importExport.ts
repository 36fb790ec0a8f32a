/**
 * Import and export: a scenario as pretty JSON text (the scenario as written, so a file round-trips through
 * the editor unchanged), a scenario imported from text, bytes or a file (size-capped before anything is
 * read, then `parseScenarioText`), and a trace as JSON lines (one event per line, as `npm run sim` prints).
 *
 * Pure and DOM-free: `Blob` exists in Node too. Triggering a download is in ./download.ts.
 */
import type { ResolvedScenario, Scenario } from '../scenario';
import type { Trace } from '../trace/types';
import { describeThrown, shareError, type ShareError } from './errors';
import { decodeUtf8 } from './shareLink';
import { MAX_SCENARIO_TEXT_CHARS, validateScenarioText } from './validateText';

export type ImportResult =
  { ok: true; scenario: Scenario; resolved: ResolvedScenario } | { ok: false; errors: ShareError[] };

export const SCENARIO_MIME = 'application/json';
export const TRACE_MIME = 'application/x-ndjson';

/** Most bytes of a scenario file: UTF-8 needs at most 3 bytes for each UTF-16 character of the text cap. */
export const MAX_SCENARIO_FILE_BYTES = MAX_SCENARIO_TEXT_CHARS * 3;

// ---------------------------------------------------------------------------------------------------------
// Scenario export.

/** The scenario as pretty JSON (two spaces), ending in a newline. */
export function exportScenarioText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

export function scenarioBlob(scenario: Scenario): Blob {
  return new Blob([exportScenarioText(scenario)], { type: SCENARIO_MIME });
}

/** `<id>.json`, or `scenario.json`; only letters, digits, '.', '-' and '_' reach a file name. */
export function scenarioFileName(scenario: Pick<Scenario, 'id'>): string {
  return `${safeFileStem(scenario.id, 'scenario')}.json`;
}

/** `<id>.trace.jsonl`, or `trace.jsonl`. */
export function traceFileName(scenario: Pick<Scenario, 'id'> | null): string {
  const stem = safeFileStem(scenario?.id, '');
  return stem === '' ? 'trace.jsonl' : `${stem}.trace.jsonl`;
}

function safeFileStem(id: unknown, fallback: string): string {
  if (typeof id !== 'string') return fallback;
  const stem = id
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 64);
  return stem === '' ? fallback : stem;
}

// ---------------------------------------------------------------------------------------------------------
// Scenario import.

/** Scenario JSON text -> the scenario as written and resolved, or every problem. Never throws. */
export function importScenarioText(text: string): ImportResult {
  return validateScenarioText(text);
}

/** Bytes of a file: strict UTF-8 (a byte-order mark is skipped), then as text. Never throws. */
export function importScenarioBytes(bytes: Uint8Array): ImportResult {
  try {
    if (bytes.length > MAX_SCENARIO_FILE_BYTES) return tooLarge(bytes.length);
    const text = decodeUtf8(bytes);
    if (text === null) return { ok: false, errors: [shareError('share.badUtf8')] };
    return importScenarioText(text);
  } catch (e) {
    return { ok: false, errors: [shareError('share.unexpected', { detail: describeThrown(e) })] };
  }
}

/** A `File` or `Blob` from a file input or a drop; its size is checked before a byte is read. Never rejects. */
export async function importScenarioFile(file: Blob): Promise<ImportResult> {
  try {
    if (file.size > MAX_SCENARIO_FILE_BYTES) return tooLarge(file.size);
    const bytes = new Uint8Array(await file.arrayBuffer());
    return importScenarioBytes(bytes);
  } catch (e) {
    return { ok: false, errors: [shareError('share.readFailed', { detail: describeThrown(e) })] };
  }
}

function tooLarge(size: number): ImportResult {
  return { ok: false, errors: [shareError('share.fileTooLarge', { size, max: MAX_SCENARIO_FILE_BYTES })] };
}

// ---------------------------------------------------------------------------------------------------------
// Trace export.

/** One JSON line per event, each ending in '\n'. For a huge trace, prefer `traceBlob` (no single string). */
export function exportTraceJsonLines(trace: Trace): string {
  return traceLines(trace).join('');
}

/** The trace as JSON lines in a Blob, built from one string per event. */
export function traceBlob(trace: Trace): Blob {
  return new Blob(traceLines(trace), { type: TRACE_MIME });
}

function traceLines(trace: Trace): string[] {
  const lines = new Array<string>(trace.length);
  for (let i = 0; i < trace.length; i++) lines[i] = `${JSON.stringify(trace.at(i))}\n`;
  return lines;
}
