import type { StateCreator } from 'zustand';
import type { Trace } from '../trace/types';
import { fitToTrace, type CursorState } from './cursorLogic';

/** The trace the engine produced for the current scenario: immutable, the single source of truth for panels. */
export interface TraceSlice {
  trace: Trace;
  /** Replaces the trace; the cursor keeps its place when it still fits (or goes to `step` when given). */
  setTrace: (trace: Trace, step?: number) => void;
}

const EMPTY: Trace = Object.freeze([]);

/** Pure rule behind `setTrace`: the new trace with the cursor fitted to it. */
export function withTrace(state: CursorState, trace: Trace, step?: number): CursorState & { trace: Trace } {
  return { ...fitToTrace(state, trace.length, step), trace };
}

export function createTraceSlice<S extends TraceSlice & CursorState>(
  init: { trace?: Trace } = {},
): StateCreator<S, [], [], TraceSlice> {
  return (set, get) => ({
    trace: init.trace ?? EMPTY,
    setTrace: (trace, step) => set(withTrace(get(), trace, step) as Partial<S>),
  });
}
