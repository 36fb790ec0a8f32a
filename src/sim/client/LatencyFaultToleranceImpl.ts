import type { Clock } from '../common/Clock';
import type { IntRandom } from '../common/IntRandom';
import {
  JavaConcurrentHashMap,
  JavaException,
  javaCollectionsShuffle,
  javaListGet,
  javaRem,
  javaStringHashCode,
} from '../common/javaInt';
import { profileOf, type VersionLike, type VersionProfile } from '../versions/profiles';
import { ThreadLocalIndex } from './ThreadLocalIndex';

/** 5.x `Resolver`: broker name -> master address (the producer uses `findBrokerAddressInPublish`), or null. */
export type Resolver = (brokerName: string) => string | null;

/** 5.x `ServiceDetector`: probes a broker address; true means healthy. The producer's probe is a 200 ms RPC. */
export type ServiceDetector = (brokerAddr: string, timeoutMillis: number) => boolean;

/**
 * `LatencyFaultToleranceImpl.FaultItem`: what the producer remembers about one broker.
 * `startTimestamp` is the virtual time from which the broker is available again.
 */
export class FaultItem {
  currentLatency = 0;
  startTimestamp = 0;
  /** 5.x: when the detector may probe this item again. */
  checkStamp = 0;
  /** 5.x: false after an update with `reachable = false`, until an update or the detector says otherwise. */
  reachableFlag = false;

  constructor(
    readonly name: string,
    private readonly clock: Clock,
    private readonly profile: VersionProfile,
  ) {}

  getName(): string {
    return this.name;
  }

  /** 4.x `now - startTimestamp >= 0`; 5.x `now >= startTimestamp` (the same on exact numbers). */
  isAvailable(): boolean {
    return this.clock.now() - this.startTimestamp >= 0;
  }

  isReachable(): boolean {
    return this.reachableFlag;
  }

  /**
   * 5.x `updateNotAvailableDuration`: only a positive duration that ends later than the current isolation moves
   * `startTimestamp`, so isolation can be extended but never shortened.
   */
  updateNotAvailableDuration(notAvailableDuration: number): void {
    const now = this.clock.now();
    if (notAvailableDuration > 0 && now + notAvailableDuration > this.startTimestamp) {
      this.startTimestamp = now + notAvailableDuration;
    }
  }

  /** Available items first, then lower `currentLatency`, then earlier `startTimestamp`. */
  compareTo(other: FaultItem): number {
    const mine = this.isAvailable();
    const theirs = other.isAvailable();
    if (mine !== theirs) return mine ? -1 : 1;
    if (this.currentLatency !== other.currentLatency)
      return this.currentLatency < other.currentLatency ? -1 : 1;
    if (this.startTimestamp !== other.startTimestamp)
      return this.startTimestamp < other.startTimestamp ? -1 : 1;
    return 0;
  }

  toString(): string {
    const reachable = this.profile.latencyFaultTolerance.hasReachability
      ? `, reachableFlag=${this.reachableFlag}`
      : '';
    return `FaultItem{name='${this.name}', currentLatency=${this.currentLatency}, startTimestamp=${this.startTimestamp}${reachable}}`;
  }
}

export interface LatencyFaultToleranceOptions {
  version: VersionLike;
  clock: Clock;
  /** Seeds `whichItemWorst` and drives `Collections.shuffle` in `pickOneAtLeast` (4.5.2, 5.3.3). */
  random: IntRandom;
  /** 5.x detector plumbing; without a resolver every broker resolves to null. */
  resolver?: Resolver | null;
  serviceDetector?: ServiceDetector | null;
}

/** What one `detectByOneRound` did, for the trace (upstream returns nothing). */
export interface DetectRound {
  /** Addresses handed to the detector, in table order. */
  probed: string[];
  /** Items dropped because their broker no longer resolves to an address. */
  removed: string[];
  /** Items whose `reachableFlag` went back to true. */
  recovered: string[];
}

