// Family `route-to-publish-info`: MQClientInstance.topicRouteData2TopicPublishInfo
// (see ../shared/conformance/README.md).
import {
  describeQueues,
  topicRouteData2TopicPublishInfo,
} from '../../sim/client/topicRouteData2TopicPublishInfo';
import type {
  BrokerData,
  QueueData,
  TopicQueueMappingInfo,
  TopicRouteData,
} from '../../sim/client/TopicRouteData';
import { profileOf } from '../../sim/versions/profiles';
import { registerFamily } from '../registry';
import type { CaseOutcome, ConformanceCase } from '../types';
import {
  CASE_SHUFFLE_SEED,
  CaseInputError,
  compareOpResults,
  javaCall,
  nullableStringField,
  opsOf,
  type OpResult,
  replayCase,
  ScriptedIntRandom,
  stringField,
  versionOf,
} from './latency-tolerance';

/** The route exactly as the case describes it (JSON objects become the route's plain records). */
export function routeFromInput(input: Record<string, unknown>): TopicRouteData {
  if (!Array.isArray(input.queueDatas)) throw new CaseInputError('input.queueDatas is not an array');
  if (!Array.isArray(input.brokerDatas)) throw new CaseInputError('input.brokerDatas is not an array');
  const route: TopicRouteData = {
    orderTopicConf: nullableStringField(input, 'orderTopicConf'),
    queueDatas: (input.queueDatas as QueueData[]).map((qd) => ({ ...qd })),
    brokerDatas: (input.brokerDatas as BrokerData[]).map((bd) => ({
      ...bd,
      brokerAddrs: { ...bd.brokerAddrs },
    })),
  };
  if (input.topicQueueMappingByBroker !== undefined) {
    route.topicQueueMappingByBroker = input.topicQueueMappingByBroker as Record<
      string,
      TopicQueueMappingInfo
    > | null;
  }
  return route;
}

export function runRouteToPublishInfoCase(version: string, testCase: ConformanceCase): CaseOutcome {
  return replayCase(() => {
    const profile = profileOf(versionOf(version));
    const topic = stringField(testCase.input, 'topic');
    const actual: OpResult[] = [];
    for (const op of opsOf(testCase)) {
      if (op.op !== 'convert') throw new CaseInputError(`unknown op "${String(op.op)}"`);
      const route = routeFromInput(testCase.input);
      actual.push(
        javaCall('convert', () => {
          const info = topicRouteData2TopicPublishInfo(topic, route, {
            version: profile,
            random: new ScriptedIntRandom(CASE_SHUFFLE_SEED),
          });
          return {
            orderTopic: info.orderTopic,
            queues: describeQueues(info.messageQueueList),
            debug: { queueDatasOrderAfter: route.queueDatas.map((qd) => qd.brokerName), ok: info.ok() },
          };
        }),
      );
    }
    return compareOpResults(testCase.expected, actual);
  });
}

registerFamily('route-to-publish-info', runRouteToPublishInfoCase);
