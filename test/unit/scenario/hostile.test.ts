import { afterEach, describe, expect, it } from 'vitest';
import { SCENARIO_CAPS } from '../../../src/scenario/schema';
import { parseScenario, parseScenarioText, type ParseResult } from '../../../src/scenario/validate';

const BASE = { version: 1, rocketmqVersion: '4.9.8', brokers: [{ name: 'broker-a' }] };

function rejected(r: ParseResult) {
  if (r.ok) throw new Error('the hostile input was accepted');
  return r.errors;
}

afterEach(() => {
  // No test may leave anything on Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('hostile input gives errors, never an exception or a polluted prototype', () => {
  it('reports __proto__ keys in JSON text as unknown keys at every level', () => {
    const text =
      '{"version":1,"rocketmqVersion":"4.9.8","__proto__":{"polluted":1},' +
      '"brokers":[{"name":"broker-a","__proto__":{"polluted":2}}],"producer":{"constructor":{"prototype":{"polluted":3}}}}';
    const paths = rejected(parseScenarioText(text)).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['__proto__', 'brokers[0].__proto__', 'producer.constructor']),
    );
  });

  it('reports a __proto__ own property of a JavaScript object and leaves the prototype alone', () => {
    const input = JSON.parse(
      '{"version":1,"rocketmqVersion":"4.9.8","brokers":[{"name":"a"}],"__proto__":{"polluted":1}}',
    ) as unknown;
    expect(rejected(parseScenario(input)).map((e) => e.path)).toEqual(['__proto__']);
  });

  it('ignores values inherited through a prototype chain', () => {
    const inherited = Object.create(BASE) as object;
    expect(rejected(parseScenario(inherited)).map((e) => e.path)).toEqual(
      expect.arrayContaining(['version', 'brokers']),
    );
  });

  it('refuses Object.prototype names as broker, topic, group and key names', () => {
    const errors = rejected(
      parseScenario({
        ...BASE,
        brokers: [{ name: 'constructor' }],
        topics: [{ name: 'toString' }],
        producer: { group: '__proto__' },
        workload: [{ count: 1, topic: 'hasOwnProperty', key: 'valueOf' }],
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'brokers[0].name',
        'topics[0].name',
        'producer.group',
        'workload[0].topic',
        'workload[0].key',
      ]),
    );
    expect(errors.find((e) => e.path === 'brokers[0].name')?.message).toContain(
      'property name of every JavaScript object',
    );
  });

  it('stops at the depth cap for deeply nested values and text', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(rejected(parseScenario({ ...BASE, producer: deep }))[0]?.message).toContain(
      `deeper than ${SCENARIO_CAPS.maxDepth}`,
    );
    const text = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(rejected(parseScenarioText(text))[0]?.message).toContain(`deeper than ${SCENARIO_CAPS.maxDepth}`);
  });

  it('stops at the depth cap for a cyclic object', () => {
    const cyclic: Record<string, unknown> = { ...BASE };
    cyclic.producer = cyclic;
    expect(rejected(parseScenario(cyclic))[0]?.message).toContain('deeper than');
  });

  it('refuses huge arrays quickly, naming where they are', () => {
    const started = Date.now();
    const errors = rejected(parseScenario({ ...BASE, brokers: new Array(2_000_000).fill({ name: 'x' }) }));
    expect(errors[0]?.path).toBe('brokers');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(rejected(parseScenario({ ...BASE, faults: new Array(2 ** 32 - 1) }))[0]?.message).toContain(
      'a list of 4294967295 items',
    );
  });

  it('reports strings, booleans, null, NaN and Infinity where numbers go', () => {
    const errors = rejected(
      parseScenario({
        ...BASE,
        seed: '42',
        durationMs: null,
        producer: {
          sendMsgTimeout: NaN,
          pollNameServerInterval: Infinity,
          retryTimesWhenSendFailed: true,
          startAtMs: -Infinity,
        },
      }),
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath.seed).toContain('got "42"');
    expect(byPath.durationMs).toContain('got null');
    expect(byPath['producer.sendMsgTimeout']).toContain('got NaN');
    expect(byPath['producer.pollNameServerInterval']).toContain('got Infinity');
    expect(byPath['producer.retryTimesWhenSendFailed']).toContain('got true');
    expect(byPath['producer.startAtMs']).toContain('got -Infinity');
  });

  it('turns a throwing getter or proxy into an error', () => {
    const getter = {
      ...BASE,
      get producer(): unknown {
        throw new Error('boom');
      },
    };
    expect(rejected(parseScenario(getter))[0]?.message).toContain('boom');
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(rejected(parseScenario(proxy))[0]?.message).toContain('trap');
  });

  it('answers non-objects at the top with what a scenario is', () => {
    for (const input of [undefined, null, 0, 'scenario', [], true, () => 1, Symbol('s'), 10n]) {
      const errors = rejected(parseScenario(input));
      expect(errors[0]?.path).toBe('');
      expect(errors[0]?.message).toContain('must be an object');
    }
  });

  it('answers text that is not JSON, or not text at all', () => {
    for (const text of [
      '',
      'null',
      'undefined',
      '{',
      '{"a":}',
      "{'version': 1}",
      '[1,]',
      '"\\x"',
      '\u0000',
    ]) {
      expect(rejected(parseScenarioText(text)).length).toBeGreaterThan(0);
    }
    expect(rejected(parseScenarioText(42 as unknown as string))[0]?.message).toBe('expected JSON text');
  });

  it('refuses text longer than the cap without reading it', () => {
    const text = ' '.repeat(SCENARIO_CAPS.maxJsonChars + 1);
    expect(rejected(parseScenarioText(text))[0]?.message).toContain(`at most ${SCENARIO_CAPS.maxJsonChars}`);
  });

  it('treats markup in names as text to refuse, not to render', () => {
    const errors = rejected(parseScenario({ ...BASE, brokers: [{ name: '<img src=x onerror=alert(1)>' }] }));
    expect(errors[0]?.path).toBe('brokers[0].name');
  });
});
