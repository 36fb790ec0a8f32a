import type { Trace, TraceEvent } from '../trace/types';

/**
 * A panel's view model is a fold of the trace up to the cursor. Folds may mutate their state in `apply`
 * for speed; `clone` must return an independent copy, because the cursor machinery keeps checkpoints
 * (every N events) and replays from the nearest one, so that a jump back costs as little as a step.
 */
export interface Fold<S> {
  /** A stable name, used for memoisation and in error messages. */
  readonly name: string;
  /** The state before any event. `trace` lets a fold precompute lookups (e.g. the message list). */
  initial(trace: Trace): S;
  /** Applies one event; returns the new state (which may be `state` itself, mutated). */
  apply(state: S, event: TraceEvent, index: number): S;
  /** An independent deep-enough copy for checkpoints. */
  clone(state: S): S;
}
