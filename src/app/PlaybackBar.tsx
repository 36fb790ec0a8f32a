import { useId } from 'react';
import { useT } from '../i18n/useT';
import { PredictionControls } from '../panels/prediction';
import { Timeline } from '../panels/timeline';
import { PACINGS, SPEEDS, type Pacing } from '../store/cursorLogic';
import { useAppStore, useAppStoreApi } from '../store/StoreContext';
import { formatNumber } from '../view/format';
import {
  nextNotable,
  previousNotable,
  restart,
  stepBack,
  stepForward,
  togglePlay,
  toggleHelp,
} from './actions';
import { ActionButton } from './ActionButton';
import './playback.css';

const PACING_LABEL = { event: 'playback.pacing.event', time: 'playback.pacing.time' } as const;
const PACING_HINT = { event: 'playback.pacing.event.hint', time: 'playback.pacing.time.hint' } as const;

/** Where the cursor is: the virtual time of the event at the cursor and its number. */
function Position() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const total = useAppStore((s) => s.trace.length);
  const step = useAppStore((s) => s.step);
  const time = useAppStore((s) => (s.step > 0 ? (s.trace.at(s.step - 1)?.t ?? 0) : null));
  const n = (v: number) => formatNumber(lang, v);
  return (
    <div className="pb-position" data-testid="playback-position">
      <span className="pb-position__time">
        {time === null ? '\u2014' : t('playback.clock', { t: n(time) })}
      </span>
      <span className="pb-position__event">
        {step === 0
          ? t('playback.position.start', { m: n(total) })
          : t('playback.position', { n: n(step), m: n(total) })}
      </span>
    </div>
  );
}

export function SpeedAndPacing() {
  const t = useT();
  const store = useAppStoreApi();
  const speed = useAppStore((s) => s.speed);
  const pacing = useAppStore((s) => s.pacing);
  const speedId = useId();
  const pacingId = useId();
  return (
    <div className="pb-settings">
      <div className="pb-field">
        <label htmlFor={speedId}>{t('playback.speed')}</label>
        <select
          id={speedId}
          value={speed}
          onChange={(e) => store.getState().setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('playback.speed.value', { speed: s })}
            </option>
          ))}
        </select>
      </div>
      <div className="pb-field">
        <label htmlFor={pacingId}>{t('playback.pacing')}</label>
        <select
          id={pacingId}
          value={pacing}
          title={t(PACING_HINT[pacing])}
          onChange={(e) => store.getState().setPacing(e.target.value as Pacing)}
        >
          {PACINGS.map((p) => (
            <option key={p} value={p}>
              {t(PACING_LABEL[p])}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function LoadStatus() {
  const t = useT();
  const status = useAppStore((s) => s.loadStatus);
  const problems = useAppStore((s) => s.loadProblems);
  if (status === 'loading') {
    return (
      <p className="pb-status" role="status">
        {t('playback.status.loading')}
      </p>
    );
  }
  if (status !== 'error') return null;
  return (
    <div className="pb-status pb-status--error" role="alert">
      <strong>{t('playback.status.error')}</strong>
      <ul>
        {problems.map((p, index) => (
          <li key={index}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** The playback bar above the panels: transport buttons, speed and pacing, the scrubber and the position. */
export function PlaybackBar() {
  const t = useT();
  return (
    <section className="playback" aria-label={t('playback.region')}>
      <div className="playback__row">
        <Transport />
        <SpeedAndPacing />
        <Timeline />
        <Position />
        <PredictionControls />
        <HelpButton />
      </div>
      <LoadStatus />
    </section>
  );
}

/** Restart, step back, play or pause, step forward, and the notable-event jumps (the Compare view too). */
export function Transport() {
  const t = useT();
  return (
    <div className="pb-transport" role="toolbar" aria-label={t('playback.toolbar')}>
      <ActionButton action={restart} icon="restart" />
      <ActionButton action={stepBack} icon="stepBack" />
      <PlayPause />
      <ActionButton action={stepForward} icon="stepForward" />
      <span className="pb-sep" aria-hidden="true" />
      <ActionButton action={previousNotable} icon="previousNotable" />
      <ActionButton action={nextNotable} icon="nextNotable" />
    </div>
  );
}

function PlayPause() {
  const playing = useAppStore((s) => s.playing);
  return (
    <ActionButton action={togglePlay} icon={playing ? 'pause' : 'play'} className="pb-button--primary" />
  );
}

function HelpButton() {
  const t = useT();
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.helpOpen);
  return (
    <button
      type="button"
      className="pb-button pb-help"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-keyshortcuts="?"
      title={`${t('playback.help')} (?)`}
      onClick={() => toggleHelp.perform(store)}
    >
      <span aria-hidden="true">?</span>
      <span className="visually-hidden">{t('playback.help')}</span>
    </button>
  );
}
