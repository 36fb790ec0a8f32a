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

  it('runs overlapping requests one after the other in the same worker, each getting its own trace', async () => {
    const { sim, worker } = setup();
    const first = sim.simulate({ n: 1 });
    const second = sim.simulate({ n: 2 });
    expect(FakeWorker.made).toHaveLength(1);
    const [a, b] = worker().sent.map((m) => m.id);
    expect(a).not.toBe(b);
    // Progress shows the run at the head; answers are matched by id.
    expect(runStatus.getState().running?.id).toBe(a);
    worker().answer(chunk(a!, 0, 2));
    worker().answer({ type: 'done', id: a!, total: 2 });
    expect(runStatus.getState().running?.id).toBe(b);
    worker().answer(chunk(b!, 0, 1));
    worker().answer({ type: 'done', id: b!, total: 1 });
    expect((await first).length).toBe(2);
    expect((await second).length).toBe(1);
    expect(runStatus.getState().running).toBeNull();
  });

  it('ignores answers to a run it no longer waits for', async () => {
    const { sim, worker } = setup();
    const run = sim.simulate({});
    const { id } = worker().sent[0]!;
    worker().answer(chunk(id + 100, 0, 5));
    worker().answer({ type: 'done', id: id + 100, total: 5 });
    worker().answer({ type: 'done', id, total: 0 });
    expect(await run).toEqual([]);
  });

  it('Cancel stops the worker, rejects every waiting run and says so in the status', async () => {
    const { sim, worker } = setup();
    const run = sim.simulate({});
    const queued = sim.simulate({});
    sim.cancel();
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    await expect(queued).rejects.toBeInstanceOf(RunCancelled);
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