/**
 * `org.apache.rocketmq.client.latency.LatencyFaultToleranceImpl`: the producer's table of slow or failed brokers,
 * keyed by broker name across all topics. The table iterates like Java's `ConcurrentHashMap`, which decides the
 * order of ties in 4.9.8's `pickOneAtLeast` and the input of the 4.5.2/5.3.3 shuffles.
 */
export class LatencyFaultToleranceImpl {
  readonly profile: VersionProfile;
  readonly whichItemWorst: ThreadLocalIndex;
  private readonly faultItemTable: JavaConcurrentHashMap<string, FaultItem>;
  private readonly clock: Clock;
  private readonly random: IntRandom;
  private resolver: Resolver | null;
  private serviceDetector: ServiceDetector | null;
  private detectTimeout: number;
  private detectInterval: number;
  private startDetectorEnable = false;
  private detectorStarted = false;

  constructor(options: LatencyFaultToleranceOptions) {
    this.profile = profileOf(options.version);
    this.clock = options.clock;
    this.random = options.random;
    this.resolver = options.resolver ?? null;
    this.serviceDetector = options.serviceDetector ?? null;
    this.whichItemWorst = new ThreadLocalIndex(this.profile, options.random);
    this.faultItemTable = new JavaConcurrentHashMap<string, FaultItem>(
      javaStringHashCode,
      Object.is,
      this.profile.latencyFaultTolerance.faultItemTableInitialCapacity,
    );
    this.detectTimeout = this.profile.latencyFaultTolerance.detectTimeoutMs;
    this.detectInterval = this.profile.latencyFaultTolerance.detectIntervalMs;
  }

  /**
   * Records a latency for a broker and isolates it for `notAvailableDuration` ms.
   * - 4.x: `startTimestamp = now + duration`, always, so a later fast reply ends an isolation at once.
   * - 5.x: `startTimestamp` only moves later (`updateNotAvailableDuration`); `reachableFlag = reachable`.
   *   A new 5.x item starts at 0, i.e. available.
   */
  updateFaultItem(
    name: string,
    currentLatency: number,
    notAvailableDuration: number,
    reachable = true,
  ): FaultItem {
    let item = this.faultItemTable.get(name);
    if (!item) {
      item = new FaultItem(name, this.clock, this.profile);
      this.faultItemTable.putIfAbsent(name, item);
    }
    item.currentLatency = currentLatency;
    if (this.profile.latencyFaultTolerance.update === 'overwrite') {
      item.startTimestamp = this.clock.now() + notAvailableDuration;
    } else {
      item.updateNotAvailableDuration(notAvailableDuration);
      item.reachableFlag = reachable;
    }
    return item;
  }

  /** A broker without an item is available. */
  isAvailable(name: string): boolean {
    const item = this.getFaultItem(name);
    return item ? item.isAvailable() : true;
  }

  /** 5.x: a broker without an item is reachable. */
  isReachable(name: string): boolean {
    this.require5x('isReachable');
    const item = this.getFaultItem(name);
    return item ? item.isReachable() : true;
  }

  /** `ConcurrentHashMap.remove(null)` throws `NullPointerException`, which 4.x's selection catches and logs. */
  remove(name: string | null): void {
    if (name === null) throw new JavaException('NullPointerException', 'ConcurrentHashMap.remove(null)');
    this.faultItemTable.remove(name);
  }

  /**
   * A broker to fall back to when no queue is available, or null for an empty table.
   * - 4.x: copy the table (4.5.2 shuffles it), sort (`FaultItem.compareTo`, stable), and with `half = n / 2`
   *   return item 0 if half is 0, else item `whichItemWorst.next() % half`: a rotation over the better half.
   * - 5.3.3: shuffle and return the first reachable item (null if none). Unused by 5.x's selection.
   */
  pickOneAtLeast(): string | null {
    const items = this.faultItemTable.values();
    if (items.length === 0) return null;
    const rule = this.profile.latencyFaultTolerance.pickOneAtLeast;
    if (rule === 'shuffleFirstReachable') {
      javaCollectionsShuffle(items, this.random);
      return items.find((item) => item.reachableFlag)?.name ?? null;
    }
    if (rule === 'shuffleSortBetterHalf') javaCollectionsShuffle(items, this.random);
    items.sort((a, b) => a.compareTo(b));
    const half = Math.trunc(items.length / 2);
    if (half <= 0) return javaListGet(items, 0).name;
    return javaListGet(items, javaRem(this.whichItemWorst.incrementAndGet(), half)).name;
  }

