import { describe, expect, it } from 'vitest';
import { TopicConfigManager, topicConfigText } from '../../../../src/sim/broker/TopicConfigManager';

describe('TopicConfigManager', () => {
  it('offers TBW102 with defaultTopicQueueNums queues and perm RWX when auto-creation is on', () => {
    const tbw = new TopicConfigManager(true, 8, 0).selectTopicConfig('TBW102')!;
    expect([tbw.readQueueNums, tbw.writeQueueNums, tbw.perm]).toEqual([8, 8, 7]);
  });

  it('has no TBW102 when auto-creation is off, so creating a topic fails', () => {
    const m = new TopicConfigManager(false, 8, 0);
    expect(m.selectTopicConfig('TBW102')).toBeUndefined();
    expect(m.createTopicInSendMessageMethod('T', 'TBW102', 4, 0, 1)).toEqual({
      ok: false,
      reason: 'noDefaultTopic',
    });
  });

  it('creates a topic with min(client queue count, TBW102 write queues) queues and perm without INHERIT', () => {
    const m = new TopicConfigManager(true, 8, 0);
    const created = m.createTopicInSendMessageMethod('T', 'TBW102', 4, 0, 1);
    expect(
      created.ok && [created.config.readQueueNums, created.config.writeQueueNums, created.config.perm],
    ).toEqual([4, 4, 6]);
  });

  it('bumps the data version when it creates a topic, so the name server re-reads the table', () => {
    const m = new TopicConfigManager(true, 8, 0);
    m.createTopicInSendMessageMethod('T', 'TBW102', 4, 0, 1234);
    expect(m.dataVersion).toEqual({ timestamp: 1234, counter: 1 });
  });

  it('prints a topic as TopicConfig.toString does, with the attributes in 5.3.3', () => {
    const tc = {
      topicName: 'T',
      readQueueNums: 4,
      writeQueueNums: 4,
      perm: 6,
      topicSysFlag: 0,
      order: false,
    };
    expect(topicConfigText(tc, '4.9.8')).toBe(
      'TopicConfig [topicName=T, readQueueNums=4, writeQueueNums=4, perm=RW-, topicFilterType=SINGLE_TAG, topicSysFlag=0, order=false]',
    );
    expect(topicConfigText(tc, '5.3.3')).toMatch(/order=false, attributes=\{\}\]$/);
  });
});
