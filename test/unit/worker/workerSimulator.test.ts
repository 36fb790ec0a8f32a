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
  /** The worker running runs (the others are spares waiting, or terminated). */
  const worker = () => FakeWorker.made.find((w) => w.onmessage !== null && !w.terminated)!;
  return { sim, worker };
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
    // One worker at work and one spare.
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.sent).toEqual([]);
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
    const { sim } = setup();
    const run = sim.simulate({}, CAP);
    const queued = sim.simulate({}, CAP);
    sim.cancel();
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    await expect(queued).rejects.toBeInstanceOf(RunCancelled);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(runStatus.getState()).toEqual({ running: null, cancelled: true });
    sim.simulate({}, CAP).catch(() => {});
    expect(runStatus.getState().cancelled).toBe(false);
  });

  it('after Cancel, runs in the spare started before it, so no script has to be fetched then', async () => {
    const { sim, worker } = setup();
    const first = sim.simulate({}, CAP);
    const [running, spare] = FakeWorker.made;
    sim.cancel();
    await expect(first).rejects.toBeInstanceOf(RunCancelled);
    expect(running!.terminated).toBe(true);
    const made = FakeWorker.made.length;
    const next = sim.simulate({ n: 2 }, CAP);
    expect(worker()).toBe(spare);
    expect(spare!.sent).toHaveLength(1);
    // A new spare is started for the next Cancel.
    expect(FakeWorker.made).toHaveLength(made + 1);
    worker().answer(done(spare!.sent[0]!.id, 3));
    expect((await next).length).toBe(3);
  });

  it('drops a spare that fails to start, and starts a worker when the next run needs one', async () => {
    const { sim, worker } = setup();
    const first = sim.simulate({}, CAP);
    const spare = FakeWorker.made[1]!;
    spare.onerror?.({ message: 'offline', preventDefault: () => {} } as ErrorEvent);
    sim.cancel();
    await expect(first).rejects.toBeInstanceOf(RunCancelled);
    const made = FakeWorker.made.length;
    sim.simulate({}, CAP).catch(() => {});
    expect(worker()).not.toBe(spare);
    expect(FakeWorker.made.length).toBeGreaterThan(made);
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
