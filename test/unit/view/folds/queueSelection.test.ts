import { describe, expect, it } from 'vitest';
import type { TraceArray, TraceEvent } from '../../../../src/trace/types';
import { hashIndex, queueSelectionFold, selectionView } from '../../../../src/view/folds/queueSelection';
import { foldFromCheckpoint, foldTo, loadTrace } from './panelFixtures';

const downRetry = loadTrace('broker-down-retry');
const selector = loadTrace('selector-hash');
const backlog = loadTrace('async-executor-backlog');

function ev(seq: number, t: number, kind: string, fields: Record<string, unknown>): TraceEvent {
  return { seq, t, kind, code: { cls: 'Test', method: 'test' }, ...fields } as TraceEvent;
}

describe('queueSelectionFold', () => {
  it('shows nothing chosen before the first queue.select', () => {
    const view = selectionView(foldTo(queueSelectionFold, downRetry, 10), null);
    expect(view.selection).toBeNull();
  });

  it('shows the queue.select at the cursor: the chosen queue, the index and the last broker', () => {
    const view = selectionView(foldTo(queueSelectionFold, downRetry, 11), null);
    expect(view.selection).toMatchObject({
      msgId: 'msg-1',
      brokerName: 'broker-a',
      queueId: 2,
      index: 2,
      lastBrokerName: null,
      from: { seq: 11, kind: 'queue.select', t: 100 },
    });
    expect(view.previousIndex).toBeNull();
  });

  it('lists the message-queue list of the route the producer believes, grouped broker by broker', () => {
    const view = selectionView(foldTo(queueSelectionFold, downRetry, 11), null);
    expect(view.topic).toBe('TopicTest');
    expect(view.queues.map((q) => `${q.brokerName}:${q.queueId}`)).toEqual([
      'broker-a:0',
      'broker-a:1',
      'broker-a:2',
      'broker-a:3',
      'broker-b:0',
      'broker-b:1',
      'broker-b:2',
      'broker-b:3',
    ]);
    expect(view.queuesFrom?.seq).toBe(6);
  });

  it('on the retry, lists the skipped candidate with its reason and the time it becomes available', () => {
    const view = selectionView(foldTo(queueSelectionFold, downRetry, 15), null);
    expect(view.selection).toMatchObject({
      brokerName: 'broker-b',
      queueId: 0,
      index: 4,
      lastBrokerName: 'broker-a',
    });
    expect(view.selection?.skipped).toEqual([
      {
        brokerName: 'broker-a',
        queueId: 3,
        reason: 'notAvailable',
        pos: 3,
        availableAt: 602505,
        lastBrokerName: null,
        pass: null,
      },
    ]);
    expect(view.previousIndex).toEqual({ value: 2, from: { seq: 11, kind: 'queue.select', t: 100 } });
    expect(view.attemptNumber).toBe(2);
  });

  it('fills the latency fault table from fault.update, the last update per broker winning', () => {
    const isolated = selectionView(foldTo(queueSelectionFold, downRetry, 14), null);
    expect(isolated.faults).toEqual([
      {
        brokerName: 'broker-a',
        latencyMs: 2405,
        isolation: true,
        notAvailableMs: 600000,
        availableAt: 602505,
        reachable: null,
        from: { seq: 14, kind: 'fault.update', t: 2505 },
      },
    ]);
    expect(isolated.now).toBe(2505);
    const both = selectionView(foldTo(queueSelectionFold, downRetry, 22), null);
    expect(both.faults.map((f) => [f.brokerName, f.latencyMs, f.availableAt])).toEqual([
      ['broker-a', 2405, 602505],
      ['broker-b', 6, 2511],
    ]);
  });

  it('shows the selected message’s own latest selection rather than a later one of another message', () => {
    const state = foldTo(queueSelectionFold, backlog, 22);
    expect(selectionView(state, null).selection?.msgId).toBe('m3');
    expect(selectionView(state, 'm1').selection).toMatchObject({
      msgId: 'm1',
      brokerName: 'broker-a',
      queueId: 0,
    });
    // A selected message with no selection yet falls back to the latest.
    expect(selectionView(state, 'm4').selection?.msgId).toBe('m3');
  });

  it('never shows a selection after the cursor, even for the selected message', () => {
    const state = foldTo(queueSelectionFold, backlog, 10);
    expect(selectionView(state, 'm3').selection?.msgId).toBe('m1');
  });

  it('reads the selector’s hash computation and checks it against hash % n', () => {
    const view = selectionView(foldTo(queueSelectionFold, selector, 3), null);
    expect(view.selection?.hash).toEqual({
      selector: 'SelectMessageQueueByHash',
      arg: 'order-42',
      hash: 1234255197,
      queueCount: 8,
      result: 5,
      from: { seq: 3, kind: 'queue.select', t: 20 },
    });
    expect(view.queues[5]).toEqual({ brokerName: 'broker-b', queueId: 1 });
  });

  it('computes the 4.9.8 hash index as abs(hash % n), valid even for negative hashes', () => {
    expect(hashIndex(1234255197, 8)).toBe(5);
    expect(hashIndex(-1207111304, 8)).toBe(0);
    expect(hashIndex(-7, 4)).toBe(3);
  });

  it('derives the queue list from the selections when the trace has no route.update', () => {
    const trace: TraceArray = [
      ev(0, 0, 'send.call', { msgId: 'x', mode: 'SYNC', topic: 'T', timeoutMs: 3000 }),
      ev(1, 0, 'queue.select', {
        msgId: 'x',
        attempt: 0,
        brokerName: 'b',
        queueId: 1,
        lastBrokerName: null,
        index: 3,
        skipped: [{ brokerName: 'a', queueId: 0, reason: 'sameBroker' }],
      }),
    ];
    const view = selectionView(foldTo(queueSelectionFold, trace, 1), null);
    expect(view.queues).toEqual([
      { brokerName: 'a', queueId: 0 },
      { brokerName: 'b', queueId: 1 },
    ]);
    expect(view.queuesFrom).toBeNull();
  });

  it('tolerates a queue.select missing its optional fields', () => {
    const trace: TraceArray = [ev(0, 0, 'queue.select', { msgId: 'x', brokerName: 'a', queueId: 0 })];
    const view = selectionView(foldTo(queueSelectionFold, trace, 0), null);
    expect(view.selection).toMatchObject({ index: null, skipped: [], lastBrokerName: null, hash: null });
  });

  it('gives the same view from a checkpoint clone as from the start', () => {
    const direct = selectionView(foldTo(queueSelectionFold, downRetry, 22), null);
    const fromCheckpoint = selectionView(foldFromCheckpoint(queueSelectionFold, downRetry, 12, 22), null);
    expect(fromCheckpoint).toEqual(direct);
    const checkpoint = foldTo(queueSelectionFold, downRetry, 12);
    let clone = queueSelectionFold.clone(checkpoint);
    for (let i = 13; i <= 22; i++) clone = queueSelectionFold.apply(clone, downRetry[i]!, i);
    expect(checkpoint.faults.size).toBe(0);
  });
});
