import { describe, expect, it } from 'vitest';
import { RemotingTooMuchRequestException } from '../../../../src/sim/client/exceptions';
import { Message } from '../../../../src/sim/client/Message';
import type { SendCallback, SendResult } from '../../../../src/sim/client/SendResult';
import type { Sim } from '../../../../src/sim/kernel/Kernel';
import { makeFixture, route } from './sendPathFixture';

const T = 'TopicTest';

function recorder(log: string[], now: () => number): SendCallback {
  return {
    onSuccess: (r: SendResult) => log.push(`ok ${r.getSendStatus()}@${now()}`),
    onException: (e: unknown) => log.push(`ex ${(e as Error).message}@${now()}`),
  };
}

function backpressureFixture(replyLatency = 100) {
  const f = makeFixture('5.3.3', {
    routes: { [T]: route(['broker-a', 4]) },
    replies: Array.from({ length: 10 }, () => ({ latency: replyLatency, code: 0 })),
  });
  f.producer.setEnableBackpressureForAsyncMode(true);
  f.producer.start();
  return f;
}

describe('5.x async back-pressure (executeAsyncMessageSend)', () => {
  it('holds one num permit and body-length size permits from the call until the callback', () => {
    const f = backpressureFixture();
    const impl = f.producer.defaultMQProducerImpl;
    const seen: number[][] = [];
    const log: string[] = [];
    const cb = recorder(log, () => f.kernel.now());
    f.kernel.spawn('main', function* (): Sim<void> {
      yield* f.producer.sendWithCallback(Message.ofText(T, null, 'hello'), cb, 3000);
      seen.push([
        impl.getSemaphoreAsyncSendNumAvailablePermits(),
        impl.getSemaphoreAsyncSendSizeAvailablePermits(),
      ]);
    });
    f.kernel.run();
    seen.push([
      impl.getSemaphoreAsyncSendNumAvailablePermits(),
      impl.getSemaphoreAsyncSendSizeAvailablePermits(),
    ]);
    expect(log).toEqual(['ok SEND_OK@100']);
    expect(seen).toEqual([
      [9999, 104857595],
      [10000, 104857600],
    ]);
  });

  it('makes a second sender wait for the only num permit and go on when the first callback releases it', () => {
    const f = backpressureFixture(100);
    f.producer.defaultMQProducerImpl.setSemaphoreAsyncSendNum(1);
    const log: string[] = [];
    const cb = recorder(log, () => f.kernel.now());
    for (const name of ['first', 'second']) {
      f.kernel.spawn(name, function* (): Sim<void> {
        yield* f.producer.sendWithCallback(Message.ofText(T, null, name), cb, 3000);
        log.push(`${name} returned@${f.kernel.now()}`);
      });
    }
    f.kernel.run();
    expect(log).toEqual(['first returned@0', 'ok SEND_OK@100', 'second returned@100', 'ok SEND_OK@200']);
  });

  it('fails on the caller thread with semaphoreAsyncNum timeout after waiting what is left of the timeout', () => {
    const f = backpressureFixture();
    f.producer.defaultMQProducerImpl.setSemaphoreAsyncSendNum(0);
    const log: string[] = [];
    f.kernel.spawn('main', function* (): Sim<void> {
      yield* f.producer.sendWithCallback(
        Message.ofText(T, null, 'x'),
        recorder(log, () => f.kernel.now()),
        500,
      );
      log.push(`returned@${f.kernel.now()}`);
    });
    f.kernel.run();
    expect(log).toEqual(['ex send message tryAcquire semaphoreAsyncNum timeout@500', 'returned@500']);
    expect(f.remoting.sent).toHaveLength(0);
  });

  it('releases the num permit it took when the size permits cannot be had', () => {
    const f = backpressureFixture();
    const impl = f.producer.defaultMQProducerImpl;
    impl.setSemaphoreAsyncSendSize(3); // the body is 5 bytes
    let error: unknown = null;
    f.kernel.spawn('main', function* (): Sim<void> {
      yield* f.producer.sendWithCallback(
        Message.ofText(T, null, 'hello'),
        { onSuccess: () => {}, onException: (e) => (error = e) },
        200,
      );
    });
    f.kernel.run();
    expect(error).toBeInstanceOf(RemotingTooMuchRequestException);
    expect((error as Error).message).toBe('send message tryAcquire semaphoreAsyncSize timeout');
    expect(impl.getSemaphoreAsyncSendNumAvailablePermits()).toBe(10000);
    expect(impl.getSemaphoreAsyncSendSizeAvailablePermits()).toBe(3);
    expect(f.kernel.now()).toBe(200);
  });

  it('never touches the semaphores when back-pressure is off', () => {
    const f = makeFixture('5.3.3', { routes: { [T]: route(['broker-a', 4]) } });
    f.producer.start();
    const impl = f.producer.defaultMQProducerImpl;
    impl.setSemaphoreAsyncSendNum(0);
    const log: string[] = [];
    f.kernel.spawn('main', function* (): Sim<void> {
      yield* f.producer.sendWithCallback(
        Message.ofText(T, null, 'x'),
        recorder(log, () => f.kernel.now()),
        3000,
      );
    });
    f.kernel.run();
    expect(log).toEqual(['ok SEND_OK@10']);
    expect(impl.getSemaphoreAsyncSendNumAvailablePermits()).toBe(0);
  });

  it('does not exist before 5.x', () => {
    const f = makeFixture('4.9.8');
    expect(() => f.producer.setEnableBackpressureForAsyncMode(true)).toThrow(/does not exist in 4\.9\.8/);
  });
});

