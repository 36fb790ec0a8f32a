import { parseVersion, type VersionId } from './VersionId';

export { VERSION_IDS, isVersionId, parseVersion, versionLine, type VersionId } from './VersionId';

/**
 * What differs between the modelled tags, one section per upstream class. Client modules take a
 * `VersionId` (or a whole profile, for what-if experiments) and switch on these fields where the Java
 * differs, so adding a tag means adding one object here, not editing every module.
 *
 * To extend: add a field (or a section named after the upstream class) to `VersionProfile` and give it a
 * value in each of the three profiles below; the compiler points at any profile that lacks it.
 */
export interface VersionProfile {
  readonly id: VersionId;
  /** The git tag the behaviour was read from. */
  readonly tag: string;

  /** `C/common/ThreadLocalIndex.java` */
  readonly threadLocalIndex: {
    /** The method's upstream name; both names in the TypeScript class run this version's step. */
    readonly method: 'getAndIncrement' | 'incrementAndGet';
    /**
     * The first value a thread stores, from `Random.nextInt()`: 4.5.2 `abs`, then 0 if still negative;
     * 4.9.8 `abs` only (Integer.MIN_VALUE stays negative); 5.3.3 the raw signed value.
     */
    readonly firstValue: 'absClampedToZero' | 'abs' | 'signed';
    /** 4.5.2 stores and returns `abs(s + 1)` (0 if negative); later tags store `s + 1` and return it masked. */
    readonly step: 'absClampedToZero' | 'wrapThenMask';
    /** `reset()` (5.x): re-randomises this thread's counter before a retry. */
    readonly hasReset: boolean;
  };

  /** `C/impl/producer/TopicPublishInfo.java` */
  readonly topicPublishInfo: {
    /**
     * `selectOneMessageQueue(lastBrokerName)`: 4.5.2 reads the counter once and scans from there; 4.9.8 reads
     * it on every probe; 5.3.3 calls the plain round robin on every probe.
     */
    readonly avoidLastBroker: 'oneCounterReadThenScan' | 'counterReadPerProbe' | 'plainSelectPerProbe';
    /** `getQueueIdByBroker` only accepts writeable queue data in 4.9.8 (5.3.3 renamed it and dropped the check). */
    readonly queueIdByBrokerRequiresWritePerm: boolean;
    /** 5.x `selectOneMessageQueue(QueueFilter...)` and `resetIndex()`. */
    readonly hasFilteredSelect: boolean;
  };

  /** `C/latency/LatencyFaultToleranceImpl.java` */
  readonly latencyFaultTolerance: {
    /** 4.x overwrites `startTimestamp` on every update; 5.x only ever extends it (and only for a positive duration). */
    readonly update: 'overwrite' | 'extendOnly';
    /**
     * 4.5.2 shuffles, sorts and rotates over the better half; 4.9.8 the same without the shuffle; 5.3.3 shuffles
     * and returns the first reachable item.
     */
    readonly pickOneAtLeast: 'shuffleSortBetterHalf' | 'sortBetterHalf' | 'shuffleFirstReachable';
    /** 5.x `reachableFlag`, `isReachable`, `checkStamp` and the detector. */
    readonly hasReachability: boolean;
    /** `new ConcurrentHashMap<>(16)` for `faultItemTable`; fixes the iteration order that ties fall back to. */
    readonly faultItemTableInitialCapacity: number;
    /** 5.x `detectInterval` default (ms), also `ClientConfig.detectInterval`. */
    readonly detectIntervalMs: number;
    /** 5.x `detectTimeout` default (ms), also `ClientConfig.detectTimeout`. */
    readonly detectTimeoutMs: number;
    /** 5.x `startDetector`: `scheduleAtFixedRate(..., 3, 3, SECONDS)` on `LatencyFaultToleranceScheduledThread`. */
    readonly detectorInitialDelayMs: number;
    readonly detectorPeriodMs: number;
  };

  /** `C/latency/MQFaultStrategy.java` */
  readonly mqFaultStrategy: {
    /** `latencyMax` thresholds (ms). */
    readonly latencyMax: readonly number[];
    /** `notAvailableDuration` (ms), same index as `latencyMax`. */
    readonly notAvailableDuration: readonly number[];
    /** The latency an isolating update is treated as: `computeNotAvailableDuration(isolation ? X : latency)`. */
    readonly isolationLatency: number;
    /** 4.x: one available-broker loop, then `pickOneAtLeast`; 5.x: filter passes over `TopicPublishInfo`. */
    readonly selection: 'availableLoopThenPickOneAtLeast' | 'filterPasses';
    /**
     * How the latency-enabled path treats `lastBrokerName`: 4.5.2 accepts only queues ON the last broker
     * (the inverted check), 4.9.8 ignores it, 5.3.3 avoids it in every pass but the last.
     */
    readonly lastBrokerWhenLatencyEnabled: 'mustMatch' | 'ignored' | 'avoided';
    /** 4.5.2 rewrites a `MessageQueue` inside the shared list; 4.9.8 returns a new one; 5.3.3 has no such branch. */
    readonly notBestBrokerQueue: 'mutateListEntry' | 'newMessageQueue' | 'none';
    /** `sendLatencyFaultEnable` (4.x) / `ClientConfig.sendLatencyEnable` (5.x) default. */
    readonly sendLatencyFaultEnableDefault: boolean;
    /** 5.x `ClientConfig.startDetectorEnable` default. */
    readonly startDetectorEnableDefault: boolean;
  };

