export { EventQueue, type ScheduledEvent } from './EventQueue';
export {
  Kernel,
  Process,
  sleep,
  TIMED_OUT,
  KERNEL_THREAD,
  type Blocker,
  type ProcessState,
  type Sim,
  type UncaughtHandler,
  type Wait,
} from './Kernel';
export { Future, FutureTimeoutError, Signal } from './Future';
export { Semaphore } from './Semaphore';
export {
  ThreadPoolExecutor,
  RejectedExecutionError,
  jdkRejectionText,
  type ExecutorListener,
  type ExecutorService,
  type RejectionPolicy,
  type Runnable,
  type ThreadPoolOptions,
} from './Executor';
export { RandomSource, RandomStream } from './random';
