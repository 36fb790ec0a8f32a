import { fieldAt, kindAt } from '../../trace/access';
import type { Trace, TraceEvent } from '../../trace/types';
import type { Fold } from '../fold';
import { bool, lastAtOrBefore, msgIdOf, num, provenance, str, type Provenance } from './eventFields';
import { rpcKindOfName, rpcName, type RpcKind } from './rpcKinds';

/**
 * The Timeout budget panel's fold. Every message's timeline (call, queue wait, route lookups, attempts,
 * RPCs, budget checks, result) comes from the whole trace; the fold state is only the cursor and the
 * message at it, and `budgetAt` / `waterfallRows` clip the timelines to the cursor. So stepping and
 * checkpoints cost nothing, and nothing after the cursor is ever shown.
 *
 * The index lists each message's events once per trace; a message's timeline is built from them when a
 * panel first asks for it (the selected message, the waterfall rows in view) and kept for a while. A run of
 * 100,000 messages would otherwise hold every timeline, some 2.7 KB each, and build them all before the
 * page first shows it.
 */

export interface RpcLeg {
  rpcId: number;
  name: string;
  kind: RpcKind;
  to: string;
  send: Provenance;
  arrive?: Provenance;
  replyDepart?: Provenance;
  response?: Provenance;
  timeout?: Provenance;
  /** The budget this RPC was given: the `timeoutMs - costMs` of the last passing budget check before it. */
  budgetMs?: number;
}

export interface AttemptRecord {
  attempt: number;
  brokerName: string;
  queueId: number;
  select: Provenance;
  end?: { outcome: string; error: string | null; from: Provenance };
  rpcs: RpcLeg[];
  store?: { broker: string; queueId: number; offset: number; duplicate: boolean; from: Provenance };
}

export interface BudgetCheck {
  where: string;
  costMs: number;
  timeoutMs: number;
  ok: boolean;
  from: Provenance;
}

export interface MessageTimeline {
  msgId: string;
  /** Position in call order (0 = the first `send.call`). */
  order: number;
  mode: string | null;
  topic: string | null;
  key: string | null;
  timeoutMs: number | null;
  call: Provenance;
  enqueue?: Provenance;
  run?: Provenance & { waitedMs: number };
  reject?: Provenance;
  lookups: { source: string; from: Provenance }[];
  attempts: AttemptRecord[];
  checks: BudgetCheck[];
  /** RPCs of the message made outside any attempt (for example a route query). */
  otherRpcs: RpcLeg[];
  result?: {
    status: string;
    exception: string | null;
    message: string | null;
    costMs: number | null;
    viaCallback: boolean;
    from: Provenance;
  };
}

export interface TimeoutBudgetIndex {
  /** Messages in call order. */
  readonly count: number;
  /** The timeline of the message at `order` in call order (0 <= order < count). */
  at(order: number): MessageTimeline;
  byId: { get(msgId: string): MessageTimeline | undefined; has(msgId: string): boolean };
  /** `seq` of each message's `send.call` (else its first event), in call order (ascending). */
  startSeqs: number[];
}

export interface TimeoutBudgetState {
  readonly index: TimeoutBudgetIndex;
  now: number;
  lastSeq: number;
  /** The message of the event at the cursor, or of the latest event before it that named one. */
  cursorMsgId: string | null;
}

/** Built timelines kept per trace; past this many the least recently asked for is dropped. */
const KEPT_TIMELINES = 5_000;

interface MessageEvents {
  order: number;
  /** Indices of the message's events in the trace, in order: its own and the replies to its RPCs. */
  events: number[];
}

