import { describe, expect, it } from 'vitest';
import type { TraceArray, TraceEvent } from '../../../../src/trace/types';
import {
  DEFAULT_POOL,
  poolOf,
  threadPoolFold,
  waitingCount,
  waitingTasks,
  waitShare,
} from '../../../../src/view/folds/threadPool';
import { foldFromCheckpoint, foldTo, loadTrace } from './panelFixtures';

const backlog = loadTrace('async-executor-backlog');

function ev(seq: number, t: number, kind: string, fields: Record<string, unknown>): TraceEvent {
  return { seq, t, kind, code: { cls: 'Test', method: 'test' }, ...fields } as TraceEvent;
}

function pool(position: number) {
  const state = foldTo(threadPoolFold, backlog, position);
  return { state, p: state.pools.get('AsyncSenderExecutor')! };
}

describe('threadPoolFold', () => {
  it('names the pool after the worker thread prefix, AsyncSenderExecutor_N', () => {
    expect(poolOf(backlog[1]!)).toBe('AsyncSenderExecutor');
    expect(poolOf(backlog[7]!)).toBe(DEFAULT_POOL);
    expect(poolOf(ev(0, 0, 'executor.run', { worker: 'NettyClientPublicExecutor_3' }))).toBe(
      'NettyClientPublicExecutor',
    );
  });

  it('knows the pool’s workers and queue capacity from the whole trace', () => {
    const { p } = pool(0);
    expect(p.index.workers).toEqual(['AsyncSenderExecutor_1']);
    expect(p.index.capacity).toBe(2);
  });

  it('queues tasks behind a busy worker, oldest first, and counts their wait against their timeout', () => {
    const { state, p } = pool(9);
    expect(p.running.get('AsyncSenderExecutor_1')?.msgId).toBe('m1');
    expect(waitingTasks(p, 10).map((task) => task.msgId)).toEqual(['m2', 'm3']);
    expect(waitingCount(p)).toBe(2);
    expect(p.queued).toBe(2);
    expect(p.queuedFrom?.seq).toBe(9);
    const [m2] = waitingTasks(p, 1);
    expect(state.now).toBe(250);
    expect(waitShare(m2!, state.now)).toBeCloseTo(0.15);
    expect(waitShare(m2!, 1100)).toBe(1);
  });

  it('counts a rejected task and names it', () => {
    const { p } = pool(11);
    expect(p.rejected).toBe(1);
    expect(p.recentRejected).toEqual([
      { msgId: 'm4', from: { seq: 11, kind: 'executor.reject', t: 300 }, timeoutMs: 1000 },
    ]);
    expect(waitingTasks(p, 10).map((task) => task.msgId)).toEqual(['m2', 'm3']);
  });

  it('frees the worker once the request is written, since the reply comes back on another thread', () => {
    expect(pool(12).p.running.size).toBe(1);
    expect(pool(13).p.running.size).toBe(0);
  });

  it('marks a task whose queue wait ate its whole timeout as eaten (DEFAULT ASYNC send call timeout)', () => {
    const { p } = pool(14);
    expect(p.running.get('AsyncSenderExecutor_1')).toMatchObject({
      msgId: 'm2',
      waitedMs: 1100,
      eaten: true,
    });
    expect(p.eaten).toBe(1);
    expect(waitingTasks(p, 10).map((task) => task.msgId)).toEqual(['m3']);
  });

  it('runs a task with budget left as not eaten, and empties the queue', () => {
    const { p } = pool(17);
    expect(p.running.get('AsyncSenderExecutor_1')).toMatchObject({
      msgId: 'm3',
      waitedMs: 950,
      eaten: false,
    });
    expect(p.eaten).toBe(1);
    expect(waitingCount(p)).toBe(0);
  });

  it('counts callbacks delivered and the failed ones with their exception message', () => {
    const { state } = pool(16);
    expect(state.callbacks.delivered).toBe(1);
    expect(state.callbacks.failed).toBe(1);
    expect(state.callbacks.recent[0]).toMatchObject({
      msgId: 'm2',
      status: 'EXCEPTION',
      message: 'DEFAULT ASYNC send call timeout',
    });
    expect(foldTo(threadPoolFold, backlog, 33).callbacks.delivered).toBe(3);
  });

  it('removes a task that left the queue out of order without disturbing the others', () => {
    const trace: TraceArray = [
      ev(0, 0, 'executor.run', { msgId: 'a', worker: 'W_1', queued: 0 }),
      ev(1, 1, 'executor.enqueue', { msgId: 'b', queued: 1, executor: 'W' }),
      ev(2, 2, 'executor.enqueue', { msgId: 'c', queued: 2, executor: 'W' }),
      ev(3, 3, 'executor.enqueue', { msgId: 'd', queued: 3, executor: 'W' }),
      ev(4, 4, 'executor.run', { msgId: 'c', worker: 'W_2', queued: 2 }),
      ev(5, 5, 'executor.run', { msgId: 'b', worker: 'W_1', queued: 1 }),
    ];
    const mid = foldTo(threadPoolFold, trace, 4).pools.get('W')!;
    expect(waitingTasks(mid, 10).map((task) => task.msgId)).toEqual(['b', 'd']);
    const end = foldTo(threadPoolFold, trace, 5).pools.get('W')!;
    expect(waitingTasks(end, 10).map((task) => task.msgId)).toEqual(['d']);
    expect(end.left.size).toBe(0);
    expect(end.head).toBe(2);
  });

  it('tracks the 5.x back-pressure semaphores when the trace has them', () => {
    const trace: TraceArray = [
      ev(0, 0, 'semaphore.acquire', { semaphore: 'semaphoreAsyncSendNum', available: 9999, capacity: 10000 }),
      ev(1, 1, 'semaphore.timeout', { semaphore: 'semaphoreAsyncSendNum', available: 0, msgId: 'x' }),
    ];
    expect(foldTo(threadPoolFold, trace, 1).semaphores.get('semaphoreAsyncSendNum')).toEqual({
      name: 'semaphoreAsyncSendNum',
      available: 0,
      capacity: 10000,
      waiting: null,
      timeouts: 1,
      from: { seq: 1, kind: 'semaphore.timeout', t: 1 },
    });
  });

  it('gives the same state from a checkpoint clone and leaves the checkpoint untouched', () => {
    expect(foldFromCheckpoint(threadPoolFold, backlog, 9, 20)).toEqual(foldTo(threadPoolFold, backlog, 20));
    const checkpoint = foldTo(threadPoolFold, backlog, 9);
    let clone = threadPoolFold.clone(checkpoint);
    for (let i = 10; i <= 20; i++) clone = threadPoolFold.apply(clone, backlog[i]!, i);
    expect(waitingTasks(checkpoint.pools.get('AsyncSenderExecutor')!, 10)).toHaveLength(2);
    expect(checkpoint.pools.get('AsyncSenderExecutor')!.running.get('AsyncSenderExecutor_1')?.msgId).toBe(
      'm1',
    );
  });
});
