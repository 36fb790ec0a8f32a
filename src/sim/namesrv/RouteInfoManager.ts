import type { VersionId } from '../versions/VersionId';
import type { BrokerData, QueueData, TopicRouteData } from '../client/TopicRouteData';

/** `TopicConfig` as a broker registers it (REGISTER_BROKER body, `topicConfigTable`). */
export interface TopicConfig {
  topicName: string;
  readQueueNums: number;
  writeQueueNums: number;
  perm: number;
  topicSysFlag: number;
  order: boolean;
}

/** `DataVersion`: the broker's topic-table version (timestamp + counter). */
export interface DataVersion {
  timestamp: number;
  counter: number;
}

export function sameDataVersion(a: DataVersion | null, b: DataVersion | null): boolean {
  return a !== null && b !== null && a.timestamp === b.timestamp && a.counter === b.counter;
}

/** `BrokerLiveInfo`: one live broker process, keyed by its address. */
export interface BrokerLiveInfo {
  lastUpdateTimestamp: number;
  dataVersion: DataVersion;
  /** The channel the broker registered over (`onChannelDestroy` looks it up). */
  channel: unknown;
  haServerAddr: string;
  clusterName: string;
  brokerName: string;
  brokerId: number;
}

export interface RegisterResult {
  /** True when the topics of this registration were applied to the routes. */
  topicsApplied: boolean;
  masterAddr: string | null;
}

/** A broker address removed from the live table, and what went with it. */
export interface RemovedBroker {
  brokerAddr: string;
  brokerName: string;
  brokerId: number;
  /** The whole group is gone (no address left): its queue data left every topic. */
  groupRemoved: boolean;
  /** Topics that lost their last queue data (their route is now TOPIC_NOT_EXIST). */
  topicsRemoved: string[];
}

/**
 * `org.apache.rocketmq.namesrv.routeinfo.RouteInfoManager`: the name server's route tables and the
 * registration, route query and removal algorithms (server spec section 1). Each operation is atomic, as
 * upstream's single read/write lock makes it.
 */
export class RouteInfoManager {
  /** topic -> brokerName -> QueueData (4.5.2 keeps a list; the client sorts it either way). */
  private readonly topicQueueTable = new Map<string, Map<string, QueueData>>();
  private readonly brokerAddrTable = new Map<string, BrokerData>();
  private readonly clusterAddrTable = new Map<string, Set<string>>();
  private readonly brokerLiveTable = new Map<string, BrokerLiveInfo>();
  /** The KV namespace ORDER_TOPIC_CONFIG: topic -> "brokerName:queueNums;...". */
  readonly orderTopicConfig = new Map<string, string>();

  constructor(
    readonly version: VersionId,
    private readonly orderMessageEnable: boolean,
  ) {}

  /** `registerBroker` (server spec 1.3). */
  registerBroker(
    clusterName: string,
    brokerAddr: string,
    brokerName: string,
    brokerId: number,
    haServerAddr: string,
    topicConfigTable: readonly TopicConfig[],
    dataVersion: DataVersion,
    channel: unknown,
    now: number,
  ): RegisterResult {
    let names = this.clusterAddrTable.get(clusterName);
    if (!names) {
      names = new Set();
      this.clusterAddrTable.set(clusterName, names);
    }
    names.add(brokerName);

    let registerFirst = false;
    let brokerData = this.brokerAddrTable.get(brokerName);
    if (!brokerData) {
      registerFirst = true;
      brokerData = { cluster: clusterName, brokerName, brokerAddrs: {} };
      this.brokerAddrTable.set(brokerName, brokerData);
    }
    // A slave promoted on the same ip:port replaces its old id.
    for (const [id, addr] of Object.entries(brokerData.brokerAddrs)) {
      if (addr === brokerAddr && Number(id) !== brokerId) delete brokerData.brokerAddrs[id];
    }
    const oldAddr = brokerData.brokerAddrs[String(brokerId)];
    brokerData.brokerAddrs[String(brokerId)] = brokerAddr;
    registerFirst = registerFirst || oldAddr === undefined;

    let topicsApplied = false;
    if (brokerId === 0) {
      const prev = this.brokerLiveTable.get(brokerAddr);
      const changed = !prev || !sameDataVersion(prev.dataVersion, dataVersion);
      for (const tc of topicConfigTable) {
        // 5.3.3 also fills in a topic this broker has no queue data for yet, whatever the version says.
        const missing = this.version === '5.3.3' && !this.topicQueueTable.get(tc.topicName)?.has(brokerName);
        if (registerFirst || changed || missing) {
          this.createAndUpdateQueueData(brokerName, tc);
          topicsApplied = true;
        }
      }
    }

    this.brokerLiveTable.set(brokerAddr, {
      lastUpdateTimestamp: now,
      dataVersion: { ...dataVersion },
      channel,
      haServerAddr,
      clusterName,
      brokerName,
      brokerId,
    });

    let masterAddr: string | null = null;
    if (brokerId !== 0) {
      const m = brokerData.brokerAddrs['0'];
      if (m !== undefined && this.brokerLiveTable.has(m)) masterAddr = m;
    }
    return { topicsApplied, masterAddr };
  }

