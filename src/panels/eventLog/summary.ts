import { translate, type Lang, type MessageKey } from '../../i18n';
import type { TraceEvent } from '../../trace/types';
import { formatNumber } from '../../view/format';

type Fields = Record<string, unknown>;
const f = (e: TraceEvent, name: string): unknown => (e as unknown as Fields)[name];
const str = (e: TraceEvent, name: string, fallback = '?'): string => {
  const v = f(e, name);
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;
};

const HIDDEN = new Set(['seq', 't', 'kind', 'code', 'msgId']);

/** A one-line, language-aware summary of an event for the log; unknown kinds list their plain fields. */
export function summarize(lang: Lang, e: TraceEvent): string {
  const num = (name: string) => {
    const v = f(e, name);
    return typeof v === 'number' ? formatNumber(lang, v) : '?';
  };
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  switch (e.kind) {
    case 'send.call': {
      const key = f(e, 'key');
      return t('eventLog.s.sendCall', {
        mode: str(e, 'mode'),
        topic: str(e, 'topic'),
        key: typeof key === 'string' ? t('eventLog.s.key', { key }) : '',
        timeoutMs: num('timeoutMs'),
      });
    }
    case 'executor.enqueue':
      return t('eventLog.s.executorEnqueue', { queued: num('queued') });
    case 'executor.run':
      return t('eventLog.s.executorRun', {
        worker: str(e, 'worker', '—'),
        waitedMs: num('waitedMs'),
        queued: num('queued'),
      });
    case 'executor.reject':
      return t('eventLog.s.executorReject');
    case 'producer.backpressure':
      return t(
        `eventLog.s.backpressure.${str(e, 'action') === 'release' ? 'release' : str(e, 'action') === 'timeout' ? 'timeout' : 'acquire'}`,
        {
          semaphore: str(e, 'semaphore'),
          permits: num('permits'),
          available: num('available'),
          total: num('total'),
        },
      );
    case 'route.lookup':
      return t('eventLog.s.routeLookup', { topic: str(e, 'topic'), source: str(e, 'source') });
    case 'route.update': {
      // The engine writes TopicRouteData's own field name, queueDatas.
      const data = f(e, 'queueDatas') ?? f(e, 'queueData');
      const queues = Array.isArray(data)
        ? data.reduce(
            (sum: number, q: unknown) => sum + (Number((q as Fields | null)?.writeQueueNums) || 0),
            0,
          )
        : '?';
      return t('eventLog.s.routeUpdate', { topic: str(e, 'topic'), queues });
    }
    case 'queue.select': {
      const skipped = f(e, 'skipped');
      const list = Array.isArray(skipped)
        ? skipped.map(
            (s: unknown) => `${str(s as TraceEvent, 'brokerName')}:${str(s as TraceEvent, 'queueId')}`,
          )
        : [];
      const attempt = typeof f(e, 'attempt') === 'number' ? (f(e, 'attempt') as number) + 1 : '?';
      const params = {
        attempt,
        broker: str(e, 'brokerName'),
        queueId: str(e, 'queueId'),
        index: str(e, 'index'),
      };
      return list.length > 0
        ? t('eventLog.s.queueSelect.skipped', { ...params, skipped: list.join(', ') })
        : t('eventLog.s.queueSelect', params);
    }
    case 'budget.check':
      return t(f(e, 'ok') === true ? 'eventLog.s.budgetCheck.ok' : 'eventLog.s.budgetCheck.fail', {
        where: str(e, 'where'),
        costMs: num('costMs'),
        timeoutMs: num('timeoutMs'),
      });
    case 'rpc.send':
    case 'rpc.arrive':
    case 'rpc.timeout':
      return t('eventLog.s.rpc', {
        from: str(e, 'from'),
        to: str(e, 'to'),
        name: str(e, 'name', 'RPC'),
        rpcId: str(e, 'rpcId'),
      });
    case 'rpc.response':
      return t('eventLog.s.rpcResponse', {
        from: str(e, 'from'),
        to: str(e, 'to'),
        name: str(e, 'name', 'RPC'),
        rpcId: str(e, 'rpcId'),
        code: str(e, 'responseCode'),
      });
    case 'broker.store':
      return t(f(e, 'duplicate') === true ? 'eventLog.s.brokerStore.duplicate' : 'eventLog.s.brokerStore', {
        broker: str(e, 'broker'),
        queueId: str(e, 'queueId'),
        offset: num('offset'),
      });
    case 'fault.update': {
      const notAvailable = f(e, 'notAvailableMs');
      const barred = f(e, 'isolation') === true || (typeof notAvailable === 'number' && notAvailable > 0);
      return t(barred ? 'eventLog.s.faultUpdate.barred' : 'eventLog.s.faultUpdate', {
        broker: str(e, 'brokerName'),
        latencyMs: num('latencyMs'),
        isolation: f(e, 'isolation') === true ? t('eventLog.s.isolation') : '',
        notAvailableMs: num('notAvailableMs'),
      });
    }
    case 'attempt.end': {
      const attempt = typeof f(e, 'attempt') === 'number' ? (f(e, 'attempt') as number) + 1 : '?';
      const error = f(e, 'error');
      return typeof error === 'string'
        ? t('eventLog.s.attemptEnd.error', { attempt, outcome: str(e, 'outcome'), error })
        : t('eventLog.s.attemptEnd', { attempt, outcome: str(e, 'outcome') });
    }
    case 'send.result': {
      const via = f(e, 'viaCallback') === true ? t('eventLog.s.viaCallback') : '';
      return str(e, 'status') === 'EXCEPTION'
        ? t('eventLog.s.sendResult.exception', {
            exception: str(e, 'exception', 'Exception'),
            message: str(e, 'message', ''),
            costMs: num('costMs'),
            via,
          })
        : t('eventLog.s.sendResult', { status: str(e, 'status'), costMs: num('costMs'), via });
    }
    case 'sim.end': {
      const inFlight = f(e, 'inFlight');
      return t('eventLog.s.simEnd', { count: Array.isArray(inFlight) ? inFlight.length : 0 });
    }
    default:
      return Object.entries(e as unknown as Fields)
        .filter(
          ([k, v]) =>
            !HIDDEN.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'),
        )
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
  }
}
