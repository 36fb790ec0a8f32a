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
import type { TraceArray, TraceEvent } from '../../../src/trace/types';

const ev = (seq: number, t: number, kind = 'x') =>
  ({ seq, t, kind, code: { cls: 'C', method: 'm' } }) as unknown as TraceEvent;
const TRACE: TraceArray = [ev(0, 0), ev(1, 5), ev(2, 10), ev(3, 20)];

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
    const after: TraceArray = [...TRACE.slice(0, 3), ev(3, 11, 'fault.update'), ev(4, 30)];
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
    const after: TraceArray = [ev(0, 0), ev(1, 6), ev(2, 10)];
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

/** What the last re-simulation ran: the resolved scenario passed to the engine. */
function lastSimulated(engine: ScenarioEngine): Record<string, unknown> {
  const calls = (engine.simulate as unknown as { mock: { calls: unknown[][] } }).mock.calls;
  return calls.at(-1)![0] as Record<string, unknown>;
}

function written(store: ReturnType<typeof setup>['store']): Record<string, unknown> {
  return store.getState().written!.scenario as Record<string, unknown>;
}

describe('<ScenarioEditor>: keys, explicit send times and network latency', () => {
  it('edits a workload’s keys as a comma-separated list, keeping the comma while typing', async () => {
    const { store, engine } = setup();
    await settle(0);
    const input = field('workload[0].keys') as HTMLInputElement;
    expect(input.closest('.se-field')?.querySelector('.se-hint')?.textContent).toContain(
      'default in 4.9.8: none',
    );
    fireEvent.change(input, { target: { value: 'order-1,' } });
    expect(input.value).toBe('order-1,');
    fireEvent.change(input, { target: { value: 'order-1, order-2' } });
    await settle();
    expect((written(store).workload as { keys?: string[] }[])[0]?.keys).toEqual(['order-1', 'order-2']);
    expect(engine.simulate).toHaveBeenCalledTimes(1);
  });

  it('names the field when key and keys are both given', async () => {
    setup();
    await settle(0);
    fireEvent.change(field('workload[0].key'), { target: { value: 'k' } });
    fireEvent.change(field('workload[0].keys'), { target: { value: 'a, b' } });
    expect(field('workload[0].keys').getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('[data-error-path="workload[0].keys"]')?.textContent).toBe(
      'workload[0].keys: give either key or keys, not both',
    );
  });

  it('switches a workload to explicit send times and back, the count following the times', async () => {
    const { store, engine } = setup();
    await settle(0);
    const schedule = screen.getByRole('combobox', { name: 'Schedule' });
    fireEvent.change(schedule, { target: { value: 'timesMs' } });
    const times = field('workload[0].timesMs') as HTMLInputElement;
    expect(times.value).toBe('0, 10, 20');
    expect((field('workload[0].count') as HTMLInputElement).value).toBe('');
    fireEvent.change(times, { target: { value: '0, 5, 500, 1000' } });
    await settle();
    const w = (written(store).workload as Record<string, unknown>[])[0];
    expect(w).toEqual({ topic: 'TopicTest', timesMs: [0, 5, 500, 1000] });
    expect(engine.simulate).toHaveBeenCalledTimes(1);
    fireEvent.change(schedule, { target: { value: 'intervalMs' } });
    await settle();
    expect((written(store).workload as Record<string, unknown>[])[0]).toEqual({
      topic: 'TopicTest',
      count: 4,
      intervalMs: 100,
    });
  });

  it('shows a bad send time at the times field, naming the item', async () => {
    setup();
    await settle(0);
    fireEvent.change(screen.getByRole('combobox', { name: 'Schedule' }), { target: { value: 'timesMs' } });
    const times = field('workload[0].timesMs');
    fireEvent.change(times, { target: { value: '0, -1' } });
    expect(times.getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('[data-error-path="workload[0].timesMs"]')?.textContent).toBe(
      'workload[0].timesMs[1]: must be a number of milliseconds from 0 to 86400000 (got -1)',
    );
  });

  it('edits the latency of a class of link, with its default beside it, and re-simulates', async () => {
    const { store, engine } = setup();
    await settle(0);
    const region = screen.getByRole('group', { name: 'Network latency' });
    const kind = within(region).getByRole('combobox', { name: 'Producer ↔ broker: Distribution' });
    expect(kind.closest('.se-field')?.textContent).toContain('default in 4.9.8: 0.5 ms');
    fireEvent.change(kind, { target: { value: 'uniform' } });
    const min = within(region).getByRole('textbox', { name: 'Producer ↔ broker: min ms' });
    const max = within(region).getByRole('textbox', { name: 'Producer ↔ broker: max ms' });
    fireEvent.change(min, { target: { value: '0.3' } });
    fireEvent.change(max, { target: { value: '1.2' } });
    await settle();
    expect(written(store).network).toEqual({
      latency: { producerToBroker: { kind: 'uniform', minMs: 0.3, maxMs: 1.2 } },
    });
    const network = lastSimulated(engine).network as { latency: Record<string, unknown> };
    expect(network.latency.producerToBroker).toEqual({ kind: 'uniform', minMs: 0.3, maxMs: 1.2 });
    fireEvent.change(max, { target: { value: '0.1' } });
    expect(max.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.querySelector('[data-error-path="network.latency.producerToBroker.maxMs"]')?.textContent,
    ).toBe('network.latency.producerToBroker.maxMs: must be at least minMs');
  });

  it('edits the connect timeout, the connect latency and the name server, each with its default', async () => {
    const { store, engine } = setup();
    await settle(0);
    const timeout = field('network.connectTimeoutMillis') as HTMLInputElement;
    expect(timeout.closest('.se-field')?.textContent).toContain('default in 4.9.8: 3000');
    fireEvent.change(timeout, { target: { value: '500' } });
    fireEvent.change(
      screen.getByRole('combobox', { name: 'Connect latency (TCP handshake): Distribution' }),
      {
        target: { value: 'fixed' },
      },
    );
    const connect = screen.getByRole('textbox', { name: 'Connect latency (TCP handshake): ms' });
    fireEvent.change(connect, { target: { value: '2' } });
    const names = screen.getByRole('group', { name: 'Name server' });
    const expiry = field('nameServer.brokerChannelExpiredTime') as HTMLInputElement;
    expect(names.contains(expiry)).toBe(true);
    expect(expiry.closest('.se-field')?.textContent).toContain('default in 4.9.8: 120000');
    fireEvent.change(expiry, { target: { value: '60000' } });
    await settle();
    expect(written(store).network).toEqual({
      connectTimeoutMillis: 500,
      connectLatency: { kind: 'fixed', ms: 2 },
    });
    expect(written(store).nameServer).toEqual({ brokerChannelExpiredTime: 60000 });
    const simulated = lastSimulated(engine);
    expect((simulated.network as { connectTimeoutMillis: number }).connectTimeoutMillis).toBe(500);
    expect((simulated.nameServer as { brokerChannelExpiredTime: number }).brokerChannelExpiredTime).toBe(
      60000,
    );
    fireEvent.change(timeout, { target: { value: '-1' } });
    expect(timeout.getAttribute('aria-invalid')).toBe('true');
  });

  it('adds a single link, changes its end and latency, refuses a link from a node to itself, removes it', async () => {
    const { store, engine } = setup();
    await settle(0);
    expect(screen.getByText('No single links: every pair takes the latency of its class.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a link' }));
    expect(field('network.links[0].between[1]')).toHaveProperty('value', 'broker-a');
    fireEvent.change(field('network.links[0].between[1]'), { target: { value: 'broker-b' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Link 1 latency: ms' }), {
      target: { value: '25' },
    });
    await settle();
    expect(written(store).network).toEqual({
      links: [{ between: ['producer', 'broker-b'], latency: { kind: 'fixed', ms: 25 } }],
    });
    expect((lastSimulated(engine).network as { links: unknown[] }).links).toEqual([
      { between: ['producer', 'broker-b'], latency: { kind: 'fixed', ms: 25 } },
    ]);
    expect(screen.getByText(/Replaces the “Producer ↔ broker” latency/)).toBeTruthy();
    const ends = within(field('network.links[0].between[0]') as HTMLSelectElement);
    expect(ends.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'producer',
      'namesrv',
      'broker-a',
      'broker-b',
    ]);
    fireEvent.change(field('network.links[0].between[0]'), { target: { value: 'broker-b' } });
    expect(document.querySelector('[data-error-path="network.links[0].between"]')?.textContent).toBe(
      'network.links[0].between: a link joins two different endpoints (got "broker-b" twice)',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove link 1' }));
    await settle();
    expect(written(store).network).toEqual({});
  });

  it('speaks Chinese in the new fields and their problems', async () => {
    setup({ lang: 'zh-CN' });
    await settle(0);
    expect(screen.getByRole('group', { name: '网络延迟' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '生产者 ↔ Broker：分布' })).toBeTruthy();
    expect(field('workload[0].keys').closest('.se-field')?.textContent).toContain('轮流使用的键（keys）');
    fireEvent.change(screen.getByRole('combobox', { name: '发送节奏' }), { target: { value: 'timesMs' } });
    fireEvent.change(field('workload[0].timesMs'), { target: { value: '0, -1' } });
    expect(document.querySelector('[data-error-path="workload[0].timesMs"]')?.textContent).toBe(
      'workload[0].timesMs[1]：必须是 0 到 86400000 之间的毫秒数（实际为 -1）',
    );
  });
});
