import { describe, expect, it } from 'vitest';
import {
  BROKER_DEFAULTS,
  NAME_SERVER_DEFAULTS,
  NETWORK_DEFAULTS,
  PRODUCER_DEFAULTS,
  SCENARIO_VERSIONS,
  TOPIC_DEFAULTS,
  WORKLOAD_DEFAULTS,
  inverseNormalCdf,
  latencyQuantile,
  linkLatency,
  workloadKey,
  workloadSendTimeMs,
  type ResolvedScenario,
  type SettingInfo,
} from '../../../src/scenario/defaults';
import type { ScenarioVersion } from '../../../src/scenario/schema';
import { parseScenario } from '../../../src/scenario/validate';

function resolve(extra: Record<string, unknown> = {}, version: ScenarioVersion = '4.9.8'): ResolvedScenario {
  const r = parseScenario({
    version: 1,
    rocketmqVersion: version,
    brokers: [{ name: 'broker-a' }, { name: 'broker-a', role: 'SLAVE', brokerId: 1 }, { name: 'broker-b' }],
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function findUndefined(value: unknown, path = ''): string[] {
  if (value === undefined) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => findUndefined(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findUndefined(v, `${path}.${k}`));
  }
  return [];
}

describe('resolveScenario fills in the defaults of the chosen version', () => {
  it('gives RocketMQ’s producer defaults, the same in every version', () => {
    for (const v of SCENARIO_VERSIONS) {
      const p = resolve({}, v).producer;
      expect(p.sendMsgTimeout).toBe(3000);
      expect(p.retryTimesWhenSendFailed).toBe(2);
      expect(p.retryTimesWhenSendAsyncFailed).toBe(2);
      expect(p.retryAnotherBrokerWhenNotStoreOK).toBe(false);
      expect(p.sendLatencyFaultEnable).toBe(false);
      expect(p.compressMsgBodyOverHowmuch).toBe(4096);
      expect(p.maxMessageSize).toBe(4194304);
      expect(p.defaultTopicQueueNums).toBe(4);
      expect(p.createTopicKey).toBe('TBW102');
      expect(p.pollNameServerInterval).toBe(30000);
      expect(p.heartbeatBrokerInterval).toBe(30000);
      expect(p.asyncSenderThreads).toBe(4);
      expect(p.asyncSenderQueueCapacity).toBe(50000);
      expect(p.startAtMs).toBe(0);
      expect(p.shutdownAtMs).toBeNull();
    }
  });

  it('gives the 5.x-only producer settings only in 5.3.3 (null in 4.x)', () => {
    expect(resolve({}, '4.5.2').producer.sendMsgMaxTimeoutPerRequest).toBeNull();
    expect(resolve({}, '4.9.8').producer.sendMsgMaxTimeoutPerRequest).toBeNull();
    const p5 = resolve({}, '5.3.3').producer;
    expect(p5.sendMsgMaxTimeoutPerRequest).toBe(-1);
    expect(p5.enableBackpressureForAsyncMode).toBe(false);
    expect(p5.backPressureForAsyncSendNum).toBe(10000);
    expect(p5.backPressureForAsyncSendSize).toBe(100 * 1024 * 1024);
    expect(resolve({}, '4.9.8').producer.backPressureForAsyncSendNum).toBeNull();
  });

  it('gives the retry codes of each version: six in 4.x, plus SYSTEM_BUSY and GO_AWAY in 5.x', () => {
    expect(resolve({}, '4.5.2').producer.retryResponseCodes).toEqual([17, 14, 1, 16, 204, 205]);
    expect(resolve({}, '4.9.8').producer.retryResponseCodes).toEqual([17, 14, 1, 16, 204, 205]);
    expect(resolve({}, '5.3.3').producer.retryResponseCodes).toEqual([17, 14, 1, 2, 16, 204, 205, 1500]);
  });

  it('keeps each retry response code once, in the order written', () => {
    expect(
      resolve({ producer: { retryResponseCodes: [2, 17, 2, 1] } }, '5.3.3').producer.retryResponseCodes,
    ).toEqual([2, 17, 1]);
  });

  it('closes the socket after a sync timeout from 4.9.8 on only', () => {
    expect(resolve({}, '4.5.2').producer.clientCloseSocketIfTimeout).toBe(false);
    expect(resolve({}, '4.9.8').producer.clientCloseSocketIfTimeout).toBe(true);
  });

  it('gives the broker defaults of each version (one send thread in 4.5.2, 24 s registration timeout in 5.3.3)', () => {
    const b = (v: ScenarioVersion) => resolve({}, v).brokers[0];
    expect(b('4.5.2')?.sendMessageThreadPoolNums).toBe(1);
    expect(b('4.9.8')?.sendMessageThreadPoolNums).toBe(4);
    expect(b('5.3.3')?.sendMessageThreadPoolNums).toBe(4);
    expect(b('4.5.2')?.registerBrokerTimeoutMills).toBe(6000);
    expect(b('5.3.3')?.registerBrokerTimeoutMills).toBe(24000);
    expect(b('4.5.2')?.slaveTimeout).toBeNull();
    expect(b('4.9.8')?.slaveTimeout).toBe(3000);
    expect(b('4.9.8')?.inSyncReplicas).toBeNull();
    expect(b('5.3.3')?.inSyncReplicas).toBe(1);
    for (const v of SCENARIO_VERSIONS) {
      const broker = b(v);
      expect(broker).toMatchObject({
        role: 'ASYNC_MASTER',
        clusterName: 'DefaultCluster',
        flushDiskType: 'ASYNC_FLUSH',
        autoCreateTopicEnable: true,
        defaultTopicQueueNums: 8,
        sendThreadPoolQueueCapacity: 10000,
        waitTimeMillsInSendQueue: 200,
        osPageCacheBusyTimeOutMills: 1000,
        syncFlushTimeout: 5000,
        maxMessageSize: 4194304,
        registerNameServerPeriod: 30000,
      });
    }
  });

  it('scans for expired brokers every 10 s in 4.x and every 5 s in 5.3.3, expiring them after 120 s', () => {
    expect(resolve({}, '4.5.2').nameServer).toMatchObject({
      scanNotActiveBrokerInterval: 10000,
      brokerChannelExpiredTime: 120000,
    });
    expect(resolve({}, '5.3.3').nameServer).toMatchObject({
      scanNotActiveBrokerInterval: 5000,
      scanNotActiveBrokerInitialDelay: 5,
    });
  });

  it('keeps a value the scenario sets instead of the default', () => {
    const s = resolve({
      producer: { sendMsgTimeout: 10, sendLatencyFaultEnable: true },
      network: { connectTimeoutMillis: 50, latency: { producerToBroker: { kind: 'fixed', ms: 9 } } },
      nameServer: { brokerChannelExpiredTime: 5000 },
    });
    expect(s.producer.sendMsgTimeout).toBe(10);
    expect(s.producer.sendLatencyFaultEnable).toBe(true);
    expect(s.network.connectTimeoutMillis).toBe(50);
    expect(s.network.latency.producerToBroker).toEqual({ kind: 'fixed', ms: 9 });
    expect(s.network.latency.producerToNameServer).toEqual({ kind: 'fixed', ms: 0.5 });
    expect(s.nameServer.brokerChannelExpiredTime).toBe(5000);
  });

  it('names broker processes by group and id, gives each an address and lists its group peers', () => {
    const s = resolve();
    expect(s.brokers.map((b) => [b.id, b.brokerId, b.role, b.address])).toEqual([
      ['broker-a', 0, 'ASYNC_MASTER', '10.0.0.1:10911'],
      ['broker-a@1', 1, 'SLAVE', '10.0.0.2:10911'],
      ['broker-b', 0, 'ASYNC_MASTER', '10.0.0.3:10911'],
    ]);
    expect(s.brokers[0]?.groupPeers).toEqual(['broker-a@1']);
    expect(s.brokers[2]?.groupPeers).toEqual([]);
  });

  it('puts a topic on every broker group unless it lists its brokers, with 8 queues and perm 6', () => {
    const s = resolve({ topics: [{ name: 'T1' }, { name: 'T2', brokers: ['broker-b'] }] });
    expect(s.topics[0]).toEqual({
      name: 'T1',
      readQueueNums: 8,
      writeQueueNums: 8,
      perm: 6,
      order: false,
      brokers: ['broker-a', 'broker-b'],
      orderTopicConf: null,
      orderTopicQueues: null,
    });
    expect(s.topics[1]?.brokers).toEqual(['broker-b']);
  });

  it('parses orderTopicConf as upstream writes it', () => {
    const s = resolve({
      nameServer: { orderMessageEnable: true },
      topics: [{ name: 'Ordered', orderTopicConf: 'broker-a:4;broker-b:2' }],
    });
    expect(s.topics[0]?.orderTopicQueues).toEqual([
      { brokerName: 'broker-a', queueNums: 4 },
      { brokerName: 'broker-b', queueNums: 2 },
    ]);
  });

  it('resolves a workload’s schedule, keys, mode and timeout', () => {
    const s = resolve({
      producer: { sendMsgTimeout: 1234 },
      workload: [
        { count: 3, topic: 'T' },
        {
          count: 4,
          topic: 'T',
          ratePerSecond: 4,
          startAtMs: 100,
          keys: ['a', 'b'],
          mode: 'ASYNC',
          timeoutMs: 50,
        },
        { topic: 'T', timesMs: [30, 10, 20], key: 'k' },
      ],
    });
    const [w0, w1, w2] = s.workload;
    if (!w0 || !w1 || !w2) throw new Error('missing');
    expect(w0).toMatchObject({ mode: 'SYNC', threads: 1, bodySize: 1024, selector: 'none', timeoutMs: 1234 });
    expect(w0.schedule).toEqual({ kind: 'interval', intervalMs: 0 });
    expect([0, 1, 2].map((i) => workloadSendTimeMs(w0, i))).toEqual([0, 0, 0]);
    expect(workloadKey(w0, 0)).toBeNull();
    expect([0, 1, 2, 3].map((i) => workloadSendTimeMs(w1, i))).toEqual([100, 350, 600, 850]);
    expect([0, 1, 2].map((i) => workloadKey(w1, i))).toEqual(['a', 'b', 'a']);
    expect(w1.timeoutMs).toBe(50);
    expect(w2.count).toBe(3);
    expect([0, 1, 2].map((i) => workloadSendTimeMs(w2, i))).toEqual([10, 20, 30]);
    expect(workloadKey(w2, 2)).toBe('k');
  });

  it('sorts faults by time and keeps the written order among faults at the same time', () => {
    const s = resolve({
      faults: [
        { atMs: 500, kind: 'up', broker: 'broker-a' },
        { atMs: 100, kind: 'crash', broker: 'broker-a' },
        { atMs: 500, kind: 'crash', broker: 'broker-b' },
        { atMs: 100, kind: 'partition', link: ['producer', 'broker-b'] },
      ],
    });
    expect(s.faults.map((f) => [f.atMs, f.kind, f.index])).toEqual([
      [100, 'crash', 1],
      [100, 'partition', 3],
      [500, 'up', 0],
      [500, 'crash', 2],
    ]);
    expect(s.faults[0]).toMatchObject({ durationMs: null, closeConnections: false });
  });

  it('leaves no field undefined and survives a JSON round trip unchanged', () => {
    const s = resolve({
      workload: [{ count: 2, topic: 'T' }],
      faults: [
        { atMs: 1, kind: 'slow', link: ['producer', 'namesrv'], extraLatency: { kind: 'fixed', ms: 1 } },
      ],
      narration: {
        steps: [{ title: { en: 'a', zh: '甲' }, body: { en: 'b', zh: '乙' }, at: { kind: 'send.result' } }],
        conclusion: { en: 'c', zh: '丙' },
      },
    });
    expect(findUndefined(s)).toEqual([]);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.narration?.steps[0]?.at).toEqual({ by: 'event', kind: 'send.result', msgId: null, nth: 1 });
  });

  it('gives every resolved scenario its own copies of default values', () => {
    const a = resolve({}, '5.3.3');
    a.producer.retryResponseCodes.push(999);
    (a.network.latency.producerToBroker as { ms: number }).ms = 777;
    const b = resolve({}, '5.3.3');
    expect(b.producer.retryResponseCodes).not.toContain(999);
    expect(b.network.latency.producerToBroker).toEqual({ kind: 'fixed', ms: 0.5 });
  });
});

describe('the default tables', () => {
  const tables: [string, Readonly<Record<string, SettingInfo<unknown>>>][] = [
    ['producer', PRODUCER_DEFAULTS],
    ['nameServer', NAME_SERVER_DEFAULTS],
    ['brokers', BROKER_DEFAULTS],
    ['topics', TOPIC_DEFAULTS],
    ['network', NETWORK_DEFAULTS],
    ['workload', WORKLOAD_DEFAULTS],
  ];

  it.each(tables)(
    'describe every %s setting in English and Chinese and name its upstream source',
    (_name, table) => {
      for (const [key, info] of Object.entries(table)) {
        expect(info.description.en.length, key).toBeGreaterThan(10);
        expect(info.description.zh, key).toMatch(/[\u4e00-\u9fff]/);
        expect(info.upstream.length, key).toBeGreaterThan(3);
        if (info.assumption) expect(info.assumption.zh, key).toMatch(/[\u4e00-\u9fff]/);
      }
    },
  );

  it.each(tables)('have a non-null %s default in every version where the setting exists', (_name, table) => {
    for (const [key, info] of Object.entries(table)) {
      for (const v of info.availableIn) {
        if (key !== 'shutdownAtMs') expect(info.defaults[v], `${key} ${v}`).not.toBeNull();
      }
    }
  });
});

describe('the helpers that define distributions and links', () => {
  it('computes the standard normal quantile', () => {
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormalCdf(0.99)).toBeCloseTo(2.3263478740408408, 8);
    expect(inverseNormalCdf(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232306167813, 7);
  });

  it('puts a lognormal’s median at u = 0.5 and its p99 at u = 0.99', () => {
    const d = { kind: 'lognormal' as const, medianMs: 2, p99Ms: 50 };
    expect(latencyQuantile(d, 0.5)).toBeCloseTo(2, 6);
    expect(latencyQuantile(d, 0.99)).toBeCloseTo(50, 4);
  });

  it('spans a uniform from minMs to maxMs and keeps a fixed latency fixed', () => {
    const u = { kind: 'uniform' as const, minMs: 1, maxMs: 3 };
    expect(latencyQuantile(u, 0)).toBe(1);
    expect(latencyQuantile(u, 0.5)).toBe(2);
    expect(latencyQuantile({ kind: 'fixed', ms: 7 }, 0.3)).toBe(7);
  });

  it('never returns NaN, a negative number or more than the cap, whatever u is', () => {
    const d = { kind: 'lognormal' as const, medianMs: 500_000, p99Ms: 600_000 };
    for (const u of [NaN, -1, 0, 1e-300, 0.5, 1 - 1e-16, 1, 2, Infinity]) {
      const x = latencyQuantile(d, u);
      expect(Number.isNaN(x)).toBe(false);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(600_000);
    }
  });

  it('finds a link’s latency: its override first, then the default of its class', () => {
    const s = resolve({
      network: {
        latency: { brokerToBroker: { kind: 'fixed', ms: 3 } },
        links: [{ between: ['broker-b', 'producer'], latency: { kind: 'fixed', ms: 40 } }],
      },
    });
    expect(linkLatency(s, 'producer', 'broker-b')).toEqual({ kind: 'fixed', ms: 40 });
    expect(linkLatency(s, 'producer', 'broker-a')).toEqual({ kind: 'fixed', ms: 0.5 });
    expect(linkLatency(s, 'broker-a', 'broker-a@1')).toEqual({ kind: 'fixed', ms: 3 });
  });
});
