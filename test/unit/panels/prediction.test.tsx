// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PredictionControls } from '../../../src/panels/prediction';
import { readTrace } from '../../fixtures/traces/readTrace';
import { renderWithStore } from './renderWithStore';

afterEach(cleanup);

const trace = readTrace('sync-retry-broker-error');

describe('<PredictionControls>', () => {
  it('turns prediction on, asks before a queue selection, takes a number key and reveals', () => {
    const { store } = renderWithStore(<PredictionControls />, { trace, step: 9 });
    const toggle = screen.getByRole('button', { name: 'Predict' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    act(() => store.getState().stepForward());
    const dialog = screen.getByRole('dialog', { name: /Which queue will attempt 1 of message/ });
    expect(dialog).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /broker-[ab]:\d/ })).toHaveLength(8);
    expect(document.activeElement?.textContent).toContain('broker-a:0');
    // Key 2 is the second choice, broker-a:1: the queue really chosen.
    fireEvent.keyDown(window, { key: '2' });
    expect(screen.getByTestId('prediction-verdict').textContent).toBe('✓ Correct');
    expect(screen.getByText(/Answer: broker-a:1\. You said: broker-a:1\./)).toBeTruthy();
    expect(screen.getByText(/sendWhichQueue = 1/)).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Predictions: 1 correct of 1' }).textContent).toBe('1/1');
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(store.getState().step).toBe(10);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks yes or no for a budget check with the cost and timeout, and resets the score', () => {
    const { store } = renderWithStore(<PredictionControls />, { trace, step: 10, lang: 'zh-CN' });
    fireEvent.click(screen.getByRole('button', { name: '预测' }));
    act(() => store.getState().stepForward());
    expect(screen.getByText('已耗时 2 ms，超时时间 3000 ms。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /否/ }));
    expect(screen.getByTestId('prediction-verdict').textContent).toBe('✗ 这次没猜中');
    fireEvent.click(screen.getByRole('button', { name: /继续/ }));
    expect(store.getState().step).toBe(11);
    expect(screen.getByTestId('prediction-score').textContent).toBe('0/1');
    fireEvent.click(screen.getByRole('button', { name: '重置得分' }));
    expect(screen.getByTestId('prediction-score').textContent).toBe('0/0');
  });
});
