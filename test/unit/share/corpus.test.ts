import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en as shareMessages } from '../../../src/i18n/messages/share';
import {
  MAX_INFLATED_BYTES,
  decodeShareLink,
  inflateRawCapped,
  type ShareDecodeResult,
} from '../../../src/share/shareLink';
import { importScenarioBytes, importScenarioFile, importScenarioText } from '../../../src/share/importExport';
import type { ShareError, ShareMessageCode } from '../../../src/share/errors';
import { GENERATED_CASES, deflateRawBomb } from '../../fixtures/hostile/generated';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/hostile');

type Expectation =
  | { ok: true; step?: number; warnings?: ShareMessageCode[]; verbatim?: boolean }
  | { ok: false; code: ShareMessageCode; paths?: string[]; noPaths?: string[]; messageIncludes?: string };

const PROTO: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: ['__proto__', 'brokers[0].__proto__', 'producer.__proto__', 'workload[0].__proto__'],
};
const CONSTRUCTOR: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: ['constructor', 'producer.constructor', 'topics[0].constructor', 'network.prototype'],
};
const MARKUP: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: [
    'id',
    'rocketmqVersion',
    'nameServer.address',
    'brokers[0].name',
    'brokers[0].role',
    'brokers[0].address',
    'brokers[0].flushDiskType',
    'topics[0].name',
    'network.links[0].latency.kind',
    'workload[0].mode',
    'workload[0].selector',
  ],
  // Free text may hold anything; the page renders it as text.
  noPaths: ['title.en', 'title.zh', 'description.en', 'description.zh', 'producer.group', 'workload[0].key'],
};
const FREE_TEXT: Expectation = { ok: true, verbatim: true };
const FORMAT_VERSION: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: ['version'],
  messageIncludes: 'newer than this SendPath understands',
};
const ROCKETMQ_VERSION: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: ['rocketmqVersion'],
  messageIncludes: '"4.5.2", "4.9.8", "5.3.3"',
};
const STRINGS: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: [
    'seed',
    'producer.sendMsgTimeout',
    'producer.sendLatencyFaultEnable',
    'topics[0].writeQueueNums',
    'workload[0].count',
  ],
};
const HUGE: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: [
    'seed',
    'durationMs',
    'producer.sendMsgTimeout',
    'producer.retryTimesWhenSendFailed',
    'brokers[0].sendThreadPoolQueueCapacity',
  ],
};
const NEGATIVE: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: [
    'producer.sendMsgTimeout',
    'producer.retryTimesWhenSendFailed',
    'network.connectTimeoutMillis',
    'workload[0].intervalMs',
  ],
};
const EMPTY_OBJECT: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: ['version', 'rocketmqVersion', 'brokers'],
  messageIncludes: 'missing',
};
const NOT_OBJECT: Expectation = {
  ok: false,
  code: 'share.invalidScenario',
  paths: [''],
  messageIncludes: 'must be an object',
};
const DEEP: Expectation = {
  ok: false,
  code: 'share.badJson',
  paths: [`producer${'.a'.repeat(63)}`],
  messageIncludes: 'nested deeper than 64 levels',
};
const NAN: Expectation = { ok: false, code: 'share.badNumber', paths: ['seed'], messageIncludes: 'NaN' };
const INFINITY: Expectation = {
  ok: false,
  code: 'share.badNumber',
  paths: ['producer.sendMsgTimeout'],
  messageIncludes: 'Infinity',
};
const DUPLICATE: Expectation = {
  ok: false,
  code: 'share.badJson',
  paths: ['producer.sendMsgTimeout'],
  messageIncludes: 'duplicate key',
};
const HTML: Expectation = { ok: false, code: 'share.badJson', messageIncludes: 'line 1, column 1:' };

