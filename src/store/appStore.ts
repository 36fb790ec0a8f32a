import { createStore, type StoreApi } from 'zustand/vanilla';
import { createUiSlice, type UiSlice, type UiSliceInit } from './uiSlice';

/** The whole app state: one slice per concern, added as the issues land (scenario, trace, cursor...). */
export type AppState = UiSlice;

export interface AppStoreInit {
  ui: UiSliceInit;
}

/** One store per simulation view, so that a comparison can put two of them side by side. */
export function createAppStore(init: AppStoreInit): StoreApi<AppState> {
  return createStore<AppState>()((...args) => ({
    ...createUiSlice<AppState>(init.ui)(...args),
  }));
}
