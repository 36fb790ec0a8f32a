import { useEffect, useId } from 'react';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { loadScenario } from '../loadScenario';
import { PRESETS } from './presetIndex';

/** The address for a preset: `?preset=ID`, keeping the language, dropping the cursor and any shared scenario. */
export function presetHref(pageHref: string, id: string): string {
  const url = new URL(pageHref);
  url.searchParams.set('preset', id);
  url.searchParams.delete('step');
  url.hash = '';
  return url.href;
}

/** Picks a preset from `public/scenarios/` and opens it in place (no page reload, so it works offline too). */
export function PresetPicker() {
  const t = useT();
  const id = useId();
  const lang = useAppStore((s) => s.lang);
  const presetId = useAppStore((s) => s.presetId);
  const store = useAppStoreApi();
  // Back and Forward move between the presets opened here: reload what the address now names.
  useEffect(() => {
    const onPop = () => void loadScenario(window, store);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [store]);
  const open = (next: string) => {
    window.history.pushState(null, '', presetHref(window.location.href, next));
    void loadScenario(window, store);
  };
  return (
    <div className="preset-picker">
      <label htmlFor={id}>{t('presets.label')}</label>
      <select id={id} value={presetId ?? ''} onChange={(e) => e.target.value && open(e.target.value)}>
        {presetId === null && <option value="">{t('presets.choose')}</option>}
        {PRESETS.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.title ? preset.title[lang === 'en' ? 'en' : 'zh'] : preset.id}
          </option>
        ))}
      </select>
    </div>
  );
}
