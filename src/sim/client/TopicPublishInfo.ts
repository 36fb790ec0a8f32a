import type { IntRandom } from '../common/IntRandom';
import { JavaException, javaAbs, javaListGet, javaRem } from '../common/javaInt';
import { profileOf, type VersionLike, type VersionProfile } from '../versions/profiles';
import type { MessageQueue } from './MessageQueue';
import type { SelectionExplain, SkippedQueue, SkipReason } from './MQFaultStrategy';
import { PermName } from './PermName';
import { ThreadLocalIndex } from './ThreadLocalIndex';
import type { TopicRouteData } from './TopicRouteData';

/**
 * 5.x `TopicPublishInfo.QueueFilter`: a predicate on a queue. `skipReason` names, for the explanation of a
 * selection, why this filter rejects a queue.
 */
export interface QueueFilter {
  filter(mq: MessageQueue): boolean;
  readonly skipReason?: SkipReason;
  /** Extra detail for the explanation of a rejected queue (e.g. when its broker is available again). */
  explainSkip?(mq: MessageQueue): Pick<SkippedQueue, 'availableAt' | 'lastBrokerName'>;
}

/**
 * `org.apache.rocketmq.client.impl.producer.TopicPublishInfo`: a producer's view of one topic, i.e. the publish
 * queue list built from the route plus the round-robin counter `sendWhichQueue` (one per thread).
 */
export class TopicPublishInfo {
  readonly profile: VersionProfile;
  orderTopic = false;
  haveTopicRouterInfo = false;
  messageQueueList: MessageQueue[] = [];
  sendWhichQueue: ThreadLocalIndex;
  /** The route this was built from (kept by reference: conversion sorted its `queueDatas` in place). */
  topicRouteData: TopicRouteData | null = null;

  /** @param random seeds each thread's first counter value (upstream: the index's own `java.util.Random`). */
  constructor(version: VersionLike, random: IntRandom) {
    this.profile = profileOf(version);
    this.sendWhichQueue = new ThreadLocalIndex(this.profile, random);
  }

  /** A usable entry: the queue list is non-empty. `tryToFindTopicPublishInfo` and the send loop check this. */
  ok(): boolean {
    return this.messageQueueList.length > 0;
  }

  isOrderTopic(): boolean {
    return this.orderTopic;
  }

  isHaveTopicRouterInfo(): boolean {
    return this.haveTopicRouterInfo;
  }

  getMessageQueueList(): MessageQueue[] {
    return this.messageQueueList;
  }

  getSendWhichQueue(): ThreadLocalIndex {
    return this.sendWhichQueue;
  }

  private readCounter(explain: SelectionExplain | undefined): number {
    const value = this.sendWhichQueue.incrementAndGet();
    explain?.counterReads.push(value);
    return value;
  }

  /**
   * Plain round robin: one counter step, `list[value % size]` (4.x also takes `abs` and clamps, a no-op since
   * the counter is never negative). An empty list throws `ArithmeticException` after the counter moved.
   */
  selectOneMessageQueue(lastBrokerName?: string | null, explain?: SelectionExplain): MessageQueue {
    if (lastBrokerName !== undefined && lastBrokerName !== null) {
      return this.selectAvoidingBroker(lastBrokerName, explain);
    }
    const index = this.readCounter(explain);
    let pos = javaRem(javaAbs(index), this.messageQueueList.length);
    if (pos < 0) pos = 0;
    return this.pick(pos, index, explain);
  }

  private pick(pos: number, index: number, explain: SelectionExplain | undefined): MessageQueue {
    const mq = javaListGet(this.messageQueueList, pos);
    if (explain) {
      explain.pos = pos;
      explain.index = index;
    }
    return mq;
  }

