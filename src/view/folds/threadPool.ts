import { kindAt } from '../../trace/access';
import type { Trace, TraceEvent } from '../../trace/types';
import type { Fold } from '../fold';
import { bool, firstNum, firstStr, msgIdOf, num, provenance, str, type Provenance } from './eventFields';
import { rpcKindOfName, rpcName } from './rpcKinds';

/**
 * The Thread pool panel's fold: the async sender executor (`AsyncSenderExecutor_N` workers and its bounded
 * queue), the callback executor, rejections, tasks whose queue wait ate their timeout ("DEFAULT ASYNC send
 * call timeout"), and the 5.x back-pressure semaphores. The queue is a window over the pool's enqueue order
 * (precomputed from the trace), so a checkpoint copies only the few tasks that left it out of order.
 */

export type PoolRole = 'sender' | 'callback' | 'other';

export const DEFAULT_POOL = 'AsyncSenderExecutor';

export interface QueuedTask {
  msgId: string;
  timeoutMs: number | null;
  enqueued: Provenance;
}

export interface RunningTask {
  msgId: string;
  worker: string;
  /** The time the task waited in the queue before this worker took it. */
  waitedMs: number;
  timeoutMs: number | null;
  /** The queue wait used the whole budget: upstream calls back "DEFAULT ASYNC send call timeout". */
  eaten: boolean;
  started: Provenance;
}

export interface TaskRecord {
  msgId: string;
  from: Provenance;
  waitedMs?: number;
  timeoutMs?: number | null;
}

export interface PoolIndex {
  name: string;
  role: PoolRole;
  /** Worker names seen anywhere in the trace, in number order. */
  workers: string[];
  /** Every `executor.enqueue` of this pool, in order. */
  enqueues: QueuedTask[];
  /** msgId -> its positions in `enqueues`. */
  enqueuePositions: Map<string, number[]>;
  capacity: number | null;
}

export interface PoolState {
  readonly index: PoolIndex;
  /** `enqueues[head..tail)` minus `left` are waiting. */
  head: number;
  tail: number;
  left: Set<number>;
  /** The queue size the latest event of this pool reported. */
  queued: number;
  queuedFrom: Provenance | null;
  running: Map<string, RunningTask>;
  ran: number;
  rejected: number;
  recentRejected: TaskRecord[];
  eaten: number;
  recentEaten: TaskRecord[];
  seen: boolean;
}

export interface SemaphoreRow {
  name: string;
  available: number | null;
  capacity: number | null;
  waiting: number | null;
  timeouts: number;
  from: Provenance;
}

export interface CallbackRecord {
  msgId: string;
  status: string;
  exception: string | null;
  message: string | null;
  from: Provenance;
}

export interface ThreadPoolIndex {
  pools: Map<string, PoolIndex>;
  timeoutByMsg: Map<string, number>;
}

export interface ThreadPoolState {
  readonly index: ThreadPoolIndex;
  now: number;
  lastSeq: number;
  pools: Map<string, PoolState>;
  /** msgId -> the pool and worker running it, until its dispatch ends. */
  runningMsg: Map<string, { pool: string; worker: string }>;
  callbacks: { delivered: number; failed: number; recent: CallbackRecord[] };
  semaphores: Map<string, SemaphoreRow>;
}

const RECENT = 6;

/** The pool an executor event belongs to: a named field, else the worker's thread-name prefix. */
export function poolOf(e: TraceEvent): string {
  const explicit = firstStr(e, ['executor', 'pool', 'executorName']);
  if (explicit) return explicit;
  const worker = str(e, 'worker');
  if (worker) {
    const prefix = worker.replace(/[_-]?\d+$/, '');
    if (prefix && prefix !== worker) return prefix;
  }
  return DEFAULT_POOL;
}

export function poolRole(name: string): PoolRole {
  if (/callback|public/i.test(name)) return 'callback';
  if (/async|sender/i.test(name)) return 'sender';
  return 'other';
}

