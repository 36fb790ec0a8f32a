import { describe, expect, it } from 'vitest';
import { Kernel, sleep, type Sim } from '../../../../src/sim/kernel/Kernel';
import { Semaphore } from '../../../../src/sim/kernel/Semaphore';

describe('Semaphore', () => {
  it('serves fair waiters first-come first-served as permits are released', () => {
    const k = new Kernel();
    const sem = new Semaphore(k, 0, true);
    const log: string[] = [];
    ['a', 'b', 'c'].forEach((name, i) => {
      k.spawn(name, function* (): Sim<void> {
        yield* sleep(i);
        const ok = yield* sem.tryAcquire(1, 1000);
        log.push(`${name}:${ok}@${k.now()}`);
      });
    });
    k.schedule(10, () => sem.release(1));
    k.schedule(20, () => sem.release(2));
    k.run();
    expect(log).toEqual(['a:true@10', 'b:true@20', 'c:true@20']);
  });

  it('does not let a fair timed tryAcquire overtake a queued waiter', () => {
    const k = new Kernel();
    const sem = new Semaphore(k, 1, true);
    const log: string[] = [];
    k.spawn('big', function* (): Sim<void> {
      log.push(`big:${yield* sem.tryAcquire(2, 100)}@${k.now()}`);
    });
    k.spawn('small', function* (): Sim<void> {
      yield* sleep(1);
      log.push(`small:${yield* sem.tryAcquire(1, 10)}@${k.now()}`);
    });
    k.run();
    // The queued request for 2 blocks the fair request for 1 although one permit is free.
    expect(log).toEqual(['small:false@11', 'big:false@100']);
  });

  it('lets a non-fair timed tryAcquire barge past a queued waiter', () => {
    const k = new Kernel();
    const sem = new Semaphore(k, 1, false);
    const log: string[] = [];
    k.spawn('big', function* (): Sim<void> {
      log.push(`big:${yield* sem.tryAcquire(2, 100)}@${k.now()}`);
    });
    k.spawn('small', function* (): Sim<void> {
      yield* sleep(1);
      log.push(`small:${yield* sem.tryAcquire(1, 10)}@${k.now()}`);
    });
    k.run();
    expect(log).toEqual(['small:true@1', 'big:false@100']);
  });

  it('lets the untimed tryAcquireNow barge even on a fair semaphore, like Java tryAcquire()', () => {
    const k = new Kernel();
    const sem = new Semaphore(k, 1, true);
    k.spawn('big', function* (): Sim<void> {
      yield* sem.tryAcquire(2, 100);
    });
    let barged = false;
    k.schedule(5, () => {
      barged = sem.tryAcquireNow(1);
    });
    k.run();
    expect(barged).toBe(true);
    expect(sem.availablePermits()).toBe(0);
  });

  it('fails a timed tryAcquire with a zero or negative timeout without waiting', () => {
    const k = new Kernel();
    const sem = new Semaphore(k, 0, true);
    const log: string[] = [];
    k.spawn('p', function* (): Sim<void> {
      log.push(`${yield* sem.tryAcquire(1, 0)}@${k.now()}`);
      log.push(`${yield* sem.tryAcquire(1, -5)}@${k.now()}`);
    });
    k.run();
    expect(log).toEqual(['false@0', 'false@0']);
    expect(sem.getQueueLength()).toBe(0);
  });

  it('times out a waiter and lets the next waiter take the permits it was blocking', () => {
    const k = new Kernel();
    const sem = new Semaphore(k, 1, true);
    const log: string[] = [];
    k.spawn('big', function* (): Sim<void> {
      log.push(`big:${yield* sem.tryAcquire(3, 50)}@${k.now()}`);
    });
    k.spawn('small', function* (): Sim<void> {
      yield* sleep(1);
      log.push(`small:${yield* sem.tryAcquire(1, 100)}@${k.now()}`);
    });
    k.run();
    expect(log).toEqual(['big:false@50', 'small:true@50']);
    expect(sem.availablePermits()).toBe(0);
  });

  it('counts permits in and out, including releases above the initial count', () => {
    const k = new Kernel();
    const sem = new Semaphore(k, 2, true);
    expect(sem.tryAcquireNow(2)).toBe(true);
    expect(sem.tryAcquireNow(1)).toBe(false);
    sem.release(5);
    expect(sem.availablePermits()).toBe(5);
    expect(sem.drainPermits()).toBe(5);
    expect(() => sem.release(-1)).toThrow(RangeError);
  });

  it('blocks acquire until enough permits are released', () => {
    const k = new Kernel();
    const sem = new Semaphore(k, 0);
    const log: number[] = [];
    k.spawn('p', function* (): Sim<void> {
      yield* sem.acquire(2);
      log.push(k.now());
    });
    k.schedule(3, () => sem.release(1));
    k.schedule(7, () => sem.release(1));
    k.run();
    expect(log).toEqual([7]);
  });
});