export function indexTimeoutBudget(trace: Trace): TimeoutBudgetIndex {
  const byId = new Map<string, MessageEvents>();
  const ids: string[] = [];
  const startSeqs: number[] = [];
  const rpcOwner = new Map<number, MessageEvents>();
  const seqAt = (i: number) => fieldAt(trace, i, 'seq') as number;
  const add = (msgId: string, i: number, isCall: boolean): MessageEvents => {
    let m = byId.get(msgId);
    if (!m) {
      m = { order: ids.length, events: [] };
      byId.set(msgId, m);
      ids.push(msgId);
      startSeqs.push(seqAt(i));
    }
    m.events.push(i);
    if (isCall) startSeqs[m.order] = seqAt(i);
    return m;
  };
  // Which events belong to which message, by the rules `timelinesOf` follows, reading single fields.
  for (let i = 0; i < trace.length; i++) {
    const kind = kindAt(trace, i);
    if (kind.startsWith('rpc.')) {
      const raw = fieldAt(trace, i, 'rpcId');
      const rpcId = typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
      if (kind !== 'rpc.send') {
        rpcOwner.get(rpcId ?? -1)?.events.push(i);
        continue;
      }
      if (rpcId === undefined) continue;
      const own = rpcOwner.get(rpcId);
      if (own) {
        own.events.push(i);
        continue;
      }
      const msgId = fieldAt(trace, i, 'msgId');
      if (typeof msgId === 'string' && msgId !== '') rpcOwner.set(rpcId, add(msgId, i, false));
      continue;
    }
    const msgId = fieldAt(trace, i, 'msgId');
    if (typeof msgId === 'string' && msgId !== '') add(msgId, i, kind === 'send.call');
  }

  const built = new Map<string, MessageTimeline>();
  const timeline = (msgId: string): MessageTimeline | undefined => {
    let m = built.get(msgId);
    if (m) {
      // Most recently asked for last, so that the oldest is dropped first.
      built.delete(msgId);
      built.set(msgId, m);
      return m;
    }
    const entry = byId.get(msgId);
    if (!entry) return undefined;
    const events = entry.events.map((i) => trace.at(i)!);
    m = { ...timelinesOf(events)[0]!, order: entry.order };
    built.set(msgId, m);
    if (built.size > KEPT_TIMELINES) built.delete(built.keys().next().value!);
    return m;
  };
  return {
    count: ids.length,
    at: (order) => timeline(ids[order]!)!,
    byId: { get: timeline, has: (msgId) => byId.has(msgId) },
    startSeqs,
  };
}

/**
 * The timelines of the messages in `trace`, in the order their first events come. The index calls it with
 * one message's events at a time; over a whole trace it gives every timeline at once (tests compare).
 */
