import type { Clock } from '../common/Clock';
import type { IntRandom } from '../common/IntRandom';
import { isJavaException, javaAbs, javaListGet, javaRem } from '../common/javaInt';
import { ThreadLocal } from '../common/ThreadLocal';
import { profileOf, type VersionLike, type VersionProfile } from '../versions/profiles';
import { LatencyFaultToleranceImpl, type Resolver, type ServiceDetector } from './LatencyFaultToleranceImpl';
import { MessageQueue } from './MessageQueue';
import type { QueueFilter, TopicPublishInfo } from './TopicPublishInfo';

export interface MQFaultStrategyOptions {
  version: VersionLike;
  clock: Clock;
  /** Seeds the fault table's `whichItemWorst` and its shuffles. */
  random: IntRandom;
  /** 4.x `setSendLatencyFaultEnable`, 5.x `ClientConfig.sendLatencyEnable`; default off in every tag. */
  sendLatencyFaultEnable?: boolean;
  /** 5.x `ClientConfig.startDetectorEnable` (default false). */
  startDetectorEnable?: boolean;
  /** 5.x `ClientConfig.detectInterval` (default 2000 ms). */
  detectInterval?: number;
  /** 5.x `ClientConfig.detectTimeout` (default 200 ms). */
  detectTimeout?: number;
  /** 5.x: broker name -> master address, for the detector. */
  resolver?: Resolver | null;
  /** 5.x: the reachability probe. */
  serviceDetector?: ServiceDetector | null;
  /** Use this table instead of a new one (5.x's second constructor, "for unit test"). */
  latencyFaultTolerance?: LatencyFaultToleranceImpl;
}

/** What an `updateFaultItem` did, for the `fault.update` trace event (upstream returns nothing). */
export interface FaultUpdate {
  brokerName: string;
  currentLatency: number;
  isolation: boolean;
  /** `computeNotAvailableDuration(isolation ? isolationLatency : currentLatency)`. */
  notAvailableDuration: number;
  /** The item's `startTimestamp` after the update: when the broker is available again. */
  availableAt: number;
  /** 5.x: the item's `reachableFlag` after the update (always true in 4.x, which has no such flag). */
  reachable: boolean;
}

/**
 * 5.x `MQFaultStrategy.BrokerFilter` (one per thread): rejects queues on `lastBrokerName`, when one is set.
 */
export class BrokerFilter implements QueueFilter {
  readonly skipReason = 'sameBroker' as const;
  private lastBrokerName: string | null = null;

  setLastBrokerName(lastBrokerName: string | null): void {
    this.lastBrokerName = lastBrokerName;
  }

  getLastBrokerName(): string | null {
    return this.lastBrokerName;
  }

  filter(mq: MessageQueue): boolean {
    return this.lastBrokerName === null || mq.brokerName !== this.lastBrokerName;
  }

  explainSkip(): Pick<SkippedQueue, 'lastBrokerName'> {
    return { lastBrokerName: this.lastBrokerName };
  }
}

/**
 * `org.apache.rocketmq.client.latency.MQFaultStrategy`: picks the queue for each send attempt, and turns each
 * attempt's latency into an isolation period for its broker.
 */
export class MQFaultStrategy {
  readonly profile: VersionProfile;
  readonly latencyFaultTolerance: LatencyFaultToleranceImpl;
  private sendLatencyFaultEnable: boolean;
  private startDetectorEnable = false;
  private latencyMax: number[];
  private notAvailableDuration: number[];
  /** 5.x `threadBrokerFilter`. */
  private readonly threadBrokerFilter = new ThreadLocal<BrokerFilter>(() => new BrokerFilter());

  /** 5.x `availableFilter`: the broker's fault item (if any) is no longer isolated. */
  readonly availableFilter: QueueFilter = {
    skipReason: 'notAvailable',
    filter: (mq) => this.latencyFaultTolerance.isAvailable(mq.brokerName),
    explainSkip: (mq) => {
      const availableAt = this.latencyFaultTolerance.getFaultItem(mq.brokerName)?.startTimestamp;
      return availableAt === undefined ? {} : { availableAt };
    },
  };

