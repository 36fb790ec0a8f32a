import { useId, type ReactNode } from 'react';
import { clearForcedPanelFailure, ForcedFailure } from './debugFlags';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { PanelExportMenu } from './PanelExportMenu';

interface PanelProps {
  /** The landmark's accessible name, also shown as its heading. */
  title: string;
  /** Grid area in the page layout; also the panel's id for `?debug=throw-panel:<id>` (src/app/debugFlags.ts). */
  area: string;
  /**
   * The panel's id in exported pictures' file names (`topology`, `timeoutBudget`: the ids of `?embed=`);
   * without it the title bar has no export buttons.
   */
  exportAs?: string;
  children: ReactNode;
}

/**
 * A named landmark region: screen readers list it by its heading, and tests find it by role and name. Its
 * body sits behind its own error boundary, so a panel that fails never takes the others with it.
 */
export function Panel({ title, area, exportAs, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className="panel" style={{ gridArea: area }} aria-labelledby={headingId} data-panel={area}>
      <div className="panel__head">
        <h2 id={headingId} className="panel__title">
          {title}
        </h2>
        {exportAs !== undefined && <PanelExportMenu panel={exportAs} title={title} />}
      </div>
      <div className="panel__body">
        <PanelErrorBoundary panel={title} onReset={() => clearForcedPanelFailure(area)}>
          <ForcedFailure panelId={area} />
          {children}
        </PanelErrorBoundary>
      </div>
    </section>
  );
}
