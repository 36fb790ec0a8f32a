import type { IntRandom } from '../common/IntRandom';
import {
  JavaConcurrentHashMap,
  JavaException,
  javaHashMapIterationOrder,
  javaParseInt,
  javaSplit,
  javaStringHashCode,
} from '../common/javaInt';
import { profileOf, type VersionLike } from '../versions/profiles';
import { MessageQueue } from './MessageQueue';
import { PermName } from './PermName';
import {
  compareQueueData,
  hasMasterAddress,
  LOGICAL_QUEUE_MOCK_BROKER_PREFIX,
  METADATA_SCOPE_GLOBAL,
  type TopicQueueMappingInfo,
  type TopicRouteData,
} from './TopicRouteData';
import { TopicPublishInfo } from './TopicPublishInfo';

export interface RouteConversionOptions {
  version: VersionLike;
  /** Seeds the new `TopicPublishInfo`'s round-robin counter. */
  random: IntRandom;
}

/**
 * `MQClientInstance.topicRouteData2TopicPublishInfo(topic, route)` (static): the publish view of a route.
 *
 * 1. An order topic (`orderTopicConf` non-empty): `"broker:count;..."`, queues 0..count-1 per item in the
 *    listed order, ignoring perm and broker data.
 * 2. 5.x static topic (`orderTopicConf` null, mapping non-empty): the logical queues, sorted by queue id.
 * 3. Otherwise: `queueDatas` sorted by broker name **in place**, then queues 0..writeQueueNums-1 for each
 *    writeable queue data whose first matching broker data has a master.
 *
 * Parsing errors surface as Java exceptions (`NumberFormatException`, `ArrayIndexOutOfBoundsException`).
 */
export function topicRouteData2TopicPublishInfo(
  topic: string,
  route: TopicRouteData,
  options: RouteConversionOptions,
): TopicPublishInfo {
  const profile = profileOf(options.version);
  const info = new TopicPublishInfo(profile, options.random);
  info.topicRouteData = route;
  const orderTopicConf = route.orderTopicConf;
  const mapping = route.topicQueueMappingByBroker;

  if (orderTopicConf !== null && orderTopicConf.length > 0) {
    // Java `split` drops trailing empty strings, so "a:4;" and "a:4;;" parse, but a leading or inner empty
    // item (or one without ':') has no item[1].
    for (const broker of javaSplit(orderTopicConf, ';')) {
      const item = javaSplit(broker, ':');
      const nums = javaParseInt(arrayGet(item, 1));
      const brokerName = arrayGet(item, 0);
      for (let i = 0; i < nums; i++) info.messageQueueList.push(new MessageQueue(topic, brokerName, i));
    }
    info.orderTopic = true;
  } else if (
    profile.route.staticTopicMapping &&
    orderTopicConf === null &&
    mapping !== null &&
    mapping !== undefined &&
    Object.keys(mapping).length > 0
  ) {
    info.orderTopic = false;
    const endpoints = topicRouteData2EndpointsForStaticTopic(topic, mapping);
    // List.sort is stable: queues with the same id (several scopes) keep the map's iteration order.
    info.messageQueueList.push(...endpoints.keys().sort((a, b) => compareInt(a.queueId, b.queueId)));
  } else {
    route.queueDatas.sort(compareQueueData);
    for (const qd of route.queueDatas) {
      if (!PermName.isWriteable(qd.perm)) continue;
      const brokerData = route.brokerDatas.find((bd) => bd.brokerName === qd.brokerName);
      if (!brokerData) continue;
      // Slaves never receive sends: a broker group without a master contributes no publish queue.
      if (!hasMasterAddress(brokerData)) continue;
      for (let i = 0; i < qd.writeQueueNums; i++)
        info.messageQueueList.push(new MessageQueue(topic, qd.brokerName, i));
    }
    info.orderTopic = false;
  }
  return info;
}

/** `array[index]` on a Java array: out of range throws `ArrayIndexOutOfBoundsException`. */
function arrayGet(array: readonly string[], index: number): string {
  if (index < 0 || index >= array.length) {
    throw new JavaException(
      'ArrayIndexOutOfBoundsException',
      `Index ${index} out of bounds for length ${array.length}`,
    );
  }
  return array[index] as string;
}

/** `MixAll.compareInteger`. */
function compareInt(x: number, y: number): number {
  return x < y ? -1 : x === y ? 0 : 1;
}

/** `TopicQueueMappingUtils.getMockBrokerName(scope)`: `__global__` becomes `__syslo__global__`. */
export function getMockBrokerName(scope: string): string {
  return scope === METADATA_SCOPE_GLOBAL
    ? LOGICAL_QUEUE_MOCK_BROKER_PREFIX + scope.substring(2)
    : LOGICAL_QUEUE_MOCK_BROKER_PREFIX + scope;
}

/**
 * 5.x `ClientMetadata.topicRouteData2EndpointsForStaticTopic`, reduced to what the publish list needs: the
 * logical queues `0..maxTotalQueues-1` of every scope, as the keys of a `ConcurrentHashMap` (whose iteration
 * order the caller's stable sort keeps for equal ids). The mapped broker (the map's values) is not modelled.
 */
function topicRouteData2EndpointsForStaticTopic(
  topic: string,
  mapping: Record<string, TopicQueueMappingInfo>,
): JavaConcurrentHashMap<MessageQueue, true> {
  const mqHash = (mq: MessageQueue) => mq.hashCode();
  const mqEquals = (a: MessageQueue, b: MessageQueue) => a.equals(b);
  const endpoints = new JavaConcurrentHashMap<MessageQueue, true>(mqHash, mqEquals);

  // Group by scope (a HashMap keyed by scope, filled in the route map's own HashMap order); null scopes are skipped.
  const brokers = javaHashMapIterationOrder(Object.keys(mapping), javaStringHashCode);
  const byScope = new Map<string, TopicQueueMappingInfo[]>();
  for (const broker of brokers) {
    const info = mapping[broker] as TopicQueueMappingInfo;
    // An absent scope keeps the field's default, `__global__`; an explicit null is skipped.
    const scope = info.scope === undefined ? METADATA_SCOPE_GLOBAL : info.scope;
    if (scope === null) continue;
    const group = byScope.get(scope) ?? [];
    group.push(info);
    byScope.set(scope, group);
  }

  for (const scope of javaHashMapIterationOrder([...byScope.keys()], javaStringHashCode)) {
    const infos = byScope.get(scope) ?? [];
    // `maxTotalNumOfEpoch` is never updated upstream, so this is the largest totalQueues of any epoch >= -1.
    let maxTotalNums = 0;
    const maxTotalNumOfEpoch = -1;
    for (const info of infos) {
      if (info.epoch >= maxTotalNumOfEpoch && info.totalQueues > maxTotalNums)
        maxTotalNums = info.totalQueues;
      if (info.currIdMap === null || info.currIdMap === undefined) {
        throw new JavaException('NullPointerException', 'currIdMap is null');
      }
    }
    for (let i = 0; i < maxTotalNums; i++)
      endpoints.put(new MessageQueue(topic, getMockBrokerName(scope), i), true);
  }
  return endpoints;
}

/** The queue list as (brokerName, queueId) pairs, e.g. for a `listQueues` view. */
export function describeQueues(list: readonly MessageQueue[]): { brokerName: string; queueId: number }[] {
  return list.map((mq) => ({ brokerName: mq.brokerName, queueId: mq.queueId }));
}
