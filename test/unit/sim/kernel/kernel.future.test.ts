import { describe, expect, it } from 'vitest';
import { Future, FutureTimeoutError, Signal } from '../../../../src/sim/kernel/Future';
import { Kernel, sleep, type Sim } from '../../../../src/sim/kernel/Kernel';

describe('Future', () => {
  it('wakes a waiting process at the completion time with the value', () => {
    const k = new Kernel();
    const f = new Future<string>(k);
    const log: string[] = [];
    k.spawn('waiter', function* (): Sim<void> {
      const v = yield* f.get(1000);
      log.push(`${v}@${k.now()}`);
    });
    k.schedule(40, () => f.complete('reply'));
    k.run();
    expect(log).toEqual(['reply@40']);
  });

  it('times out at exactly start + timeout when nothing completes it', () => {
    const k = new Kernel();
    const f = new Future<string>(k);
    const log: string[] = [];
    k.spawn('waiter', function* (): Sim<void> {
      yield* sleep(5);
      try {
        yield* f.get(100);
      } catch (e) {
        log.push(`${(e as Error).name}@${k.now()}`);
      }
    });
    k.run();
    expect(log).toEqual(['FutureTimeoutError@105']);
    expect(new FutureTimeoutError(1)).toBeInstanceOf(Error);
  });

  it('treats a completion at the same time as the timeout as arriving first when it was scheduled first', () => {
    const k = new Kernel();
    const f = new Future<number>(k);
    const log: string[] = [];
    k.schedule(100, () => f.complete(1));
    k.spawn('waiter', function* (): Sim<void> {
      const ok = yield* f.await(100);
      log.push(`${ok}`);
    });
    k.run();
    expect(log).toEqual(['true']);
  });

  it('does not wake a process twice when the completion follows its timeout', () => {
    const k = new Kernel();
    const f = new Future<number>(k);
    const log: string[] = [];
    k.spawn('waiter', function* (): Sim<void> {
      log.push(`first=${yield* f.await(10)}@${k.now()}`);
      yield* sleep(100);
      log.push(`slept@${k.now()}`);
    });
    k.schedule(20, () => f.complete(1));
    k.run();
    expect(log).toEqual(['first=false@10', 'slept@110']);
  });

  it('does not move the clock to the time of a timeout that was cancelled by an earlier completion', () => {
    const k = new Kernel();
    const f = new Future<number>(k);
    k.spawn('waiter', function* (): Sim<void> {
      yield* f.await(3000);
    });
    k.schedule(10, () => f.complete(1));
    k.run();
    expect(k.now()).toBe(10);
    expect(k.pendingEvents).toBe(0);
  });

  it('throws the failure to the waiter and keeps the first completion', () => {
    const k = new Kernel();
    const f = new Future<number>(k);
    expect(f.fail(new Error('write failed'))).toBe(true);
    expect(f.complete(3)).toBe(false);
    const log: string[] = [];
    k.spawn('waiter', function* (): Sim<void> {
      try {
        yield* f.get();
      } catch (e) {
        log.push((e as Error).message);
      }
    });
    k.run();
    expect(log).toEqual(['write failed']);
  });

  it('returns false at once for a non-positive timeout on a pending future', () => {
    const k = new Kernel();
    const f = new Future<number>(k);
    const log: string[] = [];
    k.spawn('waiter', function* (): Sim<void> {
      log.push(`${yield* f.await(0)}@${k.now()}`);
    });
    k.run();
    expect(log).toEqual(['false@0']);
  });

  it('calls onDone listeners synchronously on completion', () => {
    const k = new Kernel();
    const f = new Future<number>(k);
    const seen: number[] = [];
    f.onDone((x) => seen.push(x.value ?? -1));
    f.complete(9);
    f.onDone((x) => seen.push((x.value ?? 0) + 1));
    expect(seen).toEqual([9, 10]);
  });
});

describe('Signal', () => {
  it('wakes only the processes waiting when it fires, in the order they began waiting', () => {
    const k = new Kernel();
    const s = new Signal<string>(k);
    const log: string[] = [];
    for (const name of ['x', 'y']) {
      k.spawn(name, function* (): Sim<void> {
        const ok = yield* s.wait(1000);
        log.push(`${name}:${ok}:${s.value}@${k.now()}`);
      });
    }
    k.schedule(10, () => s.fire('go'));
    k.spawn('late', function* (): Sim<void> {
      yield* sleep(11);
      log.push(`late:${yield* s.wait(5)}@${k.now()}`);
    });
    k.run();
    expect(log).toEqual(['x:true:go@10', 'y:true:go@10', 'late:false@16']);
  });
});
