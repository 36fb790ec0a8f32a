import { Component, useId, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import { version } from '../../package.json';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/useT';
import './panelFailure.css';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The error's message, whatever was thrown. */
export function errorMessage(error: unknown, t: T): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  if (typeof error === 'string' && error.trim() !== '') return error;
  return t('errors.unknown');
}

/**
 * The text a user copies to report a failure: the panel, the error, the page's address (which carries the
 * preset or the shared scenario and `step=`) and the app's version.
 */
export function failureReport(t: T, panel: string, error: unknown, url: string): string {
  return [
    t('errors.report.heading'),
    `${t('errors.report.panel')}: ${panel}`,
    `${t('errors.report.error')}: ${errorMessage(error, t)}`,
    `${t('errors.report.url')}: ${url}`,
    `${t('errors.report.version')}: ${version}`,
  ].join('\n');
}

type CopyState = 'idle' | 'copied' | 'fallback';

/** What a failed panel shows in its place: what broke, "Try again", and "Copy report". */
export function PanelFailure({
  panel,
  error,
  onRetry,
}: {
  panel: string;
  error: unknown;
  onRetry: () => void;
}) {
  const t = useT();
  const [copy, setCopy] = useState<CopyState>('idle');
  const reportRef = useRef<HTMLTextAreaElement>(null);
  const reportId = useId();
  const [report, setReport] = useState('');

  const showFallback = () => {
    setCopy('fallback');
    // Select the report once it is on screen, so Ctrl+C is all that is left to do.
    requestAnimationFrame(() => {
      reportRef.current?.focus();
      reportRef.current?.select();
    });
  };
  const copyReport = () => {
    // The address at the moment of copying: it carries the scenario and the current `step=`.
    const report = failureReport(t, panel, error, typeof window === 'undefined' ? '' : window.location.href);
    setReport(report);
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== 'function') {
      showFallback();
      return;
    }
    clipboard.writeText(report).then(() => setCopy('copied'), showFallback);
  };

  return (
    <div className="panel-failure" role="alert" data-testid="panel-failure">
      <p className="panel-failure__title">
        <strong>{t('errors.panel.title', { panel })}</strong>
      </p>
      <p className="panel-failure__message">
        {t('errors.panel.message', { message: errorMessage(error, t) })}
      </p>
      <p className="panel-failure__hint">{t('errors.panel.hint')}</p>
      <div className="panel-failure__actions">
        <button type="button" onClick={onRetry}>
          {t('errors.panel.retry')}
        </button>
        <button type="button" onClick={copyReport}>
          {t('errors.panel.copy')}
        </button>
      </div>
      <p className="panel-failure__status" role="status">
        {copy === 'copied'
          ? t('errors.panel.copied')
          : copy === 'fallback'
            ? t('errors.panel.copyFallback')
            : ''}
      </p>
      {copy === 'fallback' && (
        <>
          <label className="visually-hidden" htmlFor={reportId}>
            {t('errors.panel.reportLabel', { panel })}
          </label>
          <textarea
            id={reportId}
            ref={reportRef}
            className="panel-failure__report"
            readOnly
            rows={5}
            value={report}
          />
        </>
      )}
    </div>
  );
}

interface PanelErrorBoundaryProps {
  /** The panel's name on screen, in the page's language. */
  panel: string;
  /** Called by "Try again" before the panel renders again (to remove a cause that is known). */
  onReset?: () => void;
  children: ReactNode;
}

interface PanelErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

/**
 * One panel's error boundary: a panel that throws while rendering shows `PanelFailure` in its place, and the
 * other panels, each behind its own boundary, keep working. React reports the caught error itself.
 */
export class PanelErrorBoundary extends Component<PanelErrorBoundaryProps, PanelErrorBoundaryState> {
  override state: PanelErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): PanelErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Nothing more to do: the fallback is on screen, and React has already reported the error.
  }

  private readonly reset = () => {
    this.props.onReset?.();
    this.setState({ error: null, failed: false });
  };

  override render(): ReactNode {
    if (this.state.failed) {
      return <PanelFailure panel={this.props.panel} error={this.state.error} onRetry={this.reset} />;
    }
    return this.props.children;
  }
}
