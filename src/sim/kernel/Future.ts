import { TIMED_OUT, type Blocker, type Kernel, type Process, type Sim } from './Kernel';

/** Thrown by {@link Future.get} when the timeout passed first (Java's `TimeoutException`). */
export class FutureTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`future not completed within ${timeoutMs} ms`);
    this.name = 'FutureTimeoutError';
  }
}

interface Waiter {
  p: Process<unknown>;
  token: number;
}

/**
 * A one-shot result that processes can wait for, with a timeout: a `CompletableFuture` or a
 * `CountDownLatch(1)` holding a value. Completing it wakes every waiting process at the current time,
 * in the order they started waiting.
 */
export class Future<T> implements Blocker {
  private waiters: Waiter[] = [];
  private listeners: ((f: Future<T>) => void)[] | null = null;
  private state: 0 | 1 | 2 = 0; // pending, completed, failed
  private result: T | undefined = undefined;
  private failure: unknown = undefined;

  constructor(private readonly kernel: Kernel) {}

  isDone(): boolean {
    return this.state !== 0;
  }

  isFailed(): boolean {
    return this.state === 2;
  }

  /** The value, or undefined while pending or failed. */
  get value(): T | undefined {
    return this.result;
  }

  get error(): unknown {
    return this.failure;
  }

  /** Completes with a value; false if it was already done (the first completion wins, as in Java). */
  complete(value: T): boolean {
    if (this.state !== 0) return false;
    this.state = 1;
    this.result = value;
    this.release();
    return true;
  }

  fail(error: unknown): boolean {
    if (this.state !== 0) return false;
    this.state = 2;
    this.failure = error;
    this.release();
    return true;
  }

  /** Runs `listener` synchronously on completion (or at once if done): `whenComplete` without a thread hop. */
  onDone(listener: (f: Future<T>) => void): void {
    if (this.state !== 0) listener(this);
    else (this.listeners ??= []).push(listener);
  }

  /** Waits until done or `timeoutMs` passed; true when done. */
  *await(timeoutMs?: number): Sim<boolean> {
    if (this.state !== 0) return true;
    if (timeoutMs !== undefined) {
      if (timeoutMs <= 0) return false;
      this.kernel.armTimeout(timeoutMs);
    }
    const r = yield this;
    return r !== TIMED_OUT;
  }

  /** Waits and returns the value; throws the failure, or {@link FutureTimeoutError} on timeout. */
  *get(timeoutMs?: number): Sim<T> {
    const done = yield* this.await(timeoutMs);
    if (!done) throw new FutureTimeoutError(timeoutMs ?? 0);
    if (this.state === 2) throw this.failure;
    return this.result as T;
  }

  park(p: Process<unknown>): void {
    this.waiters.push({ p, token: p.token });
  }

  onTimeout(p: Process<unknown>): void {
    this.waiters = this.waiters.filter((w) => w.p !== p);
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) if (w.p.token === w.token) this.kernel.wake(w.p, true);
    const listeners = this.listeners;
    this.listeners = null;
    if (listeners) for (const l of listeners) l(this);
  }
}

/**
 * A repeating wake-up: every `fire(value)` wakes the processes waiting at that moment (a condition
 * variable's `signalAll`). Processes that start waiting later wait for the next fire.
 */
export class Signal<T = void> implements Blocker {
  private waiters: Waiter[] = [];
  private last: T | undefined = undefined;
  private fires = 0;

  constructor(private readonly kernel: Kernel) {}

  /** The value of the latest fire. */
  get value(): T | undefined {
    return this.last;
  }

  /** How many times it fired. */
  get count(): number {
    return this.fires;
  }

  /** Number of processes waiting now. */
  get waiting(): number {
    let n = 0;
    for (const w of this.waiters) if (w.p.token === w.token) n++;
    return n;
  }

  fire(value: T): void {
    this.last = value;
    this.fires++;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) if (w.p.token === w.token) this.kernel.wake(w.p, true);
  }

  /** Waits for the next fire; false when `timeoutMs` passed first. */
  *wait(timeoutMs?: number): Sim<boolean> {
    if (timeoutMs !== undefined) {
      if (timeoutMs <= 0) return false;
      this.kernel.armTimeout(timeoutMs);
    }
    const r = yield this;
    return r !== TIMED_OUT;
  }

  park(p: Process<unknown>): void {
    this.waiters.push({ p, token: p.token });
  }

  onTimeout(p: Process<unknown>): void {
    this.waiters = this.waiters.filter((w) => w.p !== p);
  }
}