const EXPECTED: Record<string, Expectation> = {
  // Import files.
  'valid.json': { ok: true },
  'proto-keys.json': PROTO,
  'constructor-keys.json': CONSTRUCTOR,
  'markup-everywhere.json': MARKUP,
  'markup-in-free-text.json': FREE_TEXT,
  'unknown-format-version.json': FORMAT_VERSION,
  'unknown-rocketmq-version.json': ROCKETMQ_VERSION,
  'numbers-as-strings.json': STRINGS,
  'huge-numbers.json': HUGE,
  'negative-timeouts.json': NEGATIVE,
  'empty-object.json': EMPTY_OBJECT,
  'null.json': NOT_OBJECT,
  'array.json': NOT_OBJECT,
  'deep-nesting.json': DEEP,
  'nan.txt': NAN,
  'infinity.txt': INFINITY,
  'truncated.txt': {
    ok: false,
    code: 'share.badJson',
    paths: ['brokers[1].name'],
    messageIncludes: 'a string is not closed',
  },
  'duplicate-keys.txt': DUPLICATE,
  'bom.txt': { ok: true },
  'invalid-utf8.txt': { ok: false, code: 'share.badUtf8' },
  'empty.txt': { ok: false, code: 'share.emptyText' },
  'javascript-object.txt': {
    ok: false,
    code: 'share.badJson',
    messageIncludes: "line 1, column 3: unexpected 'v': expected a property name in double quotes",
  },
  'html.txt': HTML,
  // Share links.
  'valid.link.txt': { ok: true, step: 12 },
  'proto-keys.link.txt': PROTO,
  'constructor-keys.link.txt': CONSTRUCTOR,
  'markup-everywhere.link.txt': MARKUP,
  'markup-in-free-text.link.txt': { ok: true, verbatim: true, step: 2 },
  'unknown-format-version.link.txt': FORMAT_VERSION,
  'unknown-rocketmq-version.link.txt': ROCKETMQ_VERSION,
  'numbers-as-strings.link.txt': STRINGS,
  'huge-numbers.link.txt': HUGE,
  'negative-timeouts.link.txt': NEGATIVE,
  'nan.link.txt': NAN,
  'infinity.link.txt': INFINITY,
  'empty-object.link.txt': EMPTY_OBJECT,
  'null.link.txt': NOT_OBJECT,
  'array.link.txt': NOT_OBJECT,
  'deep-nesting.link.txt': DEEP,
  'duplicate-keys.link.txt': DUPLICATE,
  'html-payload.link.txt': HTML,
  'invalid-utf8.link.txt': { ok: false, code: 'share.badUtf8' },
  'utf8-bom-in-payload.link.txt': { ok: true },
  'bom-before-link.link.txt': { ok: true },
  'bom-inside-data.link.txt': {
    ok: false,
    code: 'share.badEncoding',
    messageIncludes: 'character 23 (U+FEFF)',
  },
  'markup-as-data.link.txt': { ok: false, code: 'share.badEncoding', messageIncludes: 'character 3 (“<”)' },
  'standard-base64.link.txt': { ok: false, code: 'share.badEncoding' },
  'bad-length.link.txt': { ok: false, code: 'share.badLength' },
  'truncated.link.txt': { ok: false, code: 'share.truncated' },
  'corrupt-deflate.link.txt': { ok: false, code: 'share.corrupt', messageIncludes: 'invalid block type' },
  'not-deflated.link.txt': { ok: false, code: 'share.badUtf8' },
  'newer-link-version.link.txt': {
    ok: false,
    code: 'share.newerVersion',
    messageIncludes: 'share format 9); this one reads format 1',
  },
  'unknown-link-version.link.txt': {
    ok: false,
    code: 'share.unknownVersion',
    messageIncludes: 'format “v1”, which this SendPath does not read. It reads format 1',
  },
  'unversioned.link.txt': { ok: false, code: 'share.noVersion' },
  'empty-data.link.txt': { ok: false, code: 'share.empty' },
  'not-a-share-link.link.txt': { ok: false, code: 'share.notAShareLink' },
  'duplicate-s.link.txt': { ok: false, code: 'share.duplicateParam' },
  'bad-step.link.txt': { ok: true, warnings: ['share.badStep'] },
  'negative-step.link.txt': { ok: true, warnings: ['share.badStep'] },
  'percent-encoded.link.txt': { ok: true, step: 1 },
};

const CORPUS = readdirSync(DIR)
  .filter((f) => /\.(json|txt)$/.test(f))
  .sort();

/** A link through decodeShareLink, a file through importScenarioBytes (which has no step or warnings). */
function open(file: string): ShareDecodeResult {
  const bytes = new Uint8Array(readFileSync(join(DIR, file)));
  if (file.endsWith('.link.txt')) return decodeShareLink(new TextDecoder().decode(bytes));
  const r = importScenarioBytes(bytes);
  return r.ok ? { ...r, warnings: [] } : r;
}

function checkErrorShape(errors: readonly ShareError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(Object.keys(shareMessages)).toContain(e.code);
    expect(typeof e.path).toBe('string');
    expect(e.message.trim().length).toBeGreaterThan(10);
    expect(e.message).not.toMatch(/\{\w+\}/); // every placeholder filled
  }
}

