import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n';
import { en, zhCN } from '../../../src/i18n/messages/share';
import type { Scenario } from '../../../src/scenario';
import {
  MAX_SHARE_LINK_CHARS,
  SHARE_FORMAT_VERSION,
  SHARE_FORMAT_VERSIONS_READ,
  base64UrlDecode,
  base64UrlEncode,
  decodeShareLink,
  decodeSharePayload,
  encodeShareFragment,
  encodeSharePayload,
  hasShareFragment,
  inflateRawCapped,
  shareUrl,
  type ShareDecodeResult,
} from '../../../src/share/shareLink';

const MINIMAL: Scenario = {
  version: 1,
  rocketmqVersion: '4.9.8',
  brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
  workload: [{ count: 10, intervalMs: 100, topic: 'TopicTest' }],
};

function opened<R extends { ok: boolean }>(r: R): Extract<R, { ok: true }> {
  if (!r.ok) throw new Error(`the link did not open: ${JSON.stringify(r)}`);
  return r as Extract<R, { ok: true }>;
}

function refused(r: ShareDecodeResult) {
  if (r.ok) throw new Error('the link opened');
  return r.errors;
}

describe('encoding a share link', () => {
  it('writes #s=1.<base64url> with only URL-safe characters, and the step after it', () => {
    const fragment = encodeShareFragment(MINIMAL, 42);
    expect(fragment).toMatch(/^#s=1\.[A-Za-z0-9_-]+&step=42$/);
    expect(SHARE_FORMAT_VERSION).toBe(1);
  });

  it('leaves out a step that is not a whole number from 0', () => {
    for (const step of [-1, 1.5, NaN, Infinity])
      expect(encodeShareFragment(MINIMAL, step)).not.toContain('step');
    expect(encodeShareFragment(MINIMAL, 0)).toMatch(/&step=0$/);
  });

  it('compresses: a preset makes a link under half as long as its JSON percent-encoded into the URL', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const text = readFileSync(join(here, '../../../public/scenarios/broker-crash-mid-run.json'), 'utf8');
    const scenario = JSON.parse(text) as Scenario;
    const payload = encodeSharePayload(scenario);
    expect(payload.length).toBeLessThan(encodeURIComponent(JSON.stringify(scenario)).length / 2);
    expect(opened(decodeShareLink(payload)).scenario).toEqual(scenario);
  });

  it('keeps the scenario as written: no defaults are added to the link', () => {
    const r = opened(decodeShareLink(encodeShareFragment(MINIMAL)));
    expect(r.scenario).toEqual(MINIMAL);
    expect(r.scenario.producer).toBeUndefined();
    expect(r.resolved.producer.sendMsgTimeout).toBe(3000);
  });

  it('builds a page address that keeps ?lang, drops ?preset and ?step, and opens at the step', () => {
    const url = shareUrl(
      'https://t.example.edu/sub/path/?lang=zh&preset=happy-path-sync&step=9#old',
      MINIMAL,
      5,
    );
    expect(url).toMatch(/^https:\/\/t\.example\.edu\/sub\/path\/\?lang=zh#s=1\.[A-Za-z0-9_-]+&step=5$/);
    const r = opened(decodeShareLink(url));
    expect(r.step).toBe(5);
    expect(r.scenario).toEqual(MINIMAL);
  });
});

describe('decoding a share link', () => {
  const fragment = encodeShareFragment(MINIMAL, 7);
  const data = fragment.slice('#s='.length, fragment.indexOf('&'));

  it('accepts a whole address, a fragment with or without #, and the bare data', () => {
    for (const input of [
      `https://x.org/a/${fragment}`,
      fragment,
      fragment.slice(1),
      data,
      `  ${fragment}\n`,
    ]) {
      expect(opened(decodeShareLink(input)).scenario).toEqual(MINIMAL);
    }
    expect(opened(decodeSharePayload(data)).scenario).toEqual(MINIMAL);
  });

  it('takes the step from the query, which the page keeps current, over the one in the fragment', () => {
    expect(opened(decodeShareLink(`https://x.org/?lang=en&step=99${fragment}`)).step).toBe(99);
    expect(opened(decodeShareLink(`https://x.org/?lang=en${fragment}`)).step).toBe(7);
    expect(opened(decodeShareLink(`#s=${data}`)).step).toBeUndefined();
  });

  it('opens a link with a bad step at the beginning and says why in a warning', () => {
    const r = opened(decodeShareLink(`#s=${data}&step=1e3`));
    expect(r.step).toBeUndefined();
    expect(r.warnings.map((w) => [w.code, w.params.value])).toEqual([['share.badStep', '1e3']]);
  });

  it('says which formats it reads when a link is of a newer or unknown format', () => {
    const [newer] = refused(decodeShareLink(`#s=2.${data.slice(2)}`));
    expect(newer?.code).toBe('share.newerVersion');
    expect(newer?.params).toEqual({ version: '2', supported: SHARE_FORMAT_VERSIONS_READ.join(', ') });
    expect(newer?.message).toContain('reads format 1');
    const [odd] = refused(decodeShareLink(`#s=0.${data.slice(2)}`));
    expect(odd?.code).toBe('share.unknownVersion');
  });

  it('names the position and the character where the data is damaged', () => {
    const broken = `${data.slice(0, 10)}*${data.slice(11)}`;
    const [e] = refused(decodeShareLink(`#s=${broken}`));
    expect(e?.code).toBe('share.badEncoding');
    expect(e?.params).toEqual({ position: 11, char: '“*”' });
  });

  it('refuses link data longer than the cap before decoding any of it', () => {
    const [e] = refused(decodeShareLink(`#s=1.${'!'.repeat(MAX_SHARE_LINK_CHARS)}`));
    expect(e?.code).toBe('share.linkTooLong');
  });

  it('refuses a scenario that inflates past the cap, with the cap in the message', () => {
    const big = deflateSync(new TextEncoder().encode(' '.repeat(16 * 1024 * 1024 + 1)), { level: 1 });
    const [e] = refused(decodeShareLink(`#s=1.${base64UrlEncode(big)}`));
    expect(e?.code).toBe('share.tooLarge');
    expect(e?.message).toContain('16777216 bytes');
  });

  it('reports the scenario errors of a link with their JSON paths', () => {
    const bad = { ...MINIMAL, producer: { sendMsgTimeout: -1 } } as unknown as Scenario;
    const errors = refused(decodeShareLink(encodeShareFragment(bad)));
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['share.invalidScenario', 'producer.sendMsgTimeout'],
    ]);
    expect(errors[0]?.message).toMatch(/^producer\.sendMsgTimeout: must be a whole number from 0/);
  });

  it('never throws on random text, and answers every refusal with known codes and filled messages', () => {
    const check = (input: string) => {
      const r = decodeShareLink(input);
      const problems = r.ok ? r.warnings : r.errors;
      if (!r.ok) expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        expect(en[p.code]).toBeDefined();
        expect(p.message).not.toMatch(/\{\w+\}/);
      }
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 400 });
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (tail) => check(`#s=1.${tail}`)),
      { numRuns: 400 },
    );
  });

  it('never throws on a real link with random characters replaced or cut off', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })), { maxLength: 4 }),
        (cut, flips) => {
          const chars = [...fragment.slice(0, (cut % fragment.length) + 1)];
          for (const [at, c] of flips) chars[at % chars.length] = c;
          const r = decodeShareLink(chars.join(''));
          if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tells a fragment with a shared scenario from one without', () => {
    expect(hasShareFragment(fragment)).toBe(true);
    expect(hasShareFragment('#step=3&s=1.x')).toBe(true);
    expect(hasShareFragment('#s')).toBe(true);
    expect(hasShareFragment('#sx=1')).toBe(false);
    expect(hasShareFragment('')).toBe(false);
  });
});