  /** The item for a broker, if any (read-only use: explanations, views). */
  getFaultItem(name: string): FaultItem | undefined {
    return this.faultItemTable.get(name);
  }

  /** All items in the table's iteration order (a snapshot of the references). */
  faultItems(): FaultItem[] {
    return this.faultItemTable.values();
  }

  // ------------------------------------------------------------------------------------------------------
  // 5.x detector

  /**
   * 5.x `detectByOneRound`: for each item whose `checkStamp` has passed, set `checkStamp = now + detectInterval`,
   * resolve its broker (no address: drop the item), probe it, and on success mark it reachable again.
   * It never marks a broker unreachable and never touches `startTimestamp`.
   */
  detectByOneRound(): DetectRound {
    this.require5x('detectByOneRound');
    const round: DetectRound = { probed: [], removed: [], recovered: [] };
    for (const [name, item] of this.faultItemTable.entries()) {
      if (this.clock.now() - item.checkStamp < 0) continue;
      item.checkStamp = this.clock.now() + this.detectInterval;
      const brokerAddr = this.resolver ? this.resolver(item.name) : null;
      if (brokerAddr === null) {
        this.faultItemTable.remove(name);
        round.removed.push(name);
        continue;
      }
      if (!this.serviceDetector) continue;
      round.probed.push(brokerAddr);
      const serviceOK = this.serviceDetector(brokerAddr, this.detectTimeout);
      if (serviceOK && !item.reachableFlag) {
        item.reachableFlag = true;
        round.recovered.push(name);
      }
    }
    return round;
  }

  /**
   * 5.x `startDetector`: upstream schedules a task every 3 s (after 3 s) that runs `detectByOneRound` only while
   * `startDetectorEnable`. The simulation has no threads: this records the start, and the kernel calls
   * `runScheduledDetection()` at `detectorInitialDelayMs` and then every `detectorPeriodMs`.
   */
  startDetector(): void {
    this.require5x('startDetector');
    this.detectorStarted = true;
  }

  isDetectorStarted(): boolean {
    return this.detectorStarted;
  }

  /** One tick of the scheduled detector task; null when detection is disabled or not started. */
  runScheduledDetection(): DetectRound | null {
    if (!this.detectorStarted || !this.startDetectorEnable) return null;
    return this.detectByOneRound();
  }

  shutdown(): void {
    this.detectorStarted = false;
  }

  isStartDetectorEnable(): boolean {
    return this.startDetectorEnable;
  }

  setStartDetectorEnable(startDetectorEnable: boolean): void {
    this.startDetectorEnable = startDetectorEnable;
  }

  setDetectTimeout(detectTimeout: number): void {
    this.detectTimeout = detectTimeout;
  }

  setDetectInterval(detectInterval: number): void {
    this.detectInterval = detectInterval;
  }

  getDetectInterval(): number {
    return this.detectInterval;
  }

  getDetectTimeout(): number {
    return this.detectTimeout;
  }

  setResolver(resolver: Resolver | null): void {
    this.resolver = resolver;
  }

  setServiceDetector(serviceDetector: ServiceDetector | null): void {
    this.serviceDetector = serviceDetector;
  }

  private require5x(method: string): void {
    if (!this.profile.latencyFaultTolerance.hasReachability) {
      throw new Error(`LatencyFaultToleranceImpl.${method} does not exist in ${this.profile.id}`);
    }
  }

  toString(): string {
    return `LatencyFaultToleranceImpl{faultItemTable={${this.faultItems()
      .map((item) => `${item.name}=${item}`)
      .join(', ')}}, whichItemWorst=${this.whichItemWorst}}`;
  }
}
