import type { StateCreator } from 'zustand';
import type { Trace } from '../trace/types';
import { fitToTrace, type CursorState } from './cursorLogic';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The scenario on screen: the validated scenario object (its schema belongs to `src/scenario`), the preset
 * it came from, and how loading went. Problems are the validator's lines (each names a JSON path).
 */
export interface ScenarioSlice {
  scenario: unknown;
  presetId: string | null;
  loadStatus: LoadStatus;
  loadProblems: readonly string[];
  /** Loading has started for `presetId` (null: the default or a shared scenario). */
  startLoading: (presetId: string | null) => void;
  /** Loading failed: keeps the last good scenario and trace on screen and lists what went wrong. */
  failLoading: (problems: readonly string[]) => void;
  /** Shows a scenario and its trace in one update, so no panel sees one without the other. */
  showScenario: (loaded: LoadedScenario) => void;
}

export interface LoadedScenario {
  scenario: unknown;
  presetId: string | null;
  trace: Trace;
  /** Where the cursor goes (from `&step=`); otherwise it keeps its place if that still fits. */
  step?: number;
}

type Host = ScenarioSlice & CursorState & { trace: Trace };

/** Pure rule behind `showScenario`. */
export function scenarioShown(state: CursorState, loaded: LoadedScenario) {
  return {
    ...fitToTrace({ ...state, playing: false }, loaded.trace.length, loaded.step),
    trace: loaded.trace,
    scenario: loaded.scenario,
    presetId: loaded.presetId,
    loadStatus: 'ready' as const,
    loadProblems: [] as readonly string[],
  };
}

export function createScenarioSlice<S extends Host>(): StateCreator<S, [], [], ScenarioSlice> {
  return (set, get) => {
    const patch = (p: Partial<ScenarioSlice>) => set(p as Partial<S>);
    return {
      scenario: null,
      presetId: null,
      loadStatus: 'idle',
      loadProblems: [],
      startLoading: (presetId) => patch({ presetId, loadStatus: 'loading', loadProblems: [] }),
      failLoading: (problems) => patch({ loadStatus: 'error', loadProblems: [...problems] }),
      showScenario: (loaded) => set(scenarioShown(get(), loaded) as Partial<S>),
    };
  };
}