  /** 5.x `reachableFilter`: the broker's fault item (if any) is reachable. */
  readonly reachableFilter: QueueFilter = {
    skipReason: 'notReachable',
    filter: (mq) => this.latencyFaultTolerance.isReachable(mq.brokerName),
  };

  constructor(options: MQFaultStrategyOptions) {
    this.profile = profileOf(options.version);
    const rule = this.profile.mqFaultStrategy;
    this.latencyMax = [...rule.latencyMax];
    this.notAvailableDuration = [...rule.notAvailableDuration];
    this.latencyFaultTolerance =
      options.latencyFaultTolerance ??
      new LatencyFaultToleranceImpl({
        version: this.profile,
        clock: options.clock,
        random: options.random,
        resolver: options.resolver ?? null,
        serviceDetector: options.serviceDetector ?? null,
      });
    this.sendLatencyFaultEnable = options.sendLatencyFaultEnable ?? rule.sendLatencyFaultEnableDefault;
    if (this.profile.latencyFaultTolerance.hasReachability) {
      // MQFaultStrategy(ClientConfig, Resolver, ServiceDetector) (5.x) copies these from the client config.
      this.latencyFaultTolerance.setDetectInterval(
        options.detectInterval ?? this.profile.latencyFaultTolerance.detectIntervalMs,
      );
      this.latencyFaultTolerance.setDetectTimeout(
        options.detectTimeout ?? this.profile.latencyFaultTolerance.detectTimeoutMs,
      );
      this.setStartDetectorEnable(options.startDetectorEnable ?? rule.startDetectorEnableDefault);
    }
  }

  isSendLatencyFaultEnable(): boolean {
    return this.sendLatencyFaultEnable;
  }

  setSendLatencyFaultEnable(sendLatencyFaultEnable: boolean): void {
    this.sendLatencyFaultEnable = sendLatencyFaultEnable;
  }

  isStartDetectorEnable(): boolean {
    return this.startDetectorEnable;
  }

  /** 5.x: also switches the fault table's scheduled detection on or off. */
  setStartDetectorEnable(startDetectorEnable: boolean): void {
    this.startDetectorEnable = startDetectorEnable;
    this.latencyFaultTolerance.setStartDetectorEnable(startDetectorEnable);
  }

  getLatencyMax(): readonly number[] {
    return this.latencyMax;
  }

  setLatencyMax(latencyMax: readonly number[]): void {
    this.latencyMax = [...latencyMax];
  }

  getNotAvailableDuration(): readonly number[] {
    return this.notAvailableDuration;
  }

  setNotAvailableDuration(notAvailableDuration: readonly number[]): void {
    this.notAvailableDuration = [...notAvailableDuration];
  }

  /** 5.x `getThreadBrokerFilter().get()`: the current thread's broker filter. */
  getThreadBrokerFilter(): BrokerFilter {
    return this.threadBrokerFilter.get();
  }

  /** 5.x `startDetector` (see `LatencyFaultToleranceImpl.startDetector`). */
  startDetector(): void {
    this.latencyFaultTolerance.startDetector();
  }

  shutdown(): void {
    if (this.profile.latencyFaultTolerance.hasReachability) this.latencyFaultTolerance.shutdown();
  }

  /**
   * The queue for the next attempt. `resetIndex` exists from 5.x (the send loop passes true on retries);
   * 4.x ignores it. `explain`, when given, collects how the decision was reached without changing it.
   * An empty queue list ends in `ArithmeticException`, as upstream's final modulo.
   */
  selectOneMessageQueue(
    tpInfo: TopicPublishInfo,
    lastBrokerName: string | null,
    resetIndex = false,
    explain?: SelectionExplain,
  ): MessageQueue {
    if (this.profile.mqFaultStrategy.selection === 'filterPasses') {
      return this.selectByFilterPasses(tpInfo, lastBrokerName, resetIndex, explain);
    }
    return this.selectByAvailableLoop(tpInfo, lastBrokerName, explain);
  }

