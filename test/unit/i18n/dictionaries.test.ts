import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../../src/i18n';
import { namespaces } from '../../../src/i18n/messages';

const entries = Object.entries(namespaces) as [
  string,
  { en: Record<string, string>; zhCN: Record<string, string> },
][];

describe('the zh-CN and en dictionaries', () => {
  it.each(entries)('namespace %s has exactly the same keys in both languages', (_, ns) => {
    const englishKeys = Object.keys(ns.en).sort();
    const chineseKeys = Object.keys(ns.zhCN).sort();
    expect({
      missingInChinese: englishKeys.filter((k) => !chineseKeys.includes(k)),
      missingInEnglish: chineseKeys.filter((k) => !englishKeys.includes(k)),
    }).toEqual({ missingInChinese: [], missingInEnglish: [] });
  });

  it.each(entries)(
    'namespace %s prefixes every key with its own name, so namespaces never collide',
    (name, ns) => {
      expect(Object.keys(ns.en).filter((k) => !k.startsWith(`${name}.`))).toEqual([]);
    },
  );

  it('have no empty string in either language', () => {
    for (const [lang, dictionary] of Object.entries(dictionaries)) {
      const empty = Object.entries(dictionary).filter(([, text]) => text.trim() === '');
      expect(empty.map(([key]) => `${lang}:${key}`)).toEqual([]);
    }
  });

  it('use the same {placeholders} in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[]) {
      expect(placeholders(dictionaries['zh-CN'][key]), key).toEqual(placeholders(dictionaries.en[key]));
    }
  });

  it('translate every prose string into Chinese, not leave it in English', () => {
    // Product and code names (`RocketMQ {version}`, `Shift + →`) may stay in English; a phrase of two or
    // more words may not.
    const isPhrase = (text: string) =>
      (text.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? []).length >= 2;
    const untranslated = Object.keys(dictionaries.en).filter((key) => {
      const k = key as keyof typeof dictionaries.en;
      return isPhrase(dictionaries.en[k]) && dictionaries['zh-CN'][k] === dictionaries.en[k];
    });
    expect(untranslated).toEqual([]);
  });
});
