// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeoutBudgetPanel, TimeoutBudgetPanelView } from '../../../src/panels/timeoutBudget';
import type { BudgetCheckEvent, TraceArray } from '../../../src/trace/types';
import { timeoutBudgetFold } from '../../../src/view/folds/timeoutBudget';
import { foldTo, loadTrace } from '../view/folds/panelFixtures';
import { positionsOf, renderConnected } from './panelTestKit';
import onewayText from '../../../public/scenarios/happy-path-oneway.json?raw';
import { parseScenarioText } from '../../../src/scenario';
import { runScenario } from '../../../src/sim/runScenario';

afterEach(cleanup);

const downRetry = loadTrace('broker-down-retry');
const backlog = loadTrace('async-executor-backlog');
const lostReply = loadTrace('async-lost-reply');
const selector = loadTrace('selector-hash');

function view(
  trace: TraceArray,
  position: number,
  props: { selectedMsgId?: string | null; onSelectMessage?: (id: string) => void } = {},
) {
  return render(
    <TimeoutBudgetPanelView model={foldTo(timeoutBudgetFold, trace, position)} lang="en" {...props} />,
  );
}

const fmt = (n: number) => n.toLocaleString('en');

describe('<TimeoutBudgetPanelView> on a oneway send', () => {
  it('shows the DISPATCHED attempt as a success, in the bar and in the waterfall', () => {
    const parsed = parseScenarioText(onewayText);
    if (!parsed.ok) throw new Error('happy-path-oneway does not validate');
    const trace = runScenario(parsed.scenario);
    const end = trace.findIndex((e) => e.kind === 'attempt.end');
    expect((trace[end] as unknown as { outcome: string }).outcome).toBe('DISPATCHED');
    const { container } = view(trace, end + 1);
    const attempt = container.querySelector('.budget-attempt')!;
    expect(attempt.classList.contains('teach-ok')).toBe(true);
    expect(attempt.textContent).toContain('✓ DISPATCHED');
    expect(container.querySelectorAll('.budget-wf-attempt--bad').length).toBe(0);
    expect(container.querySelectorAll('.budget-wf-attempt--ok').length).toBeGreaterThan(0);
  });
});

