import { translate, type Lang, type MessageKey } from '../../i18n';
import type { TraceEvent } from '../../trace/types';
import { shortMsgId } from '../../view/format';
import { attemptSucceeded } from '../../view/outcome';

type Params = Record<string, string | number>;
type Fields = Record<string, unknown>;

const f = (event: TraceEvent, name: string): unknown => (event as unknown as Fields)[name];
const s = (event: TraceEvent, name: string, fallback = '?'): string => {
  const v = f(event, name);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
};
const n = (event: TraceEvent, name: string): number | undefined => {
  const v = f(event, name);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** Chooses the explanation of one event: a message key and its parameters (numbers still numbers). */
export function explanationOf(event: TraceEvent): { key: MessageKey; params: Params; skipped?: Skip[] } {
  const msg = shortMsgId(s(event, 'msgId', ''));
  switch (event.kind) {
    case 'send.call': {
      const mode = s(event, 'mode');
      const key =
        mode === 'ASYNC'
          ? 'callPath.explain.sendCall.ASYNC'
          : mode === 'ONEWAY'
            ? 'callPath.explain.sendCall.ONEWAY'
            : 'callPath.explain.sendCall.SYNC';
      return { key, params: { msg, topic: s(event, 'topic'), timeoutMs: n(event, 'timeoutMs') ?? '?' } };
    }
    case 'executor.enqueue':
      return { key: 'callPath.explain.executorEnqueue', params: { msg, queued: n(event, 'queued') ?? '?' } };
    case 'executor.run':
      return {
        key: 'callPath.explain.executorRun',
        params: {
          msg,
          worker: s(event, 'worker', 'AsyncSenderExecutor'),
          waitedMs: n(event, 'waitedMs') ?? 0,
        },
      };
    case 'executor.reject':
      return { key: 'callPath.explain.executorReject', params: { msg } };
    case 'route.lookup': {
      const source = s(event, 'source');
      const key =
        source === 'cache'
          ? 'callPath.explain.routeLookup.cache'
          : source === 'default-topic'
            ? 'callPath.explain.routeLookup.defaultTopic'
            : source === 'none'
              ? 'callPath.explain.routeLookup.none'
              : 'callPath.explain.routeLookup.namesrv';
      return { key, params: { topic: s(event, 'topic') } };
    }
    case 'route.update':
      return {
        key: 'callPath.explain.routeUpdate',
        params: { topic: s(event, 'topic'), queues: writeQueues(event) },
      };
    case 'queue.select': {
      const skipped = skipsOf(event);
      const attempt = n(event, 'attempt') ?? 0;
      const last = f(event, 'lastBrokerName');
      const retry = attempt > 0 && typeof last === 'string';
      const key: MessageKey = retry
        ? skipped.length > 0
          ? 'callPath.explain.queueSelect.retrySkipped'
          : 'callPath.explain.queueSelect.retry'
        : skipped.length > 0
          ? 'callPath.explain.queueSelect.skipped'
          : 'callPath.explain.queueSelect.first';
      return {
        key,
        params: {
          msg,
          attempt: attempt + 1,
          index: n(event, 'index') ?? '?',
          broker: s(event, 'brokerName'),
          queueId: n(event, 'queueId') ?? '?',
          last: typeof last === 'string' ? last : '',
        },
        skipped,
      };
    }
    case 'budget.check': {
      const costMs = n(event, 'costMs') ?? 0;
      const timeoutMs = n(event, 'timeoutMs') ?? 0;
      const ok = f(event, 'ok') === true;
      return {
        key: ok ? 'callPath.explain.budgetCheck.ok' : 'callPath.explain.budgetCheck.fail',
        params: { msg, where: s(event, 'where'), costMs, timeoutMs, leftMs: Math.max(0, timeoutMs - costMs) },
      };
    }
    case 'rpc.send':
    case 'rpc.arrive':
    case 'rpc.timeout': {
      const key: MessageKey =
        event.kind === 'rpc.send'
          ? 'callPath.explain.rpcSend'
          : event.kind === 'rpc.arrive'
            ? 'callPath.explain.rpcArrive'
            : 'callPath.explain.rpcTimeout';
      return { key, params: rpcParams(event) };
    }
    case 'rpc.response': {
      const code = n(event, 'responseCode');
      return {
        key:
          code === undefined || code === 0
            ? 'callPath.explain.rpcResponse.ok'
            : 'callPath.explain.rpcResponse.error',
        params: { ...rpcParams(event), code: code ?? 0 },
      };
    }
    case 'broker.store':
      return {
        key:
          f(event, 'duplicate') === true
            ? 'callPath.explain.brokerStore.duplicate'
            : 'callPath.explain.brokerStore',
        params: {
          msg,
          broker: s(event, 'broker'),
          topic: s(event, 'topic'),
          queueId: n(event, 'queueId') ?? '?',
          offset: n(event, 'offset') ?? '?',
        },
      };
    case 'fault.update': {
      const isolation = f(event, 'isolation') === true;
      const notAvailableMs = n(event, 'notAvailableMs') ?? 0;
      const key: MessageKey = isolation
        ? 'callPath.explain.faultUpdate.isolated'
        : notAvailableMs > 0
          ? 'callPath.explain.faultUpdate.barred'
          : 'callPath.explain.faultUpdate.ok';
      return {
        key,
        params: {
          broker: s(event, 'brokerName'),
          latencyMs: n(event, 'latencyMs') ?? 0,
          notAvailableMs,
          availableAt: n(event, 'availableAt') ?? 0,
        },
      };
    }
    case 'attempt.end': {
      const outcome = s(event, 'outcome');
      const failed = f(event, 'error') !== undefined || !attemptSucceeded(outcome);
      return {
        key: failed ? 'callPath.explain.attemptEnd.fail' : 'callPath.explain.attemptEnd.ok',
        params: { msg, attempt: (n(event, 'attempt') ?? 0) + 1, outcome, error: s(event, 'error', '') },
      };
    }
    case 'send.result': {
      const status = s(event, 'status');
      const viaCallback = f(event, 'viaCallback') === true;
      const params = {
        msg,
        status,
        costMs: n(event, 'costMs') ?? 0,
        exception: s(event, 'exception', 'Exception'),
        message: s(event, 'message', ''),
      };
      if (status === 'SEND_OK') {
        return {
          key: viaCallback ? 'callPath.explain.sendResult.okCallback' : 'callPath.explain.sendResult.ok',
          params,
        };
      }
      if (status === 'EXCEPTION') {
        return {
          key: viaCallback
            ? 'callPath.explain.sendResult.exceptionCallback'
            : 'callPath.explain.sendResult.exception',
          params,
        };
      }
      return { key: 'callPath.explain.sendResult.notOk', params };
    }
    case 'sim.end': {
      const inFlight = f(event, 'inFlight');
      return {
        key: 'callPath.explain.simEnd',
        params: { count: Array.isArray(inFlight) ? inFlight.length : 0 },
      };
    }
    case 'namesrv.register':
      return { key: 'callPath.explain.namesrvRegister', params: { broker: s(event, 'broker') } };
    case 'producer.state':
      return { key: 'callPath.explain.producerState', params: { state: s(event, 'serviceState') } };
    case 'fault.inject':
      return {
        key: 'callPath.explain.faultInject',
        params: { target: s(event, 'target'), fault: s(event, 'fault') },
      };
    case 'broker.state':
      return {
        key: 'callPath.explain.brokerState',
        params: { broker: s(event, 'broker'), state: s(event, 'state') },
      };
    case 'channel.connect':
      return {
        key:
          f(event, 'ok') === false
            ? 'callPath.explain.channelConnect.fail'
            : 'callPath.explain.channelConnect.ok',
        params: {
          to: s(event, 'to'),
          addr: s(event, 'addr'),
          costMs: n(event, 'costMs') ?? 0,
          error: s(event, 'error', ''),
        },
      };
    default:
      return {
        key: 'callPath.explain.generic',
        params: { kind: event.kind, cls: event.code.cls, method: event.code.method },
      };
  }
}

interface Skip {
  brokerName: string;
  queueId: number | string;
  reason: string;
  availableAt: number | undefined;
}

function skipsOf(event: TraceEvent): Skip[] {
  const list = f(event, 'skipped');
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const o = (item ?? {}) as Fields;
    return {
      brokerName: typeof o.brokerName === 'string' ? o.brokerName : '?',
      queueId: typeof o.queueId === 'number' ? o.queueId : '?',
      reason: typeof o.reason === 'string' ? o.reason : 'other',
      availableAt: typeof o.availableAt === 'number' ? o.availableAt : undefined,
    };
  });
}

