/// <reference lib="webworker" />
import type { ResolvedScenario } from '../scenario/defaults';
import { runScenario } from '../sim/runScenario';
import { packTrace, transferList } from '../trace/packed';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The simulation worker: runs `runScenario` off the page's thread, reports progress, packs the trace and
 * transfers it to the page. The page terminates the worker to cancel a run.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

/**
 * Progress reaches the page at most this often (wall time): each report re-renders the progress bar there,
 * and the engine passes a second of virtual time every few milliseconds on a big run.
 */
const PROGRESS_EVERY_MS = 100;

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const { id, scenario, maxEvents } = event.data;
  let reported = performance.now();
  try {
    const events = runScenario(scenario as ResolvedScenario, {
      maxEvents,
      onProgress: (count) => {
        const now = performance.now();
        if (now - reported < PROGRESS_EVERY_MS) return;
        reported = now;
        scope.postMessage({ type: 'progress', id, events: count } satisfies FromWorker);
      },
    });
    const trace = packTrace(events).toTransferable();
    scope.postMessage({ type: 'done', id, trace } satisfies FromWorker, transferList(trace));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'error', id, message } satisfies FromWorker);
  }
};
