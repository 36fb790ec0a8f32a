import { MQClientException } from './exceptions';
import type { Message } from './Message';
import { MessageConst } from './Message';
import { ResponseCode } from './ResponseCode';
import type { SendLoopProfile } from './SendLoopProfile';

/** `org.apache.rocketmq.client.Validators` (the group, topic and message checks of the send path). */
export const CHARACTER_MAX_LENGTH = 255;
export const TOPIC_MAX_LENGTH = 127;
export const VALID_PATTERN_STR = '^[%|a-zA-Z0-9_-]+$';
export const AUTO_CREATE_TOPIC_KEY_TOPIC = 'TBW102';

/** `TopicValidator.NOT_ALLOWED_SEND_TOPIC_SET` (4.9.8+). */
const NOT_ALLOWED_SEND_TOPICS = new Set([
  'SCHEDULE_TOPIC_XXXX',
  'RMQ_SYS_TRANS_HALF_TOPIC',
  'RMQ_SYS_TRANS_OP_HALF_TOPIC',
  'TRANS_CHECK_MAX_TIME_TOPIC',
  'SELF_TEST_TOPIC',
  'OFFSET_MOVED_EVENT',
]);

/** `UtilAll.isBlank`: null, empty or only whitespace (Java `Character.isWhitespace`). */
export function isBlank(str: string | null): boolean {
  if (str === null || str.length === 0) return true;
  for (let i = 0; i < str.length; i++) if (!isJavaWhitespace(str.charCodeAt(i))) return false;
  return true;
}

/** `Character.isWhitespace` for a UTF-16 unit: Unicode space separators except no-break ones, and controls. */
function isJavaWhitespace(c: number): boolean {
  if ((c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20)) return true;
  if (c === 0x00a0 || c === 0x2007 || c === 0x202f) return false;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `TopicValidator.isTopicOrGroupIllegal` (same set as the 4.5.2 regex). */
export function isTopicOrGroupIllegal(str: string): boolean {
  return !/^[%|a-zA-Z0-9_-]+$/.test(str);
}

export function checkGroup(p: SendLoopProfile, group: string | null): void {
  if (isBlank(group)) throw new MQClientException(p, 'the specified group is blank', null);
  const g = group as string;
  const illegal = () =>
    new MQClientException(
      p,
      `the specified group[${g}] contains illegal characters, allowing only ${VALID_PATTERN_STR}`,
    );
  const tooLong = () => new MQClientException(p, 'the specified group is longer than group max length 255.');
  // 4.5.2 checks the characters before the length; 4.9.x and 5.x the other way round.
  if (p.version === '4.5.2') {
    if (isTopicOrGroupIllegal(g)) throw illegal();
    if (g.length > CHARACTER_MAX_LENGTH) throw tooLong();
  } else {
    if (g.length > CHARACTER_MAX_LENGTH) throw tooLong();
    if (isTopicOrGroupIllegal(g)) throw illegal();
  }
}

export function checkTopic(p: SendLoopProfile, topic: string | null): void {
  if (isBlank(topic)) throw new MQClientException(p, 'The specified topic is blank', null);
  const t = topic as string;
  const illegal = () =>
    new MQClientException(
      p,
      `The specified topic[${t}] contains illegal characters, allowing only ${VALID_PATTERN_STR}`,
    );
  if (p.version === '4.5.2') {
    if (isTopicOrGroupIllegal(t)) throw illegal();
    if (t.length > CHARACTER_MAX_LENGTH) {
      throw new MQClientException(p, 'The specified topic is longer than topic max length 255.');
    }
    if (t === AUTO_CREATE_TOPIC_KEY_TOPIC) {
      throw new MQClientException(p, `The topic[${t}] is conflict with AUTO_CREATE_TOPIC_KEY_TOPIC.`);
    }
    return;
  }
  if (t.length > TOPIC_MAX_LENGTH) {
    throw new MQClientException(
      p,
      `The specified topic is longer than topic max length ${TOPIC_MAX_LENGTH}.`,
    );
  }
  if (isTopicOrGroupIllegal(t)) throw illegal();
}

/** `Validators.checkMessage(msg, producer)`: body checks carry MESSAGE_ILLEGAL (13). */
export function checkMessage(p: SendLoopProfile, msg: Message | null, maxMessageSize: number): void {
  if (msg === null) throw MQClientException.withCode(p, ResponseCode.MESSAGE_ILLEGAL, 'the message is null');
  checkTopic(p, msg.getTopic());
  if (p.version !== '4.5.2' && NOT_ALLOWED_SEND_TOPICS.has(msg.getTopic())) {
    throw new MQClientException(p, `Sending message to topic[${msg.getTopic()}] is forbidden.`);
  }
  const body = msg.getBody();
  if (body === null)
    throw MQClientException.withCode(p, ResponseCode.MESSAGE_ILLEGAL, 'the message body is null');
  if (body.length === 0) {
    throw MQClientException.withCode(p, ResponseCode.MESSAGE_ILLEGAL, 'the message body length is zero');
  }
  if (body.length > maxMessageSize) {
    throw MQClientException.withCode(
      p,
      ResponseCode.MESSAGE_ILLEGAL,
      `the message body size over max value, MAX: ${maxMessageSize}`,
    );
  }
  if (p.version === '5.3.3') {
    // 5.x: a light-message-queue dispatch path must not contain the file separator ('/' on Linux).
    const lmqPath = msg.getProperty(MessageConst.PROPERTY_INNER_MULTI_DISPATCH);
    if (lmqPath !== null && lmqPath.includes('/')) {
      throw MQClientException.withCode(
        p,
        ResponseCode.MESSAGE_ILLEGAL,
        `INNER_MULTI_DISPATCH ${lmqPath} can not contains / character`,
      );
    }
  }
}
