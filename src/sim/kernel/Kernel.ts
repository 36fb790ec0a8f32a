import type { Clock } from '../common/Clock';
import { setCurrentThread } from '../common/ThreadLocal';
import { EventQueue, type ScheduledEvent } from './EventQueue';

/**
 * The discrete-event kernel: a virtual clock in ms, one event queue, and simulated processes.
 *
 * A process is a generator function. It runs until it yields a {@link Wait}: a number means "sleep this
 * many ms", a {@link Blocker} (a Future, Signal, Semaphore, ...) means "park me until you wake me". This
 * is how blocking Java (a thread waiting in `invokeSync`, a worker waiting for a task) keeps its shape
 * in TypeScript: `const response = yield* remoting.invokeSync(addr, request, timeoutMillis)`.
 *
 * Determinism: events run in (time, insertion sequence) order; nothing reads the wall clock.
 */

/** What a process may yield: a sleep in ms, or something that will wake it. */
export type Wait = number | Blocker;

/** A simulated process body: yields waits, returns T. Every upstream method that blocks is one of these. */
export type Sim<T> = Generator<Wait, T, unknown>;

/** Something a process can park on. The kernel calls `park` right after the process yielded it. */
export interface Blocker {
  park(process: Process<unknown>): void;
  /** Called when the process's timeout fires before it was woken (remove it from wait lists). */
  onTimeout?(process: Process<unknown>): void;
}

/** The value a timed wait resumes with when its timeout fired first. */
export const TIMED_OUT: unique symbol = Symbol('TIMED_OUT');

/** Sleeps `ms` virtual milliseconds (0 = yield to the other events of this millisecond). */
export function* sleep(ms: number): Sim<void> {
  yield ms < 0 ? 0 : ms;
}

export type ProcessState = 'ready' | 'waiting' | 'done';

export class Process<T = unknown> {
  /** Bumped every time the process is woken; a wake or timeout holding an older token is stale. */
  token = 0;
  state: ProcessState = 'ready';
  result: T | undefined = undefined;
  error: unknown = undefined;
  failed = false;
  /** The blocker the process is parked on, if any (for timeout clean-up). */
  blocker: Blocker | null = null;
  /** Processes parked in `join`. */
  joiners: Process<unknown>[] | null = null;
  /** The pending timeout of the current wait, cancelled when the process is woken first. */
  timeoutEvent: ScheduledEvent | null = null;

  constructor(
    readonly kernel: Kernel,
    readonly name: string,
    /** The Java thread this process stands for: `ThreadLocal`s are per thread name. */
    readonly threadName: string,
    readonly gen: Sim<T>,
  ) {}

  /** Waits until this process has finished; returns false on timeout. Rethrows nothing. */
  *join(timeoutMs?: number): Sim<boolean> {
    if (this.state === 'done') return true;
    if (timeoutMs !== undefined) this.kernel.armTimeout(timeoutMs);
    const r = yield joinBlocker(this);
    return r !== TIMED_OUT;
  }
}

function joinBlocker(target: Process<unknown>): Blocker {
  return {
    park(p) {
      (target.joiners ??= []).push(p);
    },
  };
}

export type UncaughtHandler = (process: Process<unknown>, error: unknown) => void;

function resumeEvent(a: unknown, b: unknown): void {
  const p = a as Process<unknown>;
  p.kernel.step(p, b, false);
}

function timeoutEvent(a: unknown, b: unknown): void {
  const p = a as Process<unknown>;
  if (p.token !== b) return; // woken before the timeout
  p.token++;
  p.timeoutEvent = null;
  const blocker = p.blocker;
  p.blocker = null;
  if (blocker && blocker.onTimeout) blocker.onTimeout(p);
  p.kernel.step(p, TIMED_OUT, false);
}

function sleepEvent(a: unknown, b: unknown): void {
  const p = a as Process<unknown>;
  if (p.token !== b) return;
  p.token++;
  p.kernel.step(p, undefined, false);
}

function callbackEvent(a: unknown, b: unknown): void {
  (a as (arg: unknown) => void)(b);
}

/** The thread name the kernel reports while it runs plain callbacks (not processes). */
export const KERNEL_THREAD = 'sim-kernel';

export class Kernel implements Clock {
  private time = 0;
  private readonly queue = new EventQueue();
  private pendingTimeout = -1;
  private running: Process<unknown> | null = null;
  private eventsRun = 0;
  private crash: { error: unknown } | null = null;

  /**
   * What happens to an exception a process does not catch. The default makes `run()` throw it (after
   * the current event), which is what tests want; a world simulation may log it instead.
   */
  uncaught: UncaughtHandler = (_process, error) => {
    this.crash ??= { error };
  };

  constructor(startTime = 0) {
    this.time = startTime;
  }

  now(): number {
    return this.time;
  }

  /** Number of events executed so far (bench figures). */
  get executedEvents(): number {
    return this.eventsRun;
  }

  /** Events still queued. */
  get pendingEvents(): number {
    return this.queue.size;
  }