function workerNumber(name: string): number {
  const m = /(\d+)$/.exec(name);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

export function indexThreadPool(trace: Trace): ThreadPoolIndex {
  const pools = new Map<string, PoolIndex>();
  const timeoutByMsg = new Map<string, number>();
  const workerSets = new Map<string, Set<string>>();
  const pool = (name: string): PoolIndex => {
    let p = pools.get(name);
    if (!p) {
      p = {
        name,
        role: poolRole(name),
        workers: [],
        enqueues: [],
        enqueuePositions: new Map(),
        capacity: null,
      };
      pools.set(name, p);
      workerSets.set(name, new Set());
    }
    return p;
  };
  for (let i = 0; i < trace.length; i++) {
    // Only calls (their timeout) and executor events matter; other events are skipped unbuilt.
    const kind = kindAt(trace, i);
    if (kind !== 'send.call' && !kind.startsWith('executor.')) continue;
    const e = trace.at(i)!;
    const msgId = msgIdOf(e);
    if (e.kind === 'send.call' && msgId) {
      const timeout = num(e, 'timeoutMs');
      if (timeout !== undefined) timeoutByMsg.set(msgId, timeout);
    }
    if (!e.kind.startsWith('executor.')) continue;
    const p = pool(poolOf(e));
    const capacity = firstNum(e, ['capacity', 'queueCapacity']);
    if (capacity !== undefined) p.capacity = capacity;
    const worker = str(e, 'worker');
    if (worker) workerSets.get(p.name)!.add(worker);
    if (e.kind === 'executor.enqueue' && msgId) {
      const positions = p.enqueuePositions.get(msgId);
      const position = p.enqueues.length;
      if (positions) positions.push(position);
      else p.enqueuePositions.set(msgId, [position]);
      p.enqueues.push({ msgId, timeoutMs: timeoutByMsg.get(msgId) ?? null, enqueued: provenance(e) });
    }
  }
  for (const [name, p] of pools) {
    p.workers = [...workerSets.get(name)!].sort(
      (a, b) => workerNumber(a) - workerNumber(b) || (a < b ? -1 : 1),
    );
  }
  return { pools, timeoutByMsg };
}

function newPool(index: PoolIndex): PoolState {
  return {
    index,
    head: 0,
    tail: 0,
    left: new Set(),
    queued: 0,
    queuedFrom: null,
    running: new Map(),
    ran: 0,
    rejected: 0,
    recentRejected: [],
    eaten: 0,
    recentEaten: [],
    seen: false,
  };
}

function pushRecent<T>(list: T[], item: T): T[] {
  const next = [...list, item];
  return next.length > RECENT ? next.slice(next.length - RECENT) : next;
}

/** Removes the first waiting occurrence of `msgId` from the queue window; false when it was not queued. */
function dequeue(p: PoolState, msgId: string): QueuedTask | null {
  const positions = p.index.enqueuePositions.get(msgId);
  if (!positions) return null;
  for (const position of positions) {
    if (position < p.head || position >= p.tail || p.left.has(position)) continue;
    const task = p.index.enqueues[position]!;
    if (position === p.head) {
      p.head++;
      while (p.head < p.tail && p.left.has(p.head)) {
        p.left.delete(p.head);
        p.head++;
      }
    } else {
      p.left.add(position);
    }
    return task;
  }
  return null;
}

function freeWorker(state: ThreadPoolState, msgId: string): void {
  const where = state.runningMsg.get(msgId);
  if (!where) return;
  state.runningMsg.delete(msgId);
  const p = state.pools.get(where.pool);
  const running = p?.running.get(where.worker);
  if (p && running?.msgId === msgId) p.running.delete(where.worker);
}

function poolState(state: ThreadPoolState, name: string): PoolState {
  let p = state.pools.get(name);
  if (!p) {
    const index = state.index.pools.get(name) ?? {
      name,
      role: poolRole(name),
      workers: [],
      enqueues: [],
      enqueuePositions: new Map(),
      capacity: null,
    };
    p = newPool(index);
    state.pools.set(name, p);
  }
  return p;
}

function markEaten(p: PoolState, task: RunningTask): void {
  task.eaten = true;
  p.eaten++;
  p.recentEaten = pushRecent(p.recentEaten, {
    msgId: task.msgId,
    from: task.started,
    waitedMs: task.waitedMs,
    timeoutMs: task.timeoutMs,
  });
}

function applyExecutor(state: ThreadPoolState, e: TraceEvent): void {
  const p = poolState(state, poolOf(e));
  p.seen = true;
  const msgId = msgIdOf(e);
  const queued = num(e, 'queued');
  if (queued !== undefined) {
    p.queued = queued;
    p.queuedFrom = provenance(e);
  }
  if (!msgId) return;
  const timeoutMs = state.index.timeoutByMsg.get(msgId) ?? null;
  switch (e.kind) {
    case 'executor.enqueue':
      if (p.tail < p.index.enqueues.length) p.tail++;
      break;
    case 'executor.run': {
      const task = dequeue(p, msgId);
      const worker = str(e, 'worker') ?? `${p.index.name}?`;
      const waitedMs = num(e, 'waitedMs') ?? (task ? e.t - task.enqueued.t : 0);
      const previous = p.running.get(worker);
      if (previous) state.runningMsg.delete(previous.msgId);
      const running: RunningTask = {
        msgId,
        worker,
        waitedMs,
        timeoutMs,
        eaten: false,
        started: provenance(e),
      };
      p.running.set(worker, running);
      state.runningMsg.set(msgId, { pool: p.index.name, worker });
      p.ran++;
      // DefaultMQProducerImpl.send(msg, cb, timeout) (4.x): the task runs only `if (timeout > costTime)`.
      if (timeoutMs !== null && p.index.role !== 'callback' && waitedMs >= timeoutMs) markEaten(p, running);
      break;
    }
    case 'executor.reject':
      p.rejected++;
      p.recentRejected = pushRecent(p.recentRejected, { msgId, from: provenance(e), timeoutMs });
      break;
    case 'executor.done':
    case 'executor.end':
    case 'executor.complete':
    case 'executor.finish':
      freeWorker(state, msgId);
      break;
  }
}

export const threadPoolFold: Fold<ThreadPoolState> = {
  name: 'threadPool',
  initial(trace: Trace): ThreadPoolState {
    const index = indexThreadPool(trace);
    const pools = new Map<string, PoolState>();
    for (const [name, p] of index.pools) pools.set(name, newPool(p));
    return {
      index,
      now: 0,
      lastSeq: -1,
      pools,
      runningMsg: new Map(),
      callbacks: { delivered: 0, failed: 0, recent: [] },
      semaphores: new Map(),
    };
  },
  apply(state: ThreadPoolState, e: TraceEvent): ThreadPoolState {
    state.now = e.t;
    state.lastSeq = e.seq;
    if (e.kind.startsWith('executor.')) {
      applyExecutor(state, e);
      return state;
    }
    // The remoting client's semaphores (semaphore.*) and the 5.x producer back-pressure semaphores
    // (semaphoreAsyncSendNum and semaphoreAsyncSendSize), each with its state after the step.
    if (e.kind.startsWith('semaphore.') || e.kind === 'producer.backpressure') {
      const name = firstStr(e, ['semaphore', 'name']) ?? 'semaphore';
      const prev = state.semaphores.get(name);
      const timedOut =
        e.kind === 'semaphore.timeout' || bool(e, 'acquired') === false || str(e, 'action') === 'timeout';
      state.semaphores.set(name, {
        name,
        available: firstNum(e, ['available', 'availablePermits']) ?? prev?.available ?? null,
        capacity: firstNum(e, ['capacity', 'permitsTotal', 'total']) ?? prev?.capacity ?? null,
        waiting: firstNum(e, ['waiting', 'queueLength', 'waitingThreads']) ?? prev?.waiting ?? null,
        timeouts: (prev?.timeouts ?? 0) + (timedOut ? 1 : 0),
        from: provenance(e),
      });
      return state;
    }
    const msgId = msgIdOf(e);
    if (!msgId) return state;
    switch (e.kind) {
      case 'rpc.send':
        // The worker's task ends once the request is written: the reply comes back on another thread.
        if (state.runningMsg.has(msgId) && rpcKindOfName(rpcName(e)) === 'send') freeWorker(state, msgId);
        break;
      case 'budget.check': {
        const where = state.runningMsg.get(msgId);
        const running = where ? state.pools.get(where.pool)?.running.get(where.worker) : undefined;
        const p = where ? state.pools.get(where.pool) : undefined;
        if (running && p && !running.eaten && (e as { ok?: unknown }).ok === false) markEaten(p, running);
        break;
      }
      case 'attempt.end':
        freeWorker(state, msgId);
        break;
      case 'send.result': {
        freeWorker(state, msgId);
        if ((e as { viaCallback?: unknown }).viaCallback === true) {
          const status = str(e, 'status') ?? '?';
          state.callbacks.delivered++;
          if (status === 'EXCEPTION') state.callbacks.failed++;
          state.callbacks.recent = pushRecent(state.callbacks.recent, {
            msgId,
            status,
            exception: str(e, 'exception') ?? null,
            message: str(e, 'message') ?? null,
            from: provenance(e),
          });
        }
        break;
      }
    }
    return state;
  },
  clone(state: ThreadPoolState): ThreadPoolState {
    const pools = new Map<string, PoolState>();
    for (const [name, p] of state.pools) {
      const running = new Map<string, RunningTask>();
      for (const [w, task] of p.running) running.set(w, { ...task });
      pools.set(name, { ...p, left: new Set(p.left), running });
    }
    return {
      ...state,
      pools,
      runningMsg: new Map(state.runningMsg),
      callbacks: { ...state.callbacks },
      semaphores: new Map(state.semaphores),
    };
  },
};

/** The tasks waiting in a pool's queue at the cursor, oldest first; at most `limit` of them. */
export function waitingTasks(p: PoolState, limit: number): QueuedTask[] {
  const out: QueuedTask[] = [];
  for (let position = p.head; position < p.tail && out.length < limit; position++) {
    if (!p.left.has(position)) out.push(p.index.enqueues[position]!);
  }
  return out;
}

/** How many tasks are waiting, counted from the window (the trace's `queued` may differ mid-event). */
export function waitingCount(p: PoolState): number {
  return p.tail - p.head - p.left.size;
}

/** A waiting task's share of its timeout already spent in the queue (0..1+), at `now`. */
export function waitShare(task: QueuedTask, now: number): number | null {
  if (task.timeoutMs === null || task.timeoutMs <= 0) return null;
  return (now - task.enqueued.t) / task.timeoutMs;
}
