// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readStepParam, syncStepToUrl, URL_WRITE_INTERVAL_MS, withStepParam } from '../../../src/app/urlStep';
import { createAppStore } from '../../../src/store/appStore';
import { readTrace } from '../../fixtures/traces/readTrace';

describe('readStepParam', () => {
  it('reads a whole number of steps', () => {
    expect(readStepParam('?lang=en&step=12')).toBe(12);
    expect(readStepParam('?step=0')).toBe(0);
  });

  it('ignores anything else without throwing', () => {
    for (const bad of [
      '',
      '?step=',
      '?step=-1',
      '?step=1.5',
      '?step=abc',
      '?step=1e3',
      '?step=9999999999',
      '?step=%00',
    ]) {
      expect(readStepParam(bad), bad).toBeNull();
    }
  });
});

describe('withStepParam', () => {
  it('sets the step and keeps the language, preset and shared scenario', () => {
    expect(withStepParam('http://h/app/?lang=zh&preset=p#s=abc', 7)).toBe(
      'http://h/app/?lang=zh&preset=p&step=7#s=abc',
    );
    expect(withStepParam('http://h/?step=3', 4)).toBe('http://h/?step=4');
  });
});

describe('syncStepToUrl', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/app/?lang=en');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the step on a move, and at most every few hundred milliseconds while playing', () => {
    const store = createAppStore({
      ui: { lang: 'en', theme: 'light' },
      trace: readTrace('sync-retry-broker-error'),
    });
    const spy = vi.spyOn(window.history, 'replaceState');
    const stop = syncStepToUrl(store, window);
    expect(spy).not.toHaveBeenCalled();
    store.getState().stepForward();
    expect(window.location.search).toBe('?lang=en&step=1');
    store.getState().play();
    for (let i = 2; i < 20; i++) store.getState().advanceTo(i);
    expect(window.location.search).toBe('?lang=en&step=1');
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    expect(window.location.search).toBe('?lang=en&step=19');
    expect(spy.mock.calls.length).toBe(2);
    stop();
    store.getState().seek(3);
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    expect(window.location.search).toBe('?lang=en&step=19');
  });
});
