import workerScriptUrl from './simWorker.ts?worker&url';
import { createWorkerSimulator, type WorkerLike } from './workerSimulator';

/** The worker script as Vite emits it: one self-contained file (no imports), under any sub-path. */
const WORKER_URL = new URL(workerScriptUrl, import.meta.url);

/**
 * A copy of the worker script in memory (a blob: URL), made while the page is online. Cancel terminates a
 * worker, and the next one must start from somewhere: from the copy it needs no network, so the page keeps
 * working offline after any number of Cancels. Only for a build (whatever its mode): in development the
 * worker is a module graph served by Vite, which a blob cannot import from.
 */
let copiedScript: string | null = null;

/** A built worker is one `.js` file; Vite's development server serves `simWorker.ts?worker_file...`. */
const SELF_CONTAINED = WORKER_URL.pathname.endsWith('.js') && WORKER_URL.search === '';

function keepCopyOfScript(): void {
  if (!SELF_CONTAINED || copiedScript !== null) return;
  fetch(WORKER_URL)
    .then((response) =>
      response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`)),
    )
    .then((text) => {
      copiedScript ??= URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    })
    .catch(() => {
      // Offline before the copy was made: workers start from the URL, as without a copy.
    });
}

function spawnWorker(): WorkerLike {
  const worker = new Worker(copiedScript ?? WORKER_URL, { type: 'module', name: 'sendpath-simulation' });
  keepCopyOfScript();
  return worker as unknown as WorkerLike;
}

/**
 * The page's simulator: a module Worker that Vite bundles from `simWorker.ts` (so it loads from any
 * sub-path, and offline once the page has a copy of it). Null where there is no Worker (jsdom).
 */
export const pageSimulator = typeof Worker === 'undefined' ? null : createWorkerSimulator(spawnWorker);
