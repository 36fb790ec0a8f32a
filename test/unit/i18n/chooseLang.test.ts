import { describe, expect, it } from 'vitest';
import { chooseLang, parseLang, translate } from '../../../src/i18n';

describe('choosing the interface language', () => {
  it('takes ?lang= first, whatever was stored or the browser prefers', () => {
    expect(chooseLang({ query: 'en', stored: 'zh-CN', browser: ['zh-CN'] })).toBe('en');
    expect(chooseLang({ query: 'zh', stored: 'en', browser: ['en-US'] })).toBe('zh-CN');
  });

  it('takes the remembered choice when the URL says nothing', () => {
    expect(chooseLang({ query: null, stored: 'en', browser: ['zh-CN'] })).toBe('en');
  });

  it("takes the browser's first supported language next", () => {
    expect(chooseLang({ query: null, stored: null, browser: ['fr-FR', 'en-GB', 'zh-TW'] })).toBe('en');
    expect(chooseLang({ query: null, stored: null, browser: ['zh-HK'] })).toBe('zh-CN');
  });

  it('falls back to zh-CN when nothing is known or everything is unsupported', () => {
    expect(chooseLang({ query: null, stored: null, browser: [] })).toBe('zh-CN');
    expect(chooseLang({ query: 'klingon', stored: '<script>', browser: ['de'] })).toBe('zh-CN');
  });

  it('accepts the spellings a person might type', () => {
    expect(parseLang('ZH')).toBe('zh-CN');
    expect(parseLang('zh_cn')).toBe('zh-CN');
    expect(parseLang(' en-us ')).toBe('en');
    expect(parseLang('english')).toBeNull();
  });

  it('looks a key up in the chosen language', () => {
    expect(translate('en', 'shell.panel.topology')).toBe('Topology');
    expect(translate('zh-CN', 'shell.panel.topology')).toBe('拓扑');
  });
});
