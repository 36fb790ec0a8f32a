import { memo, useMemo, useRef } from 'react';
import { translate, type Lang, type MessageKey } from '../../i18n';
import type { RpcKind } from '../../view/folds/rpcKinds';
import {
  compareRoutes,
  type BrokerNode,
  type RouteComparison,
  type RpcToken,
  type TopologyState,
} from '../../view/folds/topology';
import { shortMsgId } from '../../view/format';
import { fmtDuration, fmtNumber, shortBroker } from '../teaching/format';
import { useElementSize } from '../teaching/useElementSize';
import { getTopologyLayout, queueCells, type NodeBox, type TopologyLayout } from './layout';
import { TokenCanvas } from './TokenCanvas';
import { placeToken, sourceText, tokenTitle, type T } from './tokenModel';
import '../teaching/teaching.css';
import './topology.css';

export interface TopologyPanelViewProps {
  model: TopologyState;
  lang: Lang;
  selectedMsgId?: string | null;
  onSelectMessage?: (msgId: string) => void;
  /** "Kill this broker now": when given, each running broker gets a button that calls it with its name. */
  onKillBroker?: (brokerName: string) => void;
  /**
   * True while playback paces by virtual time: the model moves every frame, so tokens are placed exactly
   * each frame and must not glide (a CSS transition restarted on hundreds of tokens each frame costs more
   * than the frame has).
   */
  live?: boolean;
}

/** Tokens drawn at most; beyond this the count in the legend still tells the truth. */
const MAX_TOKENS = 600;
const LABELLED_TOKENS = 8;
/** Above this many tokens they are drawn on one canvas instead of one SVG group each (see TokenCanvas). */
export const SVG_TOKENS = 150;

/**
 * A broker state as its symbol and its word ("✓ up"). In a narrow box (presenter mode at 1280x720, many
 * brokers) the word gives way to the broker's name: only the symbol shows, the word stays for screen
 * readers and in the box's name (topology.css, the container query).
 */
function StatusText({ text }: { text: string }) {
  const space = text.indexOf(' ');
  if (space <= 0) return <>{text}</>;
  return (
    <>
      <span className="topo-status__icon">{text.slice(0, space)}</span>
      <span className="topo-status__word"> {text.slice(space + 1)}</span>
    </>
  );
}

function statusKey(status: string): MessageKey {
  switch (status) {
    case 'up':
      return 'topology.broker.status.up';
    case 'down':
      return 'topology.broker.status.down';
    case 'slow':
      return 'topology.broker.status.slow';
    case 'busy':
      return 'topology.broker.status.busy';
    default:
      return 'topology.broker.status.other';
  }
}

const TOKEN_KEY: Record<RpcKind, MessageKey> = {
  send: 'topology.token.send',
  route: 'topology.token.route',
  heartbeat: 'topology.token.heartbeat',
  register: 'topology.token.register',
  probe: 'topology.token.probe',
  other: 'topology.token.other',
};

const LOOKUP_KEY: Record<string, MessageKey> = {
  cache: 'topology.lookup.cache',
  namesrv: 'topology.lookup.namesrv',
  'default-topic': 'topology.lookup.default-topic',
  none: 'topology.lookup.none',
};

/** The glyph of an RPC kind, so kinds differ by shape as well as colour. */
export function TokenGlyph({ kind, hollow, size = 7 }: { kind: RpcKind; hollow: boolean; size?: number }) {
  const cls = `topo-glyph topo-glyph--${kind}${hollow ? ' topo-glyph--hollow' : ''}`;
  const s = size;
  switch (kind) {
    case 'route':
      return <path className={cls} d={`M0 ${-s - 1} L${s + 1} 0 L0 ${s + 1} L${-s - 1} 0 Z`} />;
    case 'heartbeat':
      return <rect className={cls} x={-s + 1} y={-s + 1} width={2 * s - 2} height={2 * s - 2} />;
    case 'register':
      return <path className={cls} d={`M0 ${-s} L${s} ${s - 1} L${-s} ${s - 1} Z`} />;
    case 'probe':
      return <circle className={cls} r={s - 2} />;
    default:
      return <circle className={cls} r={s} />;
  }
}

