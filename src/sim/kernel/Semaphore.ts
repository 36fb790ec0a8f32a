import { TIMED_OUT, type Blocker, type Kernel, type Process, type Sim } from './Kernel';

interface SemWaiter {
  p: Process<unknown>;
  token: number;
  permits: number;
}

/**
 * `java.util.concurrent.Semaphore` on simulated time.
 *
 * - Waiters queue FIFO; a release serves the head while it has enough permits (a head that needs more
 *   than is available blocks the ones behind it, as in AQS shared mode).
 * - Fair (`new Semaphore(n, true)`, what RocketMQ uses): a timed `tryAcquire` never overtakes queued
 *   waiters. Non-fair: it takes free permits even when others wait ("barging").
 * - The untimed {@link tryAcquireNow} barges in both modes, exactly like Java's `tryAcquire()`.
 * - A timeout <= 0 only tries once. Permits may go above the initial count (release without acquire).
 */
export class Semaphore implements Blocker {
  private permits: number;
  private waiters: SemWaiter[] = [];
  private head = 0;

  /** The permits it was created with (for showing how full it is; Java keeps no such number). */
  readonly initialPermits: number;

  constructor(
    private readonly kernel: Kernel,
    permits: number,
    readonly fair = false,
  ) {
    this.permits = permits;
    this.initialPermits = permits;
  }

  availablePermits(): number {
    return this.permits;
  }

  /** Number of processes waiting (Java `getQueueLength`). */
  getQueueLength(): number {
    let n = 0;
    for (let i = this.head; i < this.waiters.length; i++) {
      const w = this.waiters[i]!;
      if (w.p.token === w.token) n++;
    }
    return n;
  }

  hasQueuedThreads(): boolean {
    return this.getQueueLength() > 0;
  }

  /** Java `tryAcquire(permits)`: no wait, barges even when fair. */
  tryAcquireNow(permits = 1): boolean {
    checkPermits(permits);
    if (this.permits - permits < 0) return false;
    this.permits -= permits;
    return true;
  }

  /** Java `tryAcquire(permits, timeout, MILLISECONDS)`: true when acquired within the timeout. */
  *tryAcquire(permits: number, timeoutMs: number): Sim<boolean> {
    checkPermits(permits);
    if (this.tryImmediate(permits)) return true;
    if (!(timeoutMs > 0)) return false;
    this.kernel.armTimeout(timeoutMs);
    pendingPermits = permits;
    const r = yield this;
    return r !== TIMED_OUT;
  }

  /** Java `acquireUninterruptibly(permits)`: waits as long as it takes. */
  *acquire(permits = 1): Sim<void> {
    checkPermits(permits);
    if (this.tryImmediate(permits)) return;
    pendingPermits = permits;
    yield this;
  }

  release(permits = 1): void {
    checkPermits(permits);
    this.permits += permits;
    this.dispatch();
  }

  /** Takes every free permit; returns how many. */
  drainPermits(): number {
    const n = this.permits > 0 ? this.permits : 0;
    this.permits -= n;
    return n;
  }

  park(p: Process<unknown>): void {
    this.waiters.push({ p, token: p.token, permits: pendingPermits });
  }

  onTimeout(p: Process<unknown>): void {
    // The process gave up; AQS then lets the next waiter try, which matters when the head was blocking
    // smaller requests behind it.
    this.dispatch();
    void p;
  }

  private tryImmediate(permits: number): boolean {
    if (this.fair && this.hasQueuedThreads()) return false;
    if (this.permits - permits < 0) return false;
    this.permits -= permits;
    return true;
  }

  private dispatch(): void {
    const waiters = this.waiters;
    while (this.head < waiters.length) {
      const w = waiters[this.head]!;
      if (w.p.token !== w.token) {
        this.head++; // timed out or otherwise gone
        continue;
      }
      if (this.permits - w.permits < 0) break;
      this.permits -= w.permits;
      this.head++;
      this.kernel.wake(w.p, true);
    }
    if (this.head > 64 && this.head * 2 > waiters.length) {
      this.waiters = waiters.slice(this.head);
      this.head = 0;
    }
  }
}

// Handed from a waiting generator to `park`, which the kernel calls synchronously right after the yield.
let pendingPermits = 1;

function checkPermits(permits: number): void {
  if (permits < 0) throw new RangeError(`negative permits: ${permits}`);
}
