import type { StoreApi } from 'zustand';
import type { AppState } from '../store/appStore';

/**
 * The cursor in the address bar (`&step=N`, DESIGN.md): read once when a scenario loads, then kept current
 * with `replaceState`, so a copied link opens at the same event. Writes are throttled: playback at 64x must
 * not flood the history API (browsers throttle, and complain, past a few hundred calls in ten seconds).
 */

/** The step in `?step=`: a whole number from 0; anything else (absent, negative, text, 1e400) is null. */
export function readStepParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('step');
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return null;
  const step = Number(raw.trim());
  return Number.isSafeInteger(step) ? step : null;
}

/** The same address with `step` set, everything else (language, preset, `#s=`) kept. */
export function withStepParam(href: string, step: number): string {
  const url = new URL(href);
  url.searchParams.set('step', String(step));
  return url.href;
}

export const URL_WRITE_INTERVAL_MS = 250;

/**
 * Mirrors the store's step into the address bar from now on; returns the unsubscribe. The first write
 * happens on the first move, so simply opening a page leaves its address alone.
 */
export function syncStepToUrl(store: StoreApi<AppState>, win: Window): () => void {
  let written = store.getState().step;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = 0;
  const write = () => {
    timer = null;
    const { step, loadStatus } = store.getState();
    if (loadStatus === 'loading' || step === written) return;
    written = step;
    lastWrite = Date.now();
    win.history.replaceState(win.history.state, '', withStepParam(win.location.href, step));
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.step === previous.step) return;
    if (timer !== null) return;
    const wait = URL_WRITE_INTERVAL_MS - (Date.now() - lastWrite);
    if (wait <= 0 && !state.playing) write();
    else timer = setTimeout(write, Math.max(0, wait));
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
