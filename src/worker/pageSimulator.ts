import { createWorkerSimulator, type WorkerLike } from './workerSimulator';

/**
 * The page's simulator: a module Worker that Vite bundles from `simWorker.ts` (so it loads from any
 * sub-path, and offline once cached like the rest of the page). Null where there is no Worker (jsdom).
 */
export const pageSimulator =
  typeof Worker === 'undefined'
    ? null
    : createWorkerSimulator(
        () =>
          new Worker(new URL('./simWorker.ts', import.meta.url), {
            type: 'module',
            name: 'sendpath-simulation',
          }) as unknown as WorkerLike,
      );
