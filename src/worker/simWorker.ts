/// <reference lib="webworker" />
import type { ResolvedScenario } from '../scenario/defaults';
import { runScenario } from '../sim/runScenario';
import { CHUNK_EVENTS, type FromWorker, type ToWorker } from './protocol';

/**
 * The simulation worker: runs `runScenario` off the page's thread, reports progress, and posts the trace
 * back in chunks. The page terminates the worker to cancel a run.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const { id, scenario } = event.data;
  try {
    const trace = runScenario(scenario as ResolvedScenario, {
      onProgress: (events) => post({ type: 'progress', id, events }),
    });
    for (let i = 0; i < trace.length; i += CHUNK_EVENTS) {
      post({ type: 'chunk', id, json: JSON.stringify(trace.slice(i, i + CHUNK_EVENTS)) });
    }
    post({ type: 'done', id, total: trace.length });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};
