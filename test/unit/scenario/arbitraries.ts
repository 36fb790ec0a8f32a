/**
 * fast-check generators of scenarios. `validScenario` produces scenarios that must pass `parseScenario`
 * (engine property tests can reuse it); the hostile generators produce anything at all.
 */
import fc from 'fast-check';
import type { Latency, Scenario, ScenarioVersion } from '../../../src/scenario/schema';

const VERSIONS: ScenarioVersion[] = ['4.5.2', '4.9.8', '5.3.3'];

export const latency: fc.Arbitrary<Latency> = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), ms: fc.double({ min: 0, max: 50, noNaN: true }) }),
  fc
    .tuple(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }))
    .map(([a, b]) => ({ kind: 'uniform' as const, minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
  fc
    .tuple(fc.double({ min: 0.01, max: 20, noNaN: true }), fc.double({ min: 1, max: 50, noNaN: true }))
    .map(([median, factor]) => ({ kind: 'lognormal' as const, medianMs: median, p99Ms: median * factor })),
);

const timeMs = fc.integer({ min: 0, max: 60_000 });

function producerFor(version: ScenarioVersion): fc.Arbitrary<NonNullable<Scenario['producer']>> {
  const common = {
    sendMsgTimeout: fc.integer({ min: 0, max: 10_000 }),
    retryTimesWhenSendFailed: fc.integer({ min: 0, max: 5 }),
    retryTimesWhenSendAsyncFailed: fc.integer({ min: 0, max: 5 }),
    retryAnotherBrokerWhenNotStoreOK: fc.boolean(),
    sendLatencyFaultEnable: fc.boolean(),
    asyncSenderThreads: fc.integer({ min: 1, max: 8 }),
    asyncSenderQueueCapacity: fc.integer({ min: 1, max: 100 }),
    pollNameServerInterval: fc.integer({ min: 1000, max: 60_000 }),
    startAtMs: fc.integer({ min: 0, max: 1000 }),
  };
  if (version === '5.3.3') {
    return fc.record(
      {
        ...common,
        sendMsgMaxTimeoutPerRequest: fc.integer({ min: -1, max: 5000 }),
        enableBackpressureForAsyncMode: fc.boolean(),
        backPressureForAsyncSendNum: fc.integer({ min: 10, max: 1000 }),
        retryResponseCodes: fc.uniqueArray(fc.constantFrom(1, 2, 14, 16, 17, 204, 205, 1500), {
          maxLength: 8,
        }),
      },
      { requiredKeys: [] },
    );
  }
  if (version === '4.9.8') {
    return fc.record(
      {
        ...common,
        retryResponseCodes: fc.uniqueArray(fc.constantFrom(1, 2, 14, 16, 17, 204, 205), { maxLength: 7 }),
        mqClientApiTimeout: fc.integer({ min: 0, max: 5000 }),
      },
      { requiredKeys: [] },
    );
  }
  return fc.record(common, { requiredKeys: [] });
}

/** A scenario that satisfies every check of `parseScenario`. */
export const validScenario: fc.Arbitrary<Scenario> = fc
  .record({
    version: fc.constantFrom(...VERSIONS),
    groups: fc.integer({ min: 1, max: 4 }),
    withSlave: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .chain(({ version, groups, withSlave }) => {
    const groupNames = ['broker-a', 'broker-b', 'broker-c', 'broker-d'].slice(0, groups);
    const brokerIds = groupNames.flatMap((g, i) => (withSlave[i] ? [g, `${g}@1`] : [g]));
    const endpoints = ['producer', 'namesrv', ...brokerIds];
    type BrokerInput = Scenario['brokers'][number];
    const broker = (name: string, slave: boolean): fc.Arbitrary<BrokerInput> =>
      fc
        .record(
          {
            flushDiskType: fc.constantFrom('ASYNC_FLUSH' as const, 'SYNC_FLUSH' as const),
            sendMessageThreadPoolNums: fc.integer({ min: 1, max: 4 }),
            sendThreadPoolQueueCapacity: fc.integer({ min: 1, max: 1000 }),
            storeLatency: latency,
            autoCreateTopicEnable: fc.boolean(),
          },
          { requiredKeys: [] },
        )
        .chain((settings): fc.Arbitrary<BrokerInput> =>
          slave
            ? fc.constant({ name, role: 'SLAVE' as const, brokerId: 1, ...settings })
            : fc
                .constantFrom('ASYNC_MASTER' as const, 'SYNC_MASTER' as const)
                .map((role) => ({ name, role, ...settings })),
        );
    const brokers = fc.tuple(
      ...groupNames.flatMap((g, i) =>
        withSlave[i] ? [broker(g, false), broker(g, true)] : [broker(g, false)],
      ),
    );
    const topicNames = ['TopicTest', 'OrderTopic', 'Lopsided'];
    const topics = fc.subarray(topicNames).chain((names) =>
      fc.tuple(
        ...names.map((name) =>
          fc.record(
            {
              name: fc.constant(name),
              readQueueNums: fc.integer({ min: 0, max: 16 }),
              writeQueueNums: fc.integer({ min: 0, max: 16 }),
              perm: fc.constantFrom(2, 4, 6, 7),
              brokers: fc.subarray(groupNames, { minLength: 1 }),
            },
            { requiredKeys: ['name'] },
          ),
        ),
      ),
    );
    const link = fc
      .uniqueArray(fc.constantFrom(...endpoints), { minLength: 2, maxLength: 2 })
      .map(([a, b]) => [a as string, b as string]) as fc.Arbitrary<[string, string]>;
    const brokerRef = fc.constantFrom(...brokerIds);
    const fault = fc.oneof(
      fc.record(
        {
          kind: fc.constant('crash' as const),
          atMs: timeMs,
          broker: brokerRef,
          durationMs: timeMs,
          closeConnections: fc.boolean(),
        },
        { requiredKeys: ['kind', 'atMs', 'broker'] },
      ),
      fc.record(
        { kind: fc.constant('shutdown' as const), atMs: timeMs, broker: brokerRef, durationMs: timeMs },
        { requiredKeys: ['kind', 'atMs', 'broker'] },
      ),
      fc.record({ kind: fc.constant('up' as const), atMs: timeMs, broker: brokerRef }),
      fc.record({
        kind: fc.constant('slow' as const),
        atMs: timeMs,
        broker: brokerRef,
        extraLatency: latency,
      }),
      fc.record({ kind: fc.constant('slow' as const), atMs: timeMs, link, extraLatency: latency }),
      fc.record(
        {
          kind: fc.constant('busy' as const),
          atMs: timeMs,
          broker: brokerRef,
          cause: fc.constantFrom('pageCacheBusy' as const, 'sendQueueFull' as const),
          durationMs: timeMs,
        },
        { requiredKeys: ['kind', 'atMs', 'broker'] },
      ),
      fc.record(
        { kind: fc.constant('partition' as const), atMs: timeMs, link, durationMs: timeMs },
        { requiredKeys: ['kind', 'atMs', 'link'] },
      ),
      fc.record({ kind: fc.constant('heal' as const), atMs: timeMs, link }),
      fc.record(
        { kind: fc.constant('flushTimeout' as const), atMs: timeMs, broker: brokerRef, durationMs: timeMs },
        { requiredKeys: ['kind', 'atMs', 'broker'] },
      ),
      fc.record(
        {
          kind: fc.constant('dropReply' as const),
          atMs: timeMs,
          broker: brokerRef,
          durationMs: timeMs,
          count: fc.integer({ min: 1, max: 10 }),
        },
        { requiredKeys: ['kind', 'atMs', 'broker'] },
      ),
    );
    const schedule = fc.oneof(
      fc.record({ ratePerSecond: fc.double({ min: 0.5, max: 1000, noNaN: true }) }),
      fc.record({ intervalMs: fc.integer({ min: 0, max: 1000 }) }),
      fc.constant({}),
    );
    const keys = fc.oneof(
      fc.constant({}),
      fc.record({ key: fc.constantFrom('order-1', 'k') }),
      fc.record({
        keys: fc.array(fc.constantFrom('a', 'b', 'c', 'order-42'), { minLength: 1, maxLength: 5 }),
      }),
    );
    const workload = fc
      .tuple(
        fc.record(
          {
            count: fc.integer({ min: 1, max: 50 }),
            startAtMs: timeMs,
            mode: fc.constantFrom('SYNC' as const, 'ASYNC' as const, 'ONEWAY' as const),
            topic: fc.constantFrom(...topicNames, 'NotDeclared', 'TBW102'),
            bodySize: fc.integer({ min: 0, max: 8192 }),
            threads: fc.integer({ min: 1, max: 4 }),
          },
          { requiredKeys: ['count', 'topic'] },
        ),
        schedule,
        keys,
        fc.constantFrom('none' as const, 'random' as const, 'machineRoom' as const, 'hash' as const),
      )
      .map(([w, s, k, selector]) => ({
        ...w,
        ...s,
        ...k,
        ...('key' in k || 'keys' in k || selector !== 'hash' ? { selector } : {}),
      }));
    const timesWorkload = fc
      .array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 20 })
      .map((timesMs) => ({ topic: 'TopicTest', timesMs }));
    return fc.record(
      {
        version: fc.constant(1 as const),
        rocketmqVersion: fc.constant(version),
        seed: fc.integer({ min: 0, max: 4_294_967_295 }),
        durationMs: fc.integer({ min: 0, max: 600_000 }),
        producer: producerFor(version),
        brokers,
        topics,
        workload: fc.array(fc.oneof(workload, timesWorkload), { maxLength: 3 }),
        faults: fc.array(fault, { maxLength: 6 }),
      },
      { requiredKeys: ['version', 'rocketmqVersion', 'brokers'] },
    ) as fc.Arbitrary<Scenario>;
  });

/** Keys that have broken parsers and polluted prototypes elsewhere. */
export const nastyKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
);

/** Any JSON value, with nasty keys mixed in. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(fc.oneof(nastyKey, fc.string()), tie('value'), { maxKeys: 5 }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;
