import { namespaces } from './messages';

type Namespaces = typeof namespaces;
type KeysOf<N> = N extends { en: infer E } ? keyof E : never;
export type MessageKey = { [K in keyof Namespaces]: KeysOf<Namespaces[K]> }[keyof Namespaces] & string;

export type Lang = 'zh-CN' | 'en';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

function merge(
  pick: (ns: Namespaces[keyof Namespaces]) => Record<string, string>,
): Record<MessageKey, string> {
  return Object.assign({}, ...Object.values(namespaces).map(pick)) as Record<MessageKey, string>;
}

export const dictionaries: Record<Lang, Record<MessageKey, string>> = {
  en: merge((ns) => ns.en),
  'zh-CN': merge((ns) => ns.zhCN),
};

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

/** Looks a key up and fills `{name}` placeholders; an unknown placeholder stays visible, never blank. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
