/**
 * Scenario JSON text from a share link or an imported file -> the scenario as written plus its resolved form,
 * or every problem as a `ShareError`. Validation is `parseScenarioText` (src/scenario); this module adds the
 * message codes, the size cap up front, and names the field where the JSON itself is broken (`"seed": NaN`).
 * Never throws. DOM-free.
 */
import {
  SCENARIO_CAPS,
  checkJsonText,
  formatPath,
  parseScenarioText,
  type ResolvedScenario,
  type Scenario,
  type CodedMessage,
  type ScenarioError,
} from '../scenario';
import { describeThrown, displayPath, shareError, type ShareError } from './errors';

export type ScenarioTextResult =
  { ok: true; scenario: Scenario; resolved: ResolvedScenario } | { ok: false; errors: ShareError[] };

/** Most characters of scenario text accepted anywhere (the scenario text cap). */
export const MAX_SCENARIO_TEXT_CHARS = SCENARIO_CAPS.maxJsonChars;

const BOM = 0xfeff;

/** Validates scenario text. `scenario` is the JSON as written (no defaults filled in), `resolved` has them. */
export function validateScenarioText(text: string): ScenarioTextResult {
  try {
    if (typeof text !== 'string') return fail(shareError('share.unexpected', { detail: 'not text' }));
    if (text.length > MAX_SCENARIO_TEXT_CHARS) {
      return fail(shareError('share.textTooLarge', { size: text.length, max: MAX_SCENARIO_TEXT_CHARS }));
    }
    const body = text.charCodeAt(0) === BOM ? text.slice(1) : text;
    if (body.trim() === '') return fail(shareError('share.emptyText'));
    const problem = checkJsonText(body);
    if (problem) return fail(jsonProblem(body, problem));
    const result = parseScenarioText(body);
    if (!result.ok) return { ok: false, errors: result.errors.map(scenarioError) };
    // The text is valid JSON with no duplicate keys, and its value passed every check: it is the scenario.
    return { ok: true, scenario: JSON.parse(body) as Scenario, resolved: result.scenario };
  } catch (e) {
    return fail(shareError('share.unexpected', { detail: describeThrown(e) }));
  }
}

/** A `parseScenario` error with the share code, its path kept. */
export function scenarioError(e: ScenarioError): ShareError {
  const detail: CodedMessage = { code: e.code, params: e.params };
  if (e.got) detail.got = e.got;
  if (e.detail) detail.detail = e.detail;
  return shareError(
    'share.invalidScenario',
    { path: displayPath(e.path), detail: e.message },
    e.path,
    detail,
  );
}

function fail(error: ShareError): ScenarioTextResult {
  return { ok: false, errors: [error] };
}

function jsonProblem(
  text: string,
  problem: Pick<CodedMessage, 'code' | 'params'> & { offset: number; message: string; path: string },
): ShareError {
  const { line, column } = lineAndColumn(text, problem.offset);
  const path = problem.path !== '' ? problem.path : pathAtOffset(text, problem.offset);
  const token = /^-?(?:NaN|Infinity|undefined)/.exec(text.slice(problem.offset, problem.offset + 10))?.[0];
  if (token !== undefined) {
    return shareError('share.badNumber', { path: displayPath(path), token, line, column }, path);
  }
  return shareError('share.badJson', { line, column, detail: problem.message }, path, {
    code: problem.code,
    params: problem.params,
  });
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

type Frame = { kind: 'object'; key: string | null } | { kind: 'array'; index: number };

/**
 * The JSON path of the value at `offset` in text that is valid JSON up to there (what `checkJsonText`
 * guarantees before the offset it reports): `producer.sendMsgTimeout` for `{"producer":{"sendMsgTimeout":`.
 */
export function pathAtOffset(text: string, offset: number): string {
  const stack: Frame[] = [];
  let expectKey = false;
  let i = 0;
  const end = Math.min(offset, text.length);
  while (i < end) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === 'object') {
        try {
          top.key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          top.key = null;
        }
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === '{') {
      stack.push({ kind: 'object', key: null });
      expectKey = true;
    } else if (c === '[') stack.push({ kind: 'array', index: 0 });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
      else if (top) {
        top.key = null;
        expectKey = true;
      }
    }
    i++;
  }
  const parts: (string | number)[] = [];
  for (const frame of stack) {
    if (frame.kind === 'array') parts.push(frame.index);
    else if (frame.key === null) break;
    else parts.push(frame.key);
  }
  return formatPath(parts);
}
