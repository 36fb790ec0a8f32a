import { describe, expect, it } from 'vitest';
import { currentThreadName, ThreadLocal } from '../../../../src/sim/common/ThreadLocal';
import { EventQueue } from '../../../../src/sim/kernel/EventQueue';
import { Kernel, sleep, type Sim } from '../../../../src/sim/kernel/Kernel';

describe('EventQueue', () => {
  it('pops events by time and, at equal times, in insertion order', () => {
    const q = new EventQueue();
    const noop = () => {};
    const times = [5, 1, 5, 3, 1, 5, 0, 3];
    times.forEach((t, i) => q.push(t, noop, i, undefined));
    const out: [number, unknown][] = [];
    for (let e = q.pop(); e; e = q.pop()) out.push([e.at, e.a]);
    expect(out).toEqual([
      [0, 6],
      [1, 1],
      [1, 4],
      [3, 3],
      [3, 7],
      [5, 0],
      [5, 2],
      [5, 5],
    ]);
  });

  it('keeps the order of 10,000 random pushes sorted by time then sequence', () => {
    const q = new EventQueue();
    let x = 12345;
    for (let i = 0; i < 10000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      q.push(x % 50, () => {}, i, undefined);
    }
    let prevAt = -1;
    let prevSeq = -1;
    for (let e = q.pop(); e; e = q.pop()) {
      expect(e.at > prevAt || (e.at === prevAt && e.seq > prevSeq)).toBe(true);
      prevAt = e.at;
      prevSeq = e.seq;
    }
  });
});

describe('Kernel', () => {
  it('runs simultaneous callbacks in the order they were scheduled', () => {
    const k = new Kernel();
    const log: string[] = [];
    k.schedule(10, (s: string) => log.push(s), 'first');
    k.schedule(5, (s: string) => log.push(s), 'early');
    k.schedule(10, (s: string) => log.push(s), 'second');
    k.run();
    expect(log).toEqual(['early', 'first', 'second']);
    expect(k.now()).toBe(10);
  });

  it('advances the clock only through events and sleeps', () => {
    const k = new Kernel();
    const seen: number[] = [];
    k.spawn('p', function* (): Sim<void> {
      seen.push(k.now());
      yield* sleep(30);
      seen.push(k.now());
      yield* sleep(0);
      seen.push(k.now());
    });
    k.run();
    expect(seen).toEqual([0, 30, 30]);
  });

  it('interleaves two processes that wake at the same time in spawn order', () => {
    const k = new Kernel();
    const log: string[] = [];
    for (const name of ['a', 'b']) {
      k.spawn(name, function* (): Sim<void> {
        for (let i = 0; i < 3; i++) {
          log.push(`${name}${i}@${k.now()}`);
          yield* sleep(10);
        }
      });
    }
    k.run();
    expect(log).toEqual(['a0@0', 'b0@0', 'a1@10', 'b1@10', 'a2@20', 'b2@20']);
  });

  it('stops at the until time and sets the clock to it', () => {
    const k = new Kernel();
    const log: number[] = [];
    k.schedule(10, () => log.push(10));
    k.schedule(20, () => log.push(20));
    k.run(15);
    expect(log).toEqual([10]);
    expect(k.now()).toBe(15);
    k.run();
    expect(log).toEqual([10, 20]);
  });

  it('refuses to schedule in the past', () => {
    const k = new Kernel();
    k.schedule(10, () => {});
    k.run();
    expect(() => k.schedule(5, () => {})).toThrow(RangeError);
  });

  it('sets the current thread to the process thread name so ThreadLocals are per simulated thread', () => {
    const k = new Kernel();
    const index = new ThreadLocal<number>(() => 0);
    const seen: string[] = [];
    k.spawn(
      'sender',
      function* (): Sim<void> {
        index.set(7);
        yield* sleep(5);
        seen.push(`${currentThreadName()}=${index.get()}`);
      },
      { thread: 'AsyncSenderExecutor_1' },
    );
    k.spawn(
      'callback',
      function* (): Sim<void> {
        yield* sleep(1);
        seen.push(`${currentThreadName()}=${index.get()}`);
        index.set(3);
      },
      { thread: 'NettyClientPublicExecutor_1' },
    );
    k.run();
    expect(seen).toEqual(['NettyClientPublicExecutor_1=0', 'AsyncSenderExecutor_1=7']);
    expect(index.getFor('NettyClientPublicExecutor_1')).toBe(3);
  });

  it('rethrows an uncaught process exception from run()', () => {
    const k = new Kernel();
    k.spawn('boom', function* (): Sim<void> {
      yield* sleep(1);
      throw new Error('boom');
    });
    expect(() => k.run()).toThrow('boom');
    expect(k.now()).toBe(1);
  });

  it('lets a process join another one, with a timeout', () => {
    const k = new Kernel();
    const worker = k.spawn('worker', function* (): Sim<number> {
      yield* sleep(50);
      return 42;
    });
    const log: string[] = [];
    k.spawn('waiter', function* (): Sim<void> {
      const early = yield* worker.join(20);
      log.push(`early=${early}@${k.now()}`);
      const late = yield* worker.join(100);
      log.push(`late=${late}@${k.now()} result=${String(worker.result)}`);
    });
    k.run();
    expect(log).toEqual(['early=false@20', 'late=true@50 result=42']);
  });

  it('runs a million sleep events in well under a second', () => {
    const k = new Kernel();
    for (let p = 0; p < 1000; p++) {
      k.spawn(`p${p}`, function* (): Sim<void> {
        for (let i = 0; i < 1000; i++) yield* sleep(1 + (p % 7));
      });
    }
    const start = performance.now();
    k.run();
    const elapsed = performance.now() - start;
    expect(k.executedEvents).toBeGreaterThanOrEqual(1_000_000);
    expect(elapsed).toBeLessThan(1500);
  });
});
