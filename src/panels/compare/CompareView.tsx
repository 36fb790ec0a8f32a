import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import { PLAYBACK_ACTIONS } from '../../app/actions';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { SpeedAndPacing, Transport } from '../../app/PlaybackBar';
import { usePlaybackLoop } from '../../app/usePlaybackLoop';
import { useShortcuts } from '../../app/useShortcuts';
import { ThemeSwitch } from '../../app/ThemeSwitch';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/useT';
import { createAppStore, type AppState } from '../../store/appStore';
import { StoreProvider, useAppStore } from '../../store/StoreContext';
import type { Trace } from '../../trace/types';
import {
  linkedStep,
  settingsDiff,
  summarizeTrace,
  type ComparedSetting,
  type SettingValues,
} from '../../view/compareSummary';
import { formatNumber } from '../../view/format';
import { Timeline } from '../timeline';
import { useWidth } from '../timeline/useWidth';
import { CompareCharts } from './CompareCharts';
import {
  compareHref,
  compareSettingsHref,
  COMPARE_VERSIONS,
  loadCompareBase,
  readCompareSettings,
  runCompareSide,
  type CompareBase,
  type CompareIo,
} from './compareRun';
import './compare.css';
import './compareLink.css';

type Status = { kind: 'loading' } | { kind: 'error'; detail: string } | { kind: 'ready' };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** B starts as A with the latency fault strategy flipped, so there is something to see at once. */
function initialB(a: SettingValues): SettingValues {
  return { ...a, 'producer.sendLatencyFaultEnable': !a['producer.sendLatencyFaultEnable'] };
}

/** Moving one side's cursor moves the other to the same virtual time (a guard stops the echo). */
function useLinkedScrubbers(left: StoreApi<AppState>, right: StoreApi<AppState>): void {
  useEffect(() => {
    let syncing = false;
    const follow = (from: StoreApi<AppState>, to: StoreApi<AppState>) =>
      from.subscribe((state, previous) => {
        if (syncing || state.step === previous.step) return;
        syncing = true;
        try {
          to.getState().seek(linkedStep(state.trace, state.step, to.getState().trace));
        } finally {
          syncing = false;
        }
      });
    const offs = [follow(left, right), follow(right, left)];
    return () => offs.forEach((off) => off());
  }, [left, right]);
}

function SidePosition() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const step = useAppStore((s) => s.step);
  const total = useAppStore((s) => s.trace.length);
  const time = useAppStore((s) => (s.step > 0 ? (s.trace.at(s.step - 1)?.t ?? 0) : null));
  const n = (v: number) => formatNumber(lang, v);
  return (
    <p className="compare-side__position">
      {time === null
        ? t('compare.position.start', { m: n(total) })
        : t('compare.position', { t: n(time), n: n(step), m: n(total) })}
    </p>
  );
}

function Side({ store, title, trace }: { store: StoreApi<AppState>; title: MessageKey; trace: Trace }) {
  const headingId = useId();
  const lang = useAppStore((s) => s.lang);
  const t = useT();
  const summary = useMemo(() => summarizeTrace(trace), [trace]);
  const n = (v: number) => formatNumber(lang, v);
  return (
    <section className="compare-side" aria-labelledby={headingId}>
      <h2 id={headingId} className="compare-side__title">
        {t(title)}
      </h2>
      <StoreProvider store={store}>
        <div className="compare-side__scrubber playback">
          <Timeline />
        </div>
        <SidePosition />
      </StoreProvider>
      <p className="compare-side__sends">
        {t('compare.sends', { ok: n(summary.ok), sends: n(summary.sends) })}
      </p>
    </section>
  );
}

