import { describe, expect, it } from 'vitest';
import type { TraceArray, TraceEvent } from '../../../src/trace/types';
import {
  choiceForKey,
  firstQuestionBetween,
  gateMove,
  grade,
  isQuestionEvent,
  queueChoices,
  questionAt,
  scored,
  EMPTY_SCORE,
} from '../../../src/view/prediction';
import { readTrace } from '../../fixtures/traces/readTrace';

const syncRetry = readTrace('sync-retry-broker-error');
const asyncTimeout = readTrace('async-executor-timeout');
const none: ReadonlySet<number> = new Set();

describe('prediction questions', () => {
  it('asks before queue selections, budget checks and broker stores only', () => {
    const kinds = syncRetry.filter(isQuestionEvent).map((e) => e.kind);
    expect(kinds).toEqual([
      'queue.select',
      'budget.check',
      'queue.select',
      'budget.check',
      'broker.store',
      'queue.select',
      'budget.check',
      'broker.store',
    ]);
  });

  it('offers the write queues of the topic from the last route update, in broker then queue order', () => {
    expect(queueChoices(syncRetry, 9)).toEqual([
      'broker-a:0',
      'broker-a:1',
      'broker-a:2',
      'broker-a:3',
      'broker-b:0',
      'broker-b:1',
      'broker-b:2',
      'broker-b:3',
    ]);
  });

  it('falls back to every broker:queue the trace uses when no route update came before', () => {
    const trace = syncRetry.filter((e) => e.kind !== 'route.update');
    const index = trace.findIndex((e) => e.kind === 'queue.select');
    expect(queueChoices(trace, index)).toEqual(['broker-a:1', 'broker-b:0']);
  });

  it('grades the queue question against the queue really chosen, and explains a retry', () => {
    const q = questionAt(syncRetry, 16)!;
    expect(q).toMatchObject({ kind: 'queue', attempt: 1, answer: 'broker-b:0' });
    expect(grade(q, 'broker-b:0')).toBe(true);
    expect(grade(q, 'broker-a:1')).toBe(false);
  });

  it('asks whether the budget check passes, with the cost so far and the timeout', () => {
    expect(questionAt(syncRetry, 10)).toMatchObject({
      kind: 'budget',
      costMs: 2,
      timeoutMs: 3000,
      answer: 'yes',
    });
    const failed = questionAt(asyncTimeout, 25)!;
    expect(failed).toMatchObject({ kind: 'budget', where: 'DEFAULT ASYNC', costMs: 3002, answer: 'no' });
    expect(grade(failed, 'no')).toBe(true);
  });

  it('asks whether a store is a duplicate, counting the stores of the message before it', () => {
    const q = questionAt(syncRetry, 20)!;
    expect(q).toMatchObject({ kind: 'duplicate', queue: 'broker-b:0', answer: 'no', storedBefore: 0 });
    const again: TraceEvent = { ...syncRetry[20]!, seq: 99, duplicate: true } as TraceEvent;
    const trace: TraceArray = [...syncRetry.slice(0, 21), again];
    expect(questionAt(trace, 21)).toMatchObject({ kind: 'duplicate', answer: 'yes', storedBefore: 1 });
  });

  it('is null for an event that is not a question', () => {
    expect(questionAt(syncRetry, 0)).toBeNull();
    expect(questionAt(syncRetry, 999)).toBeNull();
  });

  it('maps number keys to choices, 1 first', () => {
    const q = questionAt(syncRetry, 10)!;
    expect(choiceForKey(q, '1')).toBe('yes');
    expect(choiceForKey(q, '2')).toBe('no');
    expect(choiceForKey(q, '3')).toBeNull();
    expect(choiceForKey(q, 'a')).toBeNull();
  });

  it('keeps score as correct out of asked', () => {
    expect(scored(scored(EMPTY_SCORE, true), false)).toEqual({ correct: 1, asked: 2 });
  });
});

describe('where playback stops', () => {
  it('finds the first unanswered question a move would apply', () => {
    expect(firstQuestionBetween(syncRetry, 0, 20, none)).toBe(9);
    expect(firstQuestionBetween(syncRetry, 0, 20, new Set([9]))).toBe(10);
    expect(firstQuestionBetween(syncRetry, 0, 9, none)).toBeNull();
  });

  it('stops a step forward or a playing advance, not a jump by hand or a step back', () => {
    expect(gateMove(syncRetry, { step: 9, playing: false }, { step: 10, playing: false }, none)).toBe(9);
    expect(gateMove(syncRetry, { step: 2, playing: true }, { step: 30, playing: true }, none)).toBe(9);
    expect(gateMove(syncRetry, { step: 2, playing: false }, { step: 30, playing: false }, none)).toBeNull();
    expect(gateMove(syncRetry, { step: 12, playing: false }, { step: 11, playing: false }, none)).toBeNull();
  });
});
