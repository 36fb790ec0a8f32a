import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Fold } from '../../../../src/view/fold';
import type { TraceArray } from '../../../../src/trace/types';

const DIR = resolve(import.meta.dirname, '../../../fixtures/traces/panels');

/** A hand-written trace from test/fixtures/traces/panels. */
export function loadTrace(name: string): TraceArray {
  return JSON.parse(readFileSync(resolve(DIR, `${name}.json`), 'utf8')) as TraceArray;
}

/** The fold's state after the events 0..position (inclusive), as the cursor machinery computes it. */
export function foldTo<S>(fold: Fold<S>, trace: TraceArray, position: number): S {
  let state = fold.initial(trace);
  for (let i = 0; i <= position && i < trace.length; i++) state = fold.apply(state, trace.at(i)!, i);
  return state;
}

/** Folds to `checkpoint`, clones, and continues the clone to `position`: what a jump from a checkpoint does. */
export function foldFromCheckpoint<S>(
  fold: Fold<S>,
  trace: TraceArray,
  checkpoint: number,
  position: number,
): S {
  const original = foldTo(fold, trace, checkpoint);
  let state = fold.clone(original);
  for (let i = checkpoint + 1; i <= position && i < trace.length; i++)
    state = fold.apply(state, trace.at(i)!, i);
  return state;
}