export function timelinesOf(trace: Trace): MessageTimeline[] {
  const messages: MessageTimeline[] = [];
  const byId = new Map<string, MessageTimeline>();
  const rpcOwner = new Map<number, RpcLeg>();
  const timeline = (msgId: string, e: TraceEvent): MessageTimeline => {
    let m = byId.get(msgId);
    if (!m) {
      m = {
        msgId,
        order: messages.length,
        mode: null,
        topic: null,
        key: null,
        timeoutMs: null,
        call: provenance(e),
        lookups: [],
        attempts: [],
        checks: [],
        otherRpcs: [],
      };
      byId.set(msgId, m);
      messages.push(m);
    }
    return m;
  };
  for (let i = 0; i < trace.length; i++) {
    // Decide from single fields whether the event matters before building it: on a big trace most do not
    // (replies of RPCs this index does not follow, fault-table updates and other events of no message).
    const kind = kindAt(trace, i);
    const isReply = kind.startsWith('rpc.') && kind !== 'rpc.send';
    if (isReply) {
      const rpcId = fieldAt(trace, i, 'rpcId');
      if (!rpcOwner.has(typeof rpcId === 'number' ? rpcId : -1)) continue;
    } else if (kind !== 'rpc.send' && typeof fieldAt(trace, i, 'msgId') !== 'string') {
      continue;
    }
    const e = trace.at(i)!;
    if (isReply) {
      const leg = rpcOwner.get(num(e, 'rpcId') ?? -1);
      if (!leg) continue;
      const p = provenance(e);
      if (e.kind === 'rpc.arrive') leg.arrive ??= p;
      else if (e.kind === 'rpc.response') leg.response ??= p;
      else if (e.kind === 'rpc.timeout') leg.timeout ??= p;
      continue;
    }
    const msgId = msgIdOf(e);
    if (e.kind === 'rpc.send') {
      const rpcId = num(e, 'rpcId');
      if (rpcId === undefined) continue;
      const own = rpcOwner.get(rpcId);
      if (own) {
        own.replyDepart ??= provenance(e);
        continue;
      }
      if (!msgId) continue;
      const m = timeline(msgId, e);
      const name = rpcName(e);
      const lastOk = [...m.checks].reverse().find((c) => c.ok);
      const leg: RpcLeg = {
        rpcId,
        name,
        kind: rpcKindOfName(name),
        to: str(e, 'to') ?? '?',
        send: provenance(e),
        ...(lastOk ? { budgetMs: lastOk.timeoutMs - lastOk.costMs } : {}),
      };
      rpcOwner.set(rpcId, leg);
      const attempt = m.attempts.at(-1);
      if (attempt && leg.kind === 'send' && !attempt.end) attempt.rpcs.push(leg);
      else if (attempt && leg.kind === 'send' && !attempt.rpcs.length) attempt.rpcs.push(leg);
      else m.otherRpcs.push(leg);
      continue;
    }
    if (!msgId) continue;
    const m = timeline(msgId, e);
    const p = provenance(e);
    switch (e.kind) {
      case 'send.call':
        m.call = p;
        m.mode = str(e, 'mode') ?? null;
        m.topic = str(e, 'topic') ?? null;
        m.key = str(e, 'key') ?? null;
        m.timeoutMs = num(e, 'timeoutMs') ?? null;
        break;
      case 'executor.enqueue':
        m.enqueue ??= p;
        break;
      case 'executor.run':
        m.run ??= { ...p, waitedMs: num(e, 'waitedMs') ?? (m.enqueue ? e.t - m.enqueue.t : 0) };
        break;
      case 'executor.reject':
        m.reject ??= p;
        break;
      case 'route.lookup':
        m.lookups.push({ source: str(e, 'source') ?? '?', from: p });
        break;
      case 'queue.select':
        m.attempts.push({
          attempt: num(e, 'attempt') ?? m.attempts.length,
          brokerName: str(e, 'brokerName') ?? '?',
          queueId: num(e, 'queueId') ?? -1,
          select: p,
          rpcs: [],
        });
        break;
      case 'budget.check':
        m.checks.push({
          where: str(e, 'where') ?? '?',
          costMs: num(e, 'costMs') ?? 0,
          timeoutMs: num(e, 'timeoutMs') ?? 0,
          ok: bool(e, 'ok') ?? true,
          from: p,
        });
        break;
      case 'broker.store': {
        const attempt = m.attempts.at(-1);
        if (attempt && !attempt.store) {
          attempt.store = {
            broker: str(e, 'broker') ?? '?',
            queueId: num(e, 'queueId') ?? -1,
            offset: num(e, 'offset') ?? -1,
            duplicate: bool(e, 'duplicate') ?? false,
            from: p,
          };
        }
        break;
      }
      case 'attempt.end': {
        const n = num(e, 'attempt');
        const attempt =
          [...m.attempts].reverse().find((a) => n === undefined || a.attempt === n) ?? m.attempts.at(-1);
        if (attempt && !attempt.end) {
          attempt.end = { outcome: str(e, 'outcome') ?? '?', error: str(e, 'error') ?? null, from: p };
        }
        break;
      }
      case 'send.result':
        m.result ??= {
          status: str(e, 'status') ?? '?',
          exception: str(e, 'exception') ?? null,
          message: str(e, 'message') ?? null,
          costMs: num(e, 'costMs') ?? null,
          viaCallback: bool(e, 'viaCallback') ?? false,
          from: p,
        };
        break;
    }
  }
  return messages;
}

export const timeoutBudgetFold: Fold<TimeoutBudgetState> = {
  name: 'timeoutBudget',
  initial(trace: Trace): TimeoutBudgetState {
    return { index: indexTimeoutBudget(trace), now: 0, lastSeq: -1, cursorMsgId: null };
  },
  apply(state: TimeoutBudgetState, e: TraceEvent): TimeoutBudgetState {
    state.now = e.t;
    state.lastSeq = e.seq;
    const msgId = msgIdOf(e);
    if (msgId && state.index.byId.has(msgId)) state.cursorMsgId = msgId;
    return state;
  },
  clone(state: TimeoutBudgetState): TimeoutBudgetState {
    return { ...state };
  },
};

// ---------------------------------------------------------------------------------------------------
// Clipping to the cursor

export type SpanKind =
  'queueWait' | 'route' | 'connect' | 'flight' | 'broker' | 'reply' | 'noReply' | 'scanSlack' | 'attempt';

export interface Span {
  kind: SpanKind;
  start: number;
  end: number;
  /** The attempt this span belongs to (1-based as shown), or null. */
  attempt: number | null;
  /** The event that opened the span and the one that closed it (null: still open at the cursor). */
  from: Provenance;
  to: Provenance | null;
  /** The end is an estimate (the trace has no event for it). */
  estimated: boolean;
  label: string | null;
}

export interface BudgetView {
  msgId: string;
  mode: string | null;
  timeoutMs: number | null;
  /** T0: the call. */
  start: number;
  /** T0 + sendMsgTimeout. */
  deadline: number | null;
  /** The end of what is known at the cursor: the result, else the cursor time. */
  end: number;
  spans: Span[];
  checks: BudgetCheck[];
  attempts: {
    attempt: number;
    brokerName: string;
    queueId: number;
    start: number;
    end: number;
    outcome: string | null;
    error: string | null;
    from: Provenance;
    endFrom: Provenance | null;
  }[];
  result: MessageTimeline['result'] | null;
  rejected: Provenance | null;
  lookups: MessageTimeline['lookups'];
  call: Provenance;
}

