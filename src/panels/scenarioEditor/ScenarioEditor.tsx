import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ScenarioEngine } from '../../app/loadScenario';
import { scenarioErrorLine, scenarioErrorText } from '../../i18n/problemText';
import { useT } from '../../i18n/useT';
import { parseScenario, type Scenario } from '../../scenario';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { cursorTime } from './cursorKeep';
import { errorsByPath, setAt, type Draft, type Path } from './draft';
import { FormContext, type FormContextValue } from './fields';
import { JsonTab } from './JsonTab';
import { NameServerSection, NetworkSection } from './network';
import {
  BrokersSection,
  FaultsSection,
  ProducerSection,
  TopicsSection,
  VersionSection,
  WorkloadSection,
} from './sections';
import { applyWrittenScenario, writtenScenarioOnScreen } from './session';
import './scenarioEditor.css';

/** How long typing must pause before an edit re-simulates. */
export const RESIMULATE_DEBOUNCE_MS = 300;

type Status =
  | { kind: 'idle' }
  | { kind: 'invalid'; n: number }
  | { kind: 'simulating' }
  | { kind: 'simulated'; kept: boolean }
  | { kind: 'failed'; detail: string };

/** The outcome of applying one draft. */
type Result = { draft: unknown; status: Status };

/**
 * The scenario editor: a drawer over the panels (the header and the playback bar stay visible). Every edit
 * is validated at once, each problem shown at its field with its JSON path; a valid edit re-simulates after
 * a short pause and replaces scenario and trace, keeping the cursor when nothing before it changed. An
 * invalid edit or a failed simulation never replaces what is on screen, and the edit stays in the form.
 */
export function ScenarioEditor({ engine }: { engine?: ScenarioEngine } = {}) {
  const open = useAppStore((s) => s.editorOpen);
  const presenter = useAppStore((s) => s.presenter);
  return open && !presenter ? <EditorDrawer engine={engine} /> : null;
}

