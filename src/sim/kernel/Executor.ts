import { type Blocker, type Kernel, type Process, type Sim } from './Kernel';

/** A unit of work an executor runs on one of its threads: Java's `Runnable`, as a simulated process. */
export interface Runnable {
  run(): Sim<void>;
  /**
   * Optional plain-call form of `run`: does what `run` does up to the first step that may need virtual time
   * and returns the rest as a process step, or null when the task is over. Hot tasks (the callback
   * executor's) rarely wait; the worker then runs them without creating a generator.
   */
  runNow?(): Sim<void> | null;
}

/**
 * The part of `java.util.concurrent.ExecutorService` the producer uses. `submit` either accepts the task
 * or throws what the rejection policy throws (Java's `RejectedExecutionException`).
 */
export interface ExecutorService {
  submit(task: Runnable): void;
  shutdown(): void;
  isShutdown(): boolean;
}

/** Java's `RejectedExecutionHandler`: the default (AbortPolicy) throws. */
export type RejectionPolicy = (task: Runnable, executor: ThreadPoolExecutor) => void;

/** Observes the pool for the trace (`executor.enqueue`, `executor.run`, `executor.reject`). */
export interface ExecutorListener {
  onEnqueue?(task: Runnable, queued: number): void;
  onRun?(task: Runnable, worker: string, waitedMs: number): void;
  onReject?(task: Runnable, queued: number): void;
}

export interface ThreadPoolOptions {
  /** Thread name prefix; workers are `<prefix>1`, `<prefix>2`, ... (`AsyncSenderExecutor_` upstream). */
  threadNamePrefix: string;
  corePoolSize: number;
  /** Default: corePoolSize (upstream's async sender uses core = max). */
  maximumPoolSize?: number;
  /** Capacity of the `LinkedBlockingQueue` (50000 for the async sender). */
  queueCapacity: number;
  rejectionPolicy?: RejectionPolicy;
  listener?: ExecutorListener;
  /**
   * What happens to an exception a task throws. Java's `submit` keeps it in the returned `Future`, so it
   * is lost unless someone calls `get()`; the default here reports it to the kernel (`run()` rethrows it),
   * which is what tests want. The producer passes a handler that drops Java exceptions, as `submit` does.
   */
  taskErrorHandler?: (task: Runnable, error: unknown) => void;
}

interface Queued {
  task: Runnable;
  enqueuedAt: number;
}

/**
 * `java.util.concurrent.ThreadPoolExecutor` with a bounded queue, on simulated time. `execute` follows
 * the JDK: start a core thread for the task while fewer than `corePoolSize` run; otherwise queue it;
 * if the queue is full start a thread up to `maximumPoolSize`; otherwise reject. After `shutdown`
 * every new task is rejected, and queued tasks still run. Keep-alive is not modelled (idle threads stay).
 */
export class ThreadPoolExecutor implements ExecutorService {
  private readonly queue: Queued[] = [];
  private qHead = 0;
  private workers = 0;
  /** Idle workers parked in `take()`, most recently parked last (one is woken per queued task). */
  private readonly idleWorkers: Process<unknown>[] = [];
  private threadSeq = 0;
  private stopped = false;
  private readonly idleBlocker: Blocker;
  readonly corePoolSize: number;
  readonly maximumPoolSize: number;
  readonly queueCapacity: number;
  readonly threadNamePrefix: string;
  private readonly rejection: RejectionPolicy;
  private readonly listener: ExecutorListener | undefined;
  private readonly taskErrorHandler: ((task: Runnable, error: unknown) => void) | undefined;

  constructor(
    private readonly kernel: Kernel,
    options: ThreadPoolOptions,
  ) {
    this.corePoolSize = options.corePoolSize;
    this.maximumPoolSize = options.maximumPoolSize ?? options.corePoolSize;
    this.queueCapacity = options.queueCapacity;
    this.threadNamePrefix = options.threadNamePrefix;
    this.rejection = options.rejectionPolicy ?? abortPolicy;
    this.listener = options.listener;
    this.taskErrorHandler = options.taskErrorHandler;
    const idle = this.idleWorkers;
    this.idleBlocker = { park: (p) => void idle.push(p) };
  }

