import { describe, expect, it } from 'vitest';
import { dictionaries, type MessageKey } from '../../../src/i18n';
import { en as validationEn } from '../../../src/i18n/messages/validation';
import { scenarioErrorLine, scenarioErrorText, shareErrorText } from '../../../src/i18n/problemText';
import {
  allScenarioErrorCodes,
  codedText,
  parseScenario,
  parseScenarioText,
  scenarioJsonSchema,
  type ScenarioError,
} from '../../../src/scenario';
import { validateScenarioText } from '../../../src/share';

const BASE = { version: 1, rocketmqVersion: '4.9.8', brokers: [{ name: 'broker-a' }, { name: 'broker-b' }] };

/** Scenarios the schema refuses: values of the wrong type, out of range, unknown keys, bad names. */
const SCHEMA_SAMPLES: unknown[] = [
  { ...BASE, producer: { sendMsgTimeout: -5, retryTimesWhenSendFailed: 1.5, sendLatencyFaultEnable: 'yes' } },
  { ...BASE, producer: { sendMsgTimeOut: 3000, group: 42, retryResponseCodes: 'x' } },
  { ...BASE, brokers: [{ name: 'broker a', role: 'BOSS', address: '10.0.0.1:99999', brokerPermission: 3 }] },
  { ...BASE, brokers: [{ name: 'constructor', address: 'here' }] },
  { ...BASE, brokers: [] },
  { ...BASE, version: 2 },
  { ...BASE, version: 'one', rocketmqVersion: '6.0.0', $schema: 5 },
  { ...BASE, seed: 'x', durationMs: 1e12, title: { en: 'x'.repeat(300) }, id: 'a b' },
  {
    ...BASE,
    network: {
      latency: {
        producerToBroker: { kind: 'uniform', minMs: 5, maxMs: 1 },
        brokerToBroker: { kind: 'gamma' },
        brokerToNameServer: { kind: 'lognormal', medianMs: 0, p99Ms: 1 },
        producerToNameServer: 7,
      },
      links: [
        { between: ['producer', 'bad name!'], latency: { kind: 'fixed', ms: -1 } },
        { between: ['producer'], latency: { kind: 'fixed', ms: 1 } },
      ],
    },
  },
  { ...BASE, topics: [{ name: 'bad topic' }, { name: 'U', orderTopicConf: 'broker-a 4', brokers: [] }] },
  {
    ...BASE,
    workload: [
      { topic: 'T', count: 3, timesMs: [1, -2], keys: [] },
      { topic: 'T', count: 1, mode: 'FAST', ratePerSecond: 0, intervalMs: -1, selector: 1 },
    ],
  },
  {
    ...BASE,
    faults: [
      { kind: 'explode', atMs: 0 },
      { kind: 'crash', atMs: 0, broker: 'not valid!' },
      { atMs: 0, broker: 'broker-a' },
      'crash',
    ],
  },
  {
    ...BASE,
    narration: { steps: [{ title: { en: 'a', zh: 'b' }, body: { en: 'a' }, at: 'x' }], conclusion: 1 },
  },
  { ...BASE, faults: Array.from({ length: 150 }, () => ({ kind: 'crash', atMs: -1, broker: 'zz' })) },
  { ...BASE, faults: Array.from({ length: 100 }, () => ({ kind: 'crash', atMs: -1, broker: 'not valid!' })) },
  { ...BASE, workload: [{ topic: 'T', timesMs: new Array(200_000).fill(1) }] },
  null,
  [],
];

