import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import './families/index';
import { runnerFor } from './registry';
import type { CaseOutcome, ConformanceFile } from './types';

export interface CaseReport {
  file: string;
  family: string;
  version: string;
  name: string;
  outcome: CaseOutcome;
}

function replayOne(file: string, data: ConformanceFile, index: number): CaseReport {
  const testCase = data.cases[index]!;
  const base = { file, family: data.family, version: data.version, name: testCase.name };
  const runner = runnerFor(data.family);
  if (!runner) return { ...base, outcome: { ok: false, reason: `no runner for family "${data.family}"` } };
  try {
    return { ...base, outcome: runner(data.version, testCase) };
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, outcome: { ok: false, reason: `runner crashed: ${text}` } };
  }
}

/** Replays every case of one case file. */
export function replayFile(path: string): CaseReport[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as ConformanceFile;
  return data.cases.map((_, index) => replayOne(path, data, index));
}

/** Replays every `*.json` case file in `dir`, in file-name order. */
export function replayDirectory(dir: string): CaseReport[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return files.flatMap((name) => replayFile(join(dir, name)));
}
