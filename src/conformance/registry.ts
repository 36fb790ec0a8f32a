import type { FamilyRunner } from './types';

/**
 * Family name (the `family` field of a case file) -> runner. Each family lives in its own module under
 * `src/conformance/families/` and registers itself here, so the CLI and the tests replay the same code.
 */
const runners = new Map<string, FamilyRunner>();

export function registerFamily(family: string, runner: FamilyRunner): void {
  runners.set(family, runner);
}

export function runnerFor(family: string): FamilyRunner | undefined {
  return runners.get(family);
}
