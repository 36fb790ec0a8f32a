import { describe, expect, it } from 'vitest';
import {
  IllegalStateException,
  InterruptedException,
  MQBrokerException,
  MQClientException,
  RemotingConnectException,
  RemotingException,
  RemotingSendRequestException,
  RemotingTimeoutException,
  RemotingTooMuchRequestException,
  responseCodeForLastException,
} from '../../../../src/sim/client/exceptions';
import { attachDefaultURL, suggestTodo } from '../../../../src/sim/client/FAQUrl';
import { sendLoopProfile } from '../../../../src/sim/client/SendLoopProfile';

const v452 = sendLoopProfile('4.5.2');
const v498 = sendLoopProfile('4.9.8');
const v533 = sendLoopProfile('5.3.3');

describe('exception texts per version', () => {
  it('appends the FAQ line of the version to an MQClientException text', () => {
    expect(new MQClientException(v452, 'executor rejected ', null).getMessage()).toBe(
      'executor rejected \nFor more information, please visit the url, http://rocketmq.apache.org/docs/faq/',
    );
    expect(new MQClientException(v533, 'executor rejected ', null).getMessage()).toBe(
      'executor rejected \nFor more information, please visit the url, https://rocketmq.apache.org/docs/bestPractice/06FAQ',
    );
  });

  it('does not append the FAQ line when the text already carries the See-suffix', () => {
    const text = 'No route info of this topic: T' + suggestTodo(v498.faqUrl);
    expect(new MQClientException(v498, text, null).getMessage()).toBe(
      'No route info of this topic: T\nSee http://rocketmq.apache.org/docs/faq/ for further details.',
    );
    expect(attachDefaultURL(null, v498.faqUrl)).toBeNull();
  });

  it('formats MQClientException(code, message) as "CODE: c  DESC: m" and keeps the code', () => {
    const e = MQClientException.withCode(v498, 17, 'No topic route info in name server for the topic: T');
    expect(e.getMessage()).toBe(
      'CODE: 17  DESC: No topic route info in name server for the topic: T\nFor more information, please visit the url, http://rocketmq.apache.org/docs/faq/',
    );
    expect(e.getResponseCode()).toBe(17);
    expect(new MQClientException(v498, 'x').getResponseCode()).toBe(-1);
  });

  it('writes a null broker remark as "null" and adds the broker address only with the three-argument constructor', () => {
    expect(new MQBrokerException(v452, 14, null).getMessage()).toBe(
      'CODE: 14  DESC: null\nFor more information, please visit the url, http://rocketmq.apache.org/docs/faq/',
    );
    expect(new MQBrokerException(v498, 14, null, '127.0.0.1:10911').getMessage()).toBe(
      'CODE: 14  DESC: null BROKER: 127.0.0.1:10911\nFor more information, please visit the url, http://rocketmq.apache.org/docs/faq/',
    );
    expect(new MQBrokerException(v498, 14, 'r', null).getMessage()).toBe(
      'CODE: 14  DESC: r\nFor more information, please visit the url, http://rocketmq.apache.org/docs/faq/',
    );
  });

  it('puts angle brackets around the address of a connect failure in 4.5.2 only', () => {
    expect(new RemotingConnectException(v452, '127.0.0.1:10911').getMessage()).toBe(
      'connect to <127.0.0.1:10911> failed',
    );
    expect(new RemotingConnectException(v498, '127.0.0.1:10911').getMessage()).toBe(
      'connect to 127.0.0.1:10911 failed',
    );
    expect(new RemotingConnectException(v533, '127.0.0.1:10911').getMessage()).toBe(
      'connect to 127.0.0.1:10911 failed',
    );
  });

  it('builds the remoting texts with literal angle brackets in every version', () => {
    expect(new RemotingSendRequestException('/127.0.0.1:10911').getMessage()).toBe(
      'send request to </127.0.0.1:10911> failed',
    );
    expect(RemotingTimeoutException.ofChannel('/127.0.0.1:10911', 3000).getMessage()).toBe(
      'wait response on the channel </127.0.0.1:10911> timeout, 3000(ms)',
    );
  });

  it('keeps the Java class hierarchy, so one instanceof test catches every remoting failure', () => {
    for (const e of [
      new RemotingConnectException(v498, 'a'),
      new RemotingSendRequestException('a'),
      RemotingTimeoutException.ofChannel('a', 1),
      new RemotingTooMuchRequestException('x'),
    ]) {
      expect(e).toBeInstanceOf(RemotingException);
    }
    expect(new InterruptedException('x')).not.toBeInstanceOf(RemotingException);
    expect(new IllegalStateException('x').javaClass).toBe('IllegalStateException');
  });

  it('maps the last exception of a failed send to the response code of the final MQClientException', () => {
    expect(responseCodeForLastException(new MQBrokerException(v498, 204, 'x'))).toBe(204);
    expect(responseCodeForLastException(new RemotingConnectException(v498, 'a'))).toBe(10001);
    expect(responseCodeForLastException(new RemotingTimeoutException('t'))).toBe(10002);
    expect(responseCodeForLastException(new MQClientException(v498, 'x'))).toBe(10003);
    expect(responseCodeForLastException(new RemotingSendRequestException('a'))).toBeUndefined();
    expect(responseCodeForLastException(new RemotingTooMuchRequestException('x'))).toBeUndefined();
  });

  it('prints Throwable.toString() with the package-qualified class name', () => {
    expect(String(new RemotingConnectException(v498, '127.0.0.1:9876'))).toBe(
      'org.apache.rocketmq.remoting.exception.RemotingConnectException: connect to 127.0.0.1:9876 failed',
    );
    expect(IllegalStateException.ofCause(new RemotingTimeoutException('late')).getMessage()).toBe(
      'org.apache.rocketmq.remoting.exception.RemotingTimeoutException: late',
    );
  });
});
