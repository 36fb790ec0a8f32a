import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Accepts what a user might type in `?lang=`: `zh`, `zh-CN`, `zh_cn`, `en`, `en-US`... */
export function parseLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const lower = value.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return null;
}

export interface LangSources {
  query: string | null;
  stored: string | null;
  browser: readonly string[];
}

/** `?lang=` first, then the remembered choice, then the browser's languages, else zh-CN. */
export function chooseLang({ query, stored, browser }: LangSources): Lang {
  return parseLang(query) ?? parseLang(stored) ?? browser.map(parseLang).find((l) => l !== null) ?? 'zh-CN';
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
