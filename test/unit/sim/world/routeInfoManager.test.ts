import { describe, expect, it } from 'vitest';
import { RouteInfoManager, type TopicConfig } from '../../../../src/sim/namesrv/RouteInfoManager';

const topic = (name: string, queues = 4, perm = 6): TopicConfig => ({
  topicName: name,
  readQueueNums: queues,
  writeQueueNums: queues,
  perm,
  topicSysFlag: 0,
  order: false,
});

function registered(version: '4.5.2' | '4.9.8' | '5.3.3' = '4.9.8'): RouteInfoManager {
  const r = new RouteInfoManager(version, false);
  r.registerBroker(
    'C',
    '10.0.0.1:10911',
    'broker-a',
    0,
    'ha',
    [topic('T')],
    { timestamp: 1, counter: 0 },
    'ch-a',
    0,
  );
  r.registerBroker(
    'C',
    '10.0.0.2:10911',
    'broker-a',
    1,
    'ha',
    [topic('T')],
    { timestamp: 1, counter: 0 },
    'ch-a1',
    0,
  );
  r.registerBroker(
    'C',
    '10.0.0.3:10911',
    'broker-b',
    0,
    'ha',
    [topic('T')],
    { timestamp: 1, counter: 0 },
    'ch-b',
    0,
  );
  return r;
}

describe('RouteInfoManager', () => {
  it('answers no route (TOPIC_NOT_EXIST) for a topic nobody registered', () => {
    expect(registered().pickupTopicRouteData('Nope')).toBeNull();
  });

  it('returns one queue data per group and every address of each group', () => {
    const route = registered().pickupTopicRouteData('T')!;
    expect(route.queueDatas.map((q) => q.brokerName).sort()).toEqual(['broker-a', 'broker-b']);
    const a = route.brokerDatas.find((b) => b.brokerName === 'broker-a')!;
    expect(a.brokerAddrs).toEqual({ '0': '10.0.0.1:10911', '1': '10.0.0.2:10911' });
  });

  it('takes topic configs only from a master', () => {
    const r = new RouteInfoManager('4.9.8', false);
    r.registerBroker(
      'C',
      '10.0.0.2:10911',
      'broker-a',
      1,
      'ha',
      [topic('T')],
      { timestamp: 1, counter: 0 },
      'ch',
      0,
    );
    expect(r.pickupTopicRouteData('T')).toBeNull();
  });

  it('ignores the topics of a 4.x re-registration whose data version did not change', () => {
    const r = registered('4.9.8');
    r.registerBroker(
      'C',
      '10.0.0.1:10911',
      'broker-a',
      0,
      'ha',
      [topic('T', 8)],
      { timestamp: 1, counter: 0 },
      'ch-a',
      10,
    );
    const qd = r.pickupTopicRouteData('T')!.queueDatas.find((q) => q.brokerName === 'broker-a')!;
    expect(qd.writeQueueNums).toBe(4);
  });

  it('applies a 5.3.3 re-registration for a topic the broker has no queue data for yet', () => {
    const r = registered('5.3.3');
    r.registerBroker(
      'C',
      '10.0.0.1:10911',
      'broker-a',
      0,
      'ha',
      [topic('T'), topic('New')],
      { timestamp: 1, counter: 0 },
      'ch-a',
      10,
    );
    expect(r.pickupTopicRouteData('New')).not.toBeNull();
  });

  it('keeps a group without its master in the route, so the producer drops it for lack of id 0', () => {
    const r = registered();
    const removed = r.onChannelDestroy('ch-a')!;
    expect(removed.groupRemoved).toBe(false);
    const a = r.pickupTopicRouteData('T')!.brokerDatas.find((b) => b.brokerName === 'broker-a')!;
    expect(a.brokerAddrs).toEqual({ '1': '10.0.0.2:10911' });
  });

  it('removes the queue data of a group whose last address goes, and reports topics left without a route', () => {
    const r = new RouteInfoManager('4.9.8', false);
    r.registerBroker(
      'C',
      '10.0.0.1:10911',
      'broker-a',
      0,
      'ha',
      [topic('Only')],
      { timestamp: 1, counter: 0 },
      'ch',
      0,
    );
    const removed = r.unregisterBroker('10.0.0.1:10911', 'broker-a', 0)!;
    expect(removed.topicsRemoved).toEqual(['Only']);
    expect(r.pickupTopicRouteData('Only')).toBeNull();
  });

  it('expires in a scan only the brokers not refreshed for longer than the expiry time', () => {
    const r = registered();
    r.registerBroker(
      'C',
      '10.0.0.3:10911',
      'broker-b',
      0,
      'ha',
      [topic('T')],
      { timestamp: 1, counter: 0 },
      'ch-b',
      50_000,
    );
    expect(r.scanNotActiveBroker(120_000, 120_000)).toEqual([]);
    const expired = r.scanNotActiveBroker(120_001, 120_000).map((x) => x.removed.brokerAddr);
    expect(expired.sort()).toEqual(['10.0.0.1:10911', '10.0.0.2:10911']);
  });
});
