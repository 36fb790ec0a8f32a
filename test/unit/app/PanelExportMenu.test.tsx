// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../src/app/Panel';
import type { Lang } from '../../../src/i18n';
import { createAppStore } from '../../../src/store/appStore';
import { StoreProvider } from '../../../src/store/StoreContext';

const exportPanel = vi.hoisted(() => vi.fn());
vi.mock('../../../src/app/panelExport', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/app/panelExport')>()),
  exportPanel,
}));

afterEach(() => {
  cleanup();
  exportPanel.mockReset();
});

function renderPanel(lang: Lang, step = 7) {
  const store = createAppStore({ ui: { lang, theme: 'light' }, cursor: { step } });
  store.setState({ scenario: { id: 'retry-another-broker' }, presetId: 'other' });
  render(
    <StoreProvider store={store}>
      <Panel title={lang === 'en' ? 'Topology' : '拓扑'} area="topology" exportAs="topology">
        <p>panel body</p>
      </Panel>
    </StoreProvider>,
  );
  return store;
}

describe('the export buttons of a panel', () => {
  it('are named for the panel and the format in both languages, with the format as visible text', () => {
    renderPanel('en');
    const svg = screen.getByRole('button', { name: 'Export Topology as SVG' });
    expect(svg.textContent).toBe('SVG');
    expect(screen.getByRole('button', { name: 'Export Topology as PNG' }).textContent).toBe('PNG');
    expect(screen.getByRole('group', { name: 'Export Topology' })).toBeTruthy();
    cleanup();
    renderPanel('zh-CN');
    expect(screen.getByRole('button', { name: '将拓扑导出为 SVG' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '将拓扑导出为 PNG' })).toBeTruthy();
  });

  it('leave the landmark named by its heading alone', () => {
    renderPanel('en');
    expect(screen.getByRole('region', { name: 'Topology' })).toBeTruthy();
  });

  it('export the panel section with the scenario id and the step', async () => {
    exportPanel.mockResolvedValue({ ok: true, fileName: 'x.svg' });
    renderPanel('en', 12);
    fireEvent.click(screen.getByRole('button', { name: 'Export Topology as SVG' }));
    await waitFor(() => expect(exportPanel).toHaveBeenCalledTimes(1));
    const [section, format, naming] = exportPanel.mock.calls[0]!;
    expect((section as HTMLElement).tagName).toBe('SECTION');
    expect(format).toBe('svg');
    expect(naming).toEqual({
      panel: 'topology',
      scenarioId: 'retry-another-broker',
      step: 12,
      title: 'Topology, SendPath, retry-another-broker, step 12',
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('show a failure as an alert in the page language, until dismissed', async () => {
    exportPanel.mockResolvedValue({ ok: false, stage: 'draw', detail: 'EncodingError' });
    renderPanel('zh-CN');
    fireEvent.click(screen.getByRole('button', { name: '将拓扑导出为 PNG' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法将拓扑导出为 PNG：浏览器无法绘制图片（EncodingError）');
    fireEvent.click(within(alert).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('show a failure when the export code cannot load (or throws), instead of letting it reach React', async () => {
    exportPanel.mockRejectedValue(new Error('chunk missing'));
    renderPanel('en');
    fireEvent.click(screen.getByRole('button', { name: 'Export Topology as SVG' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Could not export Topology as SVG: the export code could not be loaded (chunk missing)',
    );
  });
});

describe('exportPanel where the browser lacks what it needs (jsdom)', () => {
  it('answers with a failure and never throws', async () => {
    const actual = await vi.importActual<typeof import('../../../src/app/panelExport')>(
      '../../../src/app/panelExport',
    );
    // jsdom reports its missing canvas and object URLs on the console.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      renderPanel('en');
      const section = screen.getByRole('region', { name: 'Topology' });
      for (const format of ['svg', 'png'] as const) {
        const result = await actual.exportPanel(section, format, {
          panel: 'topology',
          scenarioId: null,
          step: 0,
          title: 'Topology',
        });
        expect(result.ok).toBe(false);
      }
    } finally {
      vi.restoreAllMocks();
    }
  });
});
