import { describe, expect, it } from 'vitest';
import type { DefaultMQProducer } from '../../../../src/sim/client/DefaultMQProducer';
import {
  IllegalStateException,
  MQBrokerException,
  MQClientException,
  RemotingConnectException,
  RemotingTooMuchRequestException,
} from '../../../../src/sim/client/exceptions';
import { Message, MessageConst } from '../../../../src/sim/client/Message';
import { MessageQueue } from '../../../../src/sim/client/MessageQueue';
import { ResponseCode } from '../../../../src/sim/client/ResponseCode';
import type { SendResult } from '../../../../src/sim/client/SendResult';
import { SelectMessageQueueByHash } from '../../../../src/sim/client/selectors/SelectMessageQueueByHash';
import type { Sim } from '../../../../src/sim/kernel/Kernel';
import { makeFixture, route, runMain } from './sendPathFixture';

const T = 'TopicTest';

function body(n: number): Uint8Array {
  return new Uint8Array(n).fill(65);
}

function started(version: '4.5.2' | '4.9.8' | '5.3.3', options: Parameters<typeof makeFixture>[1] = {}) {
  const f = makeFixture(version, { routes: { [T]: route(['broker-a', 4], ['broker-b', 4]) }, ...options });
  f.producer.start();
  return f;
}

function send(f: { producer: DefaultMQProducer }, msg: Message, timeout = 3000): () => Sim<SendResult> {
  return () => f.producer.send(msg, timeout);
}

