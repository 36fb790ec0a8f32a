import { javaStringCompare } from '../common/javaInt';

/** `MixAll.MASTER_ID`: the broker id of a master; only masters receive sends. */
export const MASTER_ID = 0;
/** `MixAll.LOGICAL_QUEUE_MOCK_BROKER_PREFIX` (5.x static topics). */
export const LOGICAL_QUEUE_MOCK_BROKER_PREFIX = '__syslo__';
/** `MixAll.METADATA_SCOPE_GLOBAL` (5.x static topics): the default scope of a mapping. */
export const METADATA_SCOPE_GLOBAL = '__global__';
/** `MixAll.LOGICAL_QUEUE_MOCK_BROKER_NAME_NOT_EXIST` (5.x static topics). */
export const LOGICAL_QUEUE_MOCK_BROKER_NAME_NOT_EXIST = '__syslo__none__';

/** `QueueData`: one broker's queues for a topic, as the name server reports them. */
export interface QueueData {
  brokerName: string;
  readQueueNums: number;
  writeQueueNums: number;
  /** `PermName` bits; publishing needs `PERM_WRITE` (2). */
  perm: number;
  topicSysFlag?: number;
}

/** `BrokerData`: the addresses of one broker group, keyed by broker id (`"0"` is the master). */
export interface BrokerData {
  cluster: string;
  brokerName: string;
  /** `HashMap<Long, String>` upstream; here keyed by the id in decimal, as in the route JSON. */
  brokerAddrs: Record<string, string>;
}

/** 5.x `TopicQueueMappingInfo`: one broker's share of a static topic's logical queues. */
export interface TopicQueueMappingInfo {
  topic?: string;
  /** Absent means the upstream default, `__global__`; a null scope is ignored by the client. */
  scope?: string | null;
  totalQueues: number;
  /** The broker that hosts the mapped queues. */
  bname: string;
  epoch: number;
  dirty?: boolean;
  /** Logical queue id -> physical queue id, keyed by the logical id in decimal. */
  currIdMap: Record<string, number>;
}

/** `TopicRouteData`: what `GET_ROUTEINFO_BY_TOPIC` returns. */
export interface TopicRouteData {
  /** Set by the name server for topics configured as ordered: `"brokerName:count;..."`. */
  orderTopicConf: string | null;
  queueDatas: QueueData[];
  brokerDatas: BrokerData[];
  /** 5.x static topics: broker name -> mapping info. */
  topicQueueMappingByBroker?: Record<string, TopicQueueMappingInfo> | null;
}

/** `QueueData.compareTo`: by broker name, in `String.compareTo` (UTF-16 code unit) order. */
export function compareQueueData(a: QueueData, b: QueueData): number {
  return javaStringCompare(a.brokerName, b.brokerName);
}

/** `brokerAddrs.containsKey(MixAll.MASTER_ID)`: is there an address (possibly empty) for broker id 0? */
export function hasMasterAddress(brokerData: BrokerData): boolean {
  return Object.keys(brokerData.brokerAddrs).some(
    (id) => /^[+-]?\d+$/.test(id) && BigInt(id) === BigInt(MASTER_ID),
  );
}

/** `MixAll.MASTER_ID`'s address, or null: what `MQClientInstance.findBrokerAddressInPublish` returns. */
export function masterAddress(brokerData: BrokerData): string | null {
  for (const [id, addr] of Object.entries(brokerData.brokerAddrs)) {
    if (/^[+-]?\d+$/.test(id) && BigInt(id) === BigInt(MASTER_ID)) return addr;
  }
  return null;
}

/** A deep copy, for callers that must keep the original (route conversion sorts `queueDatas` in place). */
export function cloneTopicRouteData(route: TopicRouteData): TopicRouteData {
  return {
    orderTopicConf: route.orderTopicConf,
    queueDatas: route.queueDatas.map((qd) => ({ ...qd })),
    brokerDatas: route.brokerDatas.map((bd) => ({ ...bd, brokerAddrs: { ...bd.brokerAddrs } })),
    ...(route.topicQueueMappingByBroker === undefined
      ? {}
      : {
          topicQueueMappingByBroker:
            route.topicQueueMappingByBroker === null
              ? null
              : Object.fromEntries(
                  Object.entries(route.topicQueueMappingByBroker).map(([broker, info]) => [
                    broker,
                    { ...info, currIdMap: { ...info.currIdMap } },
                  ]),
                ),
        }),
  };
}
