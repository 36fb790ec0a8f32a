import { describe, expect, it } from 'vitest';
import { ofKind, run } from './worldKit';

describe('the MQClientInstance scheduled tasks', () => {
  it('refresh the routes 10 ms after start and then every pollNameServerInterval', () => {
    const trace = run({
      version: 1,
      rocketmqVersion: '4.9.8',
      durationMs: 70_000,
      producer: { pollNameServerInterval: 30_000 },
      brokers: [{ name: 'broker-a' }],
    });
    expect(ofKind(trace, 'route.refreshRound').map((e) => e.t)).toEqual([10, 30_010, 60_010]);
  });

  it('send heartbeats to masters only, 1 s after start and then every heartbeatBrokerInterval', () => {
    const trace = run({
      version: 1,
      rocketmqVersion: '4.9.8',
      durationMs: 40_000,
      brokers: [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE' }],
      topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4 }],
      workload: [{ count: 1, startAtMs: 100, topic: 'TopicTest' }],
    });
    const heartbeats = ofKind(trace, 'rpc.send').filter((e) => e.name === 'HEART_BEAT' && e.reply !== true);
    expect(heartbeats.map((e) => e.to)).toEqual(['broker-a', 'broker-a']);
    expect(heartbeats.map((e) => Math.floor(e.t))).toEqual([1000, 31_000]);
  });

  it('run on one thread, so a heartbeat stuck in a connect delays the next route refresh', () => {
    const trace = run({
      version: 1,
      rocketmqVersion: '4.9.8',
      durationMs: 6000,
      producer: { pollNameServerInterval: 2000 },
      brokers: [{ name: 'broker-a' }],
      topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4 }],
      workload: [{ count: 1, startAtMs: 100, topic: 'TopicTest' }],
      faults: [{ atMs: 500, kind: 'partition', link: ['producer', 'broker-a'] }],
    });
    const rounds = ofKind(trace, 'route.refreshRound').map((e) => Math.floor(e.t));
    // The heartbeat at 1 s reuses the channel, waits out its 3 s timeout, and only then may the refresh due
    // at 2010 run (late, at 4000), followed at once by the one due at 4010.
    expect(rounds).toEqual([10, 4000, 4010]);
  });
});
