import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../../src/scenario';
import { runScenario } from '../../../../src/sim/runScenario';
import { packTrace } from '../../../../src/trace/packed';
import type { TraceArray, TraceEvent } from '../../../../src/trace/types';
import {
  budgetAt,
  budgetLeft,
  focusMessage,
  indexTimeoutBudget,
  startedCount,
  timelinesOf,
  timeoutBudgetFold,
  waterfallRows,
  type Span,
} from '../../../../src/view/folds/timeoutBudget';
import { foldFromCheckpoint, foldTo, loadTrace } from './panelFixtures';

const downRetry = loadTrace('broker-down-retry');
const lostReply = loadTrace('async-lost-reply');
const backlog = loadTrace('async-executor-backlog');

const brief = (spans: Span[]) => spans.map((s) => [s.kind, s.attempt, s.start, s.end]);

function ev(seq: number, t: number, kind: string, fields: Record<string, unknown>): TraceEvent {
  return { seq, t, kind, code: { cls: 'Test', method: 'test' }, ...fields } as TraceEvent;
}

describe('timeoutBudgetFold', () => {
  it('follows the message of the event at the cursor, keeping it across events that name none', () => {
    expect(foldTo(timeoutBudgetFold, downRetry, 8).cursorMsgId).toBeNull();
    expect(foldTo(timeoutBudgetFold, downRetry, 9).cursorMsgId).toBe('msg-1');
    expect(foldTo(timeoutBudgetFold, downRetry, 25).cursorMsgId).toBe('msg-1');
    expect(foldTo(timeoutBudgetFold, backlog, 15).cursorMsgId).toBe('m2');
  });

  it('prefers the selected message once it has started, else the message at the cursor', () => {
    const state = foldTo(timeoutBudgetFold, backlog, 7);
    expect(focusMessage(state, 'm1')?.msgId).toBe('m1');
    expect(focusMessage(state, 'm3')?.msgId).toBe('m2');
    expect(focusMessage(state, null)?.msgId).toBe('m2');
  });

  it('splits a sync send with a failed connect and a retry into route, attempts, and their legs', () => {
    const state = foldTo(timeoutBudgetFold, downRetry, 27);
    const view = budgetAt(state.index.byId.get('msg-1')!, state.lastSeq, state.now);
    expect([view.start, view.deadline, view.end]).toEqual([100, 3100, 2511]);
    expect(brief(view.spans)).toEqual([
      ['route', null, 100, 100],
      ['connect', 1, 100, 2505],
      ['connect', 2, 2505, 2506],
      ['flight', 2, 2506, 2508],
      ['broker', 2, 2508, 2509],
      ['reply', 2, 2509, 2511],
    ]);
    expect(view.spans.find((s) => s.kind === 'broker')?.estimated).toBe(true);
    expect(view.attempts.map((a) => [a.attempt, a.brokerName, a.queueId, a.outcome])).toEqual([
      [1, 'broker-a', 2, 'exception'],
      [2, 'broker-b', 0, 'SEND_OK'],
    ]);
    expect(view.result?.status).toBe('SEND_OK');
  });

  it('gives each budget check its cost, its timeout and the budget it hands on', () => {
    const state = foldTo(timeoutBudgetFold, downRetry, 16);
    const view = budgetAt(state.index.byId.get('msg-1')!, state.lastSeq, state.now);
    expect(view.checks.map((c) => [c.where, c.costMs, c.timeoutMs, c.ok, c.from.seq])).toEqual([
      ['sendDefaultImpl', 0, 3000, true, 12],
      ['sendDefaultImpl', 2405, 3000, true, 16],
    ]);
    expect(view.checks.map(budgetLeft)).toEqual([3000, 595]);
    expect(
      budgetLeft({ where: 'DEFAULT ASYNC', costMs: 1100, timeoutMs: 1000, ok: false, from: view.call }),
    ).toBeNull();
  });

  it('shows only what happened up to the cursor: an open attempt ends at the cursor time', () => {
    const state = foldTo(timeoutBudgetFold, downRetry, 11);
    const view = budgetAt(state.index.byId.get('msg-1')!, state.lastSeq, 1500);
    expect(brief(view.spans)).toEqual([
      ['route', null, 100, 100],
      ['connect', 1, 100, 1500],
    ]);
    expect(view.checks).toEqual([]);
    expect(view.result).toBeNull();
  });

  it('draws the response-table scan slack and the time past the deadline of an unanswered async send', () => {
    const state = foldTo(timeoutBudgetFold, lostReply, 24);
    const view = budgetAt(state.index.byId.get('m1')!, state.lastSeq, state.now);
    expect([view.start, view.deadline, view.end]).toEqual([0, 3000, 5006]);
    expect(brief(view.spans)).toEqual([
      ['route', null, 0, 4],
      ['connect', 1, 4, 5],
      ['flight', 1, 5, 7],
      ['noReply', 1, 7, 5000],
      ['scanSlack', 1, 3001, 5000],
      ['connect', 2, 5000, 5001],
      ['flight', 2, 5001, 5003],
      ['broker', 2, 5003, 5004],
      ['reply', 2, 5004, 5006],
    ]);
    expect(view.spans[0]?.label).toBe('namesrv');
  });

  it('puts the queue wait of an executor task first, and nothing else when the wait ate the budget', () => {
    const state = foldTo(timeoutBudgetFold, backlog, 33);
    const m2 = budgetAt(state.index.byId.get('m2')!, state.lastSeq, state.now);
    expect(brief(m2.spans)).toEqual([['queueWait', null, 100, 1200]]);
    expect(m2.checks.map((c) => [c.where, c.ok])).toEqual([['DEFAULT ASYNC', false]]);
    const m3 = budgetAt(state.index.byId.get('m3')!, state.lastSeq, state.now);
    expect(brief(m3.spans).slice(0, 3)).toEqual([
      ['queueWait', null, 250, 1200],
      ['route', null, 1200, 1200],
      ['connect', 1, 1200, 1201],
    ]);
  });

  it('marks a rejected task as rejected with no route or attempt', () => {
    const state = foldTo(timeoutBudgetFold, backlog, 11);
    const view = budgetAt(state.index.byId.get('m4')!, state.lastSeq, state.now);
    expect(view.rejected?.seq).toBe(11);
    expect(view.spans).toEqual([]);
  });

  it('lists one waterfall row per message started by the cursor, in call order', () => {
    const early = foldTo(timeoutBudgetFold, backlog, 8);
    expect(startedCount(early)).toBe(3);
    expect(waterfallRows(early, 0, 100).map((r) => r.msgId)).toEqual(['m1', 'm2', 'm3']);
    const state = foldTo(timeoutBudgetFold, backlog, 33);
    const rows = waterfallRows(state, 0, 100);
    expect(rows.map((r) => [r.msgId, r.start, r.end, r.overBudgetFrom, r.queueWaitEnd, r.status])).toEqual([
      ['m1', 0, 1206, 1000, null, 'SEND_OK'],
      ['m2', 100, 1200, 1100, 1200, 'EXCEPTION'],
      ['m3', 250, 1207, null, 1200, 'SEND_OK'],
      ['m4', 300, 300, null, null, 'EXCEPTION'],
    ]);
    expect(rows[0]?.attempts).toEqual([
      { attempt: 1, start: 0, end: 1206, outcome: 'SEND_OK', brokerName: 'broker-a' },
    ]);
    expect(waterfallRows(state, 1, 3).map((r) => r.msgId)).toEqual(['m2', 'm3']);
  });

  it('keeps a message in flight open until the cursor', () => {
    const state = foldTo(timeoutBudgetFold, backlog, 20);
    const m1 = waterfallRows(state, 0, 1)[0]!;
    expect([m1.end, m1.done, m1.status]).toEqual([1200, false, null]);
  });

  it('tolerates messages whose send.call is missing', () => {
    const trace: TraceArray = [ev(0, 5, 'queue.select', { msgId: 'x', brokerName: 'a', queueId: 0 })];
    const state = foldTo(timeoutBudgetFold, trace, 0);
    const view = budgetAt(state.index.byId.get('x')!, state.lastSeq, state.now);
    expect([view.start, view.deadline, view.timeoutMs]).toEqual([5, null, null]);
  });

  it('gives the same state from a checkpoint clone as from the start', () => {
    const fromCheckpoint = foldFromCheckpoint(timeoutBudgetFold, lostReply, 5, 20);
    const fromStart = foldTo(timeoutBudgetFold, lostReply, 20);
    // The index builds timelines on demand (functions): compare what it gives, and the rest as data.
    const data = ({ index, ...rest }: typeof fromStart) => ({
      ...rest,
      startSeqs: index.startSeqs,
      timelines: Array.from({ length: index.count }, (_, i) => index.at(i)),
    });
    expect(data(fromCheckpoint)).toEqual(data(fromStart));
  });

  it('builds a message’s timeline from its own events, in call order', () => {
    const index = foldTo(timeoutBudgetFold, lostReply, lostReply.length).index;
    expect(index.count).toBeGreaterThan(0);
    for (let i = 0; i < index.count; i++) {
      const m = index.at(i);
      expect(m.order).toBe(i);
      expect(index.byId.get(m.msgId)).toBe(m);
      expect(index.byId.has(m.msgId)).toBe(true);
      expect(index.startSeqs[i]).toBe(m.call.seq);
    }
    expect(index.byId.has('no such message')).toBe(false);
    expect(index.byId.get('no such message')).toBeUndefined();
  });

  it('gives every preset message the timeline a pass over the whole trace gives', () => {
    const dir = resolve(import.meta.dirname, '../../../../public/scenarios');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const parsed = parseScenarioText(readFileSync(resolve(dir, file), 'utf8'));
      if (!parsed.ok) throw new Error(file);
      const trace = packTrace(runScenario(parsed.scenario));
      const whole = timelinesOf(trace);
      const index = indexTimeoutBudget(trace);
      expect(index.count, file).toBe(whole.length);
      for (let i = 0; i < whole.length; i++) expect(index.at(i), `${file} #${i}`).toEqual(whole[i]);
    }
  });
});