  /** MQFaultStrategy.selectOneMessageQueue (4.5.2, 4.9.8). */
  private selectByAvailableLoop(
    tpInfo: TopicPublishInfo,
    lastBrokerName: string | null,
    explain: SelectionExplain | undefined,
  ): MessageQueue {
    if (!this.sendLatencyFaultEnable) {
      const mq = tpInfo.selectOneMessageQueue(lastBrokerName, explain);
      explain?.choose('latencyDisabled', mq, explain.pos ?? -1, explain.index);
      return mq;
    }
    const rule = this.profile.mqFaultStrategy;
    const faults = this.latencyFaultTolerance;
    try {
      // One counter read, then a local `index++` per probe: the stored counter moves by one however many
      // queues are skipped, so traffic piles up on the first available queue after a faulty broker.
      let index = tpInfo.sendWhichQueue.incrementAndGet();
      explain?.counterReads.push(index);
      const list = tpInfo.messageQueueList;
      for (let i = 0; i < list.length; i++) {
        const used = index;
        // The local index can overflow to Integer.MIN_VALUE, whose abs stays negative: position 0 then.
        let pos = javaRem(javaAbs(index), list.length);
        index = (index + 1) | 0;
        if (pos < 0) pos = 0;
        const mq = javaListGet(list, pos);
        if (faults.isAvailable(mq.brokerName)) {
          // 4.5.2 accepts a retry's queue only ON the broker that just failed (removed in 4.8.0, ISSUE #1576);
          // 4.9.8 does not look at lastBrokerName here at all.
          if (
            rule.lastBrokerWhenLatencyEnabled !== 'mustMatch' ||
            lastBrokerName === null ||
            mq.brokerName === lastBrokerName
          ) {
            explain?.choose('available', mq, pos, used);
            return mq;
          }
          explain?.skip({
            brokerName: mq.brokerName,
            queueId: mq.queueId,
            pos,
            reason: 'notLastBroker',
            lastBrokerName,
          });
        } else if (explain) {
          const availableAt = faults.getFaultItem(mq.brokerName)?.startTimestamp;
          explain.skip({
            brokerName: mq.brokerName,
            queueId: mq.queueId,
            pos,
            reason: 'notAvailable',
            ...(availableAt === undefined ? {} : { availableAt }),
          });
        }
      }

      const notBestBroker = faults.pickOneAtLeast();
      if (explain) explain.pick = notBestBroker;
      const writeQueueNums = tpInfo.getQueueIdByBroker(notBestBroker);
      if (explain) explain.writeQueueNums = writeQueueNums;
      if (writeQueueNums > 0) {
        const mq = tpInfo.selectOneMessageQueue(null, explain);
        const pos = explain?.pos ?? -1;
        if (notBestBroker !== null) {
          if (rule.notBestBrokerQueue === 'mutateListEntry') {
            // MQFaultStrategy (4.5.2): rewrites the list entry itself, so the shared messageQueueList keeps a
            // duplicate of notBestBroker until the route changes (fixed in 4.9.8 by ISSUE #7779).
            const before = { brokerName: mq.brokerName, queueId: mq.queueId };
            mq.setBrokerName(notBestBroker);
            const value = tpInfo.sendWhichQueue.incrementAndGet();
            explain?.counterReads.push(value);
            mq.setQueueId(javaRem(value, writeQueueNums));
            if (explain)
              explain.mutated = { pos, before, after: { brokerName: mq.brokerName, queueId: mq.queueId } };
            explain?.choose('notBestBroker', mq, pos, value);
            return mq;
          }
          const value = tpInfo.sendWhichQueue.incrementAndGet();
          explain?.counterReads.push(value);
          const fresh = new MessageQueue(mq.topic, notBestBroker, javaRem(value, writeQueueNums));
          explain?.choose('notBestBroker', fresh, -1, value);
          return fresh;
        }
        explain?.choose('notBestBroker', mq, pos, explain.index);
        return mq;
      }
      // The picked broker has no usable queue data in this route (or the table was empty: remove(null) throws).
      faults.remove(notBestBroker);
      if (explain) explain.removedFromFaultTable = notBestBroker;
    } catch (error) {
      // "Error occurred when selecting message queue" is logged and the selection falls back.
      if (!isJavaException(error)) throw error;
      explain?.loggedErrors.push(error.javaClass);
    }
    const mq = tpInfo.selectOneMessageQueue(null, explain);
    explain?.choose('fallback', mq, explain.pos ?? -1, explain.index);
    return mq;
  }

