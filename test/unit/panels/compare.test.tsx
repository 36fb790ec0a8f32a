// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioEngine } from '../../../src/app/loadScenario';
import { CompareView } from '../../../src/panels/compare';
import type { TraceArray } from '../../../src/trace/types';
import { readTrace } from '../../fixtures/traces/readTrace';
import { renderWithStore } from './renderWithStore';

afterEach(cleanup);

const written = {
  version: 1,
  id: 'broker-crash-mid-run',
  seed: 7,
  rocketmqVersion: '4.9.8',
  producer: { sendLatencyFaultEnable: true },
};

/** A stand-in engine: the scenario is the written JSON with defaults; B's trace depends on the fault flag. */
function fakeEngine(simulated: unknown[] = []): ScenarioEngine {
  return {
    validate: (text) => {
      const s = JSON.parse(text) as { producer?: Record<string, unknown> };
      const producer = {
        retryTimesWhenSendFailed: 2,
        sendMsgTimeout: 3000,
        asyncSenderThreads: 4,
        ...s.producer,
      };
      if (typeof producer.sendMsgTimeout === 'number' && producer.sendMsgTimeout > 100000) {
        return Promise.resolve({ ok: false, problems: ['producer.sendMsgTimeout: too long'] });
      }
      return Promise.resolve({ ok: true, scenario: { ...s, producer } });
    },
    simulate: (scenario) => {
      simulated.push(scenario);
      const on = (scenario as { producer: { sendLatencyFaultEnable?: boolean } }).producer
        .sendLatencyFaultEnable;
      const trace: TraceArray = readTrace(on ? 'sync-retry-broker-error' : 'async-executor-timeout');
      return Promise.resolve(trace);
    },
  };
}

const fetchText = () => Promise.resolve(JSON.stringify(written));

describe('<CompareView>', () => {
  it('runs A and a copy B with the fault strategy flipped, and plots what differs', async () => {
    const simulated: unknown[] = [];
    renderWithStore(<CompareView io={{ engine: fakeEngine(simulated), fetchText }} />);
    await screen.findByRole('heading', { name: 'B: with changes' });
    expect(screen.getByTestId('compare-differs').textContent).toBe(
      'B differs from A in: sendLatencyFaultEnable on → off',
    );
    expect(simulated).toHaveLength(2);
    expect(simulated[1]).toMatchObject({ seed: 7, producer: { sendLatencyFaultEnable: false } });
    expect(screen.getByRole('img', { name: 'Success rate: A 100%, B 33.3%' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Send cost p50: A 5 ms, B 3,002 ms' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Messages retried (attempts > 1): A 1, B 1' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Duplicate stores: A 0, B 0' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Stores per queue: broker-b:0 A 2, B 1' })).toBeTruthy();
    expect(screen.getByText('2 of 2 sends succeeded')).toBeTruthy();
    expect(screen.getByText('1 of 3 sends succeeded')).toBeTruthy();
  });

  it('re-runs B when a setting changes and links the scrubbers by virtual time', async () => {
    const simulated: unknown[] = [];
    renderWithStore(<CompareView io={{ engine: fakeEngine(simulated), fetchText }} />);
    await screen.findByRole('heading', { name: 'B: with changes' });
    fireEvent.change(screen.getByLabelText('retryTimesWhenSendFailed'), { target: { value: '0' } });
    await waitFor(() => expect(simulated).toHaveLength(3));
    expect(simulated[2]).toMatchObject({ producer: { retryTimesWhenSendFailed: 0 } });
    await waitFor(() =>
      expect(screen.getByTestId('compare-differs').textContent).toContain('retryTimesWhenSendFailed 2 → 0'),
    );
    const [sliderA] = screen.getAllByRole('slider');
    fireEvent.keyDown(sliderA!, { key: 'PageDown' });
    const a = within(screen.getByRole('region', { name: 'A: as written' }));
    const b = within(screen.getByRole('region', { name: 'B: with changes' }));
    // A moves 4 events (a tenth of 37), to t = 10; B follows to its last event at t <= 10.
    expect(a.getByText(/t = 10 ms, event 4 of 37/)).toBeTruthy();
    expect(b.getByText(/t = 10 ms, event 13 of 41/)).toBeTruthy();
  });

  it('says clearly when the engine cannot run, in Chinese too', async () => {
    const engine: ScenarioEngine = {
      ...fakeEngine(),
      simulate: () => Promise.reject(new Error('the engine is not available yet in this build')),
    };
    renderWithStore(<CompareView io={{ engine, fetchText }} />, { lang: 'zh-CN' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('无法进行对比：the engine is not available yet in this build');
  });
});
