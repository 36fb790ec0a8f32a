import { describe, expect, it } from 'vitest';
import { currentThreadName } from '../../../../src/sim/common/ThreadLocal';
import {
  ThreadPoolExecutor,
  RejectedExecutionError,
  type Runnable,
} from '../../../../src/sim/kernel/Executor';
import { Kernel, sleep, type Sim } from '../../../../src/sim/kernel/Kernel';

function task(log: string[], name: string, k: Kernel, ms: number): Runnable {
  const r: Runnable & { toString(): string } = {
    *run(): Sim<void> {
      log.push(`${name} start ${currentThreadName()}@${k.now()}`);
      yield* sleep(ms);
      log.push(`${name} end@${k.now()}`);
    },
    toString: () => name,
  };
  return r;
}

describe('ThreadPoolExecutor', () => {
  it('starts core threads first, then queues, then rejects when the queue is full', () => {
    const k = new Kernel();
    const log: string[] = [];
    const events: string[] = [];
    const pool = new ThreadPoolExecutor(k, {
      threadNamePrefix: 'AsyncSenderExecutor_',
      corePoolSize: 2,
      queueCapacity: 1,
      listener: {
        onEnqueue: (t, q) => events.push(`enqueue ${String(t)} ${q}`),
        onRun: (t, w, waited) => events.push(`run ${String(t)} ${w} waited=${waited}`),
        onReject: (t) => events.push(`reject ${String(t)}`),
      },
    });
    pool.submit(task(log, 't1', k, 100));
    pool.submit(task(log, 't2', k, 50));
    pool.submit(task(log, 't3', k, 10));
    expect(() => pool.submit(task(log, 't4', k, 10))).toThrow(RejectedExecutionError);
    k.run();
    expect(log).toEqual([
      't1 start AsyncSenderExecutor_1@0',
      't2 start AsyncSenderExecutor_2@0',
      't2 end@50',
      't3 start AsyncSenderExecutor_2@50',
      't3 end@60',
      't1 end@100',
    ]);
    expect(events).toEqual([
      'enqueue t3 1',
      'reject t4',
      'run t1 AsyncSenderExecutor_1 waited=0',
      'run t2 AsyncSenderExecutor_2 waited=0',
      'run t3 AsyncSenderExecutor_2 waited=50',
    ]);
  });

  it('uses the supplied rejection policy (the producer throws its own RejectedExecutionException)', () => {
    const k = new Kernel();
    class Custom extends Error {}
    const pool = new ThreadPoolExecutor(k, {
      threadNamePrefix: 'w',
      corePoolSize: 1,
      queueCapacity: 0,
      rejectionPolicy: () => {
        throw new Custom('full');
      },
    });
    pool.submit(task([], 'a', k, 5));
    expect(() => pool.submit(task([], 'b', k, 5))).toThrow(Custom);
  });

  it('rejects every task after shutdown but still runs the queued ones', () => {
    const k = new Kernel();
    const log: string[] = [];
    const pool = new ThreadPoolExecutor(k, { threadNamePrefix: 'w', corePoolSize: 1, queueCapacity: 10 });
    pool.submit(task(log, 'a', k, 5));
    pool.submit(task(log, 'b', k, 5));
    pool.shutdown();
    expect(pool.isShutdown()).toBe(true);
    expect(() => pool.submit(task(log, 'c', k, 5))).toThrow(
      /rejected from ThreadPoolExecutor\[Shutting down/,
    );
    k.run();
    expect(log).toEqual(['a start w1@0', 'a end@5', 'b start w1@5', 'b end@10']);
    expect(pool.poolSize).toBe(0);
  });

  it('grows beyond the core size up to the maximum only when the queue is full', () => {
    const k = new Kernel();
    const log: string[] = [];
    const pool = new ThreadPoolExecutor(k, {
      threadNamePrefix: 'w',
      corePoolSize: 1,
      maximumPoolSize: 2,
      queueCapacity: 1,
    });
    pool.submit(task(log, 'a', k, 10));
    pool.submit(task(log, 'b', k, 10)); // queued
    pool.submit(task(log, 'c', k, 10)); // queue full: a second thread
    k.run();
    expect(log.filter((l) => l.includes('start'))).toEqual(['a start w1@0', 'c start w2@0', 'b start w1@10']);
  });

  it('reuses an idle worker for a task submitted later', () => {
    const k = new Kernel();
    const log: string[] = [];
    const pool = new ThreadPoolExecutor(k, { threadNamePrefix: 'w', corePoolSize: 1, queueCapacity: 5 });
    pool.submit(task(log, 'a', k, 10));
    k.schedule(30, () => pool.submit(task(log, 'b', k, 10)));
    k.run();
    expect(log).toEqual(['a start w1@0', 'a end@10', 'b start w1@30', 'b end@40']);
  });

  it('wakes one idle worker per queued task, the one idle longest first', () => {
    const k = new Kernel();
    const log: string[] = [];
    const pool = new ThreadPoolExecutor(k, { threadNamePrefix: 'w', corePoolSize: 3, queueCapacity: 10 });
    pool.submit(task(log, 'a', k, 30));
    pool.submit(task(log, 'b', k, 10));
    pool.submit(task(log, 'c', k, 20));
    k.schedule(50, () => pool.submit(task(log, 'd', k, 1)));
    const before = k.executedEvents;
    k.run();
    // w2 went idle first (at 10), so it takes d; the other idle workers are not woken at all.
    expect(log.filter((l) => l.startsWith('d'))).toEqual(['d start w2@50', 'd end@51']);
    expect(k.executedEvents - before).toBe(3 + 3 + 1 + 2);
  });

  it('reports a task exception to the kernel unless a task error handler takes it', () => {
    const failing: Runnable = {
      *run(): Sim<void> {
        yield* sleep(1);
        throw new Error('task failed');
      },
    };
    const k1 = new Kernel();
    new ThreadPoolExecutor(k1, { threadNamePrefix: 'w', corePoolSize: 1, queueCapacity: 1 }).submit(failing);
    expect(() => k1.run()).toThrow('task failed');
    const k2 = new Kernel();
    const seen: string[] = [];
    const pool = new ThreadPoolExecutor(k2, {
      threadNamePrefix: 'w',
      corePoolSize: 1,
      queueCapacity: 1,
      taskErrorHandler: (_t, e) => void seen.push((e as Error).message),
    });
    pool.submit(failing);
    pool.submit(task(seen, 'next', k2, 1));
    k2.run();
    expect(seen).toEqual(['task failed', 'next start w1@1', 'next end@2']);
  });
});