  /** MQFaultStrategy.selectOneMessageQueue (5.3.3): filter passes over TopicPublishInfo, no pickOneAtLeast. */
  private selectByFilterPasses(
    tpInfo: TopicPublishInfo,
    lastBrokerName: string | null,
    resetIndex: boolean,
    explain: SelectionExplain | undefined,
  ): MessageQueue {
    const brokerFilter = this.threadBrokerFilter.get();
    brokerFilter.setLastBrokerName(lastBrokerName);
    if (this.sendLatencyFaultEnable) {
      if (resetIndex) {
        // Every retry starts from a fresh random position, so retries spread over the queues.
        tpInfo.resetIndex();
        if (explain) explain.resetTo = tpInfo.sendWhichQueue.getStoredValue() ?? 0;
      }
      const available = tpInfo.selectOneMessageQueueFiltered(
        [this.availableFilter, brokerFilter],
        explain,
        'available',
      );
      if (available) {
        explain?.choose('available', available, explain.pos ?? -1, explain.index);
        return available;
      }
      const reachable = tpInfo.selectOneMessageQueueFiltered(
        [this.reachableFilter, brokerFilter],
        explain,
        'reachable',
      );
      if (reachable) {
        explain?.choose('reachable', reachable, explain.pos ?? -1, explain.index);
        return reachable;
      }
      const mq = tpInfo.selectOneMessageQueue(null, explain);
      explain?.choose('fallback', mq, explain.pos ?? -1, explain.index);
      return mq;
    }
    const other = tpInfo.selectOneMessageQueueFiltered([brokerFilter], explain, 'brokerFilter');
    if (other) {
      explain?.choose('brokerFilter', other, explain.pos ?? -1, explain.index);
      return other;
    }
    const mq = tpInfo.selectOneMessageQueue(null, explain);
    explain?.choose('fallback', mq, explain.pos ?? -1, explain.index);
    return mq;
  }

  /**
   * Records an attempt's latency. Only when latency fault tolerance is on: the broker is isolated for
   * `computeNotAvailableDuration(isolation ? isolationLatency : currentLatency)` ms (isolation: 30000 -> 600 s in
   * 4.x, 10000 -> 10 s in 5.x). 5.x also records `reachable`. Returns null when disabled.
   */
  updateFaultItem(
    brokerName: string,
    currentLatency: number,
    isolation: boolean,
    reachable = true,
  ): FaultUpdate | null {
    if (!this.sendLatencyFaultEnable) return null;
    const duration = this.computeNotAvailableDuration(
      isolation ? this.profile.mqFaultStrategy.isolationLatency : currentLatency,
    );
    const item = this.latencyFaultTolerance.updateFaultItem(brokerName, currentLatency, duration, reachable);
    return {
      brokerName,
      currentLatency,
      isolation,
      notAvailableDuration: duration,
      availableAt: item.startTimestamp,
      reachable: this.profile.latencyFaultTolerance.hasReachability ? item.reachableFlag : true,
    };
  }

  /** The `notAvailableDuration` at the highest index whose `latencyMax` is <= the latency; 0 below the first. */
  computeNotAvailableDuration(currentLatency: number): number {
    for (let i = this.latencyMax.length - 1; i >= 0; i--) {
      if (currentLatency >= (this.latencyMax[i] as number)) return this.notAvailableDuration[i] ?? 0;
    }
    return 0;
  }
}