function SettingsForm({
  a,
  b,
  onChange,
}: {
  a: SettingValues;
  b: SettingValues;
  onChange: (next: SettingValues) => void;
}) {
  const t = useT();
  const base = useId();
  const id = (k: ComparedSetting) => `${base}-${k}`;
  const onOff = (v: unknown) => (typeof v === 'boolean' ? t(v ? 'compare.on' : 'compare.off') : String(v));
  const numberField = (k: ComparedSetting, min: number, max: number) => (
    <input
      id={id(k)}
      type="number"
      min={min}
      max={max}
      value={String(b[k])}
      onChange={(e) => {
        const v = e.target.valueAsNumber;
        if (Number.isFinite(v)) onChange({ ...b, [k]: v });
      }}
    />
  );
  const rows: { k: ComparedSetting; control: React.ReactNode }[] = [
    {
      k: 'producer.sendLatencyFaultEnable',
      control: (
        <input
          id={id('producer.sendLatencyFaultEnable')}
          type="checkbox"
          checked={b['producer.sendLatencyFaultEnable'] === true}
          onChange={(e) => onChange({ ...b, 'producer.sendLatencyFaultEnable': e.target.checked })}
        />
      ),
    },
    {
      k: 'producer.retryTimesWhenSendFailed',
      control: numberField('producer.retryTimesWhenSendFailed', 0, 16),
    },
    { k: 'producer.sendMsgTimeout', control: numberField('producer.sendMsgTimeout', 1, 600000) },
    {
      k: 'rocketmqVersion',
      control: (
        <select
          id={id('rocketmqVersion')}
          value={String(b.rocketmqVersion)}
          onChange={(e) => onChange({ ...b, rocketmqVersion: e.target.value })}
        >
          {COMPARE_VERSIONS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ),
    },
    { k: 'producer.asyncSenderThreads', control: numberField('producer.asyncSenderThreads', 1, 64) },
  ];
  return (
    <fieldset className="compare-settings">
      <legend>{t('compare.settings')}</legend>
      <p className="compare-settings__hint">{t('compare.settings.hint')}</p>
      {rows.map(({ k, control }) => (
        <div key={k} className={`compare-field${a[k] !== b[k] ? ' compare-field--changed' : ''}`}>
          <label htmlFor={id(k)}>
            <code>{k.replace('producer.', '')}</code>
          </label>
          {control}
          <span className="compare-field__a">
            A: {onOff(a[k])}
            {a[k] !== b[k] && <span aria-hidden="true"> ≠</span>}
          </span>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The Compare view (`?compare=1`): A, the page's preset (or the default comparison preset), and B, a copy
 * with a few settings changed, run on the same seed and workload; one store per side, scrubbers linked,
 * and what differs as plots. The engine is reached through `loadScenario`'s `pageEngine` (or `io`).
 */
export function CompareView({ io = {} }: { io?: CompareIo }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const theme = useAppStore((s) => s.theme);
  const [left] = useState(() => createAppStore({ ui: { lang, theme } }));
  const [right] = useState(() => createAppStore({ ui: { lang, theme } }));
  const [base, setBase] = useState<CompareBase | null>(null);
  const [settingsB, setSettingsB] = useState<SettingValues | null>(null);
  const [traceB, setTraceB] = useState<Trace | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [sideError, setSideError] = useState<string | null>(null);
  const ioRef = useRef(io);
  useLinkedScrubbers(left, right);
  usePlaybackLoop(left);
  // Playback keys only (no help dialog, prediction or editor here): they drive A, and B follows.
  useShortcuts(left, document, PLAYBACK_ACTIONS);

  // Problems are written in the language of the moment; a language switch alone does not re-run anything.
  const langRef = useRef(lang);
  useEffect(() => {
    langRef.current = lang;
    left.getState().setLang(lang);
    right.getState().setLang(lang);
  }, [lang, left, right]);

  useEffect(() => {
    let live = true;
    loadCompareBase(window.location.search, window.location.href, {
      lang: langRef.current,
      ...ioRef.current,
    }).then(
      (loaded) => {
        if (!live) return;
        left.getState().showScenario({ scenario: loaded.scenario, presetId: loaded.id, trace: loaded.trace });
        setBase(loaded);
        setSettingsB(
          readCompareSettings(window.location.search, loaded.settings) ?? initialB(loaded.settings),
        );
      },
      (error: unknown) => {
        if (live) setStatus({ kind: 'error', detail: message(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [left]);

  // The address follows B's settings, so that the page's link is the comparison on screen.
  useEffect(() => {
    if (!base || !settingsB) return;
    const href = compareSettingsHref(window.location.href, base.settings, settingsB);
    if (href !== window.location.href) window.history.replaceState(window.history.state, '', href);
  }, [base, settingsB]);

  useEffect(() => {
    if (!base || !settingsB) return;
    let live = true;
    const timer = setTimeout(() => {
      runCompareSide(base, settingsB, { lang: langRef.current, ...ioRef.current }).then(
        (side) => {
          if (!live) return;
          const step = linkedStep(left.getState().trace, left.getState().step, side.trace);
          right
            .getState()
            .showScenario({ scenario: side.scenario, presetId: side.id, trace: side.trace, step });
          setTraceB(side.trace);
          setSideError(null);
          setStatus({ kind: 'ready' });
        },
        (error: unknown) => {
          if (!live) return;
          setSideError(message(error));
          if (!traceB) setStatus({ kind: 'error', detail: message(error) });
        },
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // traceB only decides whether a failure is the first one; it must not re-run B.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, settingsB, left, right]);

  const summaryA = useMemo(() => (base ? summarizeTrace(base.trace) : null), [base]);
  const summaryB = useMemo(() => (traceB ? summarizeTrace(traceB) : null), [traceB]);
  const diff = base && settingsB ? settingsDiff(base.settings, settingsB) : [];
  const [measure, width] = useWidth<HTMLElement>(1200);
  const headingId = useId();
  const summaryId = useId();
  const show = (v: unknown) => (typeof v === 'boolean' ? t(v ? 'compare.on' : 'compare.off') : String(v));

  return (
    <div className="compare" data-testid="compare-view">
      <header className="topbar">
        <h1 className="topbar__name" id={headingId}>
          {t('compare.title')}
        </h1>
        {base && (
          <p className="topbar__tagline">{t('compare.scenario', { id: base.id, seed: base.seed ?? '—' })}</p>
        )}
        <div className="topbar__controls">
          <a className="topbar-link compare-back" href={compareHref(window.location.href, false)}>
            <span aria-hidden="true">← </span>
            {t('compare.back')}
          </a>
          <ThemeSwitch />
          <LanguageSwitch />
        </div>
      </header>
      <main className="compare__main" aria-labelledby={headingId}>
        {status.kind === 'loading' && (
          <p className="compare-status" role="status">
            {t('compare.loading')}
          </p>
        )}
        {status.kind === 'error' && (
          <p className="compare-status compare-status--error" role="alert" data-testid="compare-error">
            {t('compare.error', { detail: status.detail })}
          </p>
        )}
        {base && settingsB && (
          <div className="compare__top">
            <SettingsForm a={base.settings} b={settingsB} onChange={setSettingsB} />
            <div className="compare__sides">
              <StoreProvider store={left}>
                <div className="compare-transport playback" data-testid="compare-transport">
                  <Transport />
                  <SpeedAndPacing />
                </div>
              </StoreProvider>
              <p className="compare-differs" data-testid="compare-differs">
                {diff.length === 0
                  ? t('compare.same')
                  : t('compare.differs', {
                      list: diff
                        .map((d) => `${d.setting.replace('producer.', '')} ${show(d.a)} → ${show(d.b)}`)
                        .join(', '),
                    })}
              </p>
              {sideError && status.kind === 'ready' && (
                <p className="compare-status compare-status--error" role="alert">
                  {t('compare.error', { detail: sideError })}
                </p>
              )}
              <Side store={left} title="compare.side.a" trace={base.trace} />
              {traceB && <Side store={right} title="compare.side.b" trace={traceB} />}
              <p className="compare-linked">{t('compare.linked')}</p>
            </div>
          </div>
        )}
        {summaryA && summaryB && (
          <section className="compare-summary" aria-labelledby={summaryId} ref={measure}>
            <h2 id={summaryId}>{t('compare.summary')}</h2>
            <CompareCharts a={summaryA} b={summaryB} width={Math.max(320, width - 24)} />
          </section>
        )}
      </main>
    </div>
  );
}
