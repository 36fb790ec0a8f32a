import type { StoreApi } from 'zustand';
import { chooseLang, type Lang } from '../i18n';
import { createAppStore, type AppState } from '../store/appStore';
import { readPreference, writePreference } from '../store/preferences';
import type { Theme } from '../store/uiSlice';

function safeStorage(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

function chooseTheme(stored: string | null, prefersDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return prefersDark ? 'dark' : 'light';
}

/** Keeps `?lang=` in the address bar current, so a copied link opens in the language on screen. */
function writeLangToUrl(win: Window, lang: Lang): void {
  const url = new URL(win.location.href);
  url.searchParams.set('lang', lang === 'en' ? 'en' : 'zh');
  win.history.replaceState(win.history.state, '', url);
}

function applyLang(doc: Document, lang: Lang): void {
  doc.documentElement.lang = lang;
}

function applyTheme(doc: Document, theme: Theme): void {
  doc.documentElement.dataset.theme = theme;
}

/** Reads language and theme from the URL, storage and browser, and wires their changes back out. */
export function bootstrapEnvironment(win: Window): StoreApi<AppState> {
  const storage = safeStorage(win);
  const lang = chooseLang({
    query: new URLSearchParams(win.location.search).get('lang'),
    stored: readPreference(storage, 'lang'),
    browser: win.navigator.languages ?? [win.navigator.language],
  });
  const theme = chooseTheme(
    readPreference(storage, 'theme'),
    win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  applyLang(win.document, lang);
  applyTheme(win.document, theme);
  return createAppStore({
    ui: {
      lang,
      theme,
      onLangChange: (next) => {
        writePreference(storage, 'lang', next);
        writeLangToUrl(win, next);
        applyLang(win.document, next);
      },
      onThemeChange: (next) => {
        writePreference(storage, 'theme', next);
        applyTheme(win.document, next);
      },
    },
  });
}