/**
 * Which branch of a queue selection returned the queue.
 * - 4.x: `available` (first loop), `notBestBroker` (the `pickOneAtLeast` branch), `fallback` (plain round robin
 *   after that branch failed or threw), `latencyDisabled` (`TopicPublishInfo.selectOneMessageQueue(lastBrokerName)`).
 * - 5.x: `available` (availableFilter + brokerFilter), `reachable` (reachableFilter + brokerFilter),
 *   `brokerFilter` (latency disabled, brokerFilter only), `fallback` (the unfiltered round robin).
 */
export type SelectionPath =
  'available' | 'notBestBroker' | 'fallback' | 'latencyDisabled' | 'reachable' | 'brokerFilter';

/**
 * Why a probed queue was passed over.
 * - `notAvailable`: its broker's fault item is still isolated (`availableAt` says until when).
 * - `sameBroker`: it is on `lastBrokerName`, which this pass avoids.
 * - `notLastBroker`: 4.5.2 only, its broker is NOT `lastBrokerName`; the latency loop there accepts only the
 *   last broker on a retry (the inverted check, removed in 4.8.0).
 * - `notReachable`: 5.x, its broker's `reachableFlag` is false.
 * - `filtered`: a caller-supplied `QueueFilter` without a reason of its own rejected it.
 */
export type SkipReason = 'notAvailable' | 'sameBroker' | 'notLastBroker' | 'notReachable' | 'filtered';

export interface SkippedQueue {
  brokerName: string;
  queueId: number;
  /** Position in `messageQueueList`. */
  pos: number;
  reason: SkipReason;
  /** The 5.x pass that rejected it. */
  pass?: 'available' | 'reachable' | 'brokerFilter' | 'lastBroker';
  /** For `notAvailable`: the fault item's `startTimestamp`, the virtual time it becomes available again. */
  availableAt?: number;
  /** For `sameBroker` / `notLastBroker`. */
  lastBrokerName?: string | null;
}

/**
 * Optional out-parameter of the selection methods: how the decision was reached, for the `queue.select`
 * trace event. It never changes the decision; when it is absent the selection does no extra work.
 */
export class SelectionExplain {
  path: SelectionPath | null = null;
  /**
   * The counter-derived value the returned queue's position was computed from (for the 4.x loop, the local
   * `index++` value; for a 4.x `notBestBroker` queue, the value whose `% writeQueueNums` gave its queue id).
   */
  index: number | null = null;
  /** Position of the returned object in `messageQueueList`, or -1 for a new `MessageQueue` (4.9.8). */
  pos: number | null = null;
  /** Every value the `sendWhichQueue` counter returned during the selection, in order. */
  readonly counterReads: number[] = [];
  readonly skipped: SkippedQueue[] = [];
  /** 4.x: what `pickOneAtLeast` returned, when that branch ran. */
  pick?: string | null;
  /** 4.x: `getQueueIdByBroker(pick)`. */
  writeQueueNums?: number;
  /** 4.x: the broker removed from the fault table because the route had no usable queues for it. */
  removedFromFaultTable?: string | null;
  /** 4.5.2: the list entry rewritten in place. */
  mutated?: {
    pos: number;
    before: { brokerName: string; queueId: number };
    after: { brokerName: string; queueId: number };
  };
  /** Java exceptions upstream caught and logged ("Error occurred when selecting message queue"). */
  readonly loggedErrors: string[] = [];
  /** 5.x: the value `resetIndex()` stored before the passes. */
  resetTo?: number;
  /** The returned queue (as it was when returned). */
  chosen?: { brokerName: string; queueId: number };

  skip(entry: SkippedQueue): void {
    this.skipped.push(entry);
  }

  choose(path: SelectionPath, mq: MessageQueue, pos: number, index: number | null): void {
    this.path = path;
    this.pos = pos;
    this.index = index;
    this.chosen = { brokerName: mq.brokerName, queueId: mq.queueId };
  }
}
