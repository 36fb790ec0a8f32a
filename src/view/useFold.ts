import { useMemo } from 'react';
import { useAppStore } from '../store/StoreContext';
import type { TraceEvent } from '../trace/types';
import { eventAtStep, foldCursor } from './cursor';
import type { Fold } from './fold';

/**
 * A panel's view model at the cursor: `fold` over the store's trace up to its step, through the shared
 * checkpointed cursor (a jump costs at most one checkpoint interval of applies). The result is a snapshot:
 * read it, never mutate it; it keeps its identity while the step and trace stay the same.
 */
export function useFoldState<S>(fold: Fold<S>): S {
  const trace = useAppStore((s) => s.trace);
  const step = useAppStore((s) => s.step);
  return useMemo(() => foldCursor(trace, fold).at(step), [trace, fold, step]);
}

/** The event at the cursor (the last one applied), or `undefined` before the first. */
export function useCursorEvent(): TraceEvent | undefined {
  const trace = useAppStore((s) => s.trace);
  const step = useAppStore((s) => s.step);
  return eventAtStep(trace, step);
}