  /** `C/producer/selector/SelectMessageQueueByHash.java` */
  readonly selectMessageQueueByHash: {
    /** 4.5.2 takes `abs` of the hash before `%` (fails for Integer.MIN_VALUE); later tags take `%` first. */
    readonly index: 'absThenMod' | 'modThenAbs';
  };

  /** `MQClientInstance.topicRouteData2TopicPublishInfo` */
  readonly route: {
    /** 5.x builds logical queues from `topicQueueMappingByBroker` (static topics). */
    readonly staticTopicMapping: boolean;
  };
}

const LATENCY_MAX_4X = [50, 100, 550, 1000, 2000, 3000, 15000] as const;
const NOT_AVAILABLE_DURATION_4X = [0, 0, 30000, 60000, 120000, 180000, 600000] as const;

const LATENCY_FAULT_TOLERANCE_COMMON = {
  faultItemTableInitialCapacity: 16,
  detectIntervalMs: 2000,
  detectTimeoutMs: 200,
  detectorInitialDelayMs: 3000,
  detectorPeriodMs: 3000,
} as const;

export const PROFILES: Readonly<Record<VersionId, VersionProfile>> = {
  '4.5.2': {
    id: '4.5.2',
    tag: 'rocketmq-all-4.5.2',
    threadLocalIndex: {
      method: 'getAndIncrement',
      firstValue: 'absClampedToZero',
      step: 'absClampedToZero',
      hasReset: false,
    },
    topicPublishInfo: {
      avoidLastBroker: 'oneCounterReadThenScan',
      queueIdByBrokerRequiresWritePerm: false,
      hasFilteredSelect: false,
    },
    latencyFaultTolerance: {
      ...LATENCY_FAULT_TOLERANCE_COMMON,
      update: 'overwrite',
      pickOneAtLeast: 'shuffleSortBetterHalf',
      hasReachability: false,
    },
    mqFaultStrategy: {
      latencyMax: LATENCY_MAX_4X,
      notAvailableDuration: NOT_AVAILABLE_DURATION_4X,
      isolationLatency: 30000,
      selection: 'availableLoopThenPickOneAtLeast',
      lastBrokerWhenLatencyEnabled: 'mustMatch',
      notBestBrokerQueue: 'mutateListEntry',
      sendLatencyFaultEnableDefault: false,
      startDetectorEnableDefault: false,
    },
    selectMessageQueueByHash: { index: 'absThenMod' },
    route: { staticTopicMapping: false },
  },
  '4.9.8': {
    id: '4.9.8',
    tag: 'rocketmq-all-4.9.8',
    threadLocalIndex: {
      method: 'incrementAndGet',
      firstValue: 'abs',
      step: 'wrapThenMask',
      hasReset: false,
    },
    topicPublishInfo: {
      avoidLastBroker: 'counterReadPerProbe',
      queueIdByBrokerRequiresWritePerm: true,
      hasFilteredSelect: false,
    },
    latencyFaultTolerance: {
      ...LATENCY_FAULT_TOLERANCE_COMMON,
      update: 'overwrite',
      pickOneAtLeast: 'sortBetterHalf',
      hasReachability: false,
    },
    mqFaultStrategy: {
      latencyMax: LATENCY_MAX_4X,
      notAvailableDuration: NOT_AVAILABLE_DURATION_4X,
      isolationLatency: 30000,
      selection: 'availableLoopThenPickOneAtLeast',
      lastBrokerWhenLatencyEnabled: 'ignored',
      notBestBrokerQueue: 'newMessageQueue',
      sendLatencyFaultEnableDefault: false,
      startDetectorEnableDefault: false,
    },
    selectMessageQueueByHash: { index: 'modThenAbs' },
    route: { staticTopicMapping: false },
  },
  '5.3.3': {
    id: '5.3.3',
    tag: 'rocketmq-all-5.3.3',
    threadLocalIndex: {
      method: 'incrementAndGet',
      firstValue: 'signed',
      step: 'wrapThenMask',
      hasReset: true,
    },
    topicPublishInfo: {
      avoidLastBroker: 'plainSelectPerProbe',
      queueIdByBrokerRequiresWritePerm: false,
      hasFilteredSelect: true,
    },
    latencyFaultTolerance: {
      ...LATENCY_FAULT_TOLERANCE_COMMON,
      update: 'extendOnly',
      pickOneAtLeast: 'shuffleFirstReachable',
      hasReachability: true,
    },
    mqFaultStrategy: {
      latencyMax: [50, 100, 550, 1800, 3000, 5000, 15000],
      notAvailableDuration: [0, 0, 2000, 5000, 6000, 10000, 30000],
      isolationLatency: 10000,
      selection: 'filterPasses',
      lastBrokerWhenLatencyEnabled: 'avoided',
      notBestBrokerQueue: 'none',
      sendLatencyFaultEnableDefault: false,
      startDetectorEnableDefault: false,
    },
    selectMessageQueueByHash: { index: 'modThenAbs' },
    route: { staticTopicMapping: true },
  },
};

/** A version id, or a whole profile (for what-if experiments with edited constants). */
export type VersionLike = VersionId | VersionProfile;

export function profileOf(version: VersionLike): VersionProfile {
  return typeof version === 'string' ? PROFILES[parseVersion(version)] : version;
}
