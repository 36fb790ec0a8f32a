// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioEngine } from '../../../src/app/loadScenario';
import type { Lang } from '../../../src/i18n';
import { ScenarioEditor, RESIMULATE_DEBOUNCE_MS } from '../../../src/panels/scenarioEditor/ScenarioEditor';
import { parseScenario, type Scenario } from '../../../src/scenario';
import { LAST_GOOD_KEY } from '../../../src/share';
import { createAppStore } from '../../../src/store/appStore';
import { StoreProvider } from '../../../src/store/StoreContext';
import type { Trace } from '../../../src/trace/types';

const ev = (seq: number, t: number, kind = 'x') =>
  ({ seq, t, kind, code: { cls: 'C', method: 'm' } }) as unknown as Trace[number];
const TRACE: Trace = [ev(0, 0), ev(1, 5), ev(2, 10), ev(3, 20)];

const SCENARIO: Scenario = {
  version: 1,
  rocketmqVersion: '4.9.8',
  brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
  topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4 }],
  workload: [{ count: 3, intervalMs: 10, topic: 'TopicTest' }],
};

function setup(options: { lang?: Lang; engine?: ScenarioEngine; scenario?: Scenario; step?: number } = {}) {
  const scenario = options.scenario ?? SCENARIO;
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error('test scenario invalid');
  const store = createAppStore({
    ui: { lang: options.lang ?? 'en', theme: 'light' },
    trace: TRACE,
    cursor: { step: options.step ?? 0 },
  });
  store.setState({ scenario: parsed.scenario, written: { scenario, resolved: parsed.scenario } });
  store.getState().setEditorOpen(true);
  const engine: ScenarioEngine = options.engine ?? {
    validate: vi.fn(),
    simulate: vi.fn(async () => TRACE),
  };
  render(
    <StoreProvider store={store}>
      <ScenarioEditor engine={engine} />
    </StoreProvider>,
  );
  return { store, engine, resolved: parsed.scenario };
}