describe('the default async sender executor', () => {
  it('hands a rejection to onException in 5.x send(msg, callback) without a timeout, but throws it with one', () => {
    const f = makeFixture('5.3.3', { routes: { [T]: route(['broker-a', 4]) } });
    f.producer.start();
    f.producer.shutdown(); // the default executor is shut down with the producer
    const log: string[] = [];
    let thrown = '';
    f.kernel.spawn('main', function* (): Sim<void> {
      yield* f.producer.sendWithCallback(
        Message.ofText(T, null, 'x'),
        recorder(log, () => f.kernel.now()),
      );
      try {
        yield* f.producer.sendWithCallback(
          Message.ofText(T, null, 'x'),
          recorder(log, () => f.kernel.now()),
          3000,
        );
      } catch (e) {
        thrown = (e as Error).message;
      }
    });
    f.kernel.run();
    expect(log).toEqual([
      'ex executor rejected \nFor more information, please visit the url, https://rocketmq.apache.org/docs/bestPractice/06FAQ@0',
    ]);
    expect(thrown).toBe(
      'executor rejected \nFor more information, please visit the url, https://rocketmq.apache.org/docs/bestPractice/06FAQ',
    );
  });

  it('charges the queue wait to the timeout: a task that waited exactly the timeout fails (strict >)', () => {
    const f = makeFixture(
      '4.9.8',
      { routes: { [T]: route(['broker-a', 4]) }, nameServerLatency: 50 },
      'test_group',
      1, // one AsyncSenderExecutor_ thread
    );
    f.producer.start();
    const log: string[] = [];
    const cb = recorder(log, () => f.kernel.now());
    f.kernel.spawn('main', function* (): Sim<void> {
      for (let i = 0; i < 3; i++)
        yield* f.producer.sendWithCallback(Message.ofText(T, null, `m${i}`), cb, 50);
    });
    f.kernel.run();
    // The first task spends 50 ms on the cold route lookup; the other two waited 50 ms in the queue.
    expect(log).toEqual([
      'ex DEFAULT ASYNC send call timeout@50',
      'ex DEFAULT ASYNC send call timeout@50',
      'ok SEND_OK@60',
    ]);
  });
});
