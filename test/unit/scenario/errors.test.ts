import { describe, expect, it } from 'vitest';
import {
  formatScenarioErrors,
  parseScenario,
  parseScenarioText,
  type ScenarioError,
} from '../../../src/scenario/validate';

const BASE = {
  version: 1,
  rocketmqVersion: '4.9.8',
  brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
};

function errorsOf(input: unknown): ScenarioError[] {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected errors, the scenario was accepted');
  return r.errors;
}

/** The single error at `path` (fails when there is none). */
function errorAt(input: unknown, path: string): string {
  const errors = errorsOf(input);
  const hit = errors.find((e) => e.path === path);
  if (!hit) throw new Error(`no error at ${path}; got:\n${formatScenarioErrors(errors)}`);
  return hit.message;
}

describe('schema errors name the JSON path and say what is allowed', () => {
  it('reports a string where a number goes, with the allowed range and what it got', () => {
    const msg = errorAt(
      { ...BASE, brokers: [{ name: 'broker-a' }, { name: 'broker-b', sendThreadPoolQueueCapacity: 'lots' }] },
      'brokers[1].sendThreadPoolQueueCapacity',
    );
    expect(msg).toContain('from 1 to 1000000');
    expect(msg).toContain('got "lots"');
  });

  it('reports a negative timeout', () => {
    expect(errorAt({ ...BASE, producer: { sendMsgTimeout: -1 } }, 'producer.sendMsgTimeout')).toMatch(
      /from 0 to 86400000.*got -1/,
    );
  });

  it('reports a fraction where a whole number goes', () => {
    expect(
      errorAt({ ...BASE, producer: { retryTimesWhenSendFailed: 1.5 } }, 'producer.retryTimesWhenSendFailed'),
    ).toContain('whole number');
  });

  it('reports an unknown key by name, with the keys allowed there', () => {
    const msg = errorAt({ ...BASE, producer: { sendMsgTimeOut: 3000 } }, 'producer.sendMsgTimeOut');
    expect(msg).toContain('unknown key');
    expect(msg).toContain('sendMsgTimeout');
  });

  it('reports an unknown key at the top level', () => {
    expect(errorAt({ ...BASE, brokerz: [] }, 'brokerz')).toContain('unknown key');
  });

  it('reports a missing required field', () => {
    const { rocketmqVersion: _omit, ...rest } = BASE;
    expect(errorAt(rest, 'rocketmqVersion')).toMatch(/must be one of "4.5.2", "4.9.8", "5.3.3" \(missing\)/);
  });

  it('reports a value outside an enumeration, listing the values allowed', () => {
    expect(errorAt({ ...BASE, workload: [{ count: 1, topic: 'T', mode: 'sync' }] }, 'workload[0].mode')).toBe(
      'must be one of "SYNC", "ASYNC", "ONEWAY" (got "sync")',
    );
  });

  it('reports an unknown fault kind at its kind', () => {
    expect(
      errorAt({ ...BASE, faults: [{ atMs: 0, kind: 'explode', broker: 'broker-a' }] }, 'faults[0].kind'),
    ).toContain('"crash"');
  });

  it('reports an unknown latency kind and a uniform whose maxMs is below its minMs', () => {
    expect(
      errorAt(
        { ...BASE, network: { connectLatency: { kind: 'normal', ms: 1 } } },
        'network.connectLatency.kind',
      ),
    ).toContain('"lognormal"');
    expect(
      errorAt(
        { ...BASE, network: { connectLatency: { kind: 'uniform', minMs: 5, maxMs: 1 } } },
        'network.connectLatency.maxMs',
      ),
    ).toContain('at least minMs');
  });

  it('refuses a format version newer than this SendPath reads, saying so', () => {
    expect(errorAt({ ...BASE, version: 2 }, 'version')).toContain('newer than this SendPath understands');
  });

  it('refuses a scenario with no brokers', () => {
    expect(errorAt({ ...BASE, brokers: [] }, 'brokers')).toContain('1 to 64 brokers');
  });

  it('refuses a broker name that is not a plain name', () => {
    expect(errorAt({ ...BASE, brokers: [{ name: '<b>x</b>' }] }, 'brokers[0].name')).toContain(
      "letters, digits, '-' or '_'",
    );
  });
});

