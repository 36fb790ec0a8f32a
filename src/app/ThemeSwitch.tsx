import { useT } from '../i18n/useT';
import { useAppStore } from '../store/StoreContext';
import type { Theme } from '../store/uiSlice';

const THEMES: readonly Theme[] = ['light', 'dark'];
const LABEL_KEY = { light: 'shell.theme.light', dark: 'shell.theme.dark' } as const;

export function ThemeSwitch() {
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <div role="group" aria-label={t('shell.theme.switch')} className="toggle">
      {THEMES.map((option) => (
        <button key={option} type="button" aria-pressed={option === theme} onClick={() => setTheme(option)}>
          {t(LABEL_KEY[option])}
        </button>
      ))}
    </div>
  );
}