/** Scenarios the schema accepts and the checks across fields refuse. */
const CROSS_SAMPLES: unknown[] = [
  { ...BASE, brokers: [{ name: 'producer' }, { name: 'x', role: 'SLAVE' }, { name: 'b', brokerId: 2 }] },
  { ...BASE, brokers: [{ name: 'b' }, { name: 'b' }, { name: 'c', address: '10.0.0.1:10911' }] },
  {
    ...BASE,
    rocketmqVersion: '4.5.2',
    producer: { sendMsgMaxTimeoutPerRequest: 5, mqClientApiTimeout: 5, retryResponseCodes: [1] },
    brokers: [{ name: 'broker-a', slaveTimeout: 5 }],
  },
  {
    ...BASE,
    network: {
      links: [
        { between: ['producer', 'broker-z'], latency: { kind: 'fixed', ms: 1 } },
        { between: ['broker-a', 'broker-a'], latency: { kind: 'fixed', ms: 1 } },
        { between: ['broker-z', 'producer'], latency: { kind: 'fixed', ms: 1 } },
      ],
    },
  },
  {
    ...BASE,
    topics: [
      { name: 'TBW102' },
      { name: 'T', brokers: ['broker-x', 'broker-a', 'broker-a'], orderTopicConf: 'broker-x:4;broker-a:0' },
      { name: 'T', orderTopicConf: 'broker-a:4;broker-a:4' },
    ],
  },
  {
    ...BASE,
    workload: [
      { topic: 'T', count: 2, ratePerSecond: 1, intervalMs: 1 },
      { topic: 'T', count: 2, ratePerSecond: 1, intervalMs: 1, timesMs: [1, 2] },
      { topic: 'T' },
      { topic: 'T', count: 3, timesMs: [1, 2] },
      { topic: 'T', count: 1, key: 'a', keys: ['b'] },
      { topic: 'T', count: 1, selector: 'hash' },
      { topic: 'T', count: 1_000_000, intervalMs: 1000 },
    ],
  },
  { ...BASE, workload: Array.from({ length: 5 }, () => ({ topic: 'T', count: 300_000, threads: 250 })) },
  { ...BASE, topics: Array.from({ length: 100 }, (_, i) => ({ name: `T${i}`, readQueueNums: 1024 })) },
  {
    ...BASE,
    topics: Array.from({ length: 30 }, (_, i) => ({ name: `T${i}`, readQueueNums: 1024 })),
    workload: Array.from({ length: 100 }, (_, i) => ({ topic: `U${i}`, count: 1 })),
    producer: { defaultTopicQueueNums: 1024 },
    brokers: [
      { name: 'b0', defaultTopicQueueNums: 1024 },
      { name: 'b1', defaultTopicQueueNums: 1024 },
    ],
  },
  {
    ...BASE,
    brokers: [{ name: 'g', role: 'SLAVE', brokerId: 1 }],
    faults: [
      { kind: 'crash', atMs: 0, broker: 'g' },
      { kind: 'crash', atMs: 0, broker: 'broker-q' },
      { kind: 'slow', atMs: 0, extraLatency: { kind: 'fixed', ms: 1 } },
    ],
  },
];

const SAMPLES = [...SCHEMA_SAMPLES, ...CROSS_SAMPLES];

const TEXTS = [
  '{\n  "version": 1,\n  "seed": x\n}',
  '{"version": 1,\n}',
  '[1,]',
  '{"a": tru}',
  "{'a': 1}",
  '{"a": "\\x"}',
  '{"a": "\\u12"}',
  '{"a": "x',
  '{"a" 1}',
  '{"a": 1 "b": 2}',
  '[1 2]',
  '{"a": 1}x',
  '{a: 1}',
  '{"brokers": [{"name": "a", "name": "b"}]}',
  '{"a": ',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
];

function errorsOf(input: unknown): ScenarioError[] {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors;
}

const sampleErrors = (): ScenarioError[] => [
  ...SAMPLES.flatMap(errorsOf),
  ...TEXTS.flatMap((t) => {
    const r = parseScenarioText(t);
    return r.ok ? [] : r.errors;
  }),
  ...errorsOf(JSON.parse('{"a":'.repeat(70) + '1' + '}'.repeat(70)) as unknown),
];