function writeQueues(event: TraceEvent): number {
  const data = f(event, 'queueData') ?? f(event, 'queueDatas');
  if (Array.isArray(data)) {
    return data.reduce((sum: number, q: unknown) => {
      const w = (q as Fields | null)?.writeQueueNums;
      return sum + (typeof w === 'number' ? w : 0);
    }, 0);
  }
  const queues = f(event, 'queues') ?? f(event, 'messageQueues');
  return Array.isArray(queues) ? queues.length : 0;
}

function rpcParams(event: TraceEvent): Params {
  return {
    from: s(event, 'from'),
    to: s(event, 'to'),
    rpcId: n(event, 'rpcId') ?? '?',
    name: s(
      event,
      'name',
      typeof f(event, 'requestCode') === 'number' ? `code ${s(event, 'requestCode')}` : 'RPC',
    ),
  };
}

/** Formats numbers as the language writes them (3,000 ms); strings pass through. */
function formatParams(lang: Lang, params: Params): Params {
  const nf = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    // Identifiers (ids, queue ids, indices, codes, attempts) are not quantities: no grouping.
    out[k] = typeof v === 'number' && /Ms$|At$|^offset$|^count$|^queued$/.test(k) ? nf.format(v) : String(v);
  }
  return out;
}

const REASON_KEYS: Record<string, MessageKey> = {
  notAvailable: 'callPath.reason.notAvailable',
  sameBroker: 'callPath.reason.sameBroker',
  notReachable: 'callPath.reason.notReachable',
  filtered: 'callPath.reason.filtered',
};

