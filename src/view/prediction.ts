/**
 * Prediction mode as pure functions (no React, no store): which events are questions, where playback
 * stops, the choices offered and the grading. The slice and the card only call these.
 */
import type { BrokerStoreEvent, BudgetCheckEvent, QueueSelectEvent, Trace, TraceEvent } from '../trace/types';

/** The kinds the player stops before: which queue, will the budget check pass, is this store a duplicate. */
export const QUESTION_KINDS = ['queue.select', 'budget.check', 'broker.store'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export function isQuestionEvent(event: TraceEvent | undefined): boolean {
  return event !== undefined && (QUESTION_KINDS as readonly string[]).includes(event.kind);
}

/** A queue as the student sees it: `broker-a:1`. */
export function queueLabel(brokerName: string, queueId: number): string {
  return `${brokerName}:${queueId}`;
}

export type Question =
  | {
      kind: 'queue';
      index: number;
      msgId: string;
      attempt: number;
      /** Labels such as `broker-a:1`, in broker then queue order. */
      choices: readonly string[];
      answer: string;
      event: QueueSelectEvent;
    }
  | {
      kind: 'budget';
      index: number;
      msgId: string;
      where: string;
      costMs: number;
      timeoutMs: number;
      choices: readonly ['yes', 'no'];
      answer: 'yes' | 'no';
      event: BudgetCheckEvent;
    }
  | {
      kind: 'duplicate';
      index: number;
      msgId: string;
      queue: string;
      choices: readonly ['yes', 'no'];
      answer: 'yes' | 'no';
      /** How many times this message was stored before this event. */
      storedBefore: number;
      event: BrokerStoreEvent;
    };

const YES_NO = ['yes', 'no'] as const;

/**
 * The first question event the move from step `from` to step `to` would apply (events `from .. to-1`),
 * skipping those already answered; null when the move crosses none (or goes backwards).
 */
export function firstQuestionBetween(
  trace: Trace,
  from: number,
  to: number,
  answered: ReadonlySet<number>,
): number | null {
  const end = Math.min(to, trace.length);
  for (let i = Math.max(0, from); i < end; i++) {
    if (!answered.has(i) && isQuestionEvent(trace.at(i))) return i;
  }
  return null;
}

/** The cursor's part of a state, before and after a change. */
export interface MoveLike {
  step: number;
  playing: boolean;
}

/**
 * Where a forward move by playback (playing, or one step forward) must stop instead: at the step just
 * before the first unanswered question it would cross. A jump by hand (a click in the log, a seek of more
 * than one event while paused) is the student's choice and is never stopped.
 */
export function gateMove(
  trace: Trace,
  previous: MoveLike,
  next: MoveLike,
  answered: ReadonlySet<number>,
): number | null {
  if (next.step <= previous.step) return null;
  const byPlayback = previous.playing || next.step - previous.step === 1;
  if (!byPlayback) return null;
  return firstQuestionBetween(trace, previous.step, next.step, answered);
}

function byBrokerThenQueue(a: string, b: string): number {
  const [ba = '', qa = '0'] = a.split(/:(?=\d+$)/);
  const [bb = '', qb = '0'] = b.split(/:(?=\d+$)/);
  return ba === bb ? Number(qa) - Number(qb) : ba < bb ? -1 : 1;
}

function topicOf(trace: Trace, msgId: string, before: number): string | null {
  for (let i = before - 1; i >= 0; i--) {
    const e = trace.at(i)!;
    if (e.kind === 'send.call' && (e as { msgId?: unknown }).msgId === msgId) {
      const topic = (e as { topic?: unknown }).topic;
      return typeof topic === 'string' ? topic : null;
    }
  }
  return null;
}

interface QueueDataLike {
  brokerName?: unknown;
  writeQueueNums?: unknown;
}

/**
 * The queues a student can choose from at `index`: the write queues of the message's topic from the last
 * `route.update` before it; without one, every `broker:queue` the trace selects or stores into. The true
 * answer is always among them.
 */
export function queueChoices(trace: Trace, index: number): string[] {
  const event = trace.at(index) as QueueSelectEvent;
  const topic = topicOf(trace, event.msgId, index);
  const labels = new Set<string>();
  for (let i = index - 1; i >= 0 && labels.size === 0; i--) {
    const e = trace.at(i)!;
    if (e.kind !== 'route.update') continue;
    if (topic !== null && (e as { topic?: unknown }).topic !== topic) continue;
    const queueData = (e as { queueData?: unknown }).queueData;
    if (!Array.isArray(queueData)) continue;
    for (const q of queueData as QueueDataLike[]) {
      if (typeof q.brokerName !== 'string' || typeof q.writeQueueNums !== 'number') continue;
      for (let id = 0; id < q.writeQueueNums; id++) labels.add(queueLabel(q.brokerName, id));
    }
  }
  if (labels.size === 0) {
    for (const e of trace) {
      if (e.kind === 'queue.select') {
        const s = e as QueueSelectEvent;
        labels.add(queueLabel(s.brokerName, s.queueId));
      } else if (e.kind === 'broker.store') {
        const s = e as BrokerStoreEvent;
        if (topic === null || s.topic === topic) labels.add(queueLabel(s.broker, s.queueId));
      }
    }
  }
  labels.add(queueLabel(event.brokerName, event.queueId));
  return [...labels].sort(byBrokerThenQueue);
}

/** The question asked before `trace[index]`, or null when that event is not a question. */
export function questionAt(trace: Trace, index: number): Question | null {
  const event = trace.at(index);
  if (!event || !isQuestionEvent(event)) return null;
  if (event.kind === 'queue.select') {
    const e = event as QueueSelectEvent;
    return {
      kind: 'queue',
      index,
      msgId: e.msgId,
      attempt: e.attempt,
      choices: queueChoices(trace, index),
      answer: queueLabel(e.brokerName, e.queueId),
      event: e,
    };
  }
  if (event.kind === 'budget.check') {
    const e = event as BudgetCheckEvent;
    return {
      kind: 'budget',
      index,
      msgId: e.msgId,
      where: e.where,
      costMs: e.costMs,
      timeoutMs: e.timeoutMs,
      choices: YES_NO,
      answer: e.ok ? 'yes' : 'no',
      event: e,
    };
  }
  const e = event as BrokerStoreEvent;
  let storedBefore = 0;
  for (let i = 0; i < index; i++) {
    const p = trace.at(i)!;
    if (p.kind === 'broker.store' && (p as BrokerStoreEvent).msgId === e.msgId) storedBefore++;
  }
  return {
    kind: 'duplicate',
    index,
    msgId: e.msgId,
    queue: queueLabel(e.broker, e.queueId),
    choices: YES_NO,
    answer: e.duplicate ? 'yes' : 'no',
    storedBefore,
    event: e,
  };
}

export function grade(question: Question, choice: string): boolean {
  return question.answer === choice;
}

/** The choice a number key picks (1 is the first), or null. */
export function choiceForKey(question: Question, key: string): string | null {
  if (!/^[1-9]$/.test(key)) return null;
  return question.choices[Number(key) - 1] ?? null;
}

export interface Score {
  correct: number;
  asked: number;
}

export const EMPTY_SCORE: Score = { correct: 0, asked: 0 };

export function scored(score: Score, correct: boolean): Score {
  return { correct: score.correct + (correct ? 1 : 0), asked: score.asked + 1 };
}
