import { describe, expect, it } from 'vitest';
import { ClientEnvironment } from '../../../../src/sim/client/ClientEnvironment';
import { DefaultMQProducer } from '../../../../src/sim/client/DefaultMQProducer';
import { MQClientException } from '../../../../src/sim/client/exceptions';
import { Message } from '../../../../src/sim/client/Message';
import { Kernel } from '../../../../src/sim/kernel/Kernel';
import { RandomSource } from '../../../../src/sim/kernel/random';
import { FakeRemotingClient, makeFixture, route, runMain } from './sendPathFixture';

function startError(producer: DefaultMQProducer): MQClientException {
  try {
    producer.start();
  } catch (e) {
    return e as MQClientException;
  }
  throw new Error('start did not throw');
}

describe('DefaultMQProducerImpl lifecycle', () => {
  it('starts in CREATE_JUST and is RUNNING after start', () => {
    const { producer } = makeFixture('4.9.8');
    expect(producer.defaultMQProducerImpl.getServiceState()).toBe('CREATE_JUST');
    producer.start();
    expect(producer.defaultMQProducerImpl.getServiceState()).toBe('RUNNING');
  });

  it('stays START_FAILED after a blank group fails checkConfig, and a later start says so', () => {
    const { producer } = makeFixture('4.9.8', {}, '  ');
    const first = startError(producer);
    expect(first.getMessage()).toBe(
      'the specified group is blank\nFor more information, please visit the url, http://rocketmq.apache.org/docs/faq/',
    );
    expect(producer.defaultMQProducerImpl.getServiceState()).toBe('START_FAILED');
    expect(startError(producer).getMessage()).toBe(
      'The producer service state not OK, maybe started once, START_FAILED\nSee http://rocketmq.apache.org/docs/faq/ for further details.',
    );
  });

  it('rejects the reserved DEFAULT_PRODUCER group', () => {
    const { producer } = makeFixture('5.3.3', {}, 'DEFAULT_PRODUCER');
    expect(startError(producer).errorMessage).toBe(
      'producerGroup can not equal DEFAULT_PRODUCER, please specify another one.',
    );
  });

  it('checks group characters before length in 4.5.2 and length first in 4.9.8', () => {
    const bad = '#'.repeat(300);
    expect(startError(makeFixture('4.5.2', {}, bad).producer).errorMessage).toContain(
      'contains illegal characters',
    );
    expect(startError(makeFixture('4.9.8', {}, bad).producer).errorMessage).toBe(
      'the specified group is longer than group max length 255.',
    );
  });

  it('shares one client instance between two 4.5.2 producers, so a duplicate group fails and returns to CREATE_JUST', () => {
    const kernel = new Kernel();
    const random = new RandomSource(3);
    const env = new ClientEnvironment({
      kernel,
      version: '4.5.2',
      randomStream: (n) => random.stream(n),
      createRemotingClient: () => new FakeRemotingClient(kernel, {}),
    });
    const a = new DefaultMQProducer(env, 'same_group');
    const b = new DefaultMQProducer(env, 'same_group');
    a.start();
    const error = startError(b);
    expect(error.getMessage()).toBe(
      'The producer group[same_group] has been created before, specify another name please.\nSee http://rocketmq.apache.org/docs/faq/ for further details.',
    );
    expect(b.defaultMQProducerImpl.getServiceState()).toBe('CREATE_JUST');
    expect(b.defaultMQProducerImpl.getMqClientFactory()).toBe(a.defaultMQProducerImpl.getMqClientFactory());
  });

  it('gives each 4.9.8 producer its own client instance (instance name PID#nanoTime), so the same group starts twice', () => {
    const kernel = new Kernel();
    const random = new RandomSource(3);
    const env = new ClientEnvironment({
      kernel,
      version: '4.9.8',
      randomStream: (n) => random.stream(n),
      createRemotingClient: () => new FakeRemotingClient(kernel, {}),
    });
    const a = new DefaultMQProducer(env, 'same_group');
    const b = new DefaultMQProducer(env, 'same_group');
    a.start();
    b.start();
    expect(a.getInstanceName()).not.toBe(b.getInstanceName());
    expect(a.defaultMQProducerImpl.getMqClientFactory()).not.toBe(
      b.defaultMQProducerImpl.getMqClientFactory(),
    );
  });

  it('does nothing on shutdown before start and on a second shutdown', () => {
    const { producer } = makeFixture('5.3.3');
    producer.shutdown();
    expect(producer.defaultMQProducerImpl.getServiceState()).toBe('CREATE_JUST');
    producer.start();
    producer.shutdown();
    producer.shutdown();
    expect(producer.defaultMQProducerImpl.getServiceState()).toBe('SHUTDOWN_ALREADY');
    expect(producer.defaultMQProducerImpl.getDefaultAsyncSenderExecutor().isShutdown()).toBe(true);
  });

  it('registers TBW102 as a publish topic at start in 4.x but not in 5.x', () => {
    const v4 = makeFixture('4.9.8').producer;
    v4.start();
    expect([...v4.defaultMQProducerImpl.getTopicPublishInfoTable().keys()]).toEqual(['TBW102']);
    const v5 = makeFixture('5.3.3').producer;
    v5.start();
    expect([...v5.defaultMQProducerImpl.getTopicPublishInfoTable().keys()]).toEqual([]);
  });

  it('reports the CREATE_JUST state error of a send before start with the 5.x FAQ URL', () => {
    const { kernel, producer } = makeFixture('5.3.3', { routes: { T: route(['broker-a', 4]) } });
    const out = runMain(kernel, () => producer.send(Message.ofText('T', null, 'x'), 1000));
    expect((out.error as MQClientException).getMessage()).toBe(
      'The producer service state not OK, CREATE_JUST\nSee https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.',
    );
  });
});
