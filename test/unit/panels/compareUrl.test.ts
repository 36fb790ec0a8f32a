import { describe, expect, it } from 'vitest';
import { compareSettingsHref, readCompareSettings } from '../../../src/panels/compare/compareRun';
import type { SettingValues } from '../../../src/view/compareSummary';

const A: SettingValues = {
  rocketmqVersion: '4.9.8',
  'producer.sendLatencyFaultEnable': true,
  'producer.retryTimesWhenSendFailed': 2,
  'producer.sendMsgTimeout': 3000,
  'producer.asyncSenderThreads': 4,
};

describe('compare settings in the address', () => {
  it('writes each setting B changes and reads it back to the same B', () => {
    const b: SettingValues = {
      ...A,
      rocketmqVersion: '5.3.3',
      'producer.sendLatencyFaultEnable': false,
      'producer.sendMsgTimeout': 1200,
    };
    const href = compareSettingsHref('http://h/course/?lang=zh&compare=1&preset=p', A, b);
    const url = new URL(href);
    expect(url.searchParams.get('b.rocketmqVersion')).toBe('5.3.3');
    expect(url.searchParams.get('b.producer.sendLatencyFaultEnable')).toBe('false');
    expect(url.searchParams.get('b.producer.sendMsgTimeout')).toBe('1200');
    // Settings B keeps as they are are not written; the rest of the address stays.
    expect(url.searchParams.has('b.producer.retryTimesWhenSendFailed')).toBe(false);
    expect(url.searchParams.get('preset')).toBe('p');
    expect(url.pathname).toBe('/course/');
    expect(readCompareSettings(url.search, A)).toEqual(b);
  });

  it('drops what B no longer changes', () => {
    const changed = compareSettingsHref('http://h/?compare=1', A, { ...A, 'producer.asyncSenderThreads': 1 });
    const back = compareSettingsHref(changed, A, A);
    expect(new URL(back).search).toBe('?compare=1');
  });

  it('is null when the address names no setting, so the view picks its own B', () => {
    expect(readCompareSettings('?compare=1&preset=p', A)).toBeNull();
  });

  it('reads only values of the form each setting takes, and ignores every other parameter', () => {
    const hostile =
      '?compare=1' +
      '&b.rocketmqVersion=%3Cscript%3Ealert(1)%3C%2Fscript%3E' +
      '&b.producer.sendLatencyFaultEnable=yes' +
      '&b.producer.sendMsgTimeout=1e9' +
      '&b.producer.retryTimesWhenSendFailed=-1' +
      '&b.producer.asyncSenderThreads=12345678901' +
      '&b.__proto__=x&b.constructor.prototype=y&b.producer.unknown=3';
    expect(readCompareSettings(hostile, A)).toBeNull();
    const mixed = readCompareSettings('?b.producer.retryTimesWhenSendFailed=7&b.rocketmqVersion=6.0.0', A);
    expect(mixed).toEqual({ ...A, 'producer.retryTimesWhenSendFailed': 7 });
    expect(Object.getPrototypeOf(mixed)).toBe(Object.prototype);
  });
});