describe('checks across fields name the JSON path', () => {
  it('refuses a setting that the chosen version does not have, naming the versions that do', () => {
    const msg = errorAt(
      { ...BASE, producer: { sendMsgMaxTimeoutPerRequest: 1000 } },
      'producer.sendMsgMaxTimeoutPerRequest',
    );
    expect(msg).toContain('RocketMQ 4.9.8');
    expect(msg).toContain('only in 5.3.3');
    expect(
      parseScenario({ ...BASE, rocketmqVersion: '5.3.3', producer: { sendMsgMaxTimeoutPerRequest: 1000 } })
        .ok,
    ).toBe(true);
  });

  it('refuses retryResponseCodes and mqClientApiTimeout in 4.5.2 only', () => {
    const v452 = {
      ...BASE,
      rocketmqVersion: '4.5.2',
      producer: { retryResponseCodes: [2], mqClientApiTimeout: 100 },
    };
    const errors = errorsOf(v452).map((e) => e.path);
    expect(errors).toEqual(['producer.retryResponseCodes', 'producer.mqClientApiTimeout']);
    expect(parseScenario({ ...v452, rocketmqVersion: '4.9.8' }).ok).toBe(true);
  });

  it('refuses a broker setting of another version', () => {
    expect(
      errorAt({ ...BASE, brokers: [{ name: 'broker-a', inSyncReplicas: 2 }] }, 'brokers[0].inSyncReplicas'),
    ).toContain('only in 5.3.3');
  });

  it('refuses two brokers with the same name and id', () => {
    expect(
      errorAt({ ...BASE, brokers: [{ name: 'broker-a' }, { name: 'broker-a' }] }, 'brokers[1].name'),
    ).toContain('duplicate broker');
  });

  it('refuses a slave without a brokerId of 1 or more, and a master with one', () => {
    expect(
      errorAt({ ...BASE, brokers: [{ name: 'broker-a', role: 'SLAVE' }] }, 'brokers[0].brokerId'),
    ).toContain('1 or more');
    expect(
      errorAt({ ...BASE, brokers: [{ name: 'broker-a', brokerId: 2 }] }, 'brokers[0].brokerId'),
    ).toContain('always has brokerId 0');
  });

  it('refuses two processes on one address', () => {
    expect(
      errorAt(
        { ...BASE, brokers: [{ name: 'broker-a' }, { name: 'broker-b', address: '10.0.0.1:10911' }] },
        'brokers[1].address',
      ),
    ).toContain('already used by brokers[0]');
  });

  it('refuses a broker named after a network endpoint', () => {
    expect(errorAt({ ...BASE, brokers: [{ name: 'namesrv' }] }, 'brokers[0].name')).toContain(
      'network endpoint',
    );
  });

  it('refuses duplicate topics and a topic on a broker that does not exist', () => {
    const input = { ...BASE, topics: [{ name: 'T' }, { name: 'T', brokers: ['broker-a', 'broker-z'] }] };
    expect(errorAt(input, 'topics[1].name')).toContain('duplicate topic');
    expect(errorAt(input, 'topics[1].brokers[1]')).toContain('no broker group "broker-z"');
  });

  it('refuses declaring TBW102, which brokers create themselves', () => {
    expect(errorAt({ ...BASE, topics: [{ name: 'TBW102' }] }, 'topics[0].name')).toContain(
      'auto-create template',
    );
  });

  it('refuses an orderTopicConf that cannot reach producers or names a missing broker', () => {
    expect(
      errorAt({ ...BASE, topics: [{ name: 'T', orderTopicConf: 'broker-a:4' }] }, 'topics[0].orderTopicConf'),
    ).toContain('orderMessageEnable');
    expect(
      errorAt(
        {
          ...BASE,
          nameServer: { orderMessageEnable: true },
          topics: [{ name: 'T', orderTopicConf: 'broker-a:4;broker-x:2' }],
        },
        'topics[0].orderTopicConf',
      ),
    ).toContain('"broker-x"');
  });

  it('accepts a workload whose topic is not declared: a missing topic is a valid lesson', () => {
    const r = parseScenario({ ...BASE, workload: [{ count: 1, topic: 'NoSuchTopic' }] });
    expect(r.ok).toBe(true);
  });

  it('refuses a fault on a broker that does not exist, listing the brokers', () => {
    const msg = errorAt(
      { ...BASE, faults: [{ atMs: 0, kind: 'crash', broker: 'broker-c' }] },
      'faults[0].broker',
    );
    expect(msg).toBe('no broker "broker-c"; the brokers are: broker-a, broker-b');
  });

  it('refuses a fault on a slave that does not exist, and points a group without master to its slave', () => {
    expect(
      errorAt({ ...BASE, faults: [{ atMs: 0, kind: 'up', broker: 'broker-a@1' }] }, 'faults[0].broker'),
    ).toContain('no broker "broker-a@1"');
    const slaveOnly = { ...BASE, brokers: [{ name: 'g', role: 'SLAVE', brokerId: 1 }] };
    expect(
      errorAt({ ...slaveOnly, faults: [{ atMs: 0, kind: 'crash', broker: 'g' }] }, 'faults[0].broker'),
    ).toContain('"g@1"');
  });

  it('refuses a partition between an endpoint and itself or with an unknown endpoint', () => {
    expect(
      errorAt(
        { ...BASE, faults: [{ atMs: 0, kind: 'partition', link: ['producer', 'producer'] }] },
        'faults[0].link',
      ),
    ).toContain('two different endpoints');
    expect(
      errorAt(
        { ...BASE, faults: [{ atMs: 0, kind: 'heal', link: ['producer', 'broker-q'] }] },
        'faults[0].link[1]',
      ),
    ).toContain('no broker "broker-q"');
  });

  it('refuses a slow fault with both or neither of broker and link', () => {
    const slow = { atMs: 0, kind: 'slow', extraLatency: { kind: 'fixed', ms: 5 } };
    expect(errorAt({ ...BASE, faults: [slow] }, 'faults[0]')).toContain('exactly one target');
    expect(
      errorAt(
        { ...BASE, faults: [{ ...slow, broker: 'broker-a', link: ['producer', 'broker-a'] }] },
        'faults[0]',
      ),
    ).toContain('exactly one target');
  });

  it('refuses a network link override given twice (in either direction)', () => {
    const l = { kind: 'fixed', ms: 1 };
    const input = {
      ...BASE,
      network: {
        links: [
          { between: ['producer', 'broker-a'], latency: l },
          { between: ['broker-a', 'producer'], latency: l },
        ],
      },
    };
    expect(errorAt(input, 'network.links[1].between')).toContain('network.links[0]');
  });

  it('refuses a workload with two schedules, without a count, or with a count that disagrees with timesMs', () => {
    expect(
      errorAt(
        { ...BASE, workload: [{ count: 2, topic: 'T', ratePerSecond: 1, intervalMs: 5 }] },
        'workload[0].intervalMs',
      ),
    ).toContain('one schedule');
    expect(errorAt({ ...BASE, workload: [{ topic: 'T' }] }, 'workload[0].count')).toContain('required');
    expect(
      errorAt({ ...BASE, workload: [{ count: 2, topic: 'T', timesMs: [1, 2, 3] }] }, 'workload[0].count'),
    ).toContain('length of timesMs (3)');
  });

  it('refuses a hash selector without keys, and key together with keys', () => {
    expect(
      errorAt({ ...BASE, workload: [{ count: 1, topic: 'T', selector: 'hash' }] }, 'workload[0].selector'),
    ).toContain('give key or keys');
    expect(
      errorAt({ ...BASE, workload: [{ count: 1, topic: 'T', key: 'a', keys: ['b'] }] }, 'workload[0].keys'),
    ).toContain('not both');
  });
});

