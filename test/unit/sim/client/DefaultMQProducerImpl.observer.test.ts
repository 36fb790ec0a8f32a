import { describe, expect, it } from 'vitest';
import { Message } from '../../../../src/sim/client/Message';
import { ResponseCode } from '../../../../src/sim/client/ResponseCode';
import { makeFixture, route, runMain } from './sendPathFixture';

describe('SendObserver hooks of sendDefaultImpl', () => {
  it('reports each attempt: the queue chosen, the budget check, the fault update and how it ended', () => {
    const f = makeFixture('4.9.8', {
      routes: { T: route(['broker-a', 2], ['broker-b', 2]) },
      replies: [
        { latency: 700, code: ResponseCode.SYSTEM_ERROR },
        { latency: 20, code: ResponseCode.SUCCESS },
      ],
    });
    f.producer.setSendLatencyFaultEnable(true);
    f.producer.start();
    const log: string[] = [];
    f.producer.defaultMQProducerImpl.observer = {
      onQueueSelected: (times, mq, last, explain) =>
        log.push(
          `select#${times} ${mq.getBrokerName()}/${mq.getQueueId()} last=${String(last)} path=${String(explain.path)}`,
        ),
      onBudgetCheck: (where, cost, timeout, ok) =>
        log.push(`budget ${where.split('.')[1]} ${cost}/${timeout} ${ok}`),
      onFaultUpdate: (u) =>
        log.push(`fault ${u.brokerName} ${u.currentLatency} isolation=${u.isolation} until=${u.availableAt}`),
      onAttemptEnd: (times, mq, outcome) => log.push(`end#${times} ${mq.getBrokerName()} ${outcome}`),
    };
    const out = runMain(f.kernel, () => f.producer.send(Message.ofText('T', null, 'x'), 3000));
    expect(out.value?.getSendStatus()).toBe('SEND_OK');
    const first = log[0]!.split(' ')[1]!.split('/')[0]!;
    const second = first === 'broker-a' ? 'broker-b' : 'broker-a';
    expect(log.map((l) => l.replace(/select#(\d) \S+/, 'select#$1 Q'))).toEqual([
      'select#0 Q last=null path=available',
      'budget sendDefaultImpl 0/3000 true',
      'budget sendKernelImpl 0/3000 true',
      // An MQBrokerException isolates the broker: latency 30000 -> 600 s in 4.x.
      `fault ${first} 700 isolation=true until=600700`,
      `end#0 ${first} MQBrokerException`,
      `select#1 Q last=${first} path=available`,
      'budget sendDefaultImpl 700/3000 true',
      'budget sendKernelImpl 0/2300 true',
      `fault ${second} 20 isolation=false until=720`,
      `end#1 ${second} SEND_OK`,
    ]);
  });
});