describe('sendKernelImpl and the wire path', () => {
  it('compresses a body of exactly compressMsgBodyOverHowmuch bytes and sets sysFlag 0x1 in 4.5.2', () => {
    const f = started('4.5.2');
    runMain(f.kernel, send(f, new Message(T, null, body(4096))));
    expect(f.remoting.sent[0]!.header.sysFlag).toBe(0x1);
    expect(f.remoting.sent[0]!.bodyLength).toBe(2048);
  });

  it('adds the ZLIB type bits to the compressed flag (0x301) from 4.9.8 on', () => {
    for (const v of ['4.9.8', '5.3.3'] as const) {
      const f = started(v);
      runMain(f.kernel, send(f, new Message(T, null, body(5000))));
      expect(f.remoting.sent[0]!.header.sysFlag).toBe(0x301);
    }
  });

  it('does not compress a body one byte under the threshold', () => {
    const f = started('4.9.8');
    runMain(f.kernel, send(f, new Message(T, null, body(4095))));
    expect(f.remoting.sent[0]!.header.sysFlag).toBe(0);
    expect(f.remoting.sent[0]!.bodyLength).toBe(4095);
  });

  it('honours a lowered compression threshold and gives the caller its original body back', () => {
    const f = started('4.9.8');
    f.producer.setCompressMsgBodyOverHowmuch(10);
    const msg = new Message(T, null, body(10));
    runMain(f.kernel, send(f, msg));
    expect(f.remoting.sent[0]!.header.sysFlag).toBe(0x301);
    expect(msg.getBody()!.length).toBe(10);
  });

  it('keeps one unique id across the retries of one message', () => {
    const f = started('4.9.8', {
      replies: [
        { latency: 5, code: ResponseCode.SYSTEM_ERROR },
        { latency: 5, code: ResponseCode.SUCCESS },
      ],
    });
    const msg = Message.ofText(T, null, 'hello');
    const out = runMain(f.kernel, send(f, msg));
    expect(out.value!.getSendStatus()).toBe('SEND_OK');
    const ids = f.remoting.sent.map((s) => s.header.properties);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(out.value!.getMsgId()).toBe(msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
  });

  it('maps the response codes 0, 10, 12 and 11 to send statuses with the queue id the broker returned', () => {
    const statuses: string[] = [];
    for (const code of [0, 10, 12, 11]) {
      const f = started('5.3.3', { replies: [{ latency: 1, code }] });
      const out = runMain(f.kernel, send(f, Message.ofText(T, null, 'x')));
      statuses.push(out.value!.getSendStatus());
      expect(out.value!.getMessageQueue().getQueueId()).toBe(f.remoting.sent[0]!.header.queueId);
      expect(out.value!.getQueueOffset()).toBe(7);
    }
    expect(statuses).toEqual(['SEND_OK', 'FLUSH_DISK_TIMEOUT', 'FLUSH_SLAVE_TIMEOUT', 'SLAVE_NOT_AVAILABLE']);
  });

  it('names the broker address in MQBrokerException from 4.9.8 on, not in 4.5.2', () => {
    const texts = (['4.5.2', '4.9.8'] as const).map((v) => {
      const f = makeFixture(v, {
        routes: { [T]: route(['broker-a', 4]) },
        replies: [{ latency: 1, code: 13, remark: 'bad' }],
      });
      f.producer.start();
      const out = runMain(f.kernel, send(f, Message.ofText(T, null, 'x')));
      return (out.error as MQBrokerException).getMessage();
    });
    expect(texts).toEqual([
      'CODE: 13  DESC: bad\nFor more information, please visit the url, http://rocketmq.apache.org/docs/faq/',
      'CODE: 13  DESC: bad BROKER: 127.0.0.1:10911\nFor more information, please visit the url, http://rocketmq.apache.org/docs/faq/',
    ]);
  });

  it('sends a oneway message through invokeOneway with the whole sendMsgTimeout', () => {
    const f = started('4.9.8');
    f.producer.setSendMsgTimeout(1234);
    const out = runMain(f.kernel, () => f.producer.sendOneway(Message.ofText(T, null, 'x')));
    expect(out.error).toBeUndefined();
    expect(f.remoting.sent.map((s) => [s.mode, s.timeout])).toEqual([['oneway', 1234]]);
  });

  it('uses the VIP channel (broker port minus 2) when it is enabled', () => {
    const f = makeFixture('4.9.8', { routes: { [T]: route(['broker-a', 4]) } });
    f.producer.start();
    f.producer.setVipChannelEnabled(true);
    runMain(f.kernel, send(f, Message.ofText(T, null, 'x')));
    expect(f.remoting.sent[0]!.addr).toBe('127.0.0.1:10909');
  });

  it('falls back to the TBW102 route for an unknown topic and caps every queue count at defaultTopicQueueNums', () => {
    const f = makeFixture('4.9.8', { routes: { TBW102: route(['broker-a', 8], ['broker-b', 8]) } });
    f.producer.start();
    const out = runMain(f.kernel, send(f, Message.ofText('NewTopic', null, 'x')));
    expect(out.value!.getSendStatus()).toBe('SEND_OK');
    const info = f.producer.defaultMQProducerImpl.getTopicPublishInfoTable().get('NewTopic')!;
    expect(info.getMessageQueueList().map((q) => `${q.getBrokerName()}/${q.getQueueId()}`)).toEqual([
      'broker-a/0',
      'broker-a/1',
      'broker-a/2',
      'broker-a/3',
      'broker-b/0',
      'broker-b/1',
      'broker-b/2',
      'broker-b/3',
    ]);
    expect(f.remoting.sent[0]!.header.defaultTopic).toBe('TBW102');
  });

  it('charges the name-server lookup to the budget and then stops with sendDefaultImpl call timeout', () => {
    const f = makeFixture('4.9.8', { routes: { [T]: route(['broker-a', 4]) }, nameServerLatency: 3001 });
    f.producer.start();
    const out = runMain(f.kernel, send(f, Message.ofText(T, null, 'x'), 3000));
    expect(out.error).toBeInstanceOf(RemotingTooMuchRequestException);
    expect((out.error as Error).message).toBe('sendDefaultImpl call timeout');
    expect(f.remoting.sent).toHaveLength(0);
  });

  it('throws sendKernelImpl call timeout when a route lookup inside sendKernelImpl uses up the budget', () => {
    const f = makeFixture('4.9.8', {
      routes: { [T]: route(['broker-a', 4]), Other: route(['broker-c', 2]) },
      nameServerLatency: 600,
    });
    f.producer.start();
    // The selector names a queue of another topic: sendKernelImpl has no address for broker-c and looks the
    // other topic up (600 ms) after sendSelectImpl already spent 600 ms of the 1000 ms on the first lookup.
    const selector = { select: () => new MessageQueue('Other', 'broker-c', 0) };
    const out = runMain(f.kernel, () =>
      f.producer.sendWithSelector(Message.ofText(T, null, 'x'), selector, 'k', 1000),
    );
    expect(out.error).toBeInstanceOf(RemotingTooMuchRequestException);
    expect((out.error as Error).message).toBe('sendKernelImpl call timeout');
    expect(f.kernel.now()).toBe(1200);
    expect(f.remoting.sent).toHaveLength(0);
  });

  it("throws 'The broker[x] not exist' when a selected broker has no address even after a refresh", () => {
    const f = started('5.3.3');
    const selector = { select: () => new MessageQueue(T, 'broker-x', 0) };
    const out = runMain(f.kernel, () =>
      f.producer.sendWithSelector(Message.ofText(T, null, 'x'), selector, 'k', 3000),
    );
    expect((out.error as MQClientException).errorMessage).toBe('The broker[broker-x] not exist');
  });

  it('sends to the queue SelectMessageQueueByHash picks for the argument', () => {
    const f = started('4.9.8');
    const out = runMain(f.kernel, () =>
      f.producer.sendWithSelector(
        Message.ofText(T, null, 'x'),
        new SelectMessageQueueByHash('4.9.8'),
        'order-42',
        3000,
      ),
    );
    // "order-42".hashCode() % 8, made non-negative: the send goes to that position of the 8-queue list.
    let h = 0;
    for (const c of 'order-42') h = (Math.imul(31, h) + c.charCodeAt(0)) | 0;
    const pos = Math.abs(h % 8);
    expect(out.value!.getMessageQueue().getBrokerName()).toBe(pos < 4 ? 'broker-a' : 'broker-b');
    expect(f.remoting.sent[0]!.header.queueId).toBe(pos % 4);
  });

  it('turns a name-server RemotingException into IllegalStateException from 4.9.8 on, while 4.5.2 reports no route', () => {
    const error = () => new RemotingConnectException({ connectTextBrackets: false }, '127.0.0.1:9876');
    const v4 = makeFixture('4.9.8', { nameServerError: error });
    v4.producer.start();
    const e498 = runMain(v4.kernel, send(v4, Message.ofText(T, null, 'x'))).error;
    expect(e498).toBeInstanceOf(IllegalStateException);
    expect((e498 as Error).message).toBe(
      'org.apache.rocketmq.remoting.exception.RemotingConnectException: connect to 127.0.0.1:9876 failed',
    );
    const v45 = makeFixture('4.5.2', { nameServerError: error });
    v45.producer.start();
    const e452 = runMain(v45.kernel, send(v45, Message.ofText(T, null, 'x'))).error as MQClientException;
    expect(e452.getMessage()).toBe(
      'No route info of this topic, TopicTest\nSee http://rocketmq.apache.org/docs/faq/ for further details.',
    );
    expect(e452.getResponseCode()).toBe(10005);
  });

  it('rejects a message without a body with MESSAGE_ILLEGAL before any lookup', () => {
    const f = started('5.3.3');
    const out = runMain(f.kernel, send(f, new Message(T, null, new Uint8Array(0))));
    const e = out.error as MQClientException;
    expect(e.getResponseCode()).toBe(13);
    expect(e.errorMessage).toBe('the message body length is zero');
    expect(e.getMessage()).toBe(
      'CODE: 13  DESC: the message body length is zero\nFor more information, please visit the url, https://rocketmq.apache.org/docs/bestPractice/06FAQ',
    );
  });
});
