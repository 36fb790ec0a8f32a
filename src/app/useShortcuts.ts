import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { AppState } from '../store/appStore';
import { ACTIONS, handleShortcut, type Action } from './actions';

/** Installs the page-wide shortcuts (Space, arrows, Home, End, `?`...) for as long as the app is mounted. */
export function useShortcuts(
  store: StoreApi<AppState>,
  doc: Document = document,
  actions: readonly Action[] = ACTIONS,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      handleShortcut(event, store, actions);
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, [store, doc, actions]);
}
