import type { Trace, TraceEvent } from '../trace/types';
import type { FromWorker, ToWorker } from './protocol';
import { runStatus } from './runStatus';

/** The part of a Worker the simulator uses (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** The run was stopped by Cancel, or replaced by a newer one before it finished. */
export class RunCancelled extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'RunCancelled';
  }
}

/** Appends a chunk of events in place (no spread: a chunk holds thousands of events). */
export function appendChunk(target: TraceEvent[], chunk: readonly TraceEvent[]): void {
  for (let i = 0; i < chunk.length; i++) target.push(chunk[i]!);
}

interface Pending {
  id: number;
  events: TraceEvent[];
  resolve: (trace: Trace) => void;
  reject: (error: Error) => void;
}

/**
 * Runs scenarios in a worker, one at a time: a new run or Cancel terminates the worker of the run before
 * (a simulation cannot be interrupted from outside; a fresh worker starts for the next run), so a stale
 * result never lands. Progress goes to `runStatus`.
 */
export function createWorkerSimulator(spawn: () => WorkerLike) {
  let worker: WorkerLike | null = null;
  let pending: Pending | null = null;
  let nextId = 1;

  const settle = () => {
    pending = null;
    runStatus.setState({ running: null });
  };

  const stopWorker = () => {
    worker?.terminate();
    worker = null;
  };

  const onMessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const run = pending;
    if (!run || message.id !== run.id) return;
    switch (message.type) {
      case 'progress':
        runStatus.setState({ running: { id: run.id, events: message.events } });
        return;
      case 'chunk':
        appendChunk(run.events, JSON.parse(message.json) as TraceEvent[]);
        return;
      case 'done':
        settle();
        if (run.events.length !== message.total) {
          run.reject(new Error(`the worker sent ${run.events.length} of ${message.total} events`));
        } else {
          run.resolve(Object.freeze(run.events));
        }
        return;
      case 'error':
        settle();
        run.reject(new Error(message.message));
    }
  };

  const workerFor = (): WorkerLike => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = onMessage;
    w.onerror = (event) => {
      event.preventDefault?.();
      const run = pending;
      stopWorker();
      if (!run) return;
      settle();
      run.reject(new Error(`the simulation worker failed: ${event.message || 'unknown error'}`));
    };
    worker = w;
    return w;
  };

  return {
    simulate(scenario: unknown): Promise<Trace> {
      if (pending) {
        const old = pending;
        stopWorker();
        settle();
        old.reject(new RunCancelled());
      }
      const id = nextId++;
      return new Promise<Trace>((resolve, reject) => {
        pending = { id, events: [], resolve, reject };
        runStatus.setState({ running: { id, events: 0 }, cancelled: false });
        try {
          workerFor().postMessage({ type: 'simulate', id, scenario });
        } catch (error) {
          settle();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    /** Stops the run in progress, if any; its caller gets `RunCancelled`. */
    cancel(): void {
      const run = pending;
      if (!run) return;
      stopWorker();
      settle();
      runStatus.setState({ cancelled: true });
      run.reject(new RunCancelled());
    },
  };
}
