// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { version } from '../../../package.json';
import { parseThrowPanel } from '../../../src/app/debugFlags';
import { Panel } from '../../../src/app/Panel';
import { failureReport } from '../../../src/app/PanelErrorBoundary';
import { translate, type Lang } from '../../../src/i18n';
import { createAppStore } from '../../../src/store/appStore';
import { StoreProvider } from '../../../src/store/StoreContext';

/** A panel body that throws while `broken.now` is true: the cause can be taken away, as a fix would. */
const broken = { now: true };
function Fragile() {
  if (broken.now) throw new Error('fold exploded at step 3');
  return <p>fragile panel is fine</p>;
}

function makeStore(lang: Lang) {
  return createAppStore({ ui: { lang, theme: 'light', onLangChange: () => {}, onThemeChange: () => {} } });
}

beforeEach(() => {
  broken.now = true;
  // React reports every caught error on the console; the test expects exactly that and keeps the output quiet.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('<PanelErrorBoundary> through <Panel>', () => {
  it('shows the failure in the panel that threw, keeps the others, and recovers with "Try again"', () => {
    render(
      <StoreProvider store={makeStore('en')}>
        <Panel title="Fragile" area="fragile">
          <Fragile />
        </Panel>
        <Panel title="Sturdy" area="sturdy">
          <p>sturdy panel is fine</p>
        </Panel>
      </StoreProvider>,
    );
    const fragile = screen.getByRole('region', { name: 'Fragile' });
    const alert = within(fragile).getByRole('alert');
    expect(alert.textContent).toContain('The Fragile panel stopped working');
    expect(alert.textContent).toContain('Error: fold exploded at step 3');
    expect(
      within(screen.getByRole('region', { name: 'Sturdy' })).getByText('sturdy panel is fine'),
    ).toBeTruthy();

    // Still broken: "Try again" shows the failure again.
    fireEvent.click(within(fragile).getByRole('button', { name: 'Try again' }));
    expect(within(fragile).getByRole('alert')).toBeTruthy();

    broken.now = false;
    fireEvent.click(within(fragile).getByRole('button', { name: 'Try again' }));
    expect(within(fragile).queryByRole('alert')).toBeNull();
    expect(within(fragile).getByText('fragile panel is fine')).toBeTruthy();
  });

  it('speaks Chinese and copies a report with the panel, the error, the address and the version', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    window.history.replaceState(null, '', '/?preset=happy-path-sync&step=12&lang=zh');
    render(
      <StoreProvider store={makeStore('zh-CN')}>
        <Panel title="线程池" area="pool">
          <Fragile />
        </Panel>
      </StoreProvider>,
    );
    const region = screen.getByRole('region', { name: '线程池' });
    expect(within(region).getByRole('alert').textContent).toContain('“线程池”面板出错了');
    await act(async () => {
      fireEvent.click(within(region).getByRole('button', { name: '复制报告' }));
    });
    expect(writeText).toHaveBeenCalledOnce();
    const report = writeText.mock.calls[0]?.[0] ?? '';
    expect(report).toContain('线程池');
    expect(report).toContain('fold exploded at step 3');
    expect(report).toContain('preset=happy-path-sync&step=12');
    expect(report).toContain(version);
    expect(within(region).getByRole('status').textContent).toBe('报告已复制到剪贴板。');
  });

  it('falls back to a selectable report when the clipboard is refused', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(
      <StoreProvider store={makeStore('en')}>
        <Panel title="Event log" area="log">
          <Fragile />
        </Panel>
      </StoreProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    });
    const report = screen.getByRole('textbox', {
      name: 'Report for the Event log panel',
    }) as HTMLTextAreaElement;
    expect(report.readOnly).toBe(true);
    expect(report.value).toContain('Panel: Event log');
    expect(report.value).toContain(`Version: ${version}`);
  });

  it('inside the whole App: ?debug=throw-panel breaks one panel, every other one renders, "Try again" heals', async () => {
    // The switch is read once per page load: a fresh module graph stands for a fresh page.
    window.history.replaceState(null, '', '/?lang=en&debug=throw-panel:callpath');
    vi.resetModules();
    const fresh = {
      App: (await import('../../../src/app/App')).App,
      createAppStore: (await import('../../../src/store/appStore')).createAppStore,
      StoreProvider: (await import('../../../src/store/StoreContext')).StoreProvider,
    };
    const store = fresh.createAppStore({
      ui: { lang: 'en', theme: 'light', onLangChange: () => {}, onThemeChange: () => {} },
    });
    render(
      <fresh.StoreProvider store={store}>
        <fresh.App />
      </fresh.StoreProvider>,
    );
    const callPath = screen.getByRole('region', { name: 'Call path' });
    expect(within(callPath).getByRole('alert').textContent).toContain('The Call path panel stopped working');
    expect(within(callPath).getByRole('alert').textContent).toContain('forced failure of panel "callpath"');
    for (const name of ['Topology', 'Queue selection', 'Thread pool', 'Timeout budget', 'Event log']) {
      const region = screen.getByRole('region', { name });
      expect(within(region).queryByTestId('panel-failure'), name).toBeNull();
      expect(region.querySelector('.panel__body')?.childElementCount, name).toBeGreaterThan(0);
    }
    fireEvent.click(within(callPath).getByRole('button', { name: 'Try again' }));
    expect(within(callPath).queryByTestId('panel-failure')).toBeNull();
    expect(within(callPath).getByText('Step forward to see the first call.')).toBeTruthy();
  });
});

describe('the report and the test switch', () => {
  it('writes a report a maintainer can act on, in either language', () => {
    const t = (lang: Lang) => (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
      translate(lang, key, p);
    const en = failureReport(t('en'), 'Topology', new Error('boom'), 'http://x/?step=4');
    expect(en.split('\n')).toEqual([
      'SendPath panel failure',
      'Panel: Topology',
      'Error: boom',
      'Page: http://x/?step=4',
      `Version: ${version}`,
    ]);
    expect(failureReport(t('zh-CN'), '拓扑', 'raw', 'u')).toContain('错误: raw');
    expect(failureReport(t('en'), 'Topology', undefined, 'u')).toContain('Error: unknown error');
  });

  it('reads ?debug=throw-panel:<id> only in its exact form', () => {
    expect(parseThrowPanel('?debug=throw-panel:callpath')).toBe('callpath');
    expect(parseThrowPanel('?lang=en&debug=other&debug=throw-panel:log')).toBe('log');
    expect(parseThrowPanel('?debug=throw-panel:')).toBeNull();
    expect(parseThrowPanel('?debug=throw-panel:<script>')).toBeNull();
    expect(parseThrowPanel('?preset=x')).toBeNull();
  });
});