  /** `selectOneMessageQueue(lastBrokerName)`: the first queue on another broker, else plain round robin. */
  private selectAvoidingBroker(lastBrokerName: string, explain: SelectionExplain | undefined): MessageQueue {
    const size = this.messageQueueList.length;
    const skipSameBroker = (mq: MessageQueue, pos: number) =>
      explain?.skip({
        brokerName: mq.brokerName,
        queueId: mq.queueId,
        pos,
        reason: 'sameBroker',
        lastBrokerName,
      });
    switch (this.profile.topicPublishInfo.avoidLastBroker) {
      case 'oneCounterReadThenScan': {
        // TopicPublishInfo (4.5.2): one counter read, then a local `index++` per probe; it can overflow to
        // Integer.MIN_VALUE, where abs stays negative and the position is forced to 0.
        let index = this.readCounter(explain);
        for (let i = 0; i < size; i++) {
          const used = index;
          let pos = javaRem(javaAbs(index), size);
          index = (index + 1) | 0;
          if (pos < 0) pos = 0;
          const mq = javaListGet(this.messageQueueList, pos);
          if (mq.brokerName !== lastBrokerName) return this.pick(pos, used, explain);
          skipSameBroker(mq, pos);
        }
        break;
      }
      case 'counterReadPerProbe': {
        // TopicPublishInfo (4.9.8): every probe moves the stored counter (changed in 4.8.0, ISSUE #2223).
        for (let i = 0; i < size; i++) {
          const index = this.readCounter(explain);
          let pos = javaRem(javaAbs(index), size);
          if (pos < 0) pos = 0;
          const mq = javaListGet(this.messageQueueList, pos);
          if (mq.brokerName !== lastBrokerName) return this.pick(pos, index, explain);
          skipSameBroker(mq, pos);
        }
        break;
      }
      case 'plainSelectPerProbe': {
        // TopicPublishInfo (5.3.3): each probe is a full plain round-robin call.
        for (let i = 0; i < size; i++) {
          const mq = this.selectOneMessageQueue(null, explain);
          if (mq.brokerName !== lastBrokerName) return mq;
          skipSameBroker(mq, explain?.pos ?? -1);
        }
        break;
      }
    }
    return this.selectOneMessageQueue(null, explain);
  }

  /**
   * 5.x `selectOneMessageQueue(QueueFilter... filter)`: up to `size` probes, each one counter step and
   * `list[abs(value % size)]`; the first queue every filter accepts, else null. An empty list gives null;
   * no filters at all behaves like the plain round robin.
   */
  selectOneMessageQueueFiltered(
    filters: readonly QueueFilter[],
    explain?: SelectionExplain,
    pass?: 'available' | 'reachable' | 'brokerFilter',
  ): MessageQueue | null {
    if (!this.profile.topicPublishInfo.hasFilteredSelect) {
      throw new Error(
        `TopicPublishInfo.selectOneMessageQueue(QueueFilter...) does not exist in ${this.profile.id}`,
      );
    }
    const list = this.messageQueueList;
    if (list.length === 0) return null;
    if (filters.length === 0) {
      const index = this.readCounter(explain);
      return this.pick(javaAbs(javaRem(index, list.length)), index, explain);
    }
    for (let i = 0; i < list.length; i++) {
      const index = this.readCounter(explain);
      const pos = javaAbs(javaRem(index, list.length));
      const mq = javaListGet(list, pos);
      // Upstream evaluates every filter (`&=`); they have no side effects, so the first rejection decides.
      const rejectedBy = filters.find((f) => !f.filter(mq));
      if (!rejectedBy) return this.pick(pos, index, explain);
      if (explain) {
        explain.skip({
          brokerName: mq.brokerName,
          queueId: mq.queueId,
          pos,
          reason: rejectedBy.skipReason ?? 'filtered',
          ...(pass ? { pass } : {}),
          ...rejectedBy.explainSkip?.(mq),
        });
      }
    }
    return null;
  }

  /** 5.x `resetIndex()`: a fresh random start for this thread's counter. */
  resetIndex(): void {
    this.sendWhichQueue.reset();
  }

  /**
   * `getQueueIdByBroker(brokerName)`: despite the name, the `writeQueueNums` of the first queue data with that
   * broker name, or -1. 4.9.8 only accepts writeable queue data; 4.5.2 and 5.3.3 (renamed
   * `getWriteQueueNumsByBroker`) do not check perm. A null name matches nothing. Without route data upstream
   * dereferences null.
   */
  getQueueIdByBroker(brokerName: string | null): number {
    if (this.topicRouteData === null)
      throw new JavaException('NullPointerException', 'topicRouteData is null');
    const requireWrite = this.profile.topicPublishInfo.queueIdByBrokerRequiresWritePerm;
    for (const queueData of this.topicRouteData.queueDatas) {
      if (requireWrite && !PermName.isWriteable(queueData.perm)) continue;
      if (queueData.brokerName === brokerName) return queueData.writeQueueNums;
    }
    return -1;
  }

  /** 5.3.3's name for `getQueueIdByBroker`. */
  getWriteQueueNumsByBroker(brokerName: string | null): number {
    return this.getQueueIdByBroker(brokerName);
  }

  toString(): string {
    return (
      `TopicPublishInfo [orderTopic=${this.orderTopic}, messageQueueList=[${this.messageQueueList.join(', ')}], ` +
      `sendWhichQueue=${this.sendWhichQueue}, haveTopicRouterInfo=${this.haveTopicRouterInfo}]`
    );
  }
}
