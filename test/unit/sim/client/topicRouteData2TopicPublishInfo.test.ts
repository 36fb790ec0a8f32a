import { describe, expect, it } from 'vitest';
import type { IntRandom } from '../../../../src/sim/common/IntRandom';
import { topicRouteData2TopicPublishInfo } from '../../../../src/sim/client/topicRouteData2TopicPublishInfo';
import type { TopicRouteData } from '../../../../src/sim/client/TopicRouteData';
import type { VersionId } from '../../../../src/sim/versions/profiles';

const noRandom: IntRandom = {
  nextInt: () => {
    throw new Error('unexpected random draw');
  },
};

function convert(version: VersionId, route: TopicRouteData) {
  const info = topicRouteData2TopicPublishInfo('T', route, { version, random: noRandom });
  return { info, queues: info.messageQueueList.map((mq) => `${mq.brokerName}:${mq.queueId}`) };
}

function broker(
  name: string,
  writeQueueNums: number,
  perm = 6,
  addrs: Record<string, string> = { 0: 'addr' },
) {
  return {
    queueData: { brokerName: name, readQueueNums: writeQueueNums, writeQueueNums, perm },
    brokerData: { cluster: 'c', brokerName: name, brokerAddrs: addrs },
  };
}

function route(...brokers: ReturnType<typeof broker>[]): TopicRouteData {
  return {
    orderTopicConf: null,
    queueDatas: brokers.map((b) => b.queueData),
    brokerDatas: brokers.map((b) => b.brokerData),
  };
}

describe('topicRouteData2TopicPublishInfo', () => {
  it('sorts the route’s own queueDatas in place, by broker name', () => {
    const r = route(broker('broker-b', 1), broker('broker-a', 1));
    const { queues } = convert('4.9.8', r);
    expect(queues).toEqual(['broker-a:0', 'broker-b:0']);
    expect(r.queueDatas.map((qd) => qd.brokerName)).toEqual(['broker-a', 'broker-b']);
  });

  it('sorts broker names by UTF-16 code unit, putting a supplementary character before U+FF61', () => {
    const { queues } = convert('4.9.8', route(broker('\uFF61', 1), broker('\u{1F600}', 1)));
    expect(queues).toEqual(['\u{1F600}:0', '\uFF61:0']);
  });

  it('uses the first BrokerData with the name, even if a later one has a master', () => {
    const r = route(broker('broker-a', 2, 6, { 1: 'slave' }));
    r.brokerDatas.push({ cluster: 'c', brokerName: 'broker-a', brokerAddrs: { 0: 'master' } });
    expect(convert('4.5.2', r).queues).toEqual([]);
  });

  it('lets an order topic ignore perm and masters, keeping the listed order', () => {
    const r = { ...route(broker('broker-a', 8, 4, { 1: 'slave' })), orderTopicConf: 'broker-b:1;broker-a:2' };
    const { info, queues } = convert('4.9.8', r);
    expect(queues).toEqual(['broker-b:0', 'broker-a:0', 'broker-a:1']);
    expect(info.orderTopic).toBe(true);
  });

  it('ignores a static-topic mapping before 5.x', () => {
    const r: TopicRouteData = {
      ...route(broker('broker-a', 1)),
      topicQueueMappingByBroker: {
        'broker-a': { scope: '__global__', totalQueues: 2, bname: 'broker-a', epoch: 1, currIdMap: { 0: 0 } },
      },
    };
    expect(convert('4.9.8', r).queues).toEqual(['broker-a:0']);
    expect(convert('5.3.3', r).queues).toEqual(['__syslo__global__:0', '__syslo__global__:1']);
  });

  it('gives every scope of a static topic its logical queues, sorted by queue id (5.3.3)', () => {
    const r: TopicRouteData = {
      ...route(broker('broker-a', 1)),
      topicQueueMappingByBroker: {
        'broker-a': { scope: 'east', totalQueues: 2, bname: 'broker-a', epoch: 1, currIdMap: {} },
        'broker-b': { scope: 'west', totalQueues: 3, bname: 'broker-b', epoch: 1, currIdMap: {} },
        'broker-c': { scope: null, totalQueues: 9, bname: 'broker-c', epoch: 1, currIdMap: {} },
      },
    };
    const { queues } = convert('5.3.3', r);
    expect([...queues].sort()).toEqual(
      ['__syslo__east:0', '__syslo__east:1', '__syslo__west:0', '__syslo__west:1', '__syslo__west:2'].sort(),
    );
    expect(queues.map((q) => Number(q.split(':')[1]))).toEqual([0, 0, 1, 1, 2]);
  });
});