// Words that may stay in English in Chinese text: the scenario's own field names and values (from the
// JSON Schema), JSON's literals and the endpoint names. Code names with capitals or digits
// (BrokerStartup, TBW102, SLAVE, RocketMQ, JSON) are left alone by the check below anyway.
function schemaWords(): Set<string> {
  // `switch`: the Java statement in DefaultMQProducerImpl.sendDefaultImpl.
  const words = new Set(['true', 'false', 'null', 'producer', 'namesrv', 'ip', 'ms', 'switch']);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v && typeof v === 'object') Object.keys(v).forEach((p) => words.add(p));
      if ((k === 'enum' || k === 'const') && v !== null) {
        for (const e of [v].flat()) if (typeof e === 'string') words.add(e);
      }
      walk(v);
    }
  };
  walk(scenarioJsonSchema());
  return words;
}
const ALLOWED = schemaWords();

/** Lower-case English words left in a Chinese text once quotes, paths and code names are set aside. */
function englishLeft(text: string): string[] {
  const rest = text
    .replace(/\\./g, ' ') // escapes written out: \\u, \\n
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ') // quoted values: names, JSON snippets
    .replace(/'[^']*'/g, ' ') // quoted characters
    .replace(/\{[^{}]*\}/g, ' '); // JSON examples and unfilled placeholders
  return (rest.match(/[A-Za-z_$][\w$.[\]@-]*/g) ?? []).filter((token) => {
    if (/[A-Z0-9_$.[\]@]/.test(token)) return false; // a code name, a path, a version
    return !ALLOWED.has(token);
  });
}

const NOUN_PARAMS = new Set(['unit', 'what', 'noun', 'found', 'note']);

/** The Chinese text without the values it quotes from the input (names such as broker-a, lists of them). */
function withoutValues(e: ScenarioError): string {
  let text = scenarioErrorText('zh-CN', e);
  for (const [name, value] of Object.entries(e.params)) {
    if (typeof value !== 'string' || NOUN_PARAMS.has(name) || value === '') continue;
    const quoted = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`(?<![\\w-])${quoted}(?![\\w-])`, 'g'), ' ');
  }
  return text;
}