/** "broker-a:2, broker-a:3 (not available until t = 600,014 ms)": skips grouped by reason. */
function describeSkips(lang: Lang, skips: Skip[]): string {
  const nf = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN');
  const groups = new Map<string, { queues: string[]; reason: string }>();
  for (const skip of skips) {
    let reason: string;
    if (skip.reason === 'notAvailable') {
      reason =
        skip.availableAt !== undefined
          ? translate(lang, 'callPath.reason.notAvailable', { at: nf.format(skip.availableAt) })
          : translate(lang, 'callPath.reason.notAvailableNoTime');
    } else {
      const key = REASON_KEYS[skip.reason];
      reason = key ? translate(lang, key) : translate(lang, 'callPath.reason.other', { reason: skip.reason });
    }
    const group = groups.get(reason) ?? { queues: [], reason };
    group.queues.push(`${skip.brokerName}:${skip.queueId}`);
    groups.set(reason, group);
  }
  const sep = lang === 'en' ? ', ' : '、';
  return [...groups.values()]
    .map((g) =>
      lang === 'en' ? `${g.queues.join(sep)} (${g.reason})` : `${g.queues.join(sep)}（${g.reason}）`,
    )
    .join(lang === 'en' ? '; ' : '；');
}

/** The one-paragraph explanation of an event in `lang`. */
export function explainEvent(lang: Lang, event: TraceEvent): string {
  const { key, params, skipped } = explanationOf(event);
  const formatted = formatParams(lang, params);
  if (skipped && skipped.length > 0) formatted.skipped = describeSkips(lang, skipped);
  return translate(lang, key, formatted);
}
