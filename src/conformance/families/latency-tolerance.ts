// Family `latency-tolerance`: LatencyFaultToleranceImpl alone (see ../shared/conformance/README.md).
// This module also holds the helpers the other client-decision families share: reading op fields, the
// comparison of recorded and replayed op results, the fault-table view, and the scripted random stream.
import { ManualClock } from '../../sim/common/Clock';
import type { IntRandom } from '../../sim/common/IntRandom';
import { isJavaException, JavaRandom, javaStringCompare } from '../../sim/common/javaInt';
import { runOnThread } from '../../sim/common/ThreadLocal';
import { LatencyFaultToleranceImpl } from '../../sim/client/LatencyFaultToleranceImpl';
import { parseVersion, profileOf, type VersionId } from '../../sim/versions/profiles';
import { registerFamily } from '../registry';
import type { CaseOutcome, ConformanceCase } from '../types';

/** Every case's virtual clock starts here. */
export const CASE_CLOCK_START_MS = 1_000_000;
/** The harness seeded `Collections.shuffle` with this for each case. */
export const CASE_SHUFFLE_SEED = 20240601;
/** The thread name replays run on; the recorded harness used a single thread. */
export const CASE_THREAD = 'conformance-main';

export type OpResult = Record<string, unknown>;

/** A malformed case file: reported as a failing case, not as a crash of the runner. */
export class CaseInputError extends Error {}

export function field(op: Record<string, unknown>, name: string): unknown {
  if (!(name in op)) throw new CaseInputError(`op "${String(op.op)}" lacks "${name}"`);
  return op[name];
}

export function numberField(op: Record<string, unknown>, name: string, fallback?: number): number {
  if (!(name in op) && fallback !== undefined) return fallback;
  const value = field(op, name);
  if (typeof value !== 'number')
    throw new CaseInputError(`"${name}" should be a number, got ${JSON.stringify(value)}`);
  return value;
}

export function stringField(op: Record<string, unknown>, name: string): string {
  const value = field(op, name);
  if (typeof value !== 'string')
    throw new CaseInputError(`"${name}" should be a string, got ${JSON.stringify(value)}`);
  return value;
}