function Token({
  token,
  model,
  layout,
  t,
  lang,
  labelled,
  selected,
}: {
  token: RpcToken;
  model: TopologyState;
  layout: TopologyLayout;
  t: T;
  lang: Lang;
  labelled: boolean;
  selected: boolean;
}) {
  const placed = placeToken(token, model, layout);
  if (!placed) return null;
  const { point, hollow } = placed;
  const title = tokenTitle(token, t, lang);
  // Only sends carry a label (their message): the legend names the other kinds, and a long request name
  // next to a token near the name server would cover the box's heading.
  const label = labelled && token.kind === 'send' && token.msgId ? shortMsgId(token.msgId) : null;
  return (
    <g
      className={`topo-token topo-token--${token.phase}${selected ? ' topo-token--selected' : ''}`}
      style={{ transform: `translate(${point.x}px, ${point.y}px)` }}
      data-rpc-id={token.rpcId}
      data-phase={token.phase}
      data-seq={token.last.seq}
    >
      <title>{title}</title>
      {selected && <circle className="topo-token-halo" r={12} />}
      <TokenGlyph kind={token.kind} hollow={hollow} />
      {token.phase === 'timedOut' && (
        <text className="topo-token-x" x={0} y={5} textAnchor="middle">
          ✕
        </text>
      )}
      {label !== null && (
        <text className="topo-token-label" x={10} y={-8}>
          {label}
        </text>
      )}
    </g>
  );
}

function ProducerBox({ box, model, t, lang }: { box: NodeBox; model: TopologyState; t: T; lang: Lang }) {
  const { producer } = model;
  const routes = [...producer.routes.values()].slice(-2);
  const lookup = [...producer.lookups.values()].at(-1);
  const name = box.id === 'producer' ? t('topology.producer') : `${t('topology.producer')} ${box.id}`;
  return (
    <div className="topo-node topo-node--producer" style={boxStyle(box)} role="group" aria-label={name}>
      <div className="topo-node-head">
        <span className="topo-node-title">{name}</span>
        {producer.serviceState && (
          <span
            className="topo-badge"
            data-seq={producer.serviceStateFrom?.seq}
            title={`ServiceState\n${sourceText(t, lang, producer.serviceStateFrom)}`}
          >
            {producer.serviceState}
          </span>
        )}
      </div>
      <div className="topo-node-line teach-muted">{t('topology.instance.unknown')}</div>
      {routes.length === 0 && <div className="topo-node-line teach-muted">{t('topology.route.none')}</div>}
      {routes.map((r) => (
        <div
          key={r.topic}
          className="topo-node-line topo-route"
          data-seq={r.from.seq}
          title={t('topology.route.title', {
            topic: r.topic,
            brokers: r.brokers.join(', '),
            source: sourceText(t, lang, r.from),
          })}
        >
          <span className="topo-route-what">
            {t('topology.route', { topic: r.topic, brokers: r.brokers.map(shortBroker).join(', ') })}
          </span>
          <span className="topo-route-age">
            {t('topology.route.age', { age: fmtDuration(lang, model.now - r.from.t) })}
          </span>
        </div>
      ))}
      {lookup && (
        <div
          className="topo-node-line teach-muted"
          data-seq={lookup.from.seq}
          title={sourceText(t, lang, lookup.from)}
        >
          {t('topology.lookup', {
            source: LOOKUP_KEY[lookup.source] ? t(LOOKUP_KEY[lookup.source]!) : lookup.source,
          })}
        </div>
      )}
    </div>
  );
}