let prototypeNames: string[] = [];
beforeAll(() => {
  prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterAll(() => {
  // Nothing in the corpus may have reached Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as Record<string, unknown>).polluted).toBeUndefined();
});

describe('the hostile corpus', () => {
  it('has an expectation and a README line for every file, and a file for every expectation', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    expect(CORPUS).toEqual(Object.keys(EXPECTED).sort());
    const listed = [...readme.matchAll(/^\| `([^`]+\.(?:json|txt))`/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(CORPUS);
    const generated = [...readme.matchAll(/^\| `([a-z-]+)` /gm)].map((m) => m[1]).sort();
    expect(generated).toEqual(GENERATED_CASES.map((c) => c.name).sort());
  });

  it.each(CORPUS)('%s opens as its README line says, without an exception', (file) => {
    const expected = EXPECTED[file];
    if (!expected) throw new Error(`no expectation for ${file}`);
    const result = open(file);
    if (!expected.ok) {
      expect(result.ok, JSON.stringify(result).slice(0, 400)).toBe(false);
      if (result.ok) return;
      checkErrorShape(result.errors);
      expect(result.errors.map((e) => e.code)).toContain(expected.code);
      const paths = result.errors.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(expected.paths ?? []));
      for (const path of expected.noPaths ?? []) expect(paths).not.toContain(path);
      if (expected.messageIncludes) {
        expect(result.errors.map((e) => e.message).join('\n')).toContain(expected.messageIncludes);
      }
      return;
    }
    expect(result.ok, JSON.stringify(result).slice(0, 400)).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.code)).toEqual(expected.warnings ?? []);
    if (expected.warnings) checkErrorShape(result.warnings);
    expect(result.step).toBe(expected.step);
    if (expected.verbatim) {
      expect(result.scenario.title).toEqual({
        en: '<img src=x onerror=alert(1)>',
        zh: '<script>alert(1)</script>',
      });
      expect(result.resolved.title).toEqual(result.scenario.title);
      expect(result.scenario.workload?.[0]?.keys).toEqual([
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        'javascript:alert(1)',
      ]);
    }
  });

  it('quotes the hostile step text in the warning as plain text, after percent-decoding', () => {
    const result = open('bad-step.link.txt');
    if (!result.ok) throw new Error('expected the scenario to open');
    expect(result.warnings[0]?.params.value).toBe('<script>alert(1)</script>');
  });

  it('gives the same scenario for a link and the import file it was made from', () => {
    const fromLink = open('valid.link.txt');
    const fromFile = open('valid.json');
    if (!fromLink.ok || !fromFile.ok) throw new Error('both must open');
    expect(fromLink.scenario).toEqual(fromFile.scenario);
    expect(fromLink.resolved).toEqual(fromFile.resolved);
  });
});

describe('the generated hostile cases', () => {
  it.each(GENERATED_CASES.map((c) => [c.name, c] as const))(
    '%s is refused with its code, without an exception',
    (_, c) => {
      const input = c.make();
      const result = c.via === 'link' ? decodeShareLink(input) : importScenarioText(input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      checkErrorShape(result.errors);
      expect(result.errors[0]?.code).toBe(c.expect.code);
      expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(c.expect.paths ?? []));
      if (c.expect.messageIncludes) expect(result.errors[0]?.message).toContain(c.expect.messageIncludes);
    },
    20_000,
  );

  it('caps the errors of an object with 20,000 unknown keys at 100 and a last line counting the rest', () => {
    const c = GENERATED_CASES.find((g) => g.name === 'many-keys');
    if (!c) throw new Error('many-keys is missing');
    const result = decodeShareLink(c.make());
    if (result.ok) throw new Error('accepted');
    expect(result.errors).toHaveLength(101);
    expect(result.errors[100]?.message).toContain('19900 more errors');
  });

  it('stops inflating a 256 MiB bomb within 1.1 MB past the cap instead of expanding it all', () => {
    const bomb = deflateRawBomb(256 * 1024 * 1024);
    const started = performance.now();
    const result = inflateRawCapped(bomb, MAX_INFLATED_BYTES);
    const ms = performance.now() - started;
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'tooLarge')
      throw new Error(`expected tooLarge, got ${JSON.stringify(result)}`);
    expect(result.produced).toBeGreaterThan(MAX_INFLATED_BYTES);
    expect(result.produced).toBeLessThan(MAX_INFLATED_BYTES + 1.1 * 1024 * 1024);
    // Expanding 256 MiB would take seconds; stopping at 16 MiB takes a fraction of that.
    expect(ms).toBeLessThan(5_000);
  });

  it('inflates a small bomb in full when it fits under the cap (the bomb maker is a real deflate stream)', () => {
    const result = inflateRawCapped(deflateRawBomb(100_000), MAX_INFLATED_BYTES);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.bytes.length).toBe(100_000);
    expect(result.bytes.every((b) => b === 0x20)).toBe(true);
  });

  it('refuses a file that says it holds a terabyte without reading a byte of it', async () => {
    let read = false;
    const huge = {
      size: 1e12,
      arrayBuffer: () => {
        read = true;
        return Promise.reject(new Error('must not be read'));
      },
    } as unknown as Blob;
    const result = await importScenarioFile(huge);
    expect(read).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.code).toBe('share.fileTooLarge');
  });
});
