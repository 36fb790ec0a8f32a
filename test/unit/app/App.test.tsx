// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/App';
import { createAppStore } from '../../../src/store/appStore';
import { StoreProvider } from '../../../src/store/StoreContext';
import type { Lang } from '../../../src/i18n';

afterEach(cleanup);

function renderApp(lang: Lang) {
  const changes: string[] = [];
  const store = createAppStore({
    ui: {
      lang,
      theme: 'light',
      onLangChange: (l) => changes.push(`lang:${l}`),
      onThemeChange: (t) => changes.push(`theme:${t}`),
    },
  });
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  return { store, changes };
}

describe('<App>', () => {
  it('names every panel landmark in English', () => {
    renderApp('en');
    for (const name of [
      'Topology',
      'Queue selection',
      'Thread pool',
      'Timeout budget',
      'Call path',
      'Event log',
      'Scenario',
    ]) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
  });

  it('re-renders in Chinese when the language switch is pressed, and reports the change', () => {
    const { store, changes } = renderApp('en');
    const group = screen.getByRole('group', { name: 'Language' });
    act(() => within(group).getByRole('button', { name: 'Chinese' }).click());
    expect(store.getState().lang).toBe('zh-CN');
    expect(screen.getByRole('region', { name: '拓扑' })).toBeTruthy();
    expect(changes).toEqual(['lang:zh-CN']);
  });

  it('marks the current language and theme as pressed', () => {
    renderApp('zh-CN');
    const lang = screen.getByRole('group', { name: '语言' });
    expect(within(lang).getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(lang).getByRole('button', { name: '英文' }).getAttribute('aria-pressed')).toBe('false');
    const theme = screen.getByRole('group', { name: '配色主题' });
    expect(within(theme).getByRole('button', { name: '浅色' }).getAttribute('aria-pressed')).toBe('true');
  });
});
