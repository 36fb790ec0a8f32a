import type { Trace, TraceEvent } from '../trace/types';
import type { Fold } from './fold';

/**
 * Time travel over a trace (raftscope's checkpoints-plus-replay): a fold's state after the first `step`
 * events is computed from the nearest checkpoint at or below `step`, so a random jump costs at most
 * `interval` apply calls plus one clone, and a step back costs the same as a jump. Stepping forward
 * continues from the live state (one apply) and records checkpoints as it passes them.
 *
 * Steps count applied events: step 0 is before the first event, step `trace.length` after the last; the
 * event "at the cursor" is `trace[step - 1]`.
 */
export interface FoldCursor<S> {
  readonly fold: Fold<S>;
  readonly trace: Trace;
  /** Events between two checkpoints. */
  readonly interval: number;
  /**
   * The state after the first `step` events (clamped to 0..trace.length), as a snapshot that later calls do
   * not change. The same step twice in a row returns the same object, so React memo sees no change.
   * Treat it as read-only.
   */
  at(step: number): S;
  /**
   * The same state without the snapshot copy: the cursor's own working state, valid only until the next call
   * on this cursor. For code that reads a state at once and keeps nothing (benchmarks, derived numbers).
   */
  peek(step: number): S;
  /** Builds every checkpoint now. */
  prepare(): void;
  /**
   * Builds checkpoints ahead of the highest one for at most `maxApplies` apply calls, without moving the
   * cursor (idle-time warm-up, so a first far jump in a big trace is already cheap). True once all exist.
   */
  warm(maxApplies: number): boolean;
  /** Work done so far: `fold.apply` and `fold.clone` calls, and checkpoints held. */
  readonly stats: Readonly<CursorStats>;
}

export interface CursorStats {
  applies: number;
  clones: number;
  checkpoints: number;
}

export interface CursorOptions {
  /** Events between checkpoints; default from `checkpointInterval(trace.length)`. */
  interval?: number;
}

/**
 * Checkpoints every 256 events for small traces; for big ones at most about 1024 checkpoints, so memory
 * stays bounded (a 1,000,000-event trace gets one every 977 events: a jump is under a thousand applies).
 */
export function checkpointInterval(length: number): number {
  return Math.max(256, Math.ceil(length / 1024));
}

function clampStep(step: number, length: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.min(length, Math.max(0, Math.trunc(step)));
}

