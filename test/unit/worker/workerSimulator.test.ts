import { describe, expect, it } from 'vitest';
import { packTrace } from '../../../src/trace/packed';
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
/** The worker's answer with a packed trace of `length` events. */
const done = (id: number, length: number): FromWorker => ({
  type: 'done',
  id,
  trace: packTrace(Array.from({ length }, (_, i) => ev(i))).toTransferable(),
});
const CAP = 2_000_000;

function setup() {
  FakeWorker.made = [];
  const sim = createWorkerSimulator(() => new FakeWorker());
  return { sim, worker: () => FakeWorker.made.at(-1)! };
}

describe('createWorkerSimulator', () => {
  it('posts the scenario and the cap, reports progress, and unpacks the trace it gets back', async () => {
    const { sim, worker } = setup();
    const result = sim.simulate({ id: 's' }, CAP);
    const { id } = worker().sent[0]!;
    expect(worker().sent[0]).toEqual({ type: 'simulate', id, scenario: { id: 's' }, maxEvents: CAP });
    worker().answer({ type: 'progress', id, events: 1234 });
    expect(runStatus.getState().running).toEqual({ id, events: 1234 });
    worker().answer(done(id, 5));
    const trace = await result;
    expect([...trace].map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(runStatus.getState().running).toBeNull();
  });

  it('refuses a trace that does not unpack', async () => {
    const { sim, worker } = setup();
    const result = sim.simulate({}, CAP);
    const { id } = worker().sent[0]!;
    const broken = done(id, 2) as Extract<FromWorker, { type: 'done' }>;
    worker().answer({ ...broken, trace: { ...broken.trace, stringsJson: '[' } });
    await expect(result).rejects.toThrow("the worker's trace could not be read");
  });

  it('runs overlapping requests one after the other in the same worker, each getting its own trace', async () => {
    const { sim, worker } = setup();
    const first = sim.simulate({ n: 1 }, CAP);
    const second = sim.simulate({ n: 2 }, CAP);
    expect(FakeWorker.made).toHaveLength(1);
    const [a, b] = worker().sent.map((m) => m.id);
    expect(a).not.toBe(b);
    // Progress shows the run at the head; answers are matched by id.
    expect(runStatus.getState().running?.id).toBe(a);
    worker().answer(done(a!, 2));
    expect(runStatus.getState().running?.id).toBe(b);
    worker().answer(done(b!, 1));
    expect((await first).length).toBe(2);
    expect((await second).length).toBe(1);
    expect(runStatus.getState().running).toBeNull();
  });

  it('ignores answers to a run it no longer waits for', async () => {
    const { sim, worker } = setup();
    const run = sim.simulate({}, CAP);
    const { id } = worker().sent[0]!;
    worker().answer(done(id + 100, 5));
    worker().answer(done(id, 0));
    expect((await run).length).toBe(0);
  });

  it('Cancel stops the worker, rejects every waiting run and says so in the status', async () => {
    const { sim, worker } = setup();
    const run = sim.simulate({}, CAP);
    const queued = sim.simulate({}, CAP);
    sim.cancel();
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    await expect(queued).rejects.toBeInstanceOf(RunCancelled);
    expect(worker().terminated).toBe(true);
    expect(runStatus.getState()).toEqual({ running: null, cancelled: true });
    sim.simulate({}, CAP).catch(() => {});
    expect(runStatus.getState().cancelled).toBe(false);
  });

  it('turns an error in the simulation or a failing worker into a rejected run', async () => {
    const { sim, worker } = setup();
    const failed = sim.simulate({}, CAP);
    worker().answer({ type: 'error', id: worker().sent[0]!.id, message: 'boom' });
    await expect(failed).rejects.toThrow('boom');
    const crashed = sim.simulate({}, CAP);
    worker().onerror?.({ message: 'script error', preventDefault: () => {} } as ErrorEvent);
    await expect(crashed).rejects.toThrow('the simulation worker failed: script error');
    expect(runStatus.getState().running).toBeNull();
  });
});
