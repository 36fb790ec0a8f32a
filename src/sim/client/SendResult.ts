import type { MessageQueue } from './MessageQueue';

/** `org.apache.rocketmq.client.producer.SendStatus`. */
export type SendStatus = 'SEND_OK' | 'FLUSH_DISK_TIMEOUT' | 'FLUSH_SLAVE_TIMEOUT' | 'SLAVE_NOT_AVAILABLE';

export const SEND_STATUSES: readonly SendStatus[] = [
  'SEND_OK',
  'FLUSH_DISK_TIMEOUT',
  'FLUSH_SLAVE_TIMEOUT',
  'SLAVE_NOT_AVAILABLE',
];

/** `org.apache.rocketmq.client.producer.SendResult`. */
export class SendResult {
  transactionId: string | null = null;
  regionId = 'DefaultRegion';
  traceOn = true;

  constructor(
    readonly sendStatus: SendStatus,
    /** The client's unique id (`UNIQ_KEY`), the same on every retry of one message. */
    readonly msgId: string | null,
    /** The broker's offset message id. */
    readonly offsetMsgId: string | null,
    readonly messageQueue: MessageQueue,
    readonly queueOffset: number,
  ) {}

  getSendStatus(): SendStatus {
    return this.sendStatus;
  }

  getMessageQueue(): MessageQueue {
    return this.messageQueue;
  }

  getMsgId(): string | null {
    return this.msgId;
  }

  getQueueOffset(): number {
    return this.queueOffset;
  }
}

/** `SendCallback`: the user's async callback. */
export interface SendCallback {
  onSuccess(sendResult: SendResult): void;
  onException(e: unknown): void;
}