function seen(p: Provenance | undefined, lastSeq: number): p is Provenance {
  return p !== undefined && p.seq <= lastSeq;
}

/** The message shown: the selected one if it has started by the cursor, else the one at the cursor. */
export function focusMessage(
  state: TimeoutBudgetState,
  selectedMsgId: string | null,
): MessageTimeline | null {
  const selected = selectedMsgId ? state.index.byId.get(selectedMsgId) : undefined;
  if (selected && selected.call.seq <= state.lastSeq) return selected;
  return state.cursorMsgId ? (state.index.byId.get(state.cursorMsgId) ?? null) : null;
}

function rpcSpans(leg: RpcLeg, attempt: number | null, lastSeq: number, now: number, out: Span[]): number {
  const span = (
    kind: SpanKind,
    start: number,
    from: Provenance,
    to: Provenance | null,
    end: number,
    estimated = false,
  ) => {
    if (end >= start) out.push({ kind, start, end, attempt, from, to, estimated, label: leg.name });
  };
  const arrive = seen(leg.arrive, lastSeq) ? leg.arrive : undefined;
  const response = seen(leg.response, lastSeq) ? leg.response : undefined;
  const timeout = seen(leg.timeout, lastSeq) ? leg.timeout : undefined;
  const depart = seen(leg.replyDepart, lastSeq) ? leg.replyDepart : undefined;
  const stop = response ?? timeout;
  if (!arrive) {
    span(
      stop && timeout && !response ? 'noReply' : 'flight',
      leg.send.t,
      leg.send,
      stop ?? null,
      stop ? stop.t : now,
    );
  } else {
    span('flight', leg.send.t, leg.send, arrive, arrive.t);
    if (response) {
      // The broker's share ends when the reply leaves; without an event for that, assume the reply takes
      // as long as the request took.
      const departT = depart ? depart.t : Math.max(arrive.t, response.t - (arrive.t - leg.send.t));
      span('broker', arrive.t, arrive, depart ?? null, departT, !depart);
      span('reply', departT, depart ?? arrive, response, response.t, !depart);
    } else if (timeout) {
      span('noReply', arrive.t, arrive, timeout, timeout.t);
    } else {
      span('broker', arrive.t, arrive, null, now);
    }
  }
  // The response-table scan reports an unanswered async request only at begin + budget + 1000 ms or
  // later (NettyRemotingAbstract.scanResponseTable): the time past the RPC's own budget is slack.
  if (timeout && leg.budgetMs !== undefined && timeout.t > leg.send.t + leg.budgetMs) {
    out.push({
      kind: 'scanSlack',
      start: leg.send.t + leg.budgetMs,
      end: timeout.t,
      attempt,
      from: leg.send,
      to: timeout,
      estimated: false,
      label: leg.name,
    });
  }
  return stop ? stop.t : now;
}