export function createFoldCursor<S>(trace: Trace, fold: Fold<S>, options: CursorOptions = {}): FoldCursor<S> {
  const interval = Math.max(1, Math.trunc(options.interval ?? checkpointInterval(trace.length)));
  const stats: CursorStats = { applies: 0, clones: 0, checkpoints: 0 };
  const clone = (state: S): S => {
    stats.clones++;
    return fold.clone(state);
  };
  // checkpoints[j] is the state after j * interval events; owned here, never mutated once stored.
  const checkpoints: S[] = [];
  const initial = fold.initial(trace);
  checkpoints.push(clone(initial));
  stats.checkpoints = 1;
  let live: S = initial;
  let livePos = 0;
  let snapshot: { step: number; state: S } | null = null;

  /** Applies events livePos..target-1 to the live state, storing each checkpoint not yet held. */
  function advance(target: number): void {
    while (livePos < target) {
      const event = trace.at(livePos)!;
      live = fold.apply(live, event, livePos);
      stats.applies++;
      livePos++;
      if (livePos % interval === 0 && livePos / interval === checkpoints.length) {
        checkpoints.push(clone(live));
        stats.checkpoints = checkpoints.length;
      }
    }
  }

  function restore(j: number): void {
    live = clone(checkpoints[j]!);
    livePos = j * interval;
  }

  function moveTo(step: number): void {
    const target = clampStep(step, trace.length);
    if (target === livePos) return;
    const j = Math.floor(target / interval);
    const highest = checkpoints.length - 1;
    if (target < livePos) {
      // Back: the nearest stored checkpoint at or below the target (all below livePos are stored).
      restore(Math.min(j, highest));
    } else if (j <= highest && j * interval > livePos) {
      // Far forward over checkpoints already built: skip the events between.
      restore(j);
    } else if (j > highest && highest * interval > livePos) {
      restore(highest);
    }
    advance(target);
  }

  return {
    fold,
    trace,
    interval,
    stats,
    at(step) {
      const target = clampStep(step, trace.length);
      if (snapshot && snapshot.step === target) return snapshot.state;
      moveTo(target);
      snapshot = { step: target, state: clone(live) };
      return snapshot.state;
    },
    peek(step) {
      moveTo(step);
      return live;
    },
    warm(maxApplies) {
      const last = Math.floor(trace.length / interval);
      let budget = maxApplies;
      while (checkpoints.length - 1 < last && budget > 0) {
        const from = (checkpoints.length - 1) * interval;
        if (livePos >= from && livePos < from + interval) {
          // The live state is already on its way to the next checkpoint: let it get there.
          const target = Math.min(from + interval, livePos + budget);
          budget -= target - livePos;
          advance(target);
          continue;
        }
        let state = clone(checkpoints[checkpoints.length - 1]!);
        const until = from + interval;
        // Always make one checkpoint per call, however small the budget, so warming cannot stall.
        if (until - from > budget && budget < maxApplies) return false;
        for (let i = from; i < until; i++) {
          state = fold.apply(state, trace.at(i)!, i);
          stats.applies++;
        }
        budget -= interval;
        checkpoints.push(state);
        stats.checkpoints = checkpoints.length;
      }
      return checkpoints.length - 1 >= last;
    },
    prepare() {
      const last = Math.floor(trace.length / interval);
      if (checkpoints.length - 1 >= last) return;
      const keep = livePos;
      moveTo(last * interval);
      moveTo(keep);
    },
  };
}

const memo = new WeakMap<Trace, Map<Fold<unknown>, FoldCursor<unknown>>>();

/** Every cursor made so far for `trace` (the folds the panels on screen use). */
export function cursorsOf(trace: Trace): FoldCursor<unknown>[] {
  return [...(memo.get(trace)?.values() ?? [])];
}

/**
 * The cursor of `fold` over `trace`, memoised per (trace, fold): every panel that reads the same fold of
 * the same trace shares its checkpoints. A new trace (a re-simulation) starts fresh; the old one is
 * collected with its trace.
 */
export function foldCursor<S>(trace: Trace, fold: Fold<S>): FoldCursor<S> {
  let byFold = memo.get(trace);
  if (!byFold) {
    byFold = new Map();
    memo.set(trace, byFold);
  }
  let cursor = byFold.get(fold as Fold<unknown>) as FoldCursor<S> | undefined;
  if (!cursor) {
    cursor = createFoldCursor(trace, fold);
    byFold.set(fold as Fold<unknown>, cursor as FoldCursor<unknown>);
  }
  return cursor;
}

/** The reference: the fold from zero, no checkpoints. Tests compare the cursor against it. */
export function foldFromZero<S>(trace: Trace, fold: Fold<S>, step: number): S {
  const target = clampStep(step, trace.length);
  let state = fold.initial(trace);
  for (let i = 0; i < target; i++) state = fold.apply(state, trace.at(i)!, i);
  return state;
}

/** The event at the cursor: the last one applied, or `undefined` at step 0. */
export function eventAtStep(trace: Trace, step: number): TraceEvent | undefined {
  const s = clampStep(step, trace.length);
  return s > 0 ? trace.at(s - 1) : undefined;
}

/** Number of events with `t <= virtualT`, searching from `from` (events are in time order). */
export function stepAtTime(trace: Trace, virtualT: number, from = 0): number {
  let lo = Math.max(0, from);
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (trace.at(mid)!.t <= virtualT) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