  private createAndUpdateQueueData(brokerName: string, tc: TopicConfig): void {
    let byBroker = this.topicQueueTable.get(tc.topicName);
    if (!byBroker) {
      byBroker = new Map();
      this.topicQueueTable.set(tc.topicName, byBroker);
    }
    byBroker.set(brokerName, {
      brokerName,
      readQueueNums: tc.readQueueNums,
      writeQueueNums: tc.writeQueueNums,
      perm: tc.perm,
      topicSysFlag: tc.topicSysFlag,
    });
  }

  /** `pickupTopicRouteData` (server spec 1.4): null means TOPIC_NOT_EXIST. */
  pickupTopicRouteData(topic: string): TopicRouteData | null {
    const byBroker = this.topicQueueTable.get(topic);
    if (!byBroker || byBroker.size === 0) return null;
    const queueDatas: QueueData[] = [];
    const brokerDatas: BrokerData[] = [];
    for (const qd of byBroker.values()) {
      queueDatas.push({ ...qd });
      const bd = this.brokerAddrTable.get(qd.brokerName);
      if (bd)
        brokerDatas.push({
          cluster: bd.cluster,
          brokerName: bd.brokerName,
          brokerAddrs: { ...bd.brokerAddrs },
        });
    }
    if (brokerDatas.length === 0) return null;
    const conf = this.orderMessageEnable ? (this.orderTopicConfig.get(topic) ?? null) : null;
    return { orderTopicConf: conf, queueDatas, brokerDatas };
  }

  /** The brokers (group names) that hold a topic now: the name server's truth, for the trace. */
  brokersOf(topic: string): string[] {
    return [...(this.topicQueueTable.get(topic)?.keys() ?? [])];
  }

  getLive(brokerAddr: string): BrokerLiveInfo | undefined {
    return this.brokerLiveTable.get(brokerAddr);
  }

  /** Refreshes liveness without a full registration (not used by the default `forceRegister`). */
  liveAddresses(): string[] {
    return [...this.brokerLiveTable.keys()];
  }

  /** `unregisterBroker` (UNREGISTER_BROKER, server spec 1.5 c). */
  unregisterBroker(brokerAddr: string, brokerName: string, brokerId: number): RemovedBroker | null {
    if (!this.brokerLiveTable.delete(brokerAddr)) {
      // Still clean the address out of the group, as upstream does.
      return this.removeAddress(brokerAddr, brokerName, brokerId);
    }
    return this.removeAddress(brokerAddr, brokerName, brokerId);
  }

  /** `onChannelDestroy` (server spec 1.5 a): the broker whose registration channel this was. */
  onChannelDestroy(channel: unknown): RemovedBroker | null {
    for (const [addr, live] of this.brokerLiveTable) {
      if (live.channel === channel) {
        this.brokerLiveTable.delete(addr);
        return this.removeAddress(addr, live.brokerName, live.brokerId);
      }
    }
    return null;
  }

  /** `scanNotActiveBroker` (server spec 1.5 b): every entry not refreshed for `expiredMs`. */
  scanNotActiveBroker(now: number, expiredMs: number): { removed: RemovedBroker; channel: unknown }[] {
    const out: { removed: RemovedBroker; channel: unknown }[] = [];
    for (const [addr, live] of [...this.brokerLiveTable]) {
      if (live.lastUpdateTimestamp + expiredMs < now) {
        this.brokerLiveTable.delete(addr);
        const removed = this.removeAddress(addr, live.brokerName, live.brokerId);
        if (removed) out.push({ removed, channel: live.channel });
      }
    }
    return out;
  }

  private removeAddress(brokerAddr: string, brokerName: string, brokerId: number): RemovedBroker | null {
    const bd = this.brokerAddrTable.get(brokerName);
    if (!bd) return null;
    let found = false;
    for (const [id, addr] of Object.entries(bd.brokerAddrs)) {
      if (addr === brokerAddr) {
        delete bd.brokerAddrs[id];
        found = true;
      }
    }
    if (!found) return null;
    const groupRemoved = Object.keys(bd.brokerAddrs).length === 0;
    const topicsRemoved: string[] = [];
    if (groupRemoved) {
      this.brokerAddrTable.delete(brokerName);
      for (const [cluster, names] of this.clusterAddrTable) {
        if (names.delete(brokerName) && names.size === 0) this.clusterAddrTable.delete(cluster);
      }
      for (const [topic, byBroker] of [...this.topicQueueTable]) {
        if (byBroker.delete(brokerName) && byBroker.size === 0) {
          this.topicQueueTable.delete(topic);
          topicsRemoved.push(topic);
        }
      }
    }
    return { brokerAddr, brokerName, brokerId, groupRemoved, topicsRemoved };
  }
}
