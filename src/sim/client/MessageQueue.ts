import { javaStringCompare, javaStringHashCode } from '../common/javaInt';

/**
 * `org.apache.rocketmq.common.message.MessageQueue`: a (topic, broker, queue id) triple.
 *
 * The fields are mutable on purpose. 4.5.2's `MQFaultStrategy` calls `setBrokerName`/`setQueueId` on an
 * object that lives inside `TopicPublishInfo.messageQueueList`, which permanently rewrites the shared list;
 * copying on select would hide that bug from students.
 */
export class MessageQueue {
  constructor(
    public topic: string,
    public brokerName: string,
    public queueId: number,
  ) {}

  getTopic(): string {
    return this.topic;
  }

  getBrokerName(): string {
    return this.brokerName;
  }

  setBrokerName(brokerName: string): void {
    this.brokerName = brokerName;
  }

  getQueueId(): number {
    return this.queueId;
  }

  setQueueId(queueId: number): void {
    this.queueId = queueId;
  }

  /** Java's `hashCode()`: 31-polynomial over brokerName, queueId and topic, in that order, in int32. */
  hashCode(): number {
    let result = 1;
    result = (Math.imul(31, result) + javaStringHashCode(this.brokerName)) | 0;
    result = (Math.imul(31, result) + this.queueId) | 0;
    result = (Math.imul(31, result) + javaStringHashCode(this.topic)) | 0;
    return result;
  }

  equals(other: MessageQueue): boolean {
    return (
      this.topic === other.topic && this.brokerName === other.brokerName && this.queueId === other.queueId
    );
  }

  /** Topic, then broker name (`String.compareTo`), then queue id. */
  compareTo(other: MessageQueue): number {
    return (
      javaStringCompare(this.topic, other.topic) ||
      javaStringCompare(this.brokerName, other.brokerName) ||
      (this.queueId - other.queueId) | 0
    );
  }

  toString(): string {
    return `MessageQueue [topic=${this.topic}, brokerName=${this.brokerName}, queueId=${this.queueId}]`;
  }
}
