import { useState } from 'react';
import { useAppStore } from '../store/StoreContext';
import { PAGE_MAX_TRACE_EVENTS, TRACE_CAP_REASON } from '../trace/limits';
import type { Trace } from '../trace/types';
import { useT } from '../i18n/useT';
import { formatNumber } from '../view/format';
import './runProgress.css';

/** Whether the run behind `trace` was stopped at the page's cap (its `sim.end` says so). */
export function stoppedAtCap(trace: Trace): boolean {
  const end = trace.at(-1) as { kind?: unknown; reason?: unknown } | undefined;
  return end?.kind === 'sim.end' && end.reason === TRACE_CAP_REASON;
}

/**
 * Says so when the trace on screen ends at the page's cap rather than where the scenario ends: without it,
 * a run that simply stops halfway would look like a simulation bug. Dismissed per trace.
 */
export function TraceCapNotice() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const trace = useAppStore((s) => s.trace);
  const [dismissed, setDismissed] = useState<Trace | null>(null);
  if (dismissed === trace || !stoppedAtCap(trace)) return null;
  return (
    <div className="run-progress run-progress--cap" role="status" data-testid="trace-cap">
      <p>{t('run.traceCap', { n: formatNumber(lang, PAGE_MAX_TRACE_EVENTS) })}</p>
      <button type="button" onClick={() => setDismissed(trace)}>
        {t('run.traceCap.dismiss')}
      </button>
    </div>
  );
}