describe('the messages', () => {
  it('give the same English text as translate() does from the share namespace', () => {
    const errors = [
      ...refused(decodeShareLink('#s=9.abc')),
      ...refused(decodeShareLink('#s=1.a*')),
      ...refused(decodeShareLink(encodeShareFragment({ ...MINIMAL, seed: -1 }))),
    ];
    for (const e of errors) expect(translate('en', e.code, e.params)).toBe(e.message);
  });

  it('translate into Chinese with the same parameters', () => {
    const [e] = refused(decodeShareLink('#s=9.abc'));
    if (!e) throw new Error('no error');
    expect(translate('zh-CN', e.code, e.params)).toBe(
      '这个链接由更新版本的 SendPath 生成（分享格式 9）；当前版本只能读取格式 1。请用最新的 SendPath 打开。',
    );
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });
});

describe('base64url and inflation', () => {
  it('round-trips any bytes and agrees with Node’s base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = base64UrlEncode(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        const back = base64UrlDecode(text);
        expect(back.ok && [...back.bytes]).toEqual([...bytes]);
      }),
      { numRuns: 300 },
    );
  });

  it('tolerates padding but no other character outside the alphabet', () => {
    expect(base64UrlDecode('AQI=')).toEqual({ ok: true, bytes: new Uint8Array([1, 2]) });
    expect(base64UrlDecode('AQ+I')).toEqual({ ok: false, reason: 'char', position: 2 });
    expect(base64UrlDecode('AQ I')).toEqual({ ok: false, reason: 'char', position: 2 });
    expect(base64UrlDecode('AQIDB')).toEqual({ ok: false, reason: 'length' });
  });

  it('tells a truncated deflate stream from a corrupt one', () => {
    const whole = deflateSync(new TextEncoder().encode(JSON.stringify(MINIMAL)));
    expect(inflateRawCapped(whole.subarray(0, whole.length - 5), 1e6)).toEqual({
      ok: false,
      reason: 'truncated',
    });
    expect(inflateRawCapped(new Uint8Array([0x07, 0, 0]), 1e6)).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
  });
});