export function nullableStringField(op: Record<string, unknown>, name: string): string | null {
  const value = name in op ? op[name] : null;
  if (value !== null && typeof value !== 'string') {
    throw new CaseInputError(`"${name}" should be a string or null, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function booleanField(op: Record<string, unknown>, name: string, fallback?: boolean): boolean {
  if (!(name in op) && fallback !== undefined) return fallback;
  const value = field(op, name);
  if (typeof value !== 'boolean')
    throw new CaseInputError(`"${name}" should be a boolean, got ${JSON.stringify(value)}`);
  return value;
}

export function opsOf(testCase: ConformanceCase): Record<string, unknown>[] {
  const ops = testCase.input.ops;
  if (!Array.isArray(ops)) throw new CaseInputError('input.ops is not an array');
  return ops as Record<string, unknown>[];
}

/** The version named in the file, or an input error. */
export function versionOf(version: string): VersionId {
  try {
    return parseVersion(version);
  } catch (error) {
    throw new CaseInputError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * An `IntRandom` that first returns scripted values, then falls back to `java.util.Random`: the harness
 * scripted the value of 5.x `reset()` per op.
 */
export class ScriptedIntRandom implements IntRandom {
  private readonly scripted: number[] = [];
  private readonly fallback: JavaRandom;

  constructor(seed: number) {
    this.fallback = new JavaRandom(seed);
  }

  script(value: number): void {
    this.scripted.push(value);
  }

  clear(): void {
    this.scripted.length = 0;
  }

  nextInt(bound: number): number {
    const value = this.scripted.shift();
    return value === undefined ? this.fallback.nextInt(bound) : value;
  }

  nextInt32(): number {
    return this.fallback.nextInt32();
  }
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * Compares replayed op results with the recorded ones on their core fields (everything but `debug`).
 * Where the record has `candidates`, the replayed `value` (or `brokerName`) only has to be one of them.
 */
export function compareOpResults(expected: readonly OpResult[], actual: readonly OpResult[]): CaseOutcome {
  if (expected.length !== actual.length) {
    return { ok: false, reason: `expected ${expected.length} op results, replay produced ${actual.length}` };
  }
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] as OpResult;
    const got = actual[i] as OpResult;
    const candidates = Array.isArray(want.candidates) ? (want.candidates as unknown[]) : null;
    const chosenField = candidates ? ('value' in want ? 'value' : 'brokerName') : null;
    const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
    keys.delete('debug');
    keys.delete('candidates');
    for (const key of keys) {
      if (key === chosenField && candidates) {
        if (!candidates.some((c) => canonical(c) === canonical(got[key]))) {
          return {
            ok: false,
            reason: `op ${i} (${String(want.op)}): ${key} ${canonical(got[key])} is not among the candidates ${canonical(candidates)}`,
          };
        }
        continue;
      }
      if (canonical(want[key]) !== canonical(got[key])) {
        return {
          ok: false,
          reason: `op ${i} (${String(want.op)}): ${key} expected ${canonical(want[key])}, got ${canonical(got[key])}`,
        };
      }
    }
  }
  return { ok: true };
}

/** Runs a replay body on the harness thread, turning bad input into a failing outcome. */
export function replayCase(body: () => CaseOutcome): CaseOutcome {
  try {
    return runOnThread(CASE_THREAD, body);
  } catch (error) {
    if (error instanceof CaseInputError) return { ok: false, reason: `bad case input: ${error.message}` };
    throw error;
  }
}

/** The `faultTable` op: the items sorted by name, with the 5.x fields when the version has them. */
export function faultTableView(faults: LatencyFaultToleranceImpl): OpResult[] {
  const withReachability = faults.profile.latencyFaultTolerance.hasReachability;
  return faults
    .faultItems()
    .sort((a, b) => javaStringCompare(a.name, b.name))
    .map((item) => ({
      name: item.name,
      currentLatency: item.currentLatency,
      startTimestamp: item.startTimestamp,
      available: item.isAvailable(),
      ...(withReachability ? { reachable: item.reachableFlag, checkStamp: item.checkStamp } : {}),
    }));
}

/** Runs a call that may throw a Java exception; the exception becomes `{error: simpleClassName}`. */
export function javaCall(op: string, body: () => OpResult): OpResult {
  try {
    return { op, ...body() };
  } catch (error) {
    if (isJavaException(error)) return { op, error: error.javaClass };
    throw error;
  }
}

export function runLatencyToleranceCase(version: string, testCase: ConformanceCase): CaseOutcome {
  return replayCase(() => {
    const profile = profileOf(versionOf(version));
    const input = testCase.input;
    const clock = new ManualClock(CASE_CLOCK_START_MS);
    const random = new JavaRandom(CASE_SHUFFLE_SEED);
    const resolverMap = new Map<string, string | null>(
      Object.entries((input.resolver ?? {}) as Record<string, string | null>),
    );
    const detectorMap = new Map<string, boolean>(
      Object.entries((input.detector ?? {}) as Record<string, boolean>),
    );
    const faults = new LatencyFaultToleranceImpl({
      version: profile,
      clock,
      random,
      resolver: (name) => resolverMap.get(name) ?? null,
      serviceDetector: (addr) => detectorMap.get(addr) ?? false,
    });
    faults.whichItemWorst.setStoredValue(numberField(input, 'worstStartIndex', 0));

    const actual: OpResult[] = [];
    for (const op of opsOf(testCase)) {
      const name = String(op.op);
      switch (name) {
        case 'updateFaultItem': {
          const item = faults.updateFaultItem(
            stringField(op, 'name'),
            numberField(op, 'currentLatency'),
            numberField(op, 'notAvailableDuration'),
            booleanField(op, 'reachable', true),
          );
          actual.push({ op: name, debug: { startTimestamp: item.startTimestamp } });
          break;
        }
        case 'isAvailable':
          actual.push(javaCall(name, () => ({ value: faults.isAvailable(stringField(op, 'name')) })));
          break;
        case 'isReachable':
          actual.push(javaCall(name, () => ({ value: faults.isReachable(stringField(op, 'name')) })));
          break;
        case 'remove':
          actual.push(javaCall(name, () => (faults.remove(nullableStringField(op, 'name')), {})));
          break;
        case 'pickOneAtLeast':
          actual.push(javaCall(name, () => ({ value: faults.pickOneAtLeast() })));
          break;
        case 'advance':
          clock.advance(numberField(op, 'ms'));
          actual.push({ op: name });
          break;
        case 'faultTable':
          actual.push({ op: name, items: faultTableView(faults) });
          break;
        case 'setResolver':
          resolverMap.set(stringField(op, 'name'), nullableStringField(op, 'addr'));
          actual.push({ op: name });
          break;
        case 'setDetector':
          detectorMap.set(stringField(op, 'addr'), booleanField(op, 'ok'));
          actual.push({ op: name });
          break;
        case 'setDetectInterval':
          faults.setDetectInterval(numberField(op, 'ms'));
          actual.push({ op: name });
          break;
        case 'detectByOneRound': {
          const round = faults.detectByOneRound();
          actual.push({ op: name, debug: { probed: [...round.probed].sort() } });
          break;
        }
        default:
          throw new CaseInputError(`unknown op "${name}"`);
      }
    }
    return compareOpResults(testCase.expected, actual);
  });
}

registerFamily('latency-tolerance', runLatencyToleranceCase);
