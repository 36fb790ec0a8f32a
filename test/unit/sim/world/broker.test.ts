import { describe, expect, it } from 'vitest';
import { ofKind, results, run, twoBrokers, type Ev } from './worldKit';

/** Broker answers (the reply leg of each send RPC). */
function replies(trace: Ev[]): Ev[] {
  return ofKind(trace, 'rpc.send').filter((e) => e.reply === true && e.name === 'SEND_MESSAGE_V2');
}

function oneBroker(version: '4.5.2' | '4.9.8' | '5.3.3', broker: Record<string, unknown>, extra = {}): Ev[] {
  return run({
    version: 1,
    rocketmqVersion: version,
    seed: 1,
    producer: { sendMsgTimeout: 10_000 },
    brokers: [{ name: 'broker-a', ...broker }],
    topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4 }],
    workload: [{ count: 1, startAtMs: 100, topic: 'TopicTest' }],
    ...extra,
  });
}

describe('queue-id validation on the broker', () => {
  /** orderTopicConf gives the producer 8 queues on broker-a, which has only 4. */
  const stale = (version: '4.9.8' | '5.3.3'): Ev[] =>
    run({
      version: 1,
      rocketmqVersion: version,
      nameServer: { orderMessageEnable: true },
      brokers: [{ name: 'broker-a' }],
      topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4, orderTopicConf: 'broker-a:8' }],
      workload: [{ count: 8, intervalMs: 10, topic: 'TopicTest' }],
    });

  it('answers SYSTEM_ERROR (1) in 4.x with the remark naming the topic config and the producer', () => {
    const bad = replies(stale('4.9.8')).filter((e) => e.responseCode !== 0);
    expect(bad.length).toBeGreaterThan(0);
    for (const e of bad) {
      expect(e.responseCode).toBe(1);
      expect(e.remark).toMatch(
        /^request queueId\[[4-7]\] is illegal, TopicConfig \[topicName=TopicTest, readQueueNums=4, writeQueueNums=4, perm=RW-, topicFilterType=SINGLE_TAG, topicSysFlag=0, order=false\] Producer: 127\.0\.0\.1:\d+$/,
      );
    }
  });

  it('answers INVALID_PARAMETER (29) in 5.3.3', () => {
    const bad = replies(stale('5.3.3')).filter((e) => e.responseCode !== 0);
    expect(bad.length).toBeGreaterThan(0);
    for (const e of bad) expect(e.responseCode).toBe(29);
  });
});

describe('replication outcomes of a SYNC_MASTER without a slave', () => {
  it('are SLAVE_NOT_AVAILABLE at once in 4.9.8', () => {
    const [result] = results(oneBroker('4.9.8', { role: 'SYNC_MASTER' }));
    expect(result?.status).toBe('SLAVE_NOT_AVAILABLE');
    expect(result?.costMs).toBeLessThan(10);
  });

  it('are SEND_OK in 5.3.3 with the default inSyncReplicas of 1', () => {
    const [result] = results(oneBroker('5.3.3', { role: 'SYNC_MASTER' }));
    expect(result?.status).toBe('SEND_OK');
  });

  it('are FLUSH_SLAVE_TIMEOUT after slaveTimeout in 5.3.3 with inSyncReplicas 2', () => {
    const [result] = results(oneBroker('5.3.3', { role: 'SYNC_MASTER', inSyncReplicas: 2 }));
    expect(result?.status).toBe('FLUSH_SLAVE_TIMEOUT');
    expect(result?.costMs).toBeGreaterThanOrEqual(3000);
    expect(result?.costMs).toBeLessThan(3010);
  });
});

describe('a slave that loses power', () => {
  it('makes a 4.9.8 SYNC_MASTER answer FLUSH_SLAVE_TIMEOUT after 3 s while its connection lasts', () => {
    const trace = run({
      version: 1,
      rocketmqVersion: '4.9.8',
      producer: { sendMsgTimeout: 10_000 },
      brokers: [
        { name: 'broker-a', role: 'SYNC_MASTER' },
        { name: 'broker-a', brokerId: 1, role: 'SLAVE' },
      ],
      topics: [{ name: 'TopicTest', readQueueNums: 4, writeQueueNums: 4 }],
      workload: [{ count: 2, timesMs: [2000, 25_000], topic: 'TopicTest' }],
      faults: [{ atMs: 1000, kind: 'crash', broker: 'broker-a@1' }],
    });
    // haHousekeepingInterval (20 s) after the slave fell silent, the master drops the connection.
    expect(results(trace).map((e) => e.status)).toEqual(['FLUSH_SLAVE_TIMEOUT', 'SLAVE_NOT_AVAILABLE']);
  });
});

