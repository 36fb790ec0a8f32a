import { useId, type ReactNode } from 'react';
import { clearForcedPanelFailure, ForcedFailure } from './debugFlags';
import { PanelErrorBoundary } from './PanelErrorBoundary';

interface PanelProps {
  /** The landmark's accessible name, also shown as its heading. */
  title: string;
  /** Grid area in the page layout; also the panel's id for `?debug=throw-panel:<id>` (src/app/debugFlags.ts). */
  area: string;
  children: ReactNode;
}

/**
 * A named landmark region: screen readers list it by its heading, and tests find it by role and name. Its
 * body sits behind its own error boundary, so a panel that fails never takes the others with it.
 */
export function Panel({ title, area, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className="panel" style={{ gridArea: area }} aria-labelledby={headingId} data-panel={area}>
      <h2 id={headingId} className="panel__title">
        {title}
      </h2>
      <div className="panel__body">
        <PanelErrorBoundary panel={title} onReset={() => clearForcedPanelFailure(area)}>
          <ForcedFailure panelId={area} />
          {children}
        </PanelErrorBoundary>
      </div>
    </section>
  );
}
