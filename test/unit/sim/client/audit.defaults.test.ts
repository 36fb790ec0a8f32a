/**
 * Audit of issue 3: `DefaultMQProducer`'s defaults per tag (C/producer/DefaultMQProducer.java and
 * C/ClientConfig.java at rocketmq-all-4.5.2, -4.9.8, -5.3.3), read through the facade's getters.
 */
import { describe, expect, it } from 'vitest';
import type { VersionId } from '../../../../src/sim/versions/VersionId';
import { makeFixture } from './sendPathFixture';

function defaults(v: VersionId) {
  const p = makeFixture(v).producer;
  return {
    createTopicKey: p.getCreateTopicKey(),
    defaultTopicQueueNums: p.getDefaultTopicQueueNums(),
    sendMsgTimeout: p.getSendMsgTimeout(),
    sendMsgMaxTimeoutPerRequest: p.getSendMsgMaxTimeoutPerRequest(),
    compressMsgBodyOverHowmuch: p.getCompressMsgBodyOverHowmuch(),
    compressType: p.getCompressType(),
    compressLevel: p.getCompressLevel(),
    retryTimesWhenSendFailed: p.getRetryTimesWhenSendFailed(),
    retryTimesWhenSendAsyncFailed: p.getRetryTimesWhenSendAsyncFailed(),
    retryAnotherBrokerWhenNotStoreOK: p.isRetryAnotherBrokerWhenNotStoreOK(),
    maxMessageSize: p.getMaxMessageSize(),
    retryResponseCodes: [...p.getRetryResponseCodes()].sort((a, b) => a - b),
    sendLatencyFaultEnable: p.isSendLatencyFaultEnable(),
    enableBackpressureForAsyncMode: p.isEnableBackpressureForAsyncMode(),
    backPressureForAsyncSendNum: p.getBackPressureForAsyncSendNum(),
    backPressureForAsyncSendSize: p.getBackPressureForAsyncSendSize(),
    instanceName: p.getInstanceName(),
    vipChannelEnabled: p.isSendMessageWithVIPChannel(),
  };
}

const COMMON = {
  createTopicKey: 'TBW102',
  defaultTopicQueueNums: 4,
  sendMsgTimeout: 3000,
  sendMsgMaxTimeoutPerRequest: -1,
  compressMsgBodyOverHowmuch: 4096,
  compressType: 'ZLIB',
  compressLevel: 5,
  retryTimesWhenSendFailed: 2,
  retryTimesWhenSendAsyncFailed: 2,
  retryAnotherBrokerWhenNotStoreOK: false,
  maxMessageSize: 4 * 1024 * 1024,
  sendLatencyFaultEnable: false,
  enableBackpressureForAsyncMode: false,
  backPressureForAsyncSendNum: 10000,
  backPressureForAsyncSendSize: 100 * 1024 * 1024,
  instanceName: 'DEFAULT',
  vipChannelEnabled: false,
};

describe('DefaultMQProducer defaults (audit)', () => {
  it('has the 4.x defaults, retrying broker codes 1, 14, 16, 17, 204 and 205', () => {
    for (const v of ['4.5.2', '4.9.8'] as const) {
      expect(defaults(v), v).toEqual({ ...COMMON, retryResponseCodes: [1, 14, 16, 17, 204, 205] });
    }
  });

  it('has the 5.3.3 defaults, which also retry SYSTEM_BUSY (2) and GO_AWAY (1500)', () => {
    expect(defaults('5.3.3')).toEqual({ ...COMMON, retryResponseCodes: [1, 2, 14, 16, 17, 204, 205, 1500] });
  });

  it('sizes the 5.x back-pressure semaphores from the defaults: 10000 sends and 100 MiB', () => {
    const impl = makeFixture('5.3.3').producer.defaultMQProducerImpl;
    expect(impl.getSemaphoreAsyncSendNumAvailablePermits()).toBe(10000);
    expect(impl.getSemaphoreAsyncSendSizeAvailablePermits()).toBe(104857600);
  });

  it('sizes the default async sender pool to the processor count with a queue of 50000', () => {
    const pool = makeFixture(
      '4.9.8',
      {},
      'test_group',
      3,
    ).producer.defaultMQProducerImpl.getDefaultAsyncSenderExecutor();
    expect([pool.corePoolSize, pool.maximumPoolSize, pool.queueCapacity, pool.threadNamePrefix]).toEqual([
      3,
      3,
      50000,
      'AsyncSenderExecutor_',
    ]);
  });
});
