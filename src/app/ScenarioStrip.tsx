import { useId } from 'react';
import { useT } from '../i18n/useT';
import { EditScenarioButton } from '../panels/scenarioEditor/EditScenarioButton';
import { PresetPicker } from './presets/PresetPicker';
import { NarrationGuide } from '../panels/narration/NarrationGuide';
import { useAppStore } from '../store/StoreContext';
import { upstreamVersionOf } from '../view/upstream';

/** A scenario's title in the page's language: `{en, zh}` as the scenario format writes it. */
function titleOf(scenario: unknown, lang: 'en' | 'zh-CN'): string | null {
  if (scenario === null || typeof scenario !== 'object') return null;
  const title = (scenario as { title?: unknown }).title;
  if (title === null || typeof title !== 'object') return null;
  const text = (title as Record<string, unknown>)[lang === 'en' ? 'en' : 'zh'];
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}

/** A scenario's `id`, when it has one: what names a shared or edited scenario that has no title. */
function idOf(scenario: unknown): string | null {
  if (scenario === null || typeof scenario !== 'object') return null;
  const id = (scenario as { id?: unknown }).id;
  return typeof id === 'string' && id.trim() !== '' ? id : null;
}

/**
 * The Scenario landmark, as a strip under the header (the wireframe's "Preset ... · RocketMQ 4.9.8"): which
 * scenario is on screen and the version it models. The scenario editor (issue 6) grows from here.
 */
export function ScenarioStrip() {
  const t = useT();
  const headingId = useId();
  const lang = useAppStore((s) => s.lang);
  const scenario = useAppStore((s) => s.scenario);
  const presetId = useAppStore((s) => s.presetId);
  const status = useAppStore((s) => s.loadStatus);
  const version = upstreamVersionOf(scenario);
  const title =
    titleOf(scenario, lang) ??
    presetId ??
    idOf(scenario) ??
    (scenario !== null
      ? t('playback.scenario.untitled')
      : status === 'loading'
        ? null
        : t('playback.scenario.none'));
  return (
    <section className="scenario-strip" aria-labelledby={headingId}>
      <h2 id={headingId} className="scenario-strip__title">
        {t('shell.panel.scenario')}
      </h2>
      <PresetPicker />
      <p className="scenario-strip__body">
        {/* A preset's title is what the picker shows; another scenario (shared, edited) names itself here. */}
        {presetId === null && (
          <span className="scenario-strip__name">{title ?? t('playback.status.loading')}</span>
        )}
        {scenario !== null && (
          <span className="scenario-strip__version">{t('playback.scenario.version', { version })}</span>
        )}
      </p>
      <NarrationGuide />
      <EditScenarioButton />
    </section>
  );
}
