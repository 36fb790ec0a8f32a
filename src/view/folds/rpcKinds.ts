import type { TraceEvent } from '../../trace/types';
import { firstNum, str } from './eventFields';

/** What an RPC is for, as the topology and the budget draw it: each kind has its own glyph, not only a colour. */
export type RpcKind = 'send' | 'route' | 'heartbeat' | 'register' | 'probe' | 'other';

/** Upstream `RequestCode` values the producer side sees (org.apache.rocketmq.common.protocol.RequestCode). */
export const REQUEST_CODE_NAMES: Readonly<Record<number, string>> = {
  10: 'SEND_MESSAGE',
  30: 'GET_MAX_OFFSET',
  34: 'HEART_BEAT',
  35: 'UNREGISTER_CLIENT',
  103: 'REGISTER_BROKER',
  104: 'UNREGISTER_BROKER',
  105: 'GET_ROUTEINFO_BY_TOPIC',
  310: 'SEND_MESSAGE_V2',
  320: 'SEND_BATCH_MESSAGE',
};

/** The display name of an RPC: the event's `name`, else the name of its request code, else `RPC`. */
export function rpcName(event: TraceEvent): string {
  const name = str(event, 'name');
  if (name) return name;
  const code = firstNum(event, ['requestCode']);
  if (code !== undefined) return REQUEST_CODE_NAMES[code] ?? `code ${code}`;
  return 'RPC';
}

export function rpcKindOfName(name: string): RpcKind {
  const upper = name.toUpperCase();
  if (upper.startsWith('SEND_')) return 'send';
  if (upper.includes('ROUTE')) return 'route';
  if (upper.includes('HEART')) return 'heartbeat';
  if (upper.includes('REGISTER')) return 'register';
  if (upper.includes('OFFSET') || upper.includes('DETECT')) return 'probe';
  return 'other';
}
