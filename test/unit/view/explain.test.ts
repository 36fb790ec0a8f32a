import { describe, expect, it } from 'vitest';
import { explainEvent } from '../../../src/panels/callPath/explain';
import { dictionaries } from '../../../src/i18n';
import { readTrace } from '../../fixtures/traces/readTrace';

describe('explainEvent', () => {
  const sync = readTrace('sync-retry-broker-error');
  const async = readTrace('async-executor-timeout');
  const find = (kind: string, nth = 0, trace = sync) => trace.filter((e) => e.kind === kind)[nth]!;

  it('explains a retry’s queue selection with the skipped queues and the reason, in English', () => {
    expect(explainEvent('en', find('queue.select', 1))).toBe(
      'Attempt 2 of message …00000001 (a retry; the last attempt went to broker-a): from index 2, MQFaultStrategy skips broker-a:2, broker-a:3 (not available until t = 600,014 ms) and chooses broker-b:0.',
    );
  });

  it('explains the same selection in Chinese with the glossary’s words', () => {
    const text = explainEvent('zh-CN', find('queue.select', 1));
    expect(text).toContain('第 2 次尝试');
    expect(text).toContain('重试');
    expect(text).toContain('broker-a:2、broker-a:3（在 t = 600,014 毫秒之前不可用）');
  });

  it('gives the budget left after a passing check, and says a failing one ends the send', () => {
    expect(explainEvent('en', find('budget.check'))).toContain('2 ms spent of 3,000 ms');
    expect(explainEvent('en', find('budget.check'))).toContain('2,998 ms left');
    const failed = async.find(
      (e) =>
        e.kind === 'budget.check' &&
        (e as { ok?: boolean }).ok === false &&
        (e as { where?: string }).where === 'DEFAULT ASYNC',
    )!;
    expect(explainEvent('en', failed)).toContain('3,002 ms spent against 3,000 ms');
    expect(explainEvent('zh-CN', failed)).toContain('预算已经耗尽');
  });

  it('tells an isolating fault update from a harmless one', () => {
    expect(explainEvent('en', find('fault.update', 0))).toContain(
      'not available for 600,000 ms, until t = 600,014 ms',
    );
    expect(explainEvent('en', find('fault.update', 1))).toContain('stays available');
  });

  it('says where an async failure goes: to the callback, not the caller', () => {
    expect(explainEvent('en', find('send.result', 1, async))).toContain('DEFAULT ASYNC send call timeout');
    expect(explainEvent('en', find('send.result', 1, async))).toContain('onException');
    expect(explainEvent('en', find('send.result', 0))).toBe(
      'send() returns SEND_OK for message …00000001 after 7 ms.',
    );
  });

  it('explains every event of both fixtures in both languages without a placeholder left over', () => {
    for (const event of [...sync, ...async]) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const text = explainEvent(lang, event);
        expect(text, `${event.kind} ${lang}`).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  it('falls back to a generic sentence for a kind it does not know', () => {
    expect(
      explainEvent('en', {
        seq: 0,
        t: 0,
        kind: 'namesrv.expire',
        code: { cls: 'RouteInfoManager', method: 'scanNotActiveBroker' },
      }),
    ).toBe('Event namesrv.expire, modelled on RouteInfoManager.scanNotActiveBroker.');
  });

  it('has every callPath message in both languages', () => {
    const keys = Object.keys(dictionaries.en).filter((k) => k.startsWith('callPath.'));
    for (const key of keys) expect(dictionaries['zh-CN'][key as keyof typeof dictionaries.en]).toBeTruthy();
  });
});
