// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThreadPoolPanel, ThreadPoolPanelView } from '../../../src/panels/threadPool';
import type { TraceArray } from '../../../src/trace/types';
import { threadPoolFold } from '../../../src/view/folds/threadPool';
import { foldTo, loadTrace } from '../view/folds/panelFixtures';
import { renderConnected } from './panelTestKit';

afterEach(cleanup);

const backlog = loadTrace('async-executor-backlog');
const downRetry = loadTrace('broker-down-retry');

function view(trace: TraceArray, position: number, onSelectMessage?: (id: string) => void) {
  return render(
    <ThreadPoolPanelView
      model={foldTo(threadPoolFold, trace, position)}
      lang="en"
      onSelectMessage={onSelectMessage}
    />,
  );
}

function chip(msgId: string): HTMLElement {
  return document.querySelector(`[data-msg-id="${msgId}"]`)!;
}

describe('<ThreadPoolPanelView>', () => {
  it('names the async sender executor and shows its busy worker and queued tasks', () => {
    view(backlog, 9);
    expect(screen.getByRole('region', { name: 'Async sender executor AsyncSenderExecutor' })).toBeTruthy();
    expect(screen.getByText('workers 1/1 busy')).toBeTruthy();
    expect(screen.getByText('queue 2 / 2').getAttribute('data-seq')).toBe('9');
    expect(chip('m1').getAttribute('data-state')).toBe('running');
    expect(chip('m2').getAttribute('data-state')).toBe('waiting');
    expect(chip('m3').getAttribute('data-state')).toBe('waiting');
    expect(screen.getByRole('button', { name: 'm2 150 ms' })).toBeTruthy();
  });

  it('shows a rejected task as rejected, with its count', () => {
    view(backlog, 11);
    const rejected = chip('m4');
    expect(rejected.getAttribute('data-state')).toBe('rejected');
    expect(rejected.getAttribute('data-seq')).toBe('11');
    expect(rejected.textContent).toBe('✕ m4');
    expect(screen.getByTestId('pool-rejected-count').textContent).toBe('rejected 1');
  });

  it('turns a task whose queue wait ate its timeout into a failure', () => {
    view(backlog, 14);
    expect(chip('m2').getAttribute('data-state')).toBe('eaten');
    const line = screen.getByTestId('pool-eaten');
    expect(line.textContent).toBe('✕ m2 waited 1.1 s ≥ 1.0 s: “DEFAULT ASYNC send call timeout”');
    expect(line.getAttribute('data-seq')).toBe('14');
  });

  it('lists callbacks delivered with their outcome', () => {
    view(backlog, 16);
    expect(screen.getByText('1 delivered · 1 failed')).toBeTruthy();
    // The eaten task ended with its onException: the worker is free again.
    expect(document.querySelector('[data-worker="AsyncSenderExecutor_1"]')?.textContent).toBe('T1idle');
    expect(screen.getByRole('button', { name: '✕ m2 onException' })).toBeTruthy();
  });

  it('selects a task’s message when its chip is pressed', () => {
    const onSelectMessage = vi.fn();
    view(backlog, 9, onSelectMessage);
    fireEvent.click(chip('m3'));
    expect(onSelectMessage).toHaveBeenCalledWith('m3');
  });

  it('explains that a sync send does not use the executor', () => {
    view(downRetry, 27);
    expect(screen.getByText(/SYNC and ONEWAY sends run on the caller’s thread/)).toBeTruthy();
  });
});

describe('<ThreadPoolPanel> (connected)', () => {
  it('shows the pool at the store’s cursor in Chinese', () => {
    renderConnected(<ThreadPoolPanel />, { trace: backlog, step: 12, lang: 'zh-CN' });
    expect(screen.getByTestId('pool-rejected-count').textContent).toBe('拒绝 1');
    expect(screen.getByRole('region', { name: '异步发送线程池 AsyncSenderExecutor' })).toBeTruthy();
  });
});

describe('<ThreadPoolPanelView> on real message ids', () => {
  it('labels each chip with the tail of its 32-digit message id, which tells the messages of a run apart', async () => {
    const { parseScenarioText } = await import('../../../src/scenario');
    const { runScenario } = await import('../../../src/sim/runScenario');
    const text = (await import('../../../public/scenarios/async-executor-saturation.json?raw')).default;
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error('async-executor-saturation does not validate');
    const trace = runScenario(parsed.scenario);
    // The moment the queue holds the most tasks.
    const enqueues = trace.filter((e) => e.kind === 'executor.enqueue');
    expect(enqueues.length).toBeGreaterThan(2);
    const { container } = view(trace, trace.indexOf(enqueues[enqueues.length - 1]!) + 1);
    const chips = [...container.querySelectorAll<HTMLElement>('[data-msg-id]')];
    expect(chips.length).toBeGreaterThanOrEqual(2);
    for (const c of chips) {
      const id = c.getAttribute('data-msg-id')!;
      expect(id).toHaveLength(32);
      expect(c.querySelector('.pool-chip-text')?.textContent).toContain(`…${id.slice(-4)}`);
    }
    // Ids of one run share their head: the tails differ.
    const tails = new Set(chips.map((c) => c.getAttribute('data-msg-id')!.slice(-4)));
    expect(tails.size).toBe(new Set(chips.map((c) => c.getAttribute('data-msg-id'))).size);
  });
});

describe('<ThreadPoolPanelView> with 5.x back-pressure', () => {
  it('shows semaphoreAsyncSendNum emptying under a burst and full again at the end, from the trace', async () => {
    const { parseScenario } = await import('../../../src/scenario/validate');
    const { runScenario } = await import('../../../src/sim/runScenario');
    const parsed = parseScenario({
      version: 1,
      seed: 9,
      rocketmqVersion: '5.3.3',
      producer: { enableBackpressureForAsyncMode: true, backPressureForAsyncSendNum: 10 },
      brokers: [{ name: 'broker-a' }],
      topics: [{ name: 'T', readQueueNums: 4, writeQueueNums: 4 }],
      network: { latency: { producerToBroker: { kind: 'fixed', ms: 200 } } },
      workload: [{ count: 30, ratePerSecond: 1000, mode: 'ASYNC', topic: 'T', bodySize: 100 }],
    });
    if (!parsed.ok) throw new Error('the burst scenario does not validate');
    const trace = runScenario(parsed.scenario);
    const num = trace.filter(
      (e) =>
        e.kind === 'producer.backpressure' &&
        (e as { semaphore?: string }).semaphore === 'semaphoreAsyncSendNum',
    );
    const tenth = trace.indexOf(num[9]!);
    const row = (c: HTMLElement) => c.querySelector('.pool-semaphores')?.textContent ?? '';
    const during = view(trace, tenth + 1).container;
    expect(row(during)).toContain('Semaphores');
    expect(row(during)).toContain('semaphoreAsyncSendNum: 0 / 10 free');
    expect(row(during)).toContain('semaphoreAsyncSendSize:');
    cleanup();
    expect(row(view(trace, trace.length).container)).toContain('semaphoreAsyncSendNum: 10 / 10 free');
  });
});