  /** Tasks waiting in the queue. */
  get queued(): number {
    return this.queue.length - this.qHead;
  }

  /** Worker threads started so far and still alive. */
  get poolSize(): number {
    return this.workers;
  }

  /** Workers currently running a task. */
  get activeCount(): number {
    return this.workers - this.idleWorkers.length;
  }

  isShutdown(): boolean {
    return this.stopped;
  }

  shutdown(): void {
    this.stopped = true;
    // Idle workers exit once the queue is empty.
    for (const w of this.idleWorkers.splice(0)) this.kernel.wake(w, true);
  }

  submit(task: Runnable): void {
    this.execute(task);
  }

  execute(task: Runnable): void {
    if (this.stopped) return this.reject(task);
    if (this.workers < this.corePoolSize) {
      this.addWorker(task);
      return;
    }
    if (this.queued < this.queueCapacity) {
      this.queue.push({ task, enqueuedAt: this.kernel.now() });
      this.listener?.onEnqueue?.(task, this.queued);
      // LinkedBlockingQueue.offer signals one waiting taker, the longest idle (FIFO).
      const worker = this.idleWorkers.shift();
      if (worker) this.kernel.wake(worker, true);
      return;
    }
    if (this.workers < this.maximumPoolSize) {
      this.addWorker(task);
      return;
    }
    this.reject(task);
  }

  private reject(task: Runnable): void {
    this.listener?.onReject?.(task, this.queued);
    this.rejection(task, this);
  }

  private addWorker(first: Runnable): Process<void> {
    this.workers++;
    const name = `${this.threadNamePrefix}${++this.threadSeq}`;
    return this.kernel.spawn(name, this.workerLoop(name, first));
  }

  private *workerLoop(name: string, first: Runnable): Sim<void> {
    let task: Runnable | null = first;
    let enqueuedAt = this.kernel.now();
    for (;;) {
      if (task) {
        this.listener?.onRun?.(task, name, this.kernel.now() - enqueuedAt);
        try {
          // `run()` would only start when delegated to, right here: the same steps at the same time.
          const rest = task.runNow !== undefined ? task.runNow() : task.run();
          if (rest !== null) yield* rest;
        } catch (error) {
          if (this.taskErrorHandler) this.taskErrorHandler(task, error);
          else this.kernel.uncaught(this.kernel.current ?? ({ name } as Process<unknown>), error);
        }
        task = null;
      }
      if (this.qHead < this.queue.length) {
        const q = this.queue[this.qHead]!;
        this.queue[this.qHead] = undefined as unknown as Queued;
        this.qHead++;
        if (this.qHead > 1024 && this.qHead * 2 > this.queue.length) {
          this.queue.splice(0, this.qHead);
          this.qHead = 0;
        }
        task = q.task;
        enqueuedAt = q.enqueuedAt;
        continue;
      }
      if (this.stopped) break;
      const r = yield this.idleBlocker;
      void r; // never TIMED_OUT: keep-alive is not modelled
    }
    this.workers--;
  }
}

/** Thrown by the default policy; callers usually supply a policy that throws their own exception class. */
export class RejectedExecutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedExecutionException';
  }
}

function abortPolicy(task: Runnable, executor: ThreadPoolExecutor): void {
  throw new RejectedExecutionError(jdkRejectionText(task, executor));
}

/** The shape of the JDK's AbortPolicy text (it names object identities, which a simulation does not have). */
export function jdkRejectionText(task: Runnable, executor: ThreadPoolExecutor): string {
  const state = executor.isShutdown() ? 'Shutting down' : 'Running';
  return (
    `Task ${String(task)} rejected from ThreadPoolExecutor[${state}, pool size = ${executor.poolSize}, ` +
    `active threads = ${executor.activeCount}, queued tasks = ${executor.queued}]`
  );
}
