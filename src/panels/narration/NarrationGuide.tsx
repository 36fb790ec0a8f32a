import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { narrationCursorStep, type NarrationAnchor } from '../../view/narration';
import './narration.css';

interface Localized {
  en: string;
  zh: string;
}
interface Narration {
  steps: { title: Localized; body: Localized; at: NarrationAnchor }[];
  conclusion: Localized;
}

/** The narration of the scenario on screen, if it has one (presets carry it; see docs/scenario.md). */
function narrationOf(scenario: unknown): Narration | null {
  if (scenario === null || typeof scenario !== 'object') return null;
  const narration = (scenario as { narration?: unknown }).narration;
  if (narration === null || typeof narration !== 'object') return null;
  const steps = (narration as { steps?: unknown }).steps;
  return Array.isArray(steps) && steps.length > 0 ? (narration as Narration) : null;
}

/**
 * A preset's guided tour: step k of n with its title and text, Previous/Next moving the cursor to the event
 * that shows the point, then the conclusion. Closed, it is one button in the Scenario strip.
 */
export function NarrationGuide() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const scenario = useAppStore((s) => s.scenario);
  const trace = useAppStore((s) => s.trace);
  const store = useAppStoreApi();
  const narration = narrationOf(scenario);
  // The tour starts closed, at step 1, for each scenario that comes on screen (derived state, reset in render).
  const [tour, setTour] = useState({ scenario, open: false, index: 0 });
  if (tour.scenario !== scenario) setTour({ scenario, open: false, index: 0 });
  const { open } = tour;
  /** 0..steps.length-1 for a step, steps.length for the conclusion. */
  const index = tour.scenario === scenario ? tour.index : 0;
  const setOpen = (value: boolean) => setTour((current) => ({ ...current, open: value }));
  const setIndex = (value: number) => setTour((current) => ({ ...current, index: value }));
  if (!narration) return null;

  const text = (value: Localized) => (lang === 'en' ? value.en : value.zh);
  const count = narration.steps.length;
  const step = index < count ? narration.steps[index] : undefined;
  const target = step ? narrationCursorStep(trace, step.at) : null;
  const go = (next: number) => {
    const clamped = Math.max(0, Math.min(count, next));
    setIndex(clamped);
    const anchor = narration.steps[clamped]?.at;
    const cursor = anchor ? narrationCursorStep(trace, anchor) : null;
    if (cursor !== null) store.getState().seek(cursor);
  };

  if (!open) {
    return (
      <button
        type="button"
        className="narration-open"
        onClick={() => {
          setOpen(true);
          go(0);
        }}
      >
        {t('narration.open')}
      </button>
    );
  }
  return (
    <section className="narration" aria-label={t('narration.region')}>
      <header className="narration__head">
        <span className="narration__progress">
          {step ? t('narration.progress', { k: index + 1, n: count }) : t('narration.conclusion')}
        </span>
        <button
          type="button"
          className="narration__close"
          aria-label={t('narration.close')}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      {step ? (
        <>
          <h3 className="narration__title">{text(step.title)}</h3>
          <p className="narration__body">{text(step.body)}</p>
          {target === null && <p className="narration__missing">{t('narration.missing')}</p>}
        </>
      ) : (
        <p className="narration__body narration__body--conclusion">{text(narration.conclusion)}</p>
      )}
      <div className="narration__nav">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
          ← {t('narration.previous')}
        </button>
        <button type="button" onClick={() => go(index + 1)} disabled={index >= count}>
          {t('narration.next')} →
        </button>
      </div>
    </section>
  );
}