function NamesrvBox({ box, model, t, lang }: { box: NodeBox; model: TopologyState; t: T; lang: Lang }) {
  const registered = [...model.brokers.values()].filter((b) => b.registered !== null);
  return (
    <div
      className="topo-node topo-node--namesrv"
      style={boxStyle(box)}
      role="group"
      aria-label={t('topology.namesrv')}
    >
      <div className="topo-node-head">
        <span className="topo-node-title">{t('topology.namesrv')}</span>
      </div>
      <div className="topo-node-line teach-muted">{t('topology.namesrv.caption')}</div>
      {registered.length === 0 ? (
        <div className="topo-node-line teach-muted">{t('topology.namesrv.none')}</div>
      ) : (
        <div className="topo-node-line topo-node-line--wrap">
          {registered.map((b) => (
            <span
              key={b.name}
              className={b.registered ? 'topo-reg' : 'topo-reg topo-reg--gone'}
              data-seq={b.registeredFrom?.seq}
              title={`${t(b.registered ? 'topology.namesrv.registered' : 'topology.namesrv.removed', { name: b.name })}\n${sourceText(t, lang, b.registeredFrom)}`}
            >
              {`${shortBroker(b.name)} ${b.registered ? '✓' : '✕'}`}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

function boxStyle(box: NodeBox) {
  return { left: box.x, top: box.y, width: box.w, height: box.h };
}

function BrokerBox({
  box,
  broker,
  routes,
  routesKnown,
  topic,
  compact,
  t,
  lang,
  onKill,
}: {
  onKill?: (brokerName: string) => void;
  box: NodeBox;
  broker: BrokerNode;
  routes: RouteComparison[];
  routesKnown: boolean;
  topic: string | null;
  compact: boolean;
  t: T;
  lang: Lang;
}) {
  const inRoute = routes.length > 0;
  const stale = routes.find((r) => r.stale !== null)?.stale ?? null;
  const status = t(statusKey(broker.status), { status: broker.status });
  // Without any route.update the trace does not say what the producer believes: claim nothing.
  const routeText = stale
    ? t(`topology.broker.stale.${stale}` as MessageKey)
    : inRoute
      ? t('topology.broker.inRoute')
      : routesKnown
        ? t('topology.broker.notInRoute')
        : '';
  const queues = [...broker.queues.values()]
    .filter((q) => topic === null || q.topic === topic || q.topic === null)
    .sort((a, b) => a.queueId - b.queueId);
  const { shown } = queueCells(box.w, queues.length);
  const extraFaults = broker.faults.filter((f) => f.kind !== broker.status);
  const label = t('topology.broker.label', { name: broker.name, status, route: routeText }).trim();
  return (
    <div
      className={`topo-node topo-node--broker topo-broker--${broker.status}${stale ? ' topo-broker--stale' : ''}${compact ? ' topo-node--compact' : ''}`}
      style={boxStyle(box)}
      role="group"
      aria-label={label}
      data-broker={broker.name}
      data-stale={stale ?? undefined}
    >
      <div className="topo-node-head">
        <span className="topo-node-title">{broker.name}</span>
        <span
          className={`topo-status topo-status--${broker.status}`}
          data-seq={broker.statusFrom?.seq}
          title={broker.statusFrom ? sourceText(t, lang, broker.statusFrom) : t('topology.broker.assumed')}
        >
          <StatusText text={status} />
        </span>
      </div>
      {queues.length > 0 && (
        <div className="topo-queues">
          {queues.slice(0, shown).map((q) => (
            <span
              key={`${q.topic}#${q.queueId}`}
              className={`topo-queue${broker.lastStore && broker.lastStore.from.seq === q.offsetFrom?.seq ? ' topo-queue--last' : ''}`}
              data-seq={q.offsetFrom?.seq}
              title={
                (q.offset === null
                  ? t('topology.queue.empty', { queueId: q.queueId, topic: q.topic ?? '?' })
                  : t('topology.queue.title', {
                      queueId: q.queueId,
                      topic: q.topic ?? '?',
                      offset: q.offset,
                    })) + (q.offsetFrom ? `\n${sourceText(t, lang, q.offsetFrom)}` : '')
              }
            >
              <span className="topo-queue-id">{`q${q.queueId}`}</span>
              <span className="topo-queue-offset">{q.offset === null ? '–' : fmtNumber(lang, q.offset)}</span>
            </span>
          ))}
          {queues.length > shown && (
            <span className="topo-queue-more teach-muted">
              {t('topology.queue.more', { n: queues.length - shown })}
            </span>
          )}
        </div>
      )}
      {broker.registered !== null && !compact && (
        <div
          className={`topo-node-line${broker.registered ? '' : ' teach-bad topo-strong'}`}
          data-seq={broker.registeredFrom?.seq}
          title={sourceText(t, lang, broker.registeredFrom)}
        >
          {broker.registered ? t('topology.broker.registered') : t('topology.broker.expired')}
        </div>
      )}
      {routeText && (
        <div
          className={`topo-node-line${stale ? ' teach-warn topo-strong' : ' teach-muted'}`}
          data-route={inRoute}
          title={
            stale
              ? t('topology.broker.stale.title', {
                  reason: t(`topology.broker.stale.reason.${stale}` as MessageKey),
                })
              : undefined
          }
        >
          {routeText}
        </div>
      )}
      {extraFaults.length > 0 && !compact && (
        <div
          className="topo-node-line teach-warn"
          data-seq={extraFaults.at(-1)?.from.seq}
          title={extraFaults.map((f) => sourceText(t, lang, f.from)).join('\n')}
        >
          {t('topology.broker.faults', { faults: extraFaults.map((f) => f.kind).join(', ') })}
        </div>
      )}
      {broker.lastStore?.duplicate && (
        <div
          className="topo-node-line teach-bad topo-strong"
          data-seq={broker.lastStore.from.seq}
          title={sourceText(t, lang, broker.lastStore.from)}
        >
          {t('topology.queue.duplicate', { msgId: broker.lastStore.msgId })}
        </div>
      )}
      {onKill && broker.status !== 'down' && (
        <button
          type="button"
          className="topo-kill"
          aria-label={t('editor.kill', { name: broker.name })}
          title={t('editor.kill', { name: broker.name })}
          onClick={() => onKill(broker.name)}
        >
          {t('editor.kill.short')}
        </button>
      )}
    </div>
  );
}

/** The Topology panel's body, from props only: the fold state at the cursor and the language. */
export const TopologyPanelView = memo(function TopologyPanelView({
  model,
  lang,
  selectedMsgId = null,
  onKillBroker,
  live = false,
}: TopologyPanelViewProps) {
  const t: T = (key, params) => translate(lang, key, params);
  const canvas = useRef<HTMLDivElement>(null);
  const size = useElementSize(canvas, { width: 400, height: 380 });
  const { producers, namesrvs, brokers } = model.index;
  const layout = useMemo(
    () =>
      getTopologyLayout({ width: size.width, height: size.height, producers, namesrvs, brokers: brokers }),
    [size.width, size.height, producers, namesrvs, brokers],
  );
  const comparisons = compareRoutes(model);
  const focusTopic = [...model.producer.routes.keys()].at(-1) ?? null;
  const tokens = [...model.rpcs.values(), ...model.justEnded].slice(-MAX_TOKENS);
  const labelled = tokens.length <= LABELLED_TOKENS;

  return (
    <div className="teach-panel topo">
      <div className="topo-canvas" ref={canvas}>
        <svg className="topo-layer" width={layout.width} height={layout.height} aria-hidden="true">
          {[...layout.links.values()].map((link) => (
            <path key={link.id} className={`topo-link topo-link--${link.kind}`} d={link.d} />
          ))}
        </svg>
        <div className="topo-nodes" role="group" aria-label={t('topology.diagram')}>
          {[...layout.nodes.values()].map((box) => {
            if (box.role === 'producer')
              return <ProducerBox key={box.id} box={box} model={model} t={t} lang={lang} />;
            if (box.role === 'namesrv')
              return <NamesrvBox key={box.id} box={box} model={model} t={t} lang={lang} />;
            const broker = model.brokers.get(box.id);
            if (!broker) return null;
            return (
              <BrokerBox
                key={box.id}
                box={box}
                broker={broker}
                routes={comparisons.filter((c) => c.broker === box.id)}
                routesKnown={model.producer.routes.size > 0}
                topic={focusTopic}
                compact={layout.compactBrokers}
                t={t}
                lang={lang}
                onKill={onKillBroker}
              />
            );
          })}
        </div>
        {tokens.length > SVG_TOKENS ? (
          <TokenCanvas
            tokens={tokens}
            model={model}
            layout={layout}
            selectedMsgId={selectedMsgId}
            t={t}
            lang={lang}
          />
        ) : (
          <svg
            className="teach-svg topo-layer topo-layer--tokens"
            width={layout.width}
            height={layout.height}
          >
            <g className={live ? 'topo-tokens topo-tokens--live' : 'topo-tokens'}>
              {tokens.map((token) => (
                <Token
                  key={token.rpcId}
                  token={token}
                  model={model}
                  layout={layout}
                  t={t}
                  lang={lang}
                  labelled={labelled}
                  selected={selectedMsgId !== null && token.msgId === selectedMsgId}
                />
              ))}
            </g>
          </svg>
        )}
      </div>
      {model.index.brokers.length === 0 && <p className="teach-empty">{t('topology.empty')}</p>}
      <div className="topo-legend" aria-label={t('topology.legend')} role="group">
        <span className="topo-count" data-testid="topology-in-flight">
          {t('topology.inFlight', { n: model.rpcs.size })}
        </span>
        {model.rpcStats.timedOut > 0 && (
          <span className="topo-count teach-bad">
            {t('topology.timedOut', { n: model.rpcStats.timedOut })}
          </span>
        )}
        {(['send', 'route'] as const).map((kind) => (
          <span key={kind} className="topo-legend-item">
            <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
              <TokenGlyph kind={kind} hollow={false} size={6} />
            </svg>
            {t(TOKEN_KEY[kind])}
          </span>
        ))}
        <span className="topo-legend-item">
          <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
            <TokenGlyph kind="send" hollow size={6} />
          </svg>
          {t('topology.token.reply')}
        </span>
      </div>
    </div>
  );
});
