/**
 * Java's `ThreadLocal`, for a simulation that runs on one JavaScript thread.
 *
 * Upstream keeps state per Java thread (the producer's `sendWhichQueue` index lives in a `ThreadLocal`), so
 * the sending thread and a netty callback thread see different values. Here a "thread" is a name: the
 * kernel sets the current one whenever it resumes a simulated process, and harnesses use `runOnThread`.
 */
let currentThread = 'main';

export function currentThreadName(): string {
  return currentThread;
}

/** Runs `body` as if on the named thread, restoring the previous thread afterwards (even on throw). */
export function runOnThread<T>(name: string, body: () => T): T {
  const previous = currentThread;
  currentThread = name;
  try {
    return body();
  } finally {
    currentThread = previous;
  }
}

/** Switches the current thread without restoring it; for the kernel, which resumes processes one at a time. */
export function setCurrentThread(name: string): void {
  currentThread = name;
}

export class ThreadLocal<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly initialValue: () => T) {}

  get(): T {
    return this.getFor(currentThread);
  }

  set(value: T): void {
    this.values.set(currentThread, value);
  }

  /** Reads another thread's value: what the conformance harness does by reflection. */
  getFor(thread: string): T {
    if (!this.values.has(thread)) this.values.set(thread, this.initialValue());
    return this.values.get(thread) as T;
  }

  setFor(thread: string, value: T): void {
    this.values.set(thread, value);
  }
}
