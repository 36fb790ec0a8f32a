/**
 * What a comparison shows about one trace, as plain numbers the compare plots draw: success rate, send
 * cost percentiles (`send.result.costMs`), messages retried (more than one `queue.select`), duplicate
 * stores (`broker.store.duplicate`) and stores per `broker:queue`. Pure, so tests call it on fixtures.
 */
import { quantileSorted } from 'd3';
import { stepAtTime } from './cursor';
import type { BrokerStoreEvent, QueueSelectEvent, SendResultEvent, Trace } from '../trace/types';

export interface TraceSummary {
  /** `send.call` events: messages the application tried to send. */
  sends: number;
  /** `send.result` events with status SEND_OK. */
  ok: number;
  /** ok / sends, 0..1; null without sends. */
  successRate: number | null;
  p50CostMs: number | null;
  p99CostMs: number | null;
  /** Messages with more than one attempt (more than one `queue.select`). */
  retried: number;
  /** `broker.store` events marked duplicate. */
  duplicates: number;
  /** Stores per `broker:queue`, keys sorted by broker then queue. */
  perQueue: ReadonlyMap<string, number>;
}

function queueKey(broker: string, queueId: number): string {
  return `${broker}:${queueId}`;
}

export function compareQueueKeys(a: string, b: string): number {
  const split = (k: string) => {
    const at = k.lastIndexOf(':');
    return [k.slice(0, at), Number(k.slice(at + 1))] as const;
  };
  const [ba, qa] = split(a);
  const [bb, qb] = split(b);
  return ba === bb ? qa - qb : ba < bb ? -1 : 1;
}

export function summarizeTrace(trace: Trace): TraceSummary {
  let sends = 0;
  let ok = 0;
  let duplicates = 0;
  const costs: number[] = [];
  const attempts = new Map<string, number>();
  const perQueue = new Map<string, number>();
  for (const e of trace) {
    switch (e.kind) {
      case 'send.call':
        sends++;
        break;
      case 'send.result': {
        const r = e as SendResultEvent;
        if (r.status === 'SEND_OK') ok++;
        if (Number.isFinite(r.costMs)) costs.push(r.costMs);
        break;
      }
      case 'queue.select': {
        const s = e as QueueSelectEvent;
        attempts.set(s.msgId, (attempts.get(s.msgId) ?? 0) + 1);
        break;
      }
      case 'broker.store': {
        const s = e as BrokerStoreEvent;
        if (s.duplicate) duplicates++;
        const key = queueKey(s.broker, s.queueId);
        perQueue.set(key, (perQueue.get(key) ?? 0) + 1);
        break;
      }
    }
  }
  costs.sort((a, b) => a - b);
  let retried = 0;
  for (const n of attempts.values()) if (n > 1) retried++;
  return {
    sends,
    ok,
    successRate: sends > 0 ? ok / sends : null,
    p50CostMs: costs.length > 0 ? (quantileSorted(costs, 0.5) ?? null) : null,
    p99CostMs: costs.length > 0 ? (quantileSorted(costs, 0.99) ?? null) : null,
    retried,
    duplicates,
    perQueue: new Map([...perQueue].sort(([a], [b]) => compareQueueKeys(a, b))),
  };
}

/** One row of the per-queue plot: a queue and its stores in A and B (0 where a side never used it). */
export interface QueueRow {
  queue: string;
  a: number;
  b: number;
}

/** The union of both sides' queues, sorted, so the two bars of a queue stand side by side. */
export function queueRows(a: TraceSummary, b: TraceSummary): QueueRow[] {
  const keys = [...new Set([...a.perQueue.keys(), ...b.perQueue.keys()])].sort(compareQueueKeys);
  return keys.map((queue) => ({ queue, a: a.perQueue.get(queue) ?? 0, b: b.perQueue.get(queue) ?? 0 }));
}

/** The compared settings, by path in the scenario file. */
export const COMPARED_SETTINGS = [
  'rocketmqVersion',
  'producer.sendLatencyFaultEnable',
  'producer.retryTimesWhenSendFailed',
  'producer.sendMsgTimeout',
  'producer.asyncSenderThreads',
] as const;

export type ComparedSetting = (typeof COMPARED_SETTINGS)[number];
export type SettingValues = Record<ComparedSetting, string | number | boolean>;

/** The settings B changes, in the order above. */
export function settingsDiff(
  a: SettingValues,
  b: SettingValues,
): { setting: ComparedSetting; a: SettingValues[ComparedSetting]; b: SettingValues[ComparedSetting] }[] {
  return COMPARED_SETTINGS.filter((k) => a[k] !== b[k]).map((setting) => ({
    setting,
    a: a[setting],
    b: b[setting],
  }));
}

/** The settings of a resolved scenario (defaults filled in), read defensively. */
export function settingsOf(resolved: unknown): SettingValues {
  const s = (resolved ?? {}) as { rocketmqVersion?: unknown; producer?: Record<string, unknown> };
  const p = s.producer ?? {};
  const pick = <T extends string | number | boolean>(v: unknown, fallback: T): T =>
    typeof v === typeof fallback ? (v as T) : fallback;
  return {
    rocketmqVersion: pick(s.rocketmqVersion, '4.9.8'),
    'producer.sendLatencyFaultEnable': pick(p.sendLatencyFaultEnable, false),
    'producer.retryTimesWhenSendFailed': pick(p.retryTimesWhenSendFailed, 2),
    'producer.sendMsgTimeout': pick(p.sendMsgTimeout, 3000),
    'producer.asyncSenderThreads': pick(p.asyncSenderThreads, 4),
  };
}

/**
 * B's scenario as written: A's written file with only the settings that differ from A's resolved values,
 * so a changed version still fills the untouched settings with its own defaults.
 */
export function withSettings(written: unknown, a: SettingValues, b: SettingValues): Record<string, unknown> {
  const copy = structuredClone((written ?? {}) as Record<string, unknown>);
  for (const { setting, b: value } of settingsDiff(a, b)) {
    if (setting === 'rocketmqVersion') {
      copy.rocketmqVersion = value;
    } else {
      const key = setting.slice('producer.'.length);
      const producer = { ...((copy.producer as Record<string, unknown> | undefined) ?? {}) };
      producer[key] = value;
      copy.producer = producer;
    }
  }
  return copy;
}

/**
 * Linked scrubbers: the step of `to` at the virtual time of `from`'s cursor (0 before the first event), so
 * moving one side moves the other to the same moment of the run.
 */
export function linkedStep(from: Trace, fromStep: number, to: Trace): number {
  const event = fromStep > 0 ? from.at(Math.min(fromStep, from.length) - 1) : undefined;
  return event ? stepAtTime(to, event.t) : 0;
}