/** The selected message's budget bar at the cursor: only events with `seq <= lastSeq` contribute. */
export function budgetAt(m: MessageTimeline, lastSeq: number, now: number): BudgetView {
  const spans: Span[] = [];
  const t0 = m.call.t;
  const result = seen(m.result?.from, lastSeq) ? m.result! : null;
  const end = result ? result.from.t : Math.max(now, t0);
  const run = seen(m.run, lastSeq) ? m.run : undefined;
  const reject = seen(m.reject, lastSeq) ? m.reject : null;
  if (seen(m.enqueue, lastSeq) || (run && run.waitedMs > 0)) {
    spans.push({
      kind: 'queueWait',
      start: t0,
      end: run ? run.t : end,
      attempt: null,
      from: m.enqueue ?? m.call,
      to: run ?? null,
      estimated: false,
      label: null,
    });
  }
  const attempts = m.attempts.filter((a) => a.select.seq <= lastSeq);
  const routeStart = run ? run.t : t0;
  const firstSelect = attempts[0]?.select;
  const lookups = m.lookups.filter((l) => l.from.seq <= lastSeq);
  // sendDefaultImpl starts on the caller's thread, or on the worker once the executor ran the task.
  const started = !reject && (run !== undefined || !m.enqueue);
  if (started && (firstSelect || lookups.length > 0 || !result)) {
    const routeEnd = firstSelect ? firstSelect.t : end;
    spans.push({
      kind: 'route',
      start: routeStart,
      end: Math.max(routeStart, routeEnd),
      attempt: null,
      from: lookups[0]?.from ?? run ?? m.call,
      to: firstSelect ?? null,
      estimated: false,
      label: lookups.at(-1)?.source ?? null,
    });
  }
  const attemptViews: BudgetView['attempts'] = [];
  attempts.forEach((a, i) => {
    const next = attempts[i + 1];
    const endEvent = seen(a.end?.from, lastSeq) ? a.end! : null;
    let attemptEnd = endEvent ? endEvent.from.t : next ? next.select.t : result ? result.from.t : now;
    const number = i + 1;
    const rpcs = a.rpcs.filter((r) => r.send.seq <= lastSeq);
    const firstRpc = rpcs[0];
    const connectEnd = firstRpc ? firstRpc.send.t : attemptEnd;
    spans.push({
      kind: 'connect',
      start: a.select.t,
      end: Math.max(a.select.t, connectEnd),
      attempt: number,
      from: a.select,
      to: firstRpc?.send ?? endEvent?.from ?? null,
      estimated: false,
      label: null,
    });
    for (const leg of rpcs) {
      const legEnd = rpcSpans(leg, number, lastSeq, result ? result.from.t : now, spans);
      if (legEnd > attemptEnd) attemptEnd = legEnd;
    }
    attemptViews.push({
      attempt: number,
      brokerName: a.brokerName,
      queueId: a.queueId,
      start: a.select.t,
      end: attemptEnd,
      outcome: endEvent?.outcome ?? null,
      error: endEvent?.error ?? null,
      from: a.select,
      endFrom: endEvent?.from ?? null,
    });
  });
  for (const leg of m.otherRpcs) {
    if (leg.send.seq <= lastSeq && leg.kind !== 'route') rpcSpans(leg, null, lastSeq, now, spans);
  }
  return {
    msgId: m.msgId,
    mode: m.mode,
    timeoutMs: m.timeoutMs,
    start: t0,
    deadline: m.timeoutMs !== null ? t0 + m.timeoutMs : null,
    end,
    spans,
    checks: m.checks.filter((c) => c.from.seq <= lastSeq),
    attempts: attemptViews,
    result,
    rejected: reject,
    lookups,
    call: m.call,
  };
}

/** What a budget check hands on: the remaining budget (`timeoutMs - costMs`), or nothing when it failed. */
export function budgetLeft(check: BudgetCheck): number | null {
  return check.ok ? check.timeoutMs - check.costMs : null;
}

// ---------------------------------------------------------------------------------------------------
// The waterfall

export interface WaterfallRow {
  msgId: string;
  order: number;
  mode: string | null;
  start: number;
  end: number;
  /** The time after the deadline (T0 + sendMsgTimeout), drawn hatched; null when within budget. */
  overBudgetFrom: number | null;
  queueWaitEnd: number | null;
  attempts: { attempt: number; start: number; end: number; outcome: string | null; brokerName: string }[];
  status: string | null;
  done: boolean;
  call: Provenance;
  resultFrom: Provenance | null;
}

/** Messages whose `send.call` is at or before the cursor. */
export function startedCount(state: TimeoutBudgetState): number {
  return lastAtOrBefore(state.index.startSeqs, state.lastSeq, (s) => s) + 1;
}

/** Rows `from..to` (exclusive) of the waterfall, clipped to the cursor. */
export function waterfallRows(state: TimeoutBudgetState, from: number, to: number): WaterfallRow[] {
  const count = startedCount(state);
  const rows: WaterfallRow[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, count); i++) {
    const m = state.index.at(i);
    const view = budgetAt(m, state.lastSeq, state.now);
    rows.push({
      msgId: m.msgId,
      order: m.order,
      mode: m.mode,
      start: view.start,
      end: view.end,
      overBudgetFrom: view.deadline !== null && view.end > view.deadline ? view.deadline : null,
      queueWaitEnd: view.spans.find((s) => s.kind === 'queueWait')?.end ?? null,
      attempts: view.attempts.map((a) => ({
        attempt: a.attempt,
        start: a.start,
        end: a.end,
        outcome: a.outcome,
        brokerName: a.brokerName,
      })),
      status: view.result?.status ?? (view.rejected ? 'REJECTED' : null),
      done: view.result !== null || view.rejected !== null,
      call: m.call,
      resultFrom: view.result?.from ?? view.rejected ?? null,
    });
  }
  return rows;
}
