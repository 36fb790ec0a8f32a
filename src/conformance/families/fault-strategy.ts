// Family `fault-strategy`: MQFaultStrategy.selectOneMessageQueue + updateFaultItem over a TopicPublishInfo
// built by the real route conversion (see ../shared/conformance/README.md).
import { ManualClock } from '../../sim/common/Clock';
import { MQFaultStrategy, SelectionExplain } from '../../sim/client/MQFaultStrategy';
import {
  describeQueues,
  topicRouteData2TopicPublishInfo,
} from '../../sim/client/topicRouteData2TopicPublishInfo';
import type { TopicRouteData } from '../../sim/client/TopicRouteData';
import { profileOf } from '../../sim/versions/profiles';
import { registerFamily } from '../registry';
import type { CaseOutcome, ConformanceCase } from '../types';
import {
  booleanField,
  CASE_CLOCK_START_MS,
  CASE_SHUFFLE_SEED,
  CaseInputError,
  compareOpResults,
  faultTableView,
  javaCall,
  nullableStringField,
  numberField,
  opsOf,
  type OpResult,
  replayCase,
  ScriptedIntRandom,
  stringField,
  versionOf,
} from './latency-tolerance';

interface BrokerInput {
  name: string;
  writeQueueNums: number;
  readQueueNums: number;
  perm: number;
  hasMaster?: boolean;
}

/** The route the harness built from `brokers`: one QueueData and one BrokerData per broker, in input order. */
export function routeFromBrokers(brokers: readonly BrokerInput[]): TopicRouteData {
  return {
    orderTopicConf: null,
    queueDatas: brokers.map((b) => ({
      brokerName: b.name,
      readQueueNums: b.readQueueNums,
      writeQueueNums: b.writeQueueNums,
      perm: b.perm,
    })),
    brokerDatas: brokers.map((b, i) => ({
      cluster: 'DefaultCluster',
      brokerName: b.name,
      brokerAddrs: { [b.hasMaster === false ? '1' : '0']: `127.0.0.1:${10911 + i}` },
    })),
  };
}

/** The debug fields this replay can reproduce; `checkDebug` compares them too (a stricter check than the README's). */
const CHECKED_DEBUG_FIELDS = [
  'path',
  'listIndex',
  'indexAfter',
  'pick',
  'worstIndexAfter',
  'mutated',
  'startTimestamp',
];

export interface FaultStrategyReplayOptions {
  /** Also compare the reproducible `debug` fields (path, counters, pick, mutation). */
  checkDebug?: boolean;
}

export function runFaultStrategyCase(
  version: string,
  testCase: ConformanceCase,
  options: FaultStrategyReplayOptions = {},
): CaseOutcome {
  return replayCase(() => {
    const profile = profileOf(versionOf(version));
    const input = testCase.input;
    if (!Array.isArray(input.brokers)) throw new CaseInputError('input.brokers is not an array');
    const topic = typeof input.topic === 'string' ? input.topic : 'TopicTest';
    const clock = new ManualClock(CASE_CLOCK_START_MS);
    const random = new ScriptedIntRandom(CASE_SHUFFLE_SEED);

    const tpInfo = topicRouteData2TopicPublishInfo(topic, routeFromBrokers(input.brokers as BrokerInput[]), {
      version: profile,
      random,
    });
    tpInfo.sendWhichQueue.setStoredValue(numberField(input, 'startIndex'));
    const strategy = new MQFaultStrategy({
      version: profile,
      clock,
      random,
      sendLatencyFaultEnable: booleanField(input, 'sendLatencyFaultEnable'),
      startDetectorEnable: false,
    });
    const faults = strategy.latencyFaultTolerance;
    faults.whichItemWorst.setStoredValue(numberField(input, 'worstStartIndex', 0));

    const actual: OpResult[] = [];
    for (const op of opsOf(testCase)) {
      const name = String(op.op);
      switch (name) {
        case 'select': {
          const explain = new SelectionExplain();
          const resetIndex = booleanField(op, 'resetIndex', false);
          if (resetIndex && typeof op.resetValue === 'number') random.script(op.resetValue);
          const result = javaCall(name, () => {
            const mq = strategy.selectOneMessageQueue(
              tpInfo,
              nullableStringField(op, 'lastBrokerName'),
              resetIndex,
              explain,
            );
            // Read immediately: a later 4.5.2 select may rewrite this very object.
            return {
              brokerName: mq.brokerName,
              queueId: mq.queueId,
              listIndex: tpInfo.messageQueueList.indexOf(mq),
            };
          });
          random.clear();
          const { listIndex, ...core } = result;
          actual.push({
            ...core,
            debug: {
              ...(explain.path === null ? {} : { path: explain.path }),
              ...(listIndex === undefined ? {} : { listIndex }),
              indexAfter: tpInfo.sendWhichQueue.getStoredValue(),
              ...(explain.pick === undefined
                ? {}
                : { pick: explain.pick, worstIndexAfter: faults.whichItemWorst.getStoredValue() }),
              ...(explain.mutated
                ? { mutated: [{ index: explain.mutated.pos, ...explain.mutated.after }] }
                : {}),
            },
          });
          break;
        }
        case 'updateFaultItem': {
          const brokerName = stringField(op, 'brokerName');
          strategy.updateFaultItem(
            brokerName,
            numberField(op, 'currentLatency'),
            booleanField(op, 'isolation'),
            booleanField(op, 'reachable', true),
          );
          const item = faults.getFaultItem(brokerName);
          actual.push({ op: name, debug: item ? { startTimestamp: item.startTimestamp } : {} });
          break;
        }
        case 'advance':
          clock.advance(numberField(op, 'ms'));
          actual.push({ op: name });
          break;
        case 'isAvailable':
          actual.push(javaCall(name, () => ({ value: faults.isAvailable(stringField(op, 'brokerName')) })));
          break;
        case 'isReachable':
          actual.push(javaCall(name, () => ({ value: faults.isReachable(stringField(op, 'brokerName')) })));
          break;
        case 'listQueues':
          actual.push({ op: name, queues: describeQueues(tpInfo.messageQueueList) });
          break;
        case 'faultTable':
          actual.push({ op: name, items: faultTableView(faults) });
          break;
        default:
          throw new CaseInputError(`unknown op "${name}"`);
      }
    }
    const core = compareOpResults(testCase.expected, actual);
    if (!core.ok || !options.checkDebug) return core;
    return compareDebug(testCase.expected, actual);
  });
}

function compareDebug(expected: readonly OpResult[], actual: readonly OpResult[]): CaseOutcome {
  for (let i = 0; i < expected.length; i++) {
    const want = (expected[i]?.debug ?? {}) as Record<string, unknown>;
    const got = (actual[i]?.debug ?? {}) as Record<string, unknown>;
    for (const key of CHECKED_DEBUG_FIELDS) {
      if (!(key in want)) continue;
      if (JSON.stringify(want[key]) !== JSON.stringify(got[key])) {
        return {
          ok: false,
          reason: `op ${i}: debug.${key} expected ${JSON.stringify(want[key])}, got ${JSON.stringify(got[key])}`,
        };
      }
    }
  }
  return { ok: true };
}

registerFamily('fault-strategy', (version, testCase) => runFaultStrategyCase(version, testCase));
