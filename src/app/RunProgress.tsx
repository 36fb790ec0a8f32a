import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useAppStore } from '../store/StoreContext';
import { formatNumber } from '../view/format';
import { useT } from '../i18n/useT';
import { runStatus } from '../worker/runStatus';
import { pageSimulatorCancel } from './runControl';
import './runProgress.css';

/** How long a run goes before the page shows its progress: short runs finish before anyone would read it. */
export const SHOW_AFTER_MS = 300;

/**
 * The simulation in progress, when it takes longer than a moment: a progress bar with the events simulated
 * so far and Cancel. After Cancel, a line says the scenario on screen is the one before.
 */
export function RunProgress() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const running = useStore(runStatus, (s) => s.running);
  const cancelled = useStore(runStatus, (s) => s.cancelled);
  const runId = running?.id ?? null;
  const [shownFor, setShownFor] = useState<number | null>(null);

  useEffect(() => {
    if (runId === null) return;
    const timer = setTimeout(() => setShownFor(runId), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [runId]);

  if (running && shownFor === running.id) {
    const events = t('run.events', { n: formatNumber(lang, running.events) });
    return (
      <div className="run-progress" data-testid="run-progress">
        <span className="run-progress__label" id="run-progress-label">
          {t('run.progress')}
        </span>
        <span
          className="run-progress__bar"
          role="progressbar"
          aria-labelledby="run-progress-label"
          aria-valuetext={events}
        >
          <span className="run-progress__fill" />
        </span>
        <span className="run-progress__count" aria-hidden="true">
          {events}
        </span>
        <button type="button" onClick={pageSimulatorCancel}>
          {t('run.cancel')}
        </button>
      </div>
    );
  }
  if (cancelled && !running) {
    return (
      <p className="run-progress run-progress--cancelled" role="status" data-testid="run-cancelled">
        {t('run.cancelled')}
      </p>
    );
  }
  return null;
}
