import type { TraceEvent } from '../../trace/types';
import { arr, field, fieldNum, fieldStr, obj, str } from './eventFields';

/** A queue of a topic as the producer addresses it: `MessageQueue(topic, brokerName, queueId)`. */
export interface QueueRef {
  brokerName: string;
  queueId: number;
}

/** A topic's route as one event describes it: the brokers and the write queues (the publish list). */
export interface RouteDescription {
  brokers: string[];
  queues: QueueRef[];
  /** Broker address -> broker name, when the event lists addresses. */
  addrs: [string, string][];
}

const PERM_WRITE = 0x2;

function brokerNameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return fieldStr(value, 'brokerName') ?? fieldStr(value, 'name') ?? fieldStr(value, 'broker');
}

/**
 * Reads a route from the fields an engine might use: `queues`/`messageQueues`/`messageQueueList`
 * (`{brokerName, queueId}`), `queueData`/`queueDatas` (`{brokerName, writeQueueNums, perm}`, expanded into
 * write queues 0..n-1 when `perm` allows writing, as `topicRouteData2TopicPublishInfo` does), and
 * `brokers`/`brokerDatas` (names or `{brokerName, brokerAddrs}`).
 */
export function readRoute(event: TraceEvent): RouteDescription {
  const queues: QueueRef[] = [];
  const brokers: string[] = [];
  const addrs: [string, string][] = [];
  const addBroker = (name: string) => {
    if (!brokers.includes(name)) brokers.push(name);
  };
  const explicit = arr(event, 'queues') ?? arr(event, 'messageQueues') ?? arr(event, 'messageQueueList');
  if (explicit) {
    for (const q of explicit) {
      const brokerName = brokerNameOf(q);
      const queueId = fieldNum(q, 'queueId');
      if (brokerName !== undefined && queueId !== undefined) queues.push({ brokerName, queueId });
    }
  } else {
    const data = arr(event, 'queueData') ?? arr(event, 'queueDatas');
    for (const qd of data ?? []) {
      const brokerName = brokerNameOf(qd);
      const writeQueueNums = fieldNum(qd, 'writeQueueNums') ?? fieldNum(qd, 'writeQueues') ?? 0;
      const perm = fieldNum(qd, 'perm');
      if (brokerName === undefined) continue;
      addBroker(brokerName);
      if (perm !== undefined && (perm & PERM_WRITE) === 0) continue;
      for (let queueId = 0; queueId < writeQueueNums; queueId++) queues.push({ brokerName, queueId });
    }
  }
  const brokerList = arr(event, 'brokers') ?? arr(event, 'brokerDatas') ?? arr(event, 'brokerNames');
  for (const b of brokerList ?? []) {
    const name = brokerNameOf(b);
    if (name === undefined) continue;
    addBroker(name);
    const brokerAddrs = field(b, 'brokerAddrs');
    if (brokerAddrs && typeof brokerAddrs === 'object') {
      for (const a of Object.values(brokerAddrs as Record<string, unknown>)) {
        if (typeof a === 'string') addrs.push([a, name]);
      }
    }
    const addr = fieldStr(b, 'addr');
    if (addr) addrs.push([addr, name]);
  }
  for (const q of queues) addBroker(q.brokerName);
  return { brokers, queues, addrs };
}

/** The topic an event is about, when it names one. */
export function topicOf(event: TraceEvent): string | undefined {
  return str(event, 'topic');
}

/** The topics a `namesrv.register` lists: a `topics` array of names, or a `topics`/`topicConfigTable` map. */
export function registeredTopics(event: TraceEvent): string[] {
  const list = arr(event, 'topics');
  if (list) return list.map((t) => (typeof t === 'string' ? t : fieldStr(t, 'topic'))).filter(isString);
  const map = obj(event, 'topics') ?? obj(event, 'topicConfigTable');
  return map ? Object.keys(map) : [];
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}
