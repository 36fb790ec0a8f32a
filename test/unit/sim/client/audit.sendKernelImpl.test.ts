/**
 * Audit of issue 3: `DefaultMQProducerImpl.sendKernelImpl` details the recorded cases do not reach (their
 * scripted `sendMessage` replaces everything below it): the address lookup that succeeds, the
 * prepared-transaction flag, and the compression type bits.
 */
import { describe, expect, it } from 'vitest';
import { Message, MessageConst } from '../../../../src/sim/client/Message';
import { MessageQueue } from '../../../../src/sim/client/MessageQueue';
import { makeFixture, route, runMain } from './sendPathFixture';

const T = 'TopicTest';

describe('sendKernelImpl (audit)', () => {
  it("looks the queue's own topic up once when its broker address is unknown, then sends to the address found", () => {
    const f = makeFixture('4.9.8', {
      routes: { [T]: route(['broker-a', 4]), Other: route(['broker-c', 2]) },
      nameServerLatency: 100,
    });
    f.producer.start();
    const lookups: string[] = [];
    f.producer.defaultMQProducerImpl.getMqClientFactory()!.onRouteLookup = (topic) => lookups.push(topic);
    const selector = { select: () => new MessageQueue('Other', 'broker-c', 1) };
    const out = runMain(f.kernel, () =>
      f.producer.sendWithSelector(Message.ofText(T, null, 'x'), selector, 'k', 3000),
    );
    expect(out.value?.getSendStatus()).toBe('SEND_OK');
    expect(lookups).toEqual([T, 'Other']);
    // route(['broker-c', 2]) puts broker-c at index 0 of its own route: 127.0.0.1:10911. Budget: 3000 minus the
    // first lookup (sendSelectImpl's cost), minus the second (sendKernelImpl's own cost).
    expect(f.remoting.sent.map((s) => [s.addr, s.header.queueId, s.timeout, s.at])).toEqual([
      ['127.0.0.1:10911', 1, 2800, 200],
    ]);
  });

  it('sets the prepared-transaction bit (4) when TRAN_MSG parses as a Java boolean true, in any letter case', () => {
    for (const [value, flag] of [
      ['true', 4],
      ['TRUE', 4],
      ['yes', 0],
    ] as const) {
      const f = makeFixture('4.5.2', { routes: { [T]: route(['broker-a', 4]) } });
      f.producer.start();
      const msg = Message.ofText(T, null, 'x');
      msg.putProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED, value);
      runMain(f.kernel, () => f.producer.send(msg, 3000));
      expect(f.remoting.sent[0]!.header.sysFlag, value).toBe(flag);
    }
  });

  it('puts the 5.3.3 compress type into the flag next to COMPRESSED_FLAG (LZ4 0x101, ZSTD 0x201)', () => {
    for (const [type, flag] of [
      ['LZ4', 0x101],
      ['ZSTD', 0x201],
    ] as const) {
      const f = makeFixture('5.3.3', { routes: { [T]: route(['broker-a', 4]) } });
      f.producer.setCompressType(type);
      f.producer.start();
      runMain(f.kernel, () => f.producer.send(new Message(T, null, new Uint8Array(5000)), 3000));
      expect(f.remoting.sent[0]!.header.sysFlag, type).toBe(flag);
    }
  });
});
