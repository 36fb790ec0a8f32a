import type { StateCreator } from 'zustand';
import type { Lang } from '../i18n';

export type Theme = 'light' | 'dark';

export interface UiSlice {
  lang: Lang;
  theme: Theme;
  setLang: (lang: Lang) => void;
  setTheme: (theme: Theme) => void;
}

export interface UiSliceInit {
  lang: Lang;
  theme: Theme;
  /** Called after a change, so the environment (storage, URL, document) can follow. */
  onLangChange?: (lang: Lang) => void;
  onThemeChange?: (theme: Theme) => void;
}

export function createUiSlice<S extends UiSlice>(init: UiSliceInit): StateCreator<S, [], [], UiSlice> {
  return (set) => ({
    lang: init.lang,
    theme: init.theme,
    setLang: (lang) => {
      set({ lang } as Partial<S>);
      init.onLangChange?.(lang);
    },
    setTheme: (theme) => {
      set({ theme } as Partial<S>);
      init.onThemeChange?.(theme);
    },
  });
}
