// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLog } from '../../../src/panels/eventLog';
import type { TraceArray, TraceEvent } from '../../../src/trace/types';
import { readTrace } from '../../fixtures/traces/readTrace';
import { renderWithStore } from './renderWithStore';

afterEach(cleanup);

const trace = readTrace('sync-retry-broker-error');
const M1 = 'C0A80005303918B4AAC2000000000001';
const M2 = 'C0A80005303918B4AAC2000000000002';

function huge(length: number): TraceArray {
  const kinds = ['send.call', 'queue.select', 'rpc.send', 'rpc.response', 'send.result'];
  return Array.from({ length }, (_, i): TraceEvent => ({
    seq: i,
    t: i,
    kind: kinds[i % 5]!,
    code: { cls: 'C', method: 'm' },
    msgId: `m${i % 1000}`,
  }));
}

const list = (name = 'Trace events') => screen.getByRole('listbox', { name });
const rows = (name?: string) => within(list(name)).queryAllByRole('option');

describe('<EventLog>', () => {
  it('renders only the rows in view of a 1,000,000-event trace', () => {
    renderWithStore(<EventLog />, { trace: huge(1_000_000) });
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(40);
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('1000000');
    expect(screen.getByText('1,000,000 of 1,000,000 events')).toBeTruthy();
  });

  it('keeps the row at the cursor rendered and marked when the cursor jumps deep into a big trace', () => {
    const { store } = renderWithStore(<EventLog />, { trace: huge(1_000_000) });
    act(() => store.getState().seek(654_321));
    const current = rows().find((r) => r.getAttribute('aria-selected') === 'true');
    expect(current?.dataset.seq).toBe('654320');
    expect(list().getAttribute('aria-activedescendant')).toBe(current?.id);
  });

  it('moves the cursor to a clicked row and selects its message everywhere', () => {
    const { store } = renderWithStore(<EventLog />, { trace });
    const row = rows().find((r) => r.dataset.seq === '9')!;
    act(() => row.click());
    expect(store.getState().step).toBe(10);
    expect(store.getState().selectedMsgId).toBe(M1);
    const current = rows().find((r) => r.getAttribute('aria-selected') === 'true');
    expect(current?.dataset.seq).toBe('9');
  });

  it('walks the rows with the arrow keys and moves the cursor with Enter', () => {
    const { store } = renderWithStore(<EventLog />, { trace, step: 3 });
    act(() => {
      fireEvent.keyDown(list(), { key: 'ArrowDown' });
    });
    act(() => {
      fireEvent.keyDown(list(), { key: 'ArrowDown' });
    });
    expect(store.getState().step).toBe(3);
    act(() => {
      fireEvent.keyDown(list(), { key: 'Enter' });
    });
    expect(store.getState().step).toBe(5);
  });

  it('filters by kind and by message, and keeps the cursor marker on the last listed event before it', () => {
    const { store } = renderWithStore(<EventLog />, { trace, step: 17 });
    act(() => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'queue.select' } });
    });
    expect(rows().map((r) => r.dataset.seq)).toEqual(['9', '16', '27']);
    expect(rows().find((r) => r.getAttribute('aria-selected') === 'true')?.dataset.seq).toBe('16');
    act(() => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Message' }), { target: { value: M2 } });
    });
    expect(rows().map((r) => r.dataset.seq)).toEqual(['27']);
    expect(store.getState().selectedMsgId).toBe(M2);
    expect(screen.getByText(`1 of ${trace.length} events`)).toBeTruthy();
  });

  it('summarises each event in the page’s language', () => {
    renderWithStore(<EventLog />, { trace, lang: 'zh-CN', step: 17 });
    const row = rows('追踪事件').find((r) => r.dataset.seq === '16')!;
    expect(row.textContent).toContain('第 2 次尝试 → broker-b:0（索引 2），跳过 broker-a:2, broker-a:3');
  });

  it('says so when no event matches', () => {
    renderWithStore(<EventLog />, { trace: [] });
    expect(screen.getByText('No trace yet.')).toBeTruthy();
  });
});

describe('summarize', () => {
  it('counts the write queues of a route.update from its queueDatas, as the engine writes them', async () => {
    const { summarize } = await import('../../../src/panels/eventLog/summary');
    const event = {
      seq: 1,
      t: 0,
      kind: 'route.update',
      code: { cls: 'MQClientInstance', method: 'updateTopicRouteInfoFromNameServer' },
      topic: 'NewTopic',
      queueDatas: [
        { brokerName: 'broker-a', readQueueNums: 4, writeQueueNums: 4, perm: 6 },
        { brokerName: 'broker-b', readQueueNums: 8, writeQueueNums: 2, perm: 6 },
      ],
    } as unknown as TraceEvent;
    expect(summarize('en', event)).toBe('route of NewTopic stored: 6 write queues');
  });
});

describe('summarize producer.backpressure', () => {
  it('says which semaphore, what happened and how many permits are free, in both languages', async () => {
    const { summarize } = await import('../../../src/panels/eventLog/summary');
    const event = (action: string) =>
      ({
        seq: 1,
        t: 0,
        kind: 'producer.backpressure',
        code: { cls: 'DefaultMQProducerImpl', method: 'executeAsyncMessageSend' },
        msgId: 'm',
        semaphore: 'semaphoreAsyncSendNum',
        action,
        permits: 1,
        available: 9,
        total: 10,
        waiting: 0,
        waitedMs: 0,
      }) as unknown as TraceEvent;
    expect(summarize('en', event('acquire'))).toBe('semaphoreAsyncSendNum: took 1, 9 / 10 free');
    expect(summarize('en', event('release'))).toBe('semaphoreAsyncSendNum: gave back 1, 9 / 10 free');
    expect(summarize('en', event('timeout'))).toBe('semaphoreAsyncSendNum: no 1 free within the time left');
    expect(summarize('zh-CN', event('acquire'))).toBe('semaphoreAsyncSendNum：取得 1，空闲 9 / 10');
  });
});
