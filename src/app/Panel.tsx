import { useId, type ReactNode } from 'react';

interface PanelProps {
  /** The landmark's accessible name, also shown as its heading. */
  title: string;
  /** Grid area in the page layout. */
  area: string;
  children: ReactNode;
}

/** A named landmark region: screen readers list it by its heading, and tests find it by role and name. */
export function Panel({ title, area, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className="panel" style={{ gridArea: area }} aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {title}
      </h2>
      <div className="panel__body">{children}</div>
    </section>
  );
}
