import type { Lang, MessageKey } from '../../i18n';
import type { Provenance } from '../../view/folds/eventFields';
import { rpcProgress, type RpcToken, type TopologyState } from '../../view/folds/topology';
import { provenanceParams } from '../teaching/format';
import { tokenPoint, type TopologyLayout } from './layout';

/** The panel's translate function, bound to its language. */
export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** "From event N (kind) at t": the event behind a number on screen. */
export function sourceText(t: T, lang: Lang, p: Provenance | null | undefined): string {
  return p ? t('topology.source', provenanceParams(lang, p)) : '';
}

/** Where a token is drawn at the model's time, and whether it is a reply (drawn hollow); null off the map. */
export function placeToken(
  token: RpcToken,
  model: TopologyState,
  layout: TopologyLayout,
): { point: { x: number; y: number }; hollow: boolean } | null {
  const from = model.index.endpoints.get(token.from)?.node ?? token.from;
  const to = model.index.endpoints.get(token.to)?.node ?? token.to;
  const progress = rpcProgress(model.index.rpcTimings.get(token.rpcId), token.phase, model.now);
  const point = tokenPoint(layout, from, to, progress);
  if (!point) return null;
  // Replies are hollow; a request waiting at the server stays filled.
  return { point, hollow: progress.leg === 'back' && token.phase !== 'timedOut' };
}

/** A token's hover text: the RPC, its phase, and the event that put it there. */
export function tokenTitle(token: RpcToken, t: T, lang: Lang): string {
  return [
    t('topology.token.title', {
      name: token.name,
      rpcId: token.rpcId,
      from: token.from,
      to: token.to,
      msg: token.msgId ? t('topology.token.msg', { msgId: token.msgId }) : '',
      phase: t(`topology.phase.${token.phase}` as MessageKey),
    }),
    sourceText(t, lang, token.last),
  ].join('\n');
}
