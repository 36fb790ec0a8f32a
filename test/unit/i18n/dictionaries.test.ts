import { describe, expect, it } from 'vitest';
import { dictionaries, LANGS } from '../../../src/i18n';
import { en } from '../../../src/i18n/en';

describe('the zh-CN and en dictionaries', () => {
  it('have exactly the same keys in both languages', () => {
    const englishKeys = Object.keys(en).sort();
    for (const lang of LANGS) {
      const keys = Object.keys(dictionaries[lang]).sort();
      const missing = englishKeys.filter((k) => !keys.includes(k));
      const extra = keys.filter((k) => !englishKeys.includes(k));
      expect({ lang, missing, extra }).toEqual({ lang, missing: [], extra: [] });
    }
  });

  it('have no empty string in either language', () => {
    for (const lang of LANGS) {
      const empty = Object.entries(dictionaries[lang]).filter(([, text]) => text.trim() === '');
      expect(empty.map(([key]) => `${lang}:${key}`)).toEqual([]);
    }
  });

  it('use the same {placeholders} in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(dictionaries['zh-CN'][key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('translate every prose string into Chinese, not leave it in English', () => {
    // Product and code names may stay in English; a sentence may not.
    const untranslated = Object.entries(dictionaries['zh-CN']).filter(
      ([key, text]) => text.includes(' ') && text === en[key as keyof typeof en],
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});