function EditorDrawer({ engine }: { engine?: ScenarioEngine }) {
  const t = useT();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const scenario = useAppStore((s) => s.scenario);
  const written = useAppStore((s) => s.written);
  const step = useAppStore((s) => s.step);
  const endMs = useAppStore((s) => (s.trace.length > 0 ? (s.trace.at(s.trace.length - 1)?.t ?? 0) : 0));
  const cursorMs = useAppStore((s) => cursorTime(s.trace, s.step));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const [result, setResult] = useState<Result | null>(null);
  /** The draft as loaded from what is on screen (not an edit). */
  const [loaded, setLoaded] = useState<unknown>(null);
  /** The draft this editor last loaded or sent to the store: not an edit to simulate. */
  const sent = useRef<unknown>(null);
  /** Bumped by every user edit, so a late load never overwrites typing. */
  const edits = useRef(0);
  const simulation = useRef(0);
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  // What is on screen changed (a preset, a link, "kill this broker now"): start from its written form.
  useEffect(() => {
    if (written && written.resolved === scenario) {
      if (written.scenario !== sent.current) {
        sent.current = written.scenario;
        queueMicrotask(() => {
          setLoaded(written.scenario);
          setDraft(written.scenario as Draft);
        });
      }
      return;
    }
    const at = edits.current;
    let live = true;
    void writtenScenarioOnScreen(store).then((s) => {
      if (!live || at !== edits.current) return;
      sent.current = s;
      setLoaded(s);
      setDraft(s as Draft);
    });
    return () => {
      live = false;
    };
  }, [scenario, written, store]);

  const parsed = useMemo(() => (draft ? parseScenario(draft) : null), [draft]);
  const lastValid = (parsed?.ok ? draft : (written?.scenario ?? null)) as Scenario | null;
  // Each field shows its own problems in the page's language.
  const errors = useMemo(
    () =>
      parsed && !parsed.ok
        ? errorsByPath(parsed.errors.map((e) => ({ path: e.path, message: scenarioErrorText(lang, e) })))
        : new Map<string, string[]>(),
    [parsed, lang],
  );

  // A valid edit re-simulates after a pause; an invalid one only says how many problems it has.
  useEffect(() => {
    if (!draft || !parsed || draft === sent.current) return;
    if (!parsed.ok) return;
    const mine = ++simulation.current;
    const timer = setTimeout(() => {
      sent.current = draft;
      void applyWrittenScenario(store, draft as Scenario, {
        engine,
        stillWanted: () => mine === simulation.current,
      }).then((outcome) => {
        if (mine !== simulation.current) return;
        if (outcome.kind === 'simulated')
          setResult({ draft, status: { kind: 'simulated', kept: outcome.kept } });
        else if (outcome.kind === 'failed')
          setResult({ draft, status: { kind: 'failed', detail: outcome.detail } });
        else if (outcome.kind === 'invalid')
          setResult({ draft, status: { kind: 'invalid', n: outcome.errors.length } });
      });
    }, RESIMULATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, parsed, store, engine]);

  const close = () => {
    store.getState().setEditorOpen(false);
    document.querySelector<HTMLElement>('[data-edit-scenario]')?.focus();
  };

  const update = useCallback((path: Path, value: unknown) => {
    edits.current++;
    setDraft((d) => setAt(d, path, value) as Draft);
  }, []);
  const applyJson = useCallback((s: Scenario) => {
    edits.current++;
    setDraft(s as Draft);
  }, []);
  // Invalid: say so; an edit not yet answered: simulating; else the answer for this very draft.
  const status: Status =
    parsed && !parsed.ok
      ? { kind: 'invalid', n: parsed.errors.length }
      : result?.draft === draft
        ? result.status
        : draft !== null && draft !== loaded
          ? { kind: 'simulating' }
          : { kind: 'idle' };

  const form = useMemo<FormContextValue | null>(
    () =>
      draft
        ? {
            draft,
            errors,
            update,
            t,
            lang,
            version:
              (parsed?.ok ? parsed.scenario.rocketmqVersion : undefined) ??
              (['4.5.2', '4.9.8', '5.3.3'].includes(String(draft.rocketmqVersion))
                ? (draft.rocketmqVersion as '4.5.2' | '4.9.8' | '5.3.3')
                : '4.9.8'),
          }
        : null,
    [draft, errors, update, t, lang, parsed],
  );

  return (
    <section
      className="se-drawer"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="se-head">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {t('editor.title')}
        </h2>
        <div className="se-tabs" role="tablist" aria-label={t('editor.tabs')}>
          {(['form', 'json'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`${titleId}-${id}`}
              aria-selected={tab === id}
              aria-controls={`${titleId}-${id}-panel`}
              onClick={() => setTab(id)}
            >
              {t(id === 'form' ? 'editor.tab.form' : 'editor.tab.json')}
            </button>
          ))}
        </div>
        <button type="button" className="se-close" aria-label={t('editor.close')} onClick={close}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className={`se-status se-status--${status.kind}`} role="status">
        {status.kind === 'invalid' && t('editor.status.invalid', { n: status.n })}
        {status.kind === 'simulating' && t('editor.status.simulating')}
        {status.kind === 'simulated' && t(status.kept ? 'editor.status.kept' : 'editor.status.reset')}
        {status.kind === 'failed' && t('editor.status.failed', { detail: status.detail })}
      </div>
      {parsed && !parsed.ok && (
        <details className="se-summary" open>
          <summary>{`${t('editor.errors')} (${parsed.errors.length})`}</summary>
          <ul>
            {parsed.errors.map((e, i) => (
              <li key={i}>{scenarioErrorLine(lang, e)}</li>
            ))}
          </ul>
        </details>
      )}
      <div
        className="se-body"
        role="tabpanel"
        id={`${titleId}-${tab}-panel`}
        aria-labelledby={`${titleId}-${tab}`}
      >
        {/* `form.update` reads a ref only when a field changes, never while rendering. */}
        {/* eslint-disable-next-line react-hooks/refs */}
        {!form ? (
          <p>{t('editor.loading')}</p>
        ) : tab === 'form' ? (
          <FormContext.Provider value={form}>
            <VersionSection />
            <BrokersSection />
            <TopicsSection />
            <NetworkSection />
            <NameServerSection />
            <ProducerSection />
            <WorkloadSection />
            <FaultsSection endMs={endMs} cursorMs={cursorMs} />
          </FormContext.Provider>
        ) : (
          <JsonTab
            draft={form.draft}
            lastValid={lastValid}
            step={step}
            t={t}
            lang={lang}
            onApply={applyJson}
          />
        )}
      </div>
    </section>
  );
}
