// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../../src/panels/timeline';
import { readTrace } from '../../fixtures/traces/readTrace';
import { renderWithStore } from './renderWithStore';

afterEach(cleanup);

const trace = readTrace('async-executor-timeout');

describe('<Timeline>', () => {
  it('is a slider over the events whose value follows the cursor', () => {
    const { store } = renderWithStore(<Timeline />, { trace });
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    expect(slider.getAttribute('aria-valuemax')).toBe(String(trace.length));
    act(() => store.getState().seek(12));
    expect(slider.getAttribute('aria-valuenow')).toBe('12');
    expect(slider.getAttribute('aria-valuetext')).toBe(
      `event 12 of ${trace.length}, t = ${trace.at(11)!.t} ms`,
    );
  });

  it('jumps a tenth of the trace with Page Down and Page Up', () => {
    const { store } = renderWithStore(<Timeline />, { trace });
    act(() => {
      fireEvent.keyDown(screen.getByRole('slider'), { key: 'PageDown' });
    });
    expect(store.getState().step).toBe(Math.round(trace.length / 10));
  });

  it('draws each notable event as a named, focusable button that moves the cursor there and selects its message', () => {
    const { store } = renderWithStore(<Timeline />, { trace });
    const marks = within(screen.getByRole('group', { name: 'Notable events on the timeline' })).getAllByRole(
      'button',
    );
    expect(marks.length).toBeGreaterThan(0);
    const budget = marks.find((m) => /Budget check failed/.test(m.getAttribute('aria-label') ?? ''));
    expect(budget).toBeTruthy();
    act(() => budget!.click());
    const event = trace.at(store.getState().step - 1)!;
    expect(['budget.check', 'send.result', 'attempt.end', 'queue.select', 'fault.update']).toContain(
      event.kind,
    );
    expect(store.getState().selectedMsgId).toBe((event as { msgId?: string }).msgId ?? null);
  });

  it('names marks in Chinese under zh-CN', () => {
    renderWithStore(<Timeline />, { trace, lang: 'zh-CN' });
    const marks = within(screen.getByRole('group', { name: '时间线上的关键事件' })).getAllByRole('button');
    expect(marks.some((m) => /故障/.test(m.getAttribute('aria-label') ?? ''))).toBe(true);
  });
});
