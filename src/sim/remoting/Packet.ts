import type { VersionId } from '../versions/VersionId';
import type { RemotingCommand } from './RemotingCommand';

/** A request or a response on the wire, with what the trace needs to follow it. */
export interface Packet {
  cmd: RemotingCommand;
  /** The trace's id of this RPC (the response carries the request's). */
  rpcId: number;
  /** Display name of the request code. */
  name: string;
  /** The message (UNIQ_KEY) a send carries, or null. */
  msgId: string | null;
  from: string;
  to: string;
}

/** Request codes of the world (`RequestCode`, same values in every tag). */
export const RC = {
  SEND_MESSAGE: 10,
  HEART_BEAT: 34,
  UNREGISTER_CLIENT: 35,
  REGISTER_BROKER: 103,
  UNREGISTER_BROKER: 104,
  GET_ROUTEINFO_BY_TOPIC: 105,
  SEND_MESSAGE_V2: 310,
} as const;

/** The request code's constant name in that tag (4.5.2 spells 105 `GET_ROUTEINTO_BY_TOPIC`). */
export function requestName(code: number, version: VersionId): string {
  switch (code) {
    case RC.SEND_MESSAGE:
      return 'SEND_MESSAGE';
    case RC.HEART_BEAT:
      return 'HEART_BEAT';
    case RC.UNREGISTER_CLIENT:
      return 'UNREGISTER_CLIENT';
    case RC.REGISTER_BROKER:
      return 'REGISTER_BROKER';
    case RC.UNREGISTER_BROKER:
      return 'UNREGISTER_BROKER';
    case RC.GET_ROUTEINFO_BY_TOPIC:
      return version === '4.5.2' ? 'GET_ROUTEINTO_BY_TOPIC' : 'GET_ROUTEINFO_BY_TOPIC';
    case RC.SEND_MESSAGE_V2:
      return 'SEND_MESSAGE_V2';
    default:
      return `code ${code}`;
  }
}

/** The UNIQ_KEY inside an encoded properties string (`name\u0001value\u0002...`), or null. */
export function uniqKeyOf(properties: string | undefined): string | null {
  if (properties === undefined) return null;
  const key = 'UNIQ_KEY\u0001';
  const i = properties.indexOf(key);
  if (i < 0) return null;
  const start = i + key.length;
  const end = properties.indexOf('\u0002', start);
  return properties.substring(start, end < 0 ? properties.length : end);
}
