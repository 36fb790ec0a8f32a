// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/validate';
import { runScenario } from '../../../src/sim/runScenario';
import { stoppedAtCap, TraceCapNotice } from '../../../src/app/TraceCapNotice';
import { packTrace } from '../../../src/trace/packed';
import { renderWithStore } from '../panels/renderWithStore';

afterEach(cleanup);

/** A real run stopped by a small cap, as the page's cap stops a big one. */
function cappedRun(maxEvents: number) {
  const parsed = parseScenario({
    version: 1,
    rocketmqVersion: '4.9.8',
    brokers: [{ name: 'broker-a' }],
    workload: [{ topic: 'TopicTest', count: 50, ratePerSecond: 100, mode: 'ASYNC' }],
  });
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return runScenario(parsed.scenario, { maxEvents });
}

describe('<TraceCapNotice>', () => {
  it('reads the cap from the trace: sim.end with reason traceCap, and only then', () => {
    const capped = cappedRun(100);
    expect(capped.at(-1)).toMatchObject({ kind: 'sim.end', reason: 'traceCap' });
    expect(stoppedAtCap(packTrace(capped))).toBe(true);
    expect(stoppedAtCap(cappedRun(1_000_000))).toBe(false);
    expect(stoppedAtCap([])).toBe(false);
  });

  it('says the run stopped at the page cap, in both languages, until dismissed; a new trace brings it back', () => {
    const capped = packTrace(cappedRun(100));
    const { store } = renderWithStore(<TraceCapNotice />, { trace: [...capped] });
    expect(screen.getByRole('status').textContent).toContain('This run stopped at 2,000,000 events');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => store.getState().setLang('zh-CN'));
    act(() => store.getState().setTrace(capped));
    expect(screen.getByRole('status').textContent).toContain('本次运行在 2,000,000 个事件处停止');
    act(() => store.getState().setTrace(cappedRun(1_000_000)));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
