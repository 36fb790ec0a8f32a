import { useRef, useState } from 'react';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/useT';
import { useAppStoreApi } from '../store/StoreContext';
import type { ExportFormat, ExportStage, PanelExportResult } from './panelExport';
import './panelExportMenu.css';

/** Must match EXPORT_SKIP_ATTRIBUTE of ./panelExport (not imported: that module loads on the first click). */
const SKIP = { 'data-export-skip': '' };

const STAGE: Record<ExportStage | 'load', MessageKey> = {
  load: 'panelExport.stage.load',
  copy: 'panelExport.stage.copy',
  draw: 'panelExport.stage.draw',
  save: 'panelExport.stage.save',
};

type Failure = { format: ExportFormat; stage: ExportStage | 'load'; detail: string };

/**
 * The "SVG" and "PNG" buttons of a panel's title bar: each saves a picture of the whole panel as it looks
 * now. The export code loads on the first click, not with the page. A failure is shown under the buttons
 * (role="alert") until dismissed or the next export succeeds; it never reaches React as an error.
 */
export function PanelExportMenu({ panel, title }: { panel: string; title: string }) {
  const t = useT();
  const store = useAppStoreApi();
  const busy = useRef(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function run(format: ExportFormat, button: HTMLElement): Promise<void> {
    if (busy.current) return;
    const section = button.closest<HTMLElement>('section');
    if (!section) return;
    busy.current = true;
    try {
      const { scenario, presetId, step } = store.getState();
      const scenarioId = idOf(scenario) ?? presetId;
      let result: PanelExportResult;
      try {
        const { exportPanel } = await import('./panelExport');
        result = await exportPanel(section, format, {
          panel,
          scenarioId,
          step,
          title: t('panelExport.imageTitle', { panel: title, scenario: scenarioId ?? '-', step }),
        });
      } catch (error) {
        // Only the module's own loading can throw here (a chunk the server no longer has, say).
        setFailure({ format, stage: 'load', detail: error instanceof Error ? error.message : String(error) });
        return;
      }
      setFailure(result.ok ? null : { format, stage: result.stage, detail: result.detail });
    } finally {
      busy.current = false;
    }
  }

  return (
    <>
      <div
        className="panel-export"
        role="group"
        aria-label={t('panelExport.group', { panel: title })}
        {...SKIP}
      >
        {(['svg', 'png'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="panel-export__button"
            aria-label={t(format === 'svg' ? 'panelExport.svg' : 'panelExport.png', { panel: title })}
            title={t(format === 'svg' ? 'panelExport.svg' : 'panelExport.png', { panel: title })}
            data-export-format={format}
            onClick={(e) => void run(format, e.currentTarget)}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      {failure && (
        <p className="panel-export__failure" role="alert" {...SKIP}>
          <span>
            {t('panelExport.failed', {
              panel: title,
              format: failure.format.toUpperCase(),
              reason: t(STAGE[failure.stage]),
              detail: failure.detail,
            })}
          </span>
          <button type="button" className="panel-export__dismiss" onClick={() => setFailure(null)}>
            {t('panelExport.dismiss')}
          </button>
        </p>
      )}
    </>
  );
}

function idOf(scenario: unknown): string | null {
  if (scenario === null || typeof scenario !== 'object') return null;
  const id = (scenario as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : null;
}
