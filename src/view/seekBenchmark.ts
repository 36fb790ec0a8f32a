import type { Trace } from '../trace/types';
import { foldCursor } from './cursor';
import type { Fold } from './fold';

export interface SeekMeasurement {
  /** Time to build every checkpoint of every fold once (a first pass over the trace). */
  prepareMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  jumps: number;
}

/**
 * For `npm run bench` (`seekP95Ms`): random cursor jumps over `trace`, each computing every fold's state
 * at the target step, as the page does when a student clicks the timeline. Seeded, so runs compare.
 */
export function measureSeek(
  trace: Trace,
  folds: readonly Fold<unknown>[],
  {
    jumps = 200,
    seed = 1,
    now = () => performance.now(),
  }: { jumps?: number; seed?: number; now?: () => number } = {},
): SeekMeasurement {
  let start = now();
  for (const fold of folds) foldCursor(trace, fold).prepare();
  const prepareMs = now() - start;
  const times: number[] = [];
  let x = seed >>> 0 || 1;
  for (let i = 0; i < jumps; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const step = trace.length === 0 ? 0 : x % (trace.length + 1);
    start = now();
    for (const fold of folds) foldCursor(trace, fold).at(step);
    times.push(now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { prepareMs, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: times[times.length - 1] ?? 0, jumps };
}
