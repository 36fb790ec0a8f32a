import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/trace/types';
import type { FromWorker, ToWorker } from '../../../src/worker/protocol';
import { runStatus } from '../../../src/worker/runStatus';
import { createWorkerSimulator, RunCancelled, type WorkerLike } from '../../../src/worker/workerSimulator';

/** A worker that records what it is sent and answers when the test says. */
class FakeWorker implements WorkerLike {
  static made: FakeWorker[] = [];
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const ev = (seq: number): TraceEvent => ({ seq, t: seq, kind: 'k', code: { cls: 'C', method: 'm' } });
const chunk = (id: number, from: number, to: number): FromWorker => ({
  type: 'chunk',
  id,
  json: JSON.stringify(Array.from({ length: to - from }, (_, i) => ev(from + i))),
});

function setup() {
  FakeWorker.made = [];
  const sim = createWorkerSimulator(() => new FakeWorker());
  return { sim, worker: () => FakeWorker.made.at(-1)! };
}

describe('createWorkerSimulator', () => {
  it('posts the scenario, reports progress, and assembles the chunks in order into the trace', async () => {
    const { sim, worker } = setup();
    const result = sim.simulate({ id: 's' });
    const { id } = worker().sent[0]!;
    expect(worker().sent[0]).toEqual({ type: 'simulate', id, scenario: { id: 's' } });
    worker().answer({ type: 'progress', id, events: 1234 });
    expect(runStatus.getState().running).toEqual({ id, events: 1234 });
    worker().answer(chunk(id, 0, 3));
    worker().answer(chunk(id, 3, 5));
    worker().answer({ type: 'done', id, total: 5 });
    const trace = await result;
    expect(trace.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(Object.isFrozen(trace)).toBe(true);
    expect(runStatus.getState().running).toBeNull();
  });

  it('refuses a trace whose chunks do not add up to the total', async () => {
    const { sim, worker } = setup();
    const result = sim.simulate({});
    const { id } = worker().sent[0]!;
    worker().answer(chunk(id, 0, 2));
    worker().answer({ type: 'done', id, total: 3 });
    await expect(result).rejects.toThrow('the worker sent 2 of 3 events');
  });

  it('a newer run supersedes the one in progress: the old worker stops, its answers never land', async () => {
    const { sim, worker } = setup();
    const first = sim.simulate({ n: 1 });
    const old = worker();
    const firstId = old.sent[0]!.id;
    const second = sim.simulate({ n: 2 });
    await expect(first).rejects.toBeInstanceOf(RunCancelled);
    expect(old.terminated).toBe(true);
    const fresh = worker();
    expect(fresh).not.toBe(old);
    const secondId = fresh.sent[0]!.id;
    expect(secondId).not.toBe(firstId);
    fresh.answer(chunk(firstId, 0, 9));
    fresh.answer(chunk(secondId, 0, 1));
    fresh.answer({ type: 'done', id: secondId, total: 1 });
    expect((await second).length).toBe(1);
  });

  it('Cancel stops the worker, rejects the run and says so in the status', async () => {
    const { sim, worker } = setup();
    const run = sim.simulate({});
    sim.cancel();
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect(worker().terminated).toBe(true);
    expect(runStatus.getState()).toEqual({ running: null, cancelled: true });
    sim.simulate({}).catch(() => {});
    expect(runStatus.getState().cancelled).toBe(false);
  });

  it('turns an error in the simulation or a failing worker into a rejected run', async () => {
    const { sim, worker } = setup();
    const failed = sim.simulate({});
    worker().answer({ type: 'error', id: worker().sent[0]!.id, message: 'boom' });
    await expect(failed).rejects.toThrow('boom');
    const crashed = sim.simulate({});
    worker().onerror?.({ message: 'script error', preventDefault: () => {} } as ErrorEvent);
    await expect(crashed).rejects.toThrow('the simulation worker failed: script error');
    expect(runStatus.getState().running).toBeNull();
  });
});