describe('JSON text errors give the position', () => {
  it('reports a syntax error with its line and column', () => {
    const r = parseScenarioText('{\n  "version": 1,\n  "seed": x\n}');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toMatchObject([
        { path: '', message: "invalid JSON at line 3, column 11: unexpected 'x': expected a value" },
      ]);
  });

  it('explains a trailing comma', () => {
    const r = parseScenarioText('{"version": 1,\n}');
    if (r.ok) throw new Error('accepted');
    expect(r.errors[0]?.message).toContain('line 2, column 1');
    expect(r.errors[0]?.message).toContain('no trailing comma');
  });

  it('reports a text that ends early', () => {
    const r = parseScenarioText('{"version": ');
    if (r.ok) throw new Error('accepted');
    expect(r.errors[0]?.message).toContain('ends where a value was expected');
  });

  it('refuses a key given twice in one object, naming its path', () => {
    const r = parseScenarioText('{"version": 1, "brokers": [{"name": "a", "name": "b"}]}');
    if (r.ok) throw new Error('accepted');
    expect(r.errors[0]).toMatchObject({
      path: 'brokers[0].name',
      message: 'invalid JSON at line 1, column 42: duplicate key "name"',
    });
  });

  it('accepts a byte-order mark before the JSON', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(BASE)}`).ok).toBe(true);
  });

  it('passes valid JSON on to the schema checks', () => {
    const r = parseScenarioText(JSON.stringify({ ...BASE, seed: -1 }));
    if (r.ok) throw new Error('accepted');
    expect(r.errors[0]?.path).toBe('seed');
  });

  it('prints errors one per line, naming the whole scenario as (scenario)', () => {
    expect(
      formatScenarioErrors([
        { path: '', message: 'a' },
        { path: 'x.y', message: 'b' },
      ]),
    ).toBe('(scenario): a\nx.y: b');
  });
});