describe('validation messages in both languages', () => {
  it('has an English and a Chinese text for every error code, noun and suffix', () => {
    const codes = allScenarioErrorCodes();
    expect(codes.length).toBeGreaterThan(80);
    for (const key of Object.keys(validationEn) as MessageKey[]) {
      expect(dictionaries.en[key], key).toBeTruthy();
      expect(dictionaries['zh-CN'][key], key).toBeTruthy();
    }
    for (const code of codes) {
      expect(dictionaries['zh-CN'][`validation.${code}` as MessageKey], code).toBeTruthy();
    }
  });

  it('writes no English prose into any Chinese template', () => {
    const zh = dictionaries['zh-CN'];
    const left = (Object.keys(validationEn) as MessageKey[])
      .map((key) => [key, englishLeft(zh[key])] as const)
      .filter(([, words]) => words.length > 0);
    expect(left).toEqual([]);
  });

  it('gives the page the same English as the CLI (message) for every sample error', () => {
    const errors = sampleErrors();
    expect(errors.length).toBeGreaterThan(60);
    for (const e of errors) expect(scenarioErrorText('en', e)).toBe(e.message);
  });

  it('covers most codes with the samples', () => {
    const seen = new Set(sampleErrors().map((e) => e.code));
    const never = allScenarioErrorCodes().filter((c) => !seen.has(c) && !c.startsWith('jsonDetail.'));
    // Not reachable from JSON input, or only through a 16 MiB text / 3 million values; and no setting that
    // exists in one version only has a note on what older versions have instead.
    expect(never.sort()).toEqual(
      [
        'input.notText',
        'input.textTooLong',
        'input.textUnreadable',
        'input.tooManyValues',
        'input.unreadable',
        'schema.other',
        'version.onlyOneNoted',
      ].sort(),
    );
  });

  it('renders the sample in Chinese with no English left besides paths and field names', () => {
    const errors = sampleErrors();
    const leftovers = errors
      .map((e) => ({ line: scenarioErrorLine('zh-CN', e), words: englishLeft(withoutValues(e)) }))
      .filter((x) => x.words.length > 0);
    expect(leftovers).toEqual([]);
    // And they are really Chinese, not the English passed through.
    for (const e of errors) expect(scenarioErrorText('zh-CN', e)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the field and translates bounds, units and what was found', () => {
    const [e] = errorsOf({ ...BASE, producer: { sendMsgTimeout: -5 } });
    expect(e).toMatchObject({ path: 'producer.sendMsgTimeout', code: 'int.range' });
    expect(e?.params).toEqual({ min: 0, max: 86_400_000, unit: 'ms' });
    expect(e?.got).toEqual({ kind: 'value', value: '-5' });
    expect(scenarioErrorLine('zh-CN', e!)).toBe(
      'producer.sendMsgTimeout：必须是 0 到 86400000 之间的整数（毫秒）（实际为 -5）',
    );
    expect(scenarioErrorLine('en', e!)).toBe(
      'producer.sendMsgTimeout: must be a whole number from 0 to 86400000 (milliseconds) (got -5)',
    );
  });

  it('translates a JSON syntax problem with its line and column, and names the whole scenario', () => {
    const r = parseScenarioText('{\n  "version": 1,\n  "seed": x\n}');
    if (r.ok) throw new Error('accepted');
    expect(r.errors[0]).toMatchObject({ code: 'json.invalid', params: { line: 3, column: 11 } });
    expect(scenarioErrorLine('zh-CN', r.errors[0]!)).toBe(
      "（整个场景）：JSON 无效，位于第 3 行第 11 列：意外的 'x'：这里需要一个值",
    );
    const end = parseScenarioText('{"a": ');
    if (end.ok) throw new Error('accepted');
    expect(scenarioErrorText('zh-CN', end.errors[0]!)).toContain('文本在需要一个值的地方结束了');
  });

  it('translates an import or share-link problem, the validator’s detail included', () => {
    const bad = validateScenarioText(JSON.stringify({ ...BASE, producer: { sendMsgTimeout: -5 } }));
    if (bad.ok) throw new Error('accepted');
    expect(bad.errors[0]?.message).toContain('must be a whole number');
    expect(shareErrorText('zh-CN', bad.errors[0]!)).toBe(
      'producer.sendMsgTimeout：必须是 0 到 86400000 之间的整数（毫秒）（实际为 -5）',
    );
    const syntax = validateScenarioText('{"version": 1,\n}');
    if (syntax.ok) throw new Error('accepted');
    expect(shareErrorText('zh-CN', syntax.errors[0]!)).toMatch(/^场景不是有效的 JSON，位于第 2 行第 1 列：/);
    expect(englishLeft(shareErrorText('zh-CN', syntax.errors[0]!))).toEqual([]);
    const whole = validateScenarioText('[]');
    if (whole.ok) throw new Error('accepted');
    expect(shareErrorText('zh-CN', whole.errors[0]!)).toMatch(/^（整个场景）：/);
  });

  it('never throws on odd parameters: an unknown placeholder or noun stays visible', () => {
    expect(codedText({ code: 'int.range', params: { min: 1 } })).toBe(
      'must be a whole number from 1 to {max} ({unit})',
    );
    expect(codedText({ code: 'text.max', params: { what: 'no-such-noun', max: 3 } })).toBe(
      'must be a no-such-noun of at most 3 characters',
    );
    expect(
      codedText({ code: 'broker.unknown', params: { name: '{names}', names: 'a' } }, dictionaries['zh-CN']),
    ).toBe('没有名为 "{names}" 的 Broker；现有的 Broker：a');
  });
});
