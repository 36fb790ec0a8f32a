import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { AppState } from '../store/appStore';
import { cursorsOf } from '../view/cursor';

/** Apply calls per slice of idle time (about a millisecond's work each). */
const SLICE = 2000;

/**
 * Builds every panel's checkpoints in the browser's idle time after a trace loads, so that the first far
 * jump in a big trace (a click at the end of the timeline) costs no more than a step.
 */
export function useCheckpointWarmup(store: StoreApi<AppState>): void {
  useEffect(() => {
    let handle = 0;
    let cancelled = false;
    /** The panels make their cursors when they first render the new trace: wait for them a little. */
    let waits = 0;
    const idle: (cb: (deadline?: IdleDeadline) => void) => number =
      typeof requestIdleCallback === 'function'
        ? (cb) => requestIdleCallback(cb, { timeout: 500 })
        : (cb) => window.setTimeout(() => cb(), 50);
    const cancel = typeof cancelIdleCallback === 'function' ? cancelIdleCallback : window.clearTimeout;
    const work = (deadline?: IdleDeadline) => {
      if (cancelled) return;
      const { trace } = store.getState();
      const cursors = cursorsOf(trace);
      if (cursors.length === 0) {
        if (trace.length > 0 && waits++ < 20) handle = idle(work);
        return;
      }
      let done: boolean;
      do {
        done = true;
        for (const cursor of cursors) done = cursor.warm(SLICE) && done;
      } while (!done && deadline !== undefined && deadline.timeRemaining() > 4);
      if (!done) handle = idle(work);
    };
    const start = () => {
      cancel(handle);
      waits = 0;
      handle = idle(work);
    };
    start();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.trace !== previous.trace) start();
    });
    return () => {
      cancelled = true;
      cancel(handle);
      unsubscribe();
    };
  }, [store]);
}