describe('<TimeoutBudgetPanelView>', () => {
  it.each([
    ['broker-down-retry', downRetry],
    ['async-executor-backlog', backlog],
    ['async-lost-reply', lostReply],
    ['selector-hash', selector],
  ] as const)('shows each budget.check at the cursor with the event’s own numbers (%s)', (_, trace) => {
    const positions = positionsOf(trace, 'budget.check');
    expect(positions.length).toBeGreaterThan(0);
    for (const position of positions) {
      const event = trace.at(position) as BudgetCheckEvent;
      const { container } = view(trace, position);
      const line = screen.getByTestId('budget-check');
      expect(line.getAttribute('data-seq')).toBe(String(event.seq));
      expect(line.getAttribute('data-cost')).toBe(String(event.costMs));
      expect(line.getAttribute('data-timeout')).toBe(String(event.timeoutMs));
      expect(line.textContent).toContain(`${event.where}: ${fmt(event.costMs)}`);
      expect(line.textContent).toContain(`${fmt(event.timeoutMs)} ms`);
      expect(line.textContent).toContain(
        event.ok ? `→ ${fmt(event.timeoutMs - event.costMs)} ms left` : '→ call timeout',
      );
      const marker = container.querySelector(`[data-testid="budget-marker"][data-seq="${event.seq}"]`)!;
      expect(marker.getAttribute('data-cost')).toBe(String(event.costMs));
      expect(marker.getAttribute('data-timeout')).toBe(String(event.timeoutMs));
      expect(marker.getAttribute('data-ok')).toBe(String(event.ok));
      cleanup();
    }
  });

  it('names the message, its mode and its sendMsgTimeout, and the result when it came', () => {
    view(downRetry, 23);
    expect(screen.getByRole('button', { name: 'msg-1 · SYNC · 3,000 ms' })).toBeTruthy();
    expect(screen.getByText('✓ SEND_OK · 2,411 ms').getAttribute('data-seq')).toBe('23');
    expect(screen.getByRole('img', { name: 'Time budget of msg-1: 3,000 ms from the call' })).toBeTruthy();
  });

  it('splits the bar into route lookup and each attempt’s steps, each traced to its event', () => {
    const { container } = view(downRetry, 23);
    const kinds = [...container.querySelectorAll('.budget-bar [data-kind]')].map((g) =>
      g.getAttribute('data-kind'),
    );
    expect(kinds).toEqual(['route', 'connect', 'connect', 'flight', 'broker', 'reply']);
    const connect = container.querySelector('.budget-bar [data-kind="connect"]')!;
    expect(connect.getAttribute('data-seq')).toBe('11');
    expect(connect.querySelector('title')?.textContent).toContain(
      'connect of attempt 1: 100 ms → 2,505 ms (2,405 ms)',
    );
  });

  it('draws the time past the deadline and the response-scan slack with a pattern, not only a colour', () => {
    const { container } = view(lostReply, 24);
    const over = screen.getByTestId('budget-over');
    expect(over.querySelector('rect')?.getAttribute('style')).toMatch(/fill: url\(#tb.*-hatch\)/);
    const slack = container.querySelector('[data-kind="scanSlack"]')!;
    expect(slack.getAttribute('data-seq')).toBe('14');
    expect(slack.querySelector('rect')?.getAttribute('style')).toMatch(/fill: url\(#tb.*-hatch-bad\)/);
  });

  it('shows a message rejected by the executor as rejected', () => {
    view(backlog, 11, { selectedMsgId: 'm4' });
    expect(screen.getByText('✕ rejected').getAttribute('data-seq')).toBe('11');
  });

  it('lists one waterfall row per message sent so far, and selects a message on click', () => {
    const onSelectMessage = vi.fn();
    view(backlog, 33, { onSelectMessage });
    const waterfall = screen.getByRole('region', { name: 'Waterfall of every message' });
    const rows = within(waterfall).getAllByRole('button');
    expect(rows.map((r) => r.getAttribute('data-msg-id'))).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(rows[1]!.getAttribute('aria-label')).toBe('m2: EXCEPTION, 1,100 ms, 0 attempts');
    fireEvent.click(rows[1]!);
    expect(onSelectMessage).toHaveBeenCalledWith('m2');
    expect(within(waterfall).getByText('4 messages')).toBeTruthy();
  });

  it('shows only the messages whose send.call is at or before the cursor', () => {
    view(backlog, 7);
    const waterfall = screen.getByRole('region', { name: 'Waterfall of every message' });
    expect(
      within(waterfall)
        .getAllByRole('button')
        .map((r) => r.getAttribute('data-msg-id')),
    ).toEqual(['m1', 'm2']);
  });

  it('follows the selected message instead of the one at the cursor', () => {
    view(backlog, 33, { selectedMsgId: 'm2' });
    expect(screen.getByRole('button', { name: 'm2 · ASYNC · 1,000 ms' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByTestId('budget-check').textContent).toContain(
      'DEFAULT ASYNC: 1,100 > 1,000 ms → call timeout',
    );
  });
});

describe('<TimeoutBudgetPanelView> in a short panel', () => {
  const realRect = Element.prototype.getBoundingClientRect;
  afterEach(() => {
    Element.prototype.getBoundingClientRect = realRect;
    vi.unstubAllGlobals();
  });

  it('lets the budget and the waterfall take turns, and goes back to the budget once a row is chosen', () => {
    // A 400x180 body, as on the 1280x720 page: too short for both at once.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    Element.prototype.getBoundingClientRect = () => ({ width: 400, height: 180 }) as DOMRect;
    const onSelectMessage = vi.fn();
    view(backlog, 33, { onSelectMessage });
    const tabs = screen.getByRole('group', { name: 'Show' });
    expect(within(tabs).getByRole('button', { name: 'Budget' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('region', { name: 'Waterfall of every message' })).toBeNull();
    act(() => within(tabs).getByRole('button', { name: 'Waterfall (4)' }).click());
    expect(screen.queryByTestId('budget-check')).toBeNull();
    const waterfall = screen.getByRole('region', { name: 'Waterfall of every message' });
    act(() => within(waterfall).getByRole('button', { name: /^m2:/ }).click());
    expect(onSelectMessage).toHaveBeenCalledWith('m2');
    expect(screen.queryByRole('region', { name: 'Waterfall of every message' })).toBeNull();
    expect(screen.getByTestId('budget-check')).toBeTruthy();
  });
});

describe('<TimeoutBudgetPanel> (connected)', () => {
  it('selects a message in the store when a waterfall row is pressed', () => {
    const { store } = renderConnected(<TimeoutBudgetPanel />, { trace: backlog, step: 34 });
    const waterfall = screen.getByRole('region', { name: 'Waterfall of every message' });
    act(() => within(waterfall).getByRole('button', { name: /^m1:/ }).click());
    expect(store.getState().selectedMsgId).toBe('m1');
    expect(screen.getByRole('button', { name: 'm1 · ASYNC · 1,000 ms' })).toBeTruthy();
  });
});
