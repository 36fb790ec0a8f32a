import type { MessageQueue } from '../MessageQueue';

/**
 * `org.apache.rocketmq.client.producer.MessageQueueSelector`: picks the queue for `send(msg, selector, arg)`.
 * `mqs` is the producer's copy of the publish list (`parsePublishMessageQueues`); `arg` is the caller's object,
 * hashed like Java (see `javaHashCodeOf`). Returning null makes the send fail with
 * "select message queue return null."; a thrown `JavaException` becomes "select message queue threw/throwed
 * exception." in the send path.
 */
export interface MessageQueueSelector<M = unknown> {
  select(mqs: readonly MessageQueue[], msg: M, arg: unknown): MessageQueue | null;
}
