import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { AppState } from '../store/appStore';
import { advanceClock, clockAt, type PlaybackClock } from './playbackClock';

/**
 * Drives playback with requestAnimationFrame while the store says `playing`: measures wall time and moves
 * the cursor by `advanceClock`. A cursor moved from elsewhere (a click in the log) restarts the clock there.
 */
export function usePlaybackLoop(store: StoreApi<AppState>): void {
  useEffect(() => {
    let frame = 0;
    let last = 0;
    let clock: PlaybackClock | null = null;
    const tick = (now: number) => {
      const state = store.getState();
      if (!state.playing) return;
      if (!clock || clock.step !== state.step) clock = clockAt(state.trace, state.step);
      if (last !== 0) {
        clock = advanceClock(state.trace, clock, now - last, state.speed, state.pacing);
        if (clock.step !== state.step || clock.step >= state.trace.length) state.advanceTo(clock.step);
      }
      last = now;
      if (store.getState().playing) frame = requestAnimationFrame(tick);
    };
    const start = () => {
      cancelAnimationFrame(frame);
      last = 0;
      clock = null;
      frame = requestAnimationFrame(tick);
    };
    if (store.getState().playing) start();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.playing && !previous.playing) start();
      if (!state.playing) cancelAnimationFrame(frame);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store]);
}
