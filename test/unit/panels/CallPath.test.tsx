// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CallPath } from '../../../src/panels/callPath';
import { readTrace } from '../../fixtures/traces/readTrace';
import { renderWithStore } from './renderWithStore';

afterEach(cleanup);

const trace = readTrace('sync-retry-broker-error');
/** seq 16 is the retry's queue selection. */
const RETRY_STEP = 17;

describe('<CallPath>', () => {
  it('asks to step forward before the first event', () => {
    renderWithStore(<CallPath />, { trace });
    expect(screen.getByText('Step forward to see the first call.')).toBeTruthy();
  });

  it('lists the upstream stack at the cursor, outermost first, with the current frame marked', () => {
    renderWithStore(<CallPath />, { trace, step: RETRY_STEP });
    const stack = screen.getByRole('list', { name: 'Call stack at the cursor' });
    const frames = within(stack).getAllByRole('listitem');
    expect(frames.map((f) => f.querySelector('code')?.textContent)).toEqual([
      'DefaultMQProducer.send',
      'DefaultMQProducerImpl.send',
      'DefaultMQProducerImpl.sendDefaultImpl',
      'DefaultMQProducerImpl.selectOneMessageQueue',
      'MQFaultStrategy.selectOneMessageQueue',
    ]);
    expect(frames[4]!.getAttribute('aria-current')).toBe('step');
    expect(frames[0]!.getAttribute('aria-current')).toBeNull();
  });

  it('links the innermost frame to its file at the scenario’s version', () => {
    const { store } = renderWithStore(<CallPath />, { trace, step: RETRY_STEP });
    const link = screen.getByRole('link', {
      name: 'Open client/src/main/java/org/apache/rocketmq/client/latency/MQFaultStrategy.java at rocketmq-all-4.9.8 on GitHub (new tab)',
    });
    expect(link.getAttribute('href')).toBe(
      'https://github.com/apache/rocketmq/blob/rocketmq-all-4.9.8/client/src/main/java/org/apache/rocketmq/client/latency/MQFaultStrategy.java',
    );
    act(() =>
      store
        .getState()
        .showScenario({ scenario: { rocketmqVersion: '4.5.2' }, presetId: null, trace, step: RETRY_STEP }),
    );
    expect(screen.getByRole('link').getAttribute('href')).toContain('rocketmq-all-4.5.2/');
  });

  it('explains the step in the page’s language, with the other language beside it', () => {
    renderWithStore(<CallPath />, { trace, step: RETRY_STEP, lang: 'zh-CN' });
    expect(screen.getByTestId('call-path-explanation').textContent).toContain('第 2 次尝试');
    const other = document.querySelector('[lang="en"]');
    expect(other?.textContent).toContain('Attempt 2 of message');
  });

  it('follows the cursor: a step back shows the stack of the event before', () => {
    const { store } = renderWithStore(<CallPath />, { trace, step: RETRY_STEP });
    act(() => store.getState().stepBack());
    expect(screen.getByText(/Event 15 · fault.update/)).toBeTruthy();
    expect(screen.getByRole('list').textContent).toContain('MQFaultStrategy.updateFaultItem');
  });
});
