import { createStore } from 'zustand/vanilla';

/** What the page shows about the simulation in progress: one run at a time, page-wide. */
export interface RunStatus {
  /** The run in progress, with the events recorded so far; null when none runs. */
  running: { id: number; events: number } | null;
  /** The last run ended by Cancel (until the next run starts). */
  cancelled: boolean;
}

export const runStatus = createStore<RunStatus>(() => ({ running: null, cancelled: false }));
