// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueueSelectionPanel, QueueSelectionPanelView } from '../../../src/panels/queueSelection';
import type { QueueSelectEvent, TraceArray } from '../../../src/trace/types';
import { queueSelectionFold } from '../../../src/view/folds/queueSelection';
import { foldTo, loadTrace } from '../view/folds/panelFixtures';
import { positionsOf, renderConnected } from './panelTestKit';

afterEach(cleanup);

const downRetry = loadTrace('broker-down-retry');
const selector = loadTrace('selector-hash');
const backlog = loadTrace('async-executor-backlog');
const lostReply = loadTrace('async-lost-reply');

function view(
  trace: TraceArray,
  position: number,
  props: { selectedMsgId?: string | null; onSelectMessage?: (id: string) => void } = {},
) {
  return render(
    <QueueSelectionPanelView model={foldTo(queueSelectionFold, trace, position)} lang="en" {...props} />,
  );
}

describe('<QueueSelectionPanelView>', () => {
  it.each([
    ['broker-down-retry', downRetry],
    ['selector-hash', selector],
    ['async-executor-backlog', backlog],
    ['async-lost-reply', lostReply],
  ] as const)('shows as chosen exactly the queue of the queue.select at the cursor (%s)', (_, trace) => {
    const positions = positionsOf(trace, 'queue.select');
    expect(positions.length).toBeGreaterThan(0);
    for (const position of positions) {
      const event = trace.at(position) as QueueSelectEvent;
      view(trace, position);
      const chosen = screen.getByTestId('chosen-queue');
      expect(chosen.textContent).toBe(`✓ chosen ${event.brokerName}:${event.queueId}`);
      expect(chosen.getAttribute('data-seq')).toBe(String(event.seq));
      const chosenCell = screen
        .getAllByRole('listitem')
        .filter((c) => c.getAttribute('data-state') === 'chosen');
      expect(chosenCell).toHaveLength(1);
      expect(chosenCell[0]!.getAttribute('aria-label')).toContain(
        `${event.brokerName} queue ${event.queueId}`,
      );
      cleanup();
    }
  });

  it('says nothing is chosen before the first queue.select', () => {
    view(downRetry, 10);
    expect(screen.getByText('No queue selected yet. Step forward to the first queue.select.')).toBeTruthy();
    expect(screen.queryByTestId('chosen-queue')).toBeNull();
  });

  it('names the queue list and marks each skipped candidate with its reason and countdown', () => {
    view(downRetry, 15);
    const list = screen.getByRole('list', { name: 'Message-queue list of TopicTest, grouped by broker' });
    const cells = within(list).getAllByRole('listitem');
    expect(cells).toHaveLength(8);
    const skipped = cells.find((c) => c.getAttribute('data-state') === 'skipped')!;
    expect(skipped.getAttribute('data-pos')).toBe('3');
    expect(skipped.getAttribute('aria-label')).toBe(
      'Position 3: broker-a queue 3. skipped (1): broker-a:3: not available until 602,505 ms (600.0 s left)',
    );
    expect(screen.getByText('sendWhichQueue 2 → 4 · 4 mod 8 = 4', { exact: false })).toBeTruthy();
  });

  it('shows each broker’s latency, isolation and availability countdown from the fault table', () => {
    view(downRetry, 15);
    const row = screen.getByRole('group', { name: /^broker-a: Latency/ });
    expect(row.getAttribute('aria-label')).toBe('broker-a: Latency 2,405 ms, ✕ avoided, 600.0 s left');
    expect(row.getAttribute('data-seq')).toBe('14');
    expect(within(row).getByText('Latency 2,405 ms · isolated')).toBeTruthy();
  });

  it('shows the selector’s hash computation', () => {
    view(selector, 3);
    expect(screen.getByText('hash("order-42") = 1234255197 · mod 8 = 5').getAttribute('data-seq')).toBe('3');
  });

  it('selects the shown message when its heading is pressed', () => {
    const onSelectMessage = vi.fn();
    view(downRetry, 15, { onSelectMessage });
    fireEvent.click(screen.getByRole('button', { name: 'msg-1 · attempt 2' }));
    expect(onSelectMessage).toHaveBeenCalledWith('msg-1');
  });

  it('follows the selected message rather than the latest selection', () => {
    view(backlog, 22, { selectedMsgId: 'm1' });
    expect(screen.getByTestId('chosen-queue').textContent).toBe('✓ chosen broker-a:0');
    expect(screen.getByRole('button', { name: 'm1 · attempt 1' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('<QueueSelectionPanel> (connected)', () => {
  it('shows the queue.select at the store’s cursor in Chinese', () => {
    renderConnected(<QueueSelectionPanel />, { trace: downRetry, step: 16, lang: 'zh-CN' });
    expect(screen.getByTestId('chosen-queue').textContent).toBe('✓ 选中 broker-b:0');
    expect(screen.getByRole('button', { name: 'msg-1 · 第 2 次尝试' })).toBeTruthy();
  });
});
