import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { AppState } from '../../store/appStore';

/** Whether the address asks for presenter mode: `?present=1` (or `true`, `on`). */
export function readPresentParam(search: string): boolean {
  const value = new URLSearchParams(search).get('present');
  return value === '1' || value === 'true' || value === 'on';
}

/**
 * Presenter mode follows `?present=1` on load; afterwards the store leads: `<html data-presenter>` scales
 * the type up (see classroom.css) and the address keeps `present=1` so a copied link opens the same way.
 */
export function usePresenterMode(store: StoreApi<AppState>, win: Window = window): void {
  useEffect(() => {
    if (readPresentParam(win.location.search)) store.getState().setPresenter(true);
    const apply = (on: boolean) => {
      const root = win.document.documentElement;
      if (on) root.setAttribute('data-presenter', 'on');
      else root.removeAttribute('data-presenter');
      const url = new URL(win.location.href);
      if (on === readPresentParam(url.search)) return;
      if (on) url.searchParams.set('present', '1');
      else url.searchParams.delete('present');
      win.history.replaceState(win.history.state, '', url);
    };
    apply(store.getState().presenter);
    let last = store.getState().presenter;
    return store.subscribe((s) => {
      if (s.presenter === last) return;
      last = s.presenter;
      apply(s.presenter);
    });
  }, [store, win]);
}