describe('a SYNC_FLUSH broker whose disk does not keep up', () => {
  it('answers FLUSH_DISK_TIMEOUT after syncFlushTimeout, with the message stored', () => {
    const trace = oneBroker(
      '4.9.8',
      { flushDiskType: 'SYNC_FLUSH' },
      { faults: [{ atMs: 0, kind: 'flushTimeout', broker: 'broker-a' }] },
    );
    const [result] = results(trace);
    expect(result?.status).toBe('FLUSH_DISK_TIMEOUT');
    expect(result?.costMs).toBeGreaterThanOrEqual(5000);
    expect(ofKind(trace, 'broker.store')).toHaveLength(1);
  });
});

describe('a clean shutdown', () => {
  const shutdown = (version: '4.9.8' | '5.3.3'): Ev[] =>
    run({
      ...twoBrokers(version),
      durationMs: 5000,
      faults: [{ atMs: 1000, kind: 'shutdown', broker: 'broker-a' }],
    });

  it('in 4.x closes the ports first and unregisters about a second later', () => {
    const trace = shutdown('4.9.8');
    const unregister = ofKind(trace, 'namesrv.unregister').find((e) => e.broker === 'broker-a')!;
    expect(unregister.t).toBeGreaterThan(2000);
    expect(unregister.t).toBeLessThan(2010);
  });

  it('in 5.3.3 unregisters before it closes the ports', () => {
    const trace = shutdown('5.3.3');
    const unregister = ofKind(trace, 'namesrv.unregister').find((e) => e.broker === 'broker-a')!;
    const down = ofKind(trace, 'broker.state').find((e) => e.broker === 'broker-a' && e.state === 'down')!;
    expect(unregister.t).toBeLessThan(1010);
    expect(down.t).toBeGreaterThan(unregister.t);
  });
});

describe('a page cache busy for more than a second', () => {
  it('rejects new sends at arrival with SYSTEM_BUSY [REJECTREQUEST]', () => {
    const trace = oneBroker(
      '4.9.8',
      {},
      {
        workload: [{ count: 1, startAtMs: 2500, mode: 'ASYNC', topic: 'TopicTest' }],
        faults: [{ atMs: 1000, kind: 'busy', broker: 'broker-a', durationMs: 5000 }],
      },
    );
    const [reply] = replies(trace);
    expect(reply?.responseCode).toBe(2);
    expect(reply?.remark).toBe('[REJECTREQUEST]system busy, start flow control for a while');
  });

  it('drains the queued sends with SYSTEM_BUSY [PCBUSY_CLEAN_QUEUE]', () => {
    const trace = oneBroker(
      '4.9.8',
      { sendMessageThreadPoolNums: 1, waitTimeMillsInSendQueue: 5000 },
      {
        workload: [{ count: 3, timesMs: [1100, 1500, 1900], mode: 'ASYNC', topic: 'TopicTest' }],
        faults: [{ atMs: 1000, kind: 'busy', broker: 'broker-a', durationMs: 5000 }],
      },
    );
    const remarks = replies(trace).map((e) => String(e.remark));
    expect(
      remarks.some((r) =>
        r.startsWith('[PCBUSY_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: '),
      ),
    ).toBe(true);
  });
});

describe('topic auto-creation', () => {
  it('creates an unknown topic from TBW102 on the broker the first send reaches, and registers it', () => {
    const trace = run({
      ...twoBrokers('4.9.8'),
      topics: [],
      workload: [{ count: 1, startAtMs: 100, topic: 'NewTopic' }],
    });
    const created = ofKind(trace, 'broker.topicCreate')[0]!;
    expect([created.ok, created.readQueueNums, created.writeQueueNums, created.perm]).toEqual([
      true,
      4,
      4,
      6,
    ]);
    const registration = ofKind(trace, 'namesrv.register').find((e) =>
      (e.topics as string[]).includes('NewTopic'),
    );
    expect(registration?.broker).toBe(created.broker);
    expect(results(trace)[0]?.status).toBe('SEND_OK');
  });
});
