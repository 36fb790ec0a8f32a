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

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const { id, scenario, maxEvents } = event.data;
  try {
    const events = runScenario(scenario as ResolvedScenario, {
      maxEvents,
      onProgress: (count) => scope.postMessage({ type: 'progress', id, events: count } satisfies FromWorker),
    });
    const trace = packTrace(events).toTransferable();
    scope.postMessage({ type: 'done', id, trace } satisfies FromWorker, transferList(trace));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'error', id, message } satisfies FromWorker);
  }
};
