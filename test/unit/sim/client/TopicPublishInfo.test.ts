import { describe, expect, it } from 'vitest';
import type { IntRandom } from '../../../../src/sim/common/IntRandom';
import { JavaException } from '../../../../src/sim/common/javaInt';
import { MessageQueue } from '../../../../src/sim/client/MessageQueue';
import { SelectionExplain } from '../../../../src/sim/client/MQFaultStrategy';
import { TopicPublishInfo } from '../../../../src/sim/client/TopicPublishInfo';
import type { VersionId } from '../../../../src/sim/versions/profiles';

const noRandom: IntRandom = {
  nextInt: () => {
    throw new Error('unexpected random draw');
  },
};

/** Publish info with queues a0 a1 b0 b1 (or the given list) and the counter at `start`. */
function publishInfo(
  version: VersionId,
  start: number,
  queues = ['a:0', 'a:1', 'b:0', 'b:1'],
): TopicPublishInfo {
  const info = new TopicPublishInfo(version, noRandom);
  info.messageQueueList = queues.map((q) => {
    const [broker, id] = q.split(':');
    return new MessageQueue('T', `broker-${broker}`, Number(id));
  });
  info.topicRouteData = {
    orderTopicConf: null,
    queueDatas: [
      { brokerName: 'broker-a', readQueueNums: 2, writeQueueNums: 2, perm: 6 },
      { brokerName: 'broker-r', readQueueNums: 4, writeQueueNums: 4, perm: 4 },
    ],
    brokerDatas: [],
  };
  info.sendWhichQueue.setStoredValue(start);
  return info;
}

const label = (mq: MessageQueue) => `${mq.brokerName}:${mq.queueId}`;

describe('TopicPublishInfo.selectOneMessageQueue()', () => {
  it('is round robin from the counter', () => {
    const info = publishInfo('4.9.8', 0);
    expect([1, 2, 3, 4].map(() => label(info.selectOneMessageQueue()))).toEqual([
      'broker-a:1',
      'broker-b:0',
      'broker-b:1',
      'broker-a:0',
    ]);
  });

  it('throws ArithmeticException on an empty list, after moving the counter', () => {
    const info = publishInfo('5.3.3', 3, []);
    expect(() => info.selectOneMessageQueue()).toThrow(JavaException);
    expect(info.sendWhichQueue.getStoredValue()).toBe(4);
  });
});

describe('TopicPublishInfo.selectOneMessageQueue(lastBrokerName)', () => {
  it('reads the counter once however many queues it skips (4.5.2)', () => {
    const info = publishInfo('4.5.2', 3); // first value 4 -> position 0 (broker-a)
    expect(label(info.selectOneMessageQueue('broker-a'))).toBe('broker-b:0');
    expect(info.sendWhichQueue.getStoredValue()).toBe(4);
  });

  it('moves the counter on every probe (4.9.8)', () => {
    const info = publishInfo('4.9.8', 3);
    expect(label(info.selectOneMessageQueue('broker-a'))).toBe('broker-b:0');
    expect(info.sendWhichQueue.getStoredValue()).toBe(6);
  });

  it('probes with the plain round robin, one counter step each (5.3.3)', () => {
    const info = publishInfo('5.3.3', 3);
    expect(label(info.selectOneMessageQueue('broker-a'))).toBe('broker-b:0');
    expect(info.sendWhichQueue.getStoredValue()).toBe(6);
  });

  it('falls back to plain round robin when every queue is on the last broker', () => {
    const info = publishInfo('4.5.2', 0, ['a:0', 'a:1']);
    const explain = new SelectionExplain();
    expect(label(info.selectOneMessageQueue('broker-a', explain))).toBe('broker-a:0');
    expect(explain.skipped.map((s) => s.reason)).toEqual(['sameBroker', 'sameBroker']);
    expect(explain.counterReads).toEqual([1, 2]);
  });
});

describe('TopicPublishInfo.selectOneMessageQueueFiltered (5.x)', () => {
  it('returns null without touching the counter when the list is empty', () => {
    const info = publishInfo('5.3.3', 9, []);
    expect(info.selectOneMessageQueueFiltered([{ filter: () => true }])).toBeNull();
    expect(info.sendWhichQueue.getStoredValue()).toBe(9);
  });

  it('gives up with null after one probe per queue', () => {
    const info = publishInfo('5.3.3', 0);
    expect(info.selectOneMessageQueueFiltered([{ filter: () => false }])).toBeNull();
    expect(info.sendWhichQueue.getStoredValue()).toBe(4);
  });

  it('does not exist in 4.x', () => {
    expect(() => publishInfo('4.9.8', 0).selectOneMessageQueueFiltered([])).toThrow(
      /does not exist in 4.9.8/,
    );
  });
});

describe('TopicPublishInfo.getQueueIdByBroker', () => {
  it('returns the write queue count of a read-only broker in 4.5.2, which ignores perm', () => {
    expect(publishInfo('4.5.2', 0).getQueueIdByBroker('broker-r')).toBe(4);
  });

  it('does not see a read-only broker in 4.9.8, which requires the write bit', () => {
    expect(publishInfo('4.9.8', 0).getQueueIdByBroker('broker-r')).toBe(-1);
  });

  it('ignores perm again in 5.3.3, under its new name getWriteQueueNumsByBroker', () => {
    expect(publishInfo('5.3.3', 0).getWriteQueueNumsByBroker('broker-r')).toBe(4);
  });

  it('matches nothing for a null broker name', () => {
    expect(publishInfo('4.5.2', 0).getQueueIdByBroker(null)).toBe(-1);
  });

  it('throws NullPointerException without route data', () => {
    const info = new TopicPublishInfo('4.9.8', noRandom);
    expect(() => info.getQueueIdByBroker('broker-a')).toThrow(
      expect.objectContaining({ javaClass: 'NullPointerException' }),
    );
  });
});

describe('TopicPublishInfo.ok', () => {
  it('is false for the empty placeholder and true once there is a queue', () => {
    const info = new TopicPublishInfo('4.5.2', noRandom);
    expect(info.ok()).toBe(false);
    info.messageQueueList.push(new MessageQueue('T', 'broker-a', 0));
    expect(info.ok()).toBe(true);
  });
});
