// Family `selector-hash`: SelectMessageQueueByHash.select (see ../shared/conformance/README.md).
import { toJavaLong } from '../../sim/common/javaInt';
import { MessageQueue } from '../../sim/client/MessageQueue';
import {
  hashSelectorIndex,
  javaHashCodeOf,
  SelectMessageQueueByHash,
} from '../../sim/client/selectors/SelectMessageQueueByHash';
import { profileOf } from '../../sim/versions/profiles';
import { registerFamily } from '../registry';
import type { CaseOutcome, ConformanceCase } from '../types';
import {
  CaseInputError,
  compareOpResults,
  javaCall,
  numberField,
  opsOf,
  type OpResult,
  replayCase,
  versionOf,
} from './latency-tolerance';

const TOPIC = 'TopicTest';

function queuesOf(input: Record<string, unknown>): MessageQueue[] {
  if (Array.isArray(input.queues)) {
    return (input.queues as { brokerName: string; queueId: number }[]).map(
      (q) => new MessageQueue(TOPIC, q.brokerName, q.queueId),
    );
  }
  const count = numberField(input, 'queueCount');
  return Array.from({ length: count }, (_, i) => new MessageQueue(TOPIC, 'broker-a', i));
}

/** The Java object the harness passed: a String, an Integer, a Long (given as a decimal string) or null. */
function argOf(op: Record<string, unknown>): unknown {
  const arg = op.arg ?? null;
  if (arg === null) return null;
  switch (op.argType) {
    case 'string':
      if (typeof arg !== 'string') throw new CaseInputError('a string arg should be a JSON string');
      return arg;
    case 'int':
      if (typeof arg !== 'number') throw new CaseInputError('an int arg should be a JSON number');
      return arg | 0;
    case 'long':
      return toJavaLong(typeof arg === 'number' ? arg : String(arg));
    default:
      throw new CaseInputError(`unknown argType ${JSON.stringify(op.argType)}`);
  }
}

export function runSelectorHashCase(version: string, testCase: ConformanceCase): CaseOutcome {
  return replayCase(() => {
    const profile = profileOf(versionOf(version));
    const selector = new SelectMessageQueueByHash(profile);
    const mqs = queuesOf(testCase.input);
    const actual: OpResult[] = [];
    for (const op of opsOf(testCase)) {
      if (op.op !== 'select') throw new CaseInputError(`unknown op "${String(op.op)}"`);
      const arg = argOf(op);
      actual.push(
        javaCall('select', () => {
          const mq = selector.select(mqs, null, arg);
          const index = hashSelectorIndex(profile, javaHashCodeOf(arg), mqs.length);
          return { index, brokerName: mq.brokerName, queueId: mq.queueId };
        }),
      );
    }
    return compareOpResults(testCase.expected, actual);
  });
}

registerFamily('selector-hash', runSelectorHashCase);
