import { useCallback } from 'react';
import { useAppStore } from '../store/StoreContext';
import { translate, type MessageKey } from './index';

/** The translator for the current language; every user-facing string goes through it. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
