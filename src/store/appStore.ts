import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Trace } from '../trace/types';
import { createClassroomSlice, type ClassroomSlice } from './classroomSlice';
import type { CursorState } from './cursorLogic';
import { createCursorSlice, type CursorSlice } from './cursorSlice';
import { createHelpSlice, type HelpSlice } from './helpSlice';
import { createPredictionSlice, type PredictionSlice } from './predictionSlice';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createTraceSlice, type TraceSlice } from './traceSlice';
import { createUiSlice, type UiSlice, type UiSliceInit } from './uiSlice';

/**
 * The whole app state, one slice per concern: ui (language, theme), scenario (what is simulated and how
 * loading went), trace (the events), cursor (step and player settings), selection (the selected message)
 * help (the shortcut dialog) and classroom (editor open, presenter mode, the scenario as written).
 */
export type AppState = UiSlice &
  ScenarioSlice &
  TraceSlice &
  CursorSlice &
  SelectionSlice &
  HelpSlice &
  ClassroomSlice &
  PredictionSlice;

export interface AppStoreInit {
  ui: UiSliceInit;
  /** A trace to start with (tests, fixtures); the page loads one through `src/app/loadScenario.ts`. */
  trace?: Trace;
  cursor?: Partial<CursorState>;
  selectedMsgId?: string | null;
}

/** One store per simulation view, so that a comparison can put two of them side by side. */
export function createAppStore(init: AppStoreInit): StoreApi<AppState> {
  return createStore<AppState>()((...args) => ({
    ...createUiSlice<AppState>(init.ui)(...args),
    ...createScenarioSlice<AppState>()(...args),
    ...createTraceSlice<AppState>({ trace: init.trace })(...args),
    ...createCursorSlice<AppState>(init.cursor)(...args),
    ...createSelectionSlice<AppState>({ selectedMsgId: init.selectedMsgId })(...args),
    ...createHelpSlice<AppState>()(...args),
    ...createClassroomSlice<AppState>()(...args),
    ...createPredictionSlice<AppState>()(...args),
  }));
}