  /** The process being resumed right now, or null inside a plain callback. */
  get current(): Process<unknown> | null {
    return this.running;
  }

  /** Runs `callback(arg)` at virtual time `at` (>= now). Same-time events run in scheduling order. */
  schedule<A>(at: number, callback: (arg: A) => void, arg?: A): void {
    if (!(at >= this.time)) throw new RangeError(`cannot schedule at ${at}, now is ${this.time}`);
    this.queue.push(at, callbackEvent, callback, arg);
  }

  /** Runs `callback(arg)` `delay` ms from now. */
  scheduleAfter<A>(delay: number, callback: (arg: A) => void, arg?: A): void {
    this.schedule(this.time + (delay > 0 ? delay : 0), callback, arg);
  }

  /**
   * Starts a simulated process at `at` (default now). `threadName` (default `name`) is the Java thread
   * it models; processes that share a thread name share `ThreadLocal` values.
   */
  spawn<T>(
    name: string,
    body: Sim<T> | (() => Sim<T>),
    options?: { thread?: string; at?: number },
  ): Process<T> {
    const gen = typeof body === 'function' ? body() : body;
    const p = new Process<T>(this, name, options?.thread ?? name, gen);
    const at = options?.at ?? this.time;
    if (!(at >= this.time)) throw new RangeError(`cannot spawn at ${at}, now is ${this.time}`);
    this.queue.push(at, resumeEvent, p, undefined);
    return p;
  }

  /**
   * Asks for a timeout on the wait the current process is about to yield. Blockers call this just
   * before `yield`; the kernel arms it when the process parks.
   */
  armTimeout(ms: number): void {
    this.pendingTimeout = ms < 0 ? 0 : ms;
  }

  /** Wakes a parked process with `value` (delivered as the result of its `yield`), at the current time. */
  wake(p: Process<unknown>, value?: unknown): void {
    if (p.state !== 'waiting') return;
    p.token++;
    p.blocker = null;
    if (p.timeoutEvent !== null) {
      // A cancelled timeout must not move the clock when it is popped.
      p.timeoutEvent.live = false;
      p.timeoutEvent = null;
    }
    p.state = 'ready';
    this.queue.push(this.time, resumeEvent, p, value);
  }

  /** Executes events until the queue is empty or the next event is later than `until`. */
  run(until?: number): void {
    const limit = until ?? Infinity;
    const queue = this.queue;
    for (;;) {
      const next = queue.peek();
      if (!next || next.at > limit) break;
      queue.pop();
      if (!next.live) continue;
      this.time = next.at;
      this.eventsRun++;
      next.fn(next.a, next.b);
      if (this.crash) {
        const { error } = this.crash;
        this.crash = null;
        throw error;
      }
    }
    if (until !== undefined && Number.isFinite(until) && until > this.time) this.time = until;
    setCurrentThread(KERNEL_THREAD);
  }

  /** Executes one event; false when there is none. */
  stepOnce(): boolean {
    let next = this.queue.pop();
    while (next && !next.live) next = this.queue.pop();
    if (!next) return false;
    this.time = next.at;
    this.eventsRun++;
    next.fn(next.a, next.b);
    if (this.crash) {
      const { error } = this.crash;
      this.crash = null;
      throw error;
    }
    return true;
  }

  /** @internal Resumes `p` with a value (or throws `value` into it when `isThrow`). */
  step(p: Process<unknown>, value: unknown, isThrow: boolean): void {
    if (p.state === 'done') return;
    const previous = this.running;
    this.running = p;
    p.state = 'ready';
    setCurrentThread(p.threadName);
    this.pendingTimeout = -1;
    let r: IteratorResult<Wait, unknown>;
    try {
      r = isThrow ? p.gen.throw(value) : p.gen.next(value);
    } catch (error) {
      this.running = previous;
      this.finish(p, undefined, error, true);
      return;
    }
    this.running = previous;
    if (r.done) {
      this.finish(p, r.value, undefined, false);
      return;
    }
    const w = r.value;
    p.state = 'waiting';
    if (typeof w === 'number') {
      this.queue.push(this.time + w, sleepEvent, p, p.token);
      this.pendingTimeout = -1;
      return;
    }
    p.blocker = w;
    const timeout = this.pendingTimeout;
    this.pendingTimeout = -1;
    w.park(p);
    // `park` may have woken the process at once (the blocker was already satisfied).
    if (timeout >= 0 && p.state === 'waiting') {
      p.timeoutEvent = this.queue.push(this.time + timeout, timeoutEvent, p, p.token);
    }
  }

  private finish(p: Process<unknown>, result: unknown, error: unknown, failed: boolean): void {
    p.state = 'done';
    p.result = result;
    p.error = error;
    p.failed = failed;
    p.blocker = null;
    const joiners = p.joiners;
    p.joiners = null;
    if (joiners) for (const j of joiners) this.wake(j, true);
    if (failed) this.uncaught(p, error);
  }
}
