import { PackedTrace } from '../trace/packed';
import type { FromWorker, ToWorker } from './protocol';
import { runStatus } from './runStatus';

/** The part of a Worker the simulator uses (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** The run was stopped by Cancel before it finished. */
export class RunCancelled extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'RunCancelled';
  }
}

interface Pending {
  id: number;
  resolve: (trace: PackedTrace) => void;
  reject: (error: Error) => void;
}

/**
 * Runs scenarios in a worker, in the order they are asked for: the worker takes one message at a time, so a
 * run waits for the ones before it (a preset load and a comparison's two sides may overlap; each caller
 * decides whether a result it waited for is still wanted). Progress of the run at the head goes to
 * `runStatus`. Cancel terminates the worker (a simulation cannot be interrupted from outside), rejects every
 * run waiting on it with `RunCancelled`, and the next run goes to a fresh worker.
 *
 * That fresh worker is started ahead: a spare is spawned with the first worker, and again whenever one is
 * put to work, so that a run after Cancel needs no network (the page works offline once loaded, and a
 * worker's script is fetched when it starts). A spare that fails to start is simply dropped.
 */
export function createWorkerSimulator(spawn: () => WorkerLike) {
  let worker: WorkerLike | null = null;
  let spare: WorkerLike | null = null;
  /** Runs sent to the worker and not answered yet, oldest first. */
  const pending: Pending[] = [];
  let nextId = 1;

  const showHead = () => {
    const head = pending[0];
    runStatus.setState({ running: head ? { id: head.id, events: 0 } : null });
  };

  const take = (id: number): Pending | undefined => {
    const i = pending.findIndex((p) => p.id === id);
    if (i < 0) return undefined;
    const [run] = pending.splice(i, 1);
    showHead();
    return run;
  };

  const failAll = (error: () => Error) => {
    worker?.terminate();
    worker = null;
    const runs = pending.splice(0);
    runStatus.setState({ running: null });
    for (const run of runs) run.reject(error());
  };

  const onMessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const run = pending.find((p) => p.id === message.id);
    if (!run) return;
    switch (message.type) {
      case 'progress':
        runStatus.setState({ running: { id: run.id, events: message.events } });
        return;
      case 'done':
        take(run.id);
        try {
          run.resolve(PackedTrace.fromTransferable(message.trace));
        } catch (error) {
          run.reject(new Error(`the worker's trace could not be read: ${String(error)}`));
        }
        return;
      case 'error':
        take(run.id);
        run.reject(new Error(message.message));
    }
  };

  const spawnSpare = () => {
    try {
      const w = spawn();
      w.onmessage = null;
      w.onerror = (event) => {
        event.preventDefault?.();
        if (spare === w) spare = null;
      };
      spare = w;
    } catch {
      spare = null;
    }
  };

  const workerFor = (): WorkerLike => {
    if (worker) return worker;
    const w = spare ?? spawn();
    spare = null;
    w.onmessage = onMessage;
    w.onerror = (event) => {
      event.preventDefault?.();
      const detail = event.message || 'unknown error';
      failAll(() => new Error(`the simulation worker failed: ${detail}`));
    };
    worker = w;
    spawnSpare();
    return w;
  };

  return {
    /** Runs a validated scenario; the trace stops at `maxEvents` (src/trace/limits.ts). */
    simulate(scenario: unknown, maxEvents: number): Promise<PackedTrace> {
      const id = nextId++;
      return new Promise<PackedTrace>((resolve, reject) => {
        pending.push({ id, resolve, reject });
        if (pending.length === 1) runStatus.setState({ running: { id, events: 0 }, cancelled: false });
        try {
          workerFor().postMessage({ type: 'simulate', id, scenario, maxEvents });
        } catch (error) {
          take(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    /** Stops the run in progress and every run waiting behind it; their callers get `RunCancelled`. */
    cancel(): void {
      if (pending.length === 0) return;
      failAll(() => new RunCancelled());
      runStatus.setState({ cancelled: true });
    },
  };
}
