/** One recorded case, as in the conformance READMEs in ../shared: `expected[i]` is an op result or an event. */
export interface ConformanceCase {
  name: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>[];
}

export interface ConformanceFile {
  version: string;
  family: string;
  cases: ConformanceCase[];
}

/** The result of replaying one case: `ok`, or the first difference found, in words a student can read. */
export type CaseOutcome = { ok: true } | { ok: false; reason: string };

/** A family runner replays one case of its family for the version named in the file. */
export type FamilyRunner = (version: string, testCase: ConformanceCase) => CaseOutcome;