/** Lets the queued draft load and any debounced simulation run. */
async function settle(ms = RESIMULATE_DEBOUNCE_MS + 50) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function field(path: string): HTMLElement {
  const box = document.querySelector<HTMLElement>(`.se-field[data-path="${path}"]`);
  if (!box) throw new Error(`no field ${path}`);
  return box.querySelector('input, select') as HTMLElement;
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('<ScenarioEditor>', () => {
  it('is a named region with every section', async () => {
    setup();
    await settle(0);
    const region = screen.getByRole('region', { name: 'Scenario editor' });
    for (const name of ['Brokers', 'Topics', 'Producer settings', 'Workload', 'Faults on the timeline']) {
      expect(within(region).getByRole('group', { name }), name).toBeTruthy();
    }
  });

  it('shows a field’s error naming its JSON path, at that field', async () => {
    setup();
    await settle(0);
    const input = field('producer.sendMsgTimeout');
    fireEvent.change(input, { target: { value: '-5' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(input.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(error?.textContent).toMatch(/^producer\.sendMsgTimeout: must be a whole number/);
    expect(screen.getByRole('status').textContent).toMatch(/1 problem/);
  });

  it('never replaces the last good scenario with an invalid edit', async () => {
    const { store, engine, resolved } = setup({ step: 3 });
    await settle(0);
    localStorage.setItem(LAST_GOOD_KEY, 'kept');
    fireEvent.change(field('brokers[0].name'), { target: { value: 'bad name!' } });
    await settle();
    expect(engine.simulate).not.toHaveBeenCalled();
    expect(store.getState().scenario).toBe(resolved);
    expect(store.getState().trace).toBe(TRACE);
    expect(store.getState().step).toBe(3);
    expect(localStorage.getItem(LAST_GOOD_KEY)).toBe('kept');
    expect(document.querySelector('[data-error-path="brokers[0].name"]')?.textContent).toMatch(
      /^brokers\[0\]\.name: /,
    );
  });

  it('re-simulates a valid edit, keeps it as the last good, and keeps the cursor when the past is unchanged', async () => {
    const after: Trace = [...TRACE.slice(0, 3), ev(3, 11, 'fault.update'), ev(4, 30)];
    const engine = { validate: vi.fn(), simulate: vi.fn(async () => after) };
    const { store } = setup({ engine, step: 3 });
    await settle(0);
    fireEvent.change(field('producer.sendMsgTimeout'), { target: { value: '1000' } });
    await settle();
    expect(engine.simulate).toHaveBeenCalledTimes(1);
    const sent = (engine.simulate.mock.calls as unknown[][])[0]![0] as {
      producer: { sendMsgTimeout: number };
    };
    expect(sent.producer.sendMsgTimeout).toBe(1000);
    expect(store.getState().trace).toBe(after);
    expect(store.getState().step).toBe(3);
    expect(JSON.parse(localStorage.getItem(LAST_GOOD_KEY)!).scenario.producer).toEqual({
      sendMsgTimeout: 1000,
    });
    expect(screen.getByRole('status').textContent).toMatch(/kept its place/);
  });

  it('resets the cursor when the trace before it changed', async () => {
    const after: Trace = [ev(0, 0), ev(1, 6), ev(2, 10)];
    const engine = { validate: vi.fn(), simulate: vi.fn(async () => after) };
    const { store } = setup({ engine, step: 3 });
    await settle(0);
    fireEvent.change(field('seed'), { target: { value: '7' } });
    await settle();
    expect(store.getState().step).toBe(0);
  });

  it('shows a failed simulation without losing the edit or what is on screen', async () => {
    const engine = {
      validate: vi.fn(),
      simulate: vi.fn(async () => {
        throw new Error('the engine is not available yet in this build');
      }),
    };
    const { store, resolved } = setup({ engine });
    await settle(0);
    fireEvent.change(field('producer.retryTimesWhenSendFailed'), { target: { value: '5' } });
    await settle();
    expect(screen.getByRole('status').textContent).toMatch(/the engine is not available yet/);
    expect((field('producer.retryTimesWhenSendFailed') as HTMLInputElement).value).toBe('5');
    expect(store.getState().scenario).toBe(resolved);
  });

  it('shows each producer setting’s default for the chosen version and its description', async () => {
    setup();
    await settle(0);
    const hint = (path: string) => document.querySelector(`.se-field[data-path="${path}"] .se-hint`);
    expect(hint('producer.clientCloseSocketIfTimeout')?.textContent).toContain('default in 4.9.8: true');
    expect(hint('producer.sendMsgTimeout')?.textContent).toContain('default in 4.9.8: 3000 ms');
    expect(hint('producer.sendMsgTimeout')?.textContent).toContain('Timeout budget of one send()');
    expect(document.querySelector('[data-path="producer.sendMsgMaxTimeoutPerRequest"]')).toBeNull();

    fireEvent.change(field('rocketmqVersion'), { target: { value: '4.5.2' } });
    expect(hint('producer.clientCloseSocketIfTimeout')?.textContent).toContain('default in 4.5.2: false');

    fireEvent.change(field('rocketmqVersion'), { target: { value: '5.3.3' } });
    expect(hint('producer.sendMsgMaxTimeoutPerRequest')?.textContent).toContain('default in 5.3.3: -1 ms');
  });

  it('speaks Chinese under zh-CN, descriptions included', async () => {
    setup({ lang: 'zh-CN' });
    await settle(0);
    expect(screen.getByRole('region', { name: '场景编辑器' })).toBeTruthy();
    const hint = document.querySelector('.se-field[data-path="producer.sendMsgTimeout"] .se-hint');
    expect(hint?.textContent).toContain('4.9.8 默认值：3000 ms');
    expect(hint?.textContent).toContain('一次 send() 的超时预算');
  });

  it('shows validation problems in Chinese under zh-CN, at the field and in the list', async () => {
    setup({ lang: 'zh-CN' });
    await settle(0);
    const input = field('producer.sendMsgTimeout');
    fireEvent.change(input, { target: { value: '-5' } });
    const error = document.querySelector('[data-error-path="producer.sendMsgTimeout"]');
    expect(error?.textContent).toBe(
      'producer.sendMsgTimeout：必须是 0 到 86400000 之间的整数（毫秒）（实际为 -5）',
    );
    // Checks across fields run once the schema is satisfied.
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.change(field('brokers[1].name'), { target: { value: 'broker-a' } });
    const list = document.querySelector('.se-summary')?.textContent ?? '';
    expect(list).toContain('brokers[1].name：重复的 Broker：brokers[0] 已经是 brokerId 为 0 的 "broker-a"');
    expect(list).not.toMatch(/must be|duplicate/);
  });

  it('adds, moves and removes a fault on the timeline', async () => {
    setup({ step: 2 });
    await settle(0);
    fireEvent.click(screen.getByRole('button', { name: 'Add a fault' }));
    const marker = screen.getByRole('slider', { name: /Fault 1: crash at 5 ms/ });
    fireEvent.keyDown(marker, { key: 'ArrowRight', shiftKey: true });
    expect(screen.getByRole('slider', { name: /Fault 1: crash at 105 ms/ })).toBeTruthy();
    expect((field('faults[0].atMs') as HTMLInputElement).value).toBe('105');
    fireEvent.click(screen.getByRole('button', { name: 'Remove fault 1' }));
    expect(screen.queryByRole('slider')).toBeNull();
  });

  it('renders names from the scenario as text, never as HTML', async () => {
    setup();
    await settle(0);
    fireEvent.change(field('brokers[0].name'), { target: { value: '<img src=x onerror=alert(1)>' } });
    expect(document.querySelector('.se-drawer img')).toBeNull();
  });
});
