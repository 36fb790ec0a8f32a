import { memo, useId, useMemo, useRef } from 'react';
import { translate, type Lang, type MessageKey } from '../../i18n';
import type { Provenance } from '../../view/folds/eventFields';
import {
  selectionView,
  type FaultRow,
  type QueueSelectionState,
  type Selection,
  type Skip,
} from '../../view/folds/queueSelection';
import { shortMsgId } from '../../view/format';
import { fmtDuration, fmtMs, fmtNumber, provenanceParams, shortBroker } from '../teaching/format';
import { Patterns, patternUrl, safeId } from '../teaching/Patterns';
import { useElementSize } from '../teaching/useElementSize';
import { getQueueGridLayout, indexPosition, positionOf, POINTER_H } from './layout';
import '../teaching/teaching.css';
import './queueSelection.css';

export interface QueueSelectionPanelViewProps {
  model: QueueSelectionState;
  lang: Lang;
  selectedMsgId?: string | null;
  onSelectMessage?: (msgId: string) => void;
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const MAX_SKIP_LINES = 3;

function src(t: T, lang: Lang, p: Provenance | null | undefined): string {
  return p ? t('queueSelection.source', provenanceParams(lang, p)) : '';
}

function queueName(brokerName: string, queueId: number): string {
  return `${brokerName}:${queueId}`;
}

/** The sentence for one skipped candidate, with the countdown relative to the cursor. */
export function skipText(t: T, lang: Lang, skip: Skip, now: number): string {
  const queue = queueName(skip.brokerName, skip.queueId);
  switch (skip.reason) {
    case 'notAvailable':
      if (skip.availableAt === null) return t('queueSelection.skip.notAvailable.plain', { queue });
      if (skip.availableAt <= now)
        return t('queueSelection.skip.notAvailable.over', { queue, at: fmtMs(lang, skip.availableAt) });
      return t('queueSelection.skip.notAvailable', {
        queue,
        at: fmtMs(lang, skip.availableAt),
        left: fmtDuration(lang, skip.availableAt - now),
      });
    case 'sameBroker':
      return t('queueSelection.skip.sameBroker', { queue, broker: skip.lastBrokerName ?? skip.brokerName });
    case 'notLastBroker':
      return t('queueSelection.skip.notLastBroker', { queue });
    case 'notReachable':
      return t('queueSelection.skip.notReachable', { queue });
    case 'filtered':
      return t('queueSelection.skip.filtered', { queue });
    default:
      return t('queueSelection.skip.other', { queue, reason: skip.reason });
  }
}

const PATH_KEY: Record<string, MessageKey> = {
  available: 'queueSelection.path.available',
  notBestBroker: 'queueSelection.path.notBestBroker',
  fallback: 'queueSelection.path.fallback',
  latencyDisabled: 'queueSelection.path.latencyDisabled',
  reachable: 'queueSelection.path.reachable',
  brokerFilter: 'queueSelection.path.brokerFilter',
};

function pathText(t: T, s: Selection): string | null {
  if (!s.path) return null;
  const key = PATH_KEY[s.path];
  return key ? t(key, { pick: s.pick ?? '?' }) : t('queueSelection.path.other', { path: s.path });
}

function FaultInfo({
  fault,
  box,
  now,
  t,
  lang,
}: {
  fault: FaultRow;
  box: { x: number; y: number; w: number };
  now: number;
  t: T;
  lang: Lang;
}) {
  const left = fault.availableAt - now;
  const avoided = left > 0;
  const share = avoided && fault.notAvailableMs > 0 ? Math.min(1, left / fault.notAvailableMs) : 0;
  const title = [
    t('queueSelection.faults.countdown', {
      duration: fmtMs(lang, fault.notAvailableMs),
      from: fmtMs(lang, fault.from.t),
      at: fmtMs(lang, fault.availableAt),
    }),
    src(t, lang, fault.from),
  ].join('\n');
  const flags = [
    fault.isolation ? t('queueSelection.faults.isolated') : null,
    fault.reachable === false ? t('queueSelection.faults.unreachable') : null,
  ].filter(Boolean);
  const gaugeW = Math.max(40, Math.min(160, box.w - 6));
  const stateText = avoided
    ? t('queueSelection.faults.notAvailable', { left: fmtDuration(lang, left) })
    : t('queueSelection.faults.available');
  return (
    <g
      className={`qs-info${avoided ? ' qs-info--avoided' : ''}`}
      transform={`translate(${box.x}, ${box.y})`}
      data-broker={fault.brokerName}
      data-seq={fault.from.seq}
      role="group"
      aria-label={`${fault.brokerName}: ${t('queueSelection.faults.latency')} ${fmtMs(lang, fault.latencyMs)}, ${stateText}`}
    >
      <title>{title}</title>
      <text className="qs-info-line" x={0} y={12}>
        {`${t('queueSelection.faults.latency')} ${fmtMs(lang, fault.latencyMs)}${flags.length ? ` · ${flags.join(' · ')}` : ''}`}
      </text>
      <text className="qs-info-state" x={0} y={27}>
        {stateText}
      </text>
      {avoided && (
        <g transform="translate(0, 30)">
          <rect className="qs-info-gauge" width={gaugeW} height={5} />
          <rect className="qs-info-gauge-fill" width={gaugeW * share} height={5} />
        </g>
      )}
    </g>
  );
}

function QueueGrid({
  selection,
  topic,
  queues,
  faults,
  now,
  t,
  lang,
  width,
}: {
  selection: Selection;
  topic: string;
  faults: FaultRow[];
  queues: ReturnType<typeof selectionView>['queues'];
  now: number;
  t: T;
  lang: Lang;
  width: number;
}) {
  const prefix = `qs${safeId(useId())}`;
  const faultByBroker = new Map(faults.map((f) => [f.brokerName, f]));
  const withInfo = useMemo(() => new Set(faults.map((f) => f.brokerName)), [faults]);
  const layout = useMemo(() => getQueueGridLayout(queues, width, withInfo), [queues, width, withInfo]);
  const firstInfo = layout.groups.find((g) => g.info)?.info;
  const chosenPos = selection.pos ?? positionOf(queues, selection.brokerName, selection.queueId);
  const pointer = selection.index !== null ? indexPosition(selection.index, queues.length) : null;
  const skipsByPos = new Map<number, { order: number; skip: Skip }[]>();
  selection.skipped.forEach((skip, i) => {
    const pos = skip.pos ?? positionOf(queues, skip.brokerName, skip.queueId);
    if (pos === null) return;
    const list = skipsByPos.get(pos) ?? [];
    list.push({ order: i + 1, skip });
    skipsByPos.set(pos, list);
  });
  const pointerCell = pointer !== null ? layout.cells[pointer] : undefined;
  return (
    <svg className="teach-svg qs-grid" width={layout.width} height={layout.height}>
      <Patterns prefix={prefix} />
      {firstInfo && firstInfo.y === layout.groups[0]?.y && (
        <text className="qs-info-head teach-svg-muted" x={firstInfo.x} y={POINTER_H - 3}>
          <title>{t('queueSelection.faults.title')}</title>
          {t('queueSelection.faults')}
        </text>
      )}
      {layout.groups.map((g) => {
        const last = selection.lastBrokerName === g.brokerName;
        const fault = faultByBroker.get(g.brokerName);
        return (
          <g key={g.brokerName}>
            <text className={`qs-broker-label${last ? ' qs-broker-label--last' : ''}`} x={2} y={g.y + 20}>
              <title>
                {last
                  ? `${g.brokerName}\n${t('queueSelection.lastBroker', { broker: g.brokerName })}`
                  : g.brokerName}
              </title>
              {shortBroker(g.brokerName)}
              {last ? '↩' : ''}
            </text>
            {g.info && fault && <FaultInfo fault={fault} box={g.info} now={now} t={t} lang={lang} />}
          </g>
        );
      })}
      {pointerCell && (
        <g className="qs-pointer" data-seq={selection.from.seq}>
          <title>{t('queueSelection.pointer')}</title>
          <path d={`M${pointerCell.x + pointerCell.w / 2 - 6} ${pointerCell.y - 9} h12 l-6 8 Z`} />
        </g>
      )}
      {/* The list holds the cells alone: the broker notes beside them are not list items. */}
      <g role="list" aria-label={t('queueSelection.list', { topic })}>
        {layout.cells.map((cell) => {
          const chosen = cell.pos === chosenPos;
          const skips = skipsByPos.get(cell.pos);
          const state = chosen ? 'chosen' : skips ? 'skipped' : 'idle';
          const parts = [
            t('queueSelection.cell', { pos: cell.pos, broker: cell.brokerName, queueId: cell.queueId }),
          ];
          if (chosen) parts.push(t('queueSelection.cell.chosen'));
          for (const s of skips ?? []) {
            parts.push(
              t('queueSelection.cell.skipped', { order: s.order, reason: skipText(t, lang, s.skip, now) }),
            );
          }
          return (
            <g
              key={cell.pos}
              className={`qs-cell qs-cell--${state}`}
              transform={`translate(${cell.x}, ${cell.y})`}
              role="listitem"
              aria-label={parts.join('. ')}
              data-pos={cell.pos}
              data-state={state}
              data-seq={state === 'idle' ? undefined : selection.from.seq}
            >
              <title>{[...parts, src(t, lang, selection.from)].join('\n')}</title>
              <rect
                className="qs-cell-box"
                width={cell.w}
                height={cell.h}
                rx={3}
                style={state === 'skipped' ? { fill: patternUrl(prefix, 'hatch-bad') } : undefined}
              />
              <text className="qs-cell-id" x={cell.w / 2} y={state === 'idle' ? 20 : 13} textAnchor="middle">
                {cell.queueId}
              </text>
              {state !== 'idle' && (
                <text className="qs-cell-mark" x={cell.w / 2} y={27} textAnchor="middle">
                  {chosen ? '✓' : `✕${skips!.map((s) => s.order).join(',')}`}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

function FaultTable({ faults, now, t, lang }: { faults: FaultRow[]; now: number; t: T; lang: Lang }) {
  if (faults.length === 0)
    return <p className="teach-empty qs-faults-empty">{t('queueSelection.faults.empty')}</p>;
  return (
    <table className="teach-table qs-faults">
      <thead>
        <tr>
          <th scope="col">{t('queueSelection.faults.broker')}</th>
          <th scope="col" className="teach-num">
            {t('queueSelection.faults.latency')}
          </th>
          <th scope="col">{t('queueSelection.faults.state')}</th>
        </tr>
      </thead>
      <tbody>
        {faults.map((f) => {
          const left = f.availableAt - now;
          const avoided = left > 0;
          const share = avoided && f.notAvailableMs > 0 ? Math.min(1, left / f.notAvailableMs) : 0;
          const title = [
            t('queueSelection.faults.countdown', {
              duration: fmtMs(lang, f.notAvailableMs),
              from: fmtMs(lang, f.from.t),
              at: fmtMs(lang, f.availableAt),
            }),
            src(t, lang, f.from),
          ].join('\n');
          return (
            <tr key={f.brokerName} data-broker={f.brokerName} data-seq={f.from.seq} title={title}>
              <th scope="row">{f.brokerName}</th>
              <td className="teach-num">{fmtMs(lang, f.latencyMs)}</td>
              <td>
                <span className={avoided ? 'teach-bad qs-strong' : 'teach-ok'}>
                  {avoided
                    ? t('queueSelection.faults.notAvailable', { left: fmtDuration(lang, left) })
                    : t('queueSelection.faults.available')}
                </span>
                {f.isolation && <span className="qs-tag">{t('queueSelection.faults.isolated')}</span>}
                {f.reachable === false && (
                  <span className="qs-tag">{t('queueSelection.faults.unreachable')}</span>
                )}
                {avoided && (
                  <span className="qs-countdown" aria-hidden="true">
                    <span className="qs-countdown-fill" style={{ width: `${share * 100}%` }} />
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The Queue selection panel's body, from props only. */
export const QueueSelectionPanelView = memo(function QueueSelectionPanelView({
  model,
  lang,
  selectedMsgId = null,
  onSelectMessage,
}: QueueSelectionPanelViewProps) {
  const t: T = (key, params) => translate(lang, key, params);
  const view = useMemo(() => selectionView(model, selectedMsgId), [model, selectedMsgId]);
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box, { width: 400, height: 200 });
  const { selection, now } = view;
  const n = view.queues.length;
  const chosenName = selection ? queueName(selection.brokerName, selection.queueId) : '';
  const indexPos = selection?.index != null ? indexPosition(selection.index, n) : null;
  const indexCell = indexPos !== null ? view.queues[indexPos] : undefined;
  const listed = new Set(view.queues.map((q) => q.brokerName));
  const otherFaults = view.faults.filter((f) => !listed.has(f.brokerName));
  const modConsistent =
    indexCell !== undefined &&
    indexCell.brokerName === selection?.brokerName &&
    indexCell.queueId === selection.queueId;

  return (
    <div className="teach-panel qs" ref={box}>
      {!selection ? (
        <p className="teach-empty">{t('queueSelection.empty')}</p>
      ) : (
        <>
          <div className="qs-head">
            <button
              type="button"
              className="qs-msg"
              onClick={() => onSelectMessage?.(selection.msgId)}
              aria-pressed={selectedMsgId === selection.msgId}
              data-seq={selection.from.seq}
              title={`${selection.msgId}\n${src(t, lang, selection.from)}`}
              aria-label={t('queueSelection.heading', {
                msgId: shortMsgId(selection.msgId),
                attempt: view.attemptNumber,
              })}
            >
              {shortMsgId(selection.msgId)}
            </button>
            <span className="qs-attempt">{t('queueSelection.attempt', { attempt: view.attemptNumber })}</span>
            <span
              className="qs-chosen"
              data-testid="chosen-queue"
              data-seq={selection.from.seq}
              title={src(t, lang, selection.from)}
            >
              {t('queueSelection.chosen', { queue: chosenName })}
            </span>
          </div>
          {selection.index !== null && !selection.hash && (
            <p
              className="teach-line qs-index"
              data-seq={selection.from.seq}
              title={[
                t('queueSelection.index.title', { from: view.previousIndex?.value ?? '–' }),
                src(t, lang, selection.from),
                view.previousIndex ? src(t, lang, view.previousIndex.from) : '',
              ]
                .filter(Boolean)
                .join('\n')}
            >
              {view.previousIndex
                ? t('queueSelection.index', {
                    from: fmtNumber(lang, view.previousIndex.value),
                    to: fmtNumber(lang, selection.index),
                  })
                : t('queueSelection.index.first', { to: fmtNumber(lang, selection.index) })}
              {modConsistent &&
                ` · ${t('queueSelection.index.mod', { index: fmtNumber(lang, selection.index), n, pos: indexPos! })}`}
              {selection.lastBrokerName && (
                <span
                  className="qs-last"
                  title={t('queueSelection.lastBroker', { broker: selection.lastBrokerName })}
                >
                  {` · ${t('queueSelection.lastBroker.short', { broker: shortBroker(selection.lastBrokerName) })}`}
                </span>
              )}
            </p>
          )}
          {selection.hash && (
            <p
              className="teach-line qs-hash teach-code"
              data-seq={selection.hash.from.seq}
              title={`${t('queueSelection.hash.title', { selector: selection.hash.selector ?? 'MessageQueueSelector' })}\n${src(t, lang, selection.hash.from)}`}
            >
              {t('queueSelection.hash', {
                arg: selection.hash.arg !== null ? JSON.stringify(selection.hash.arg) : 'arg',
                hash: String(selection.hash.hash),
              })}
              {selection.hash.queueCount !== null &&
                selection.hash.result !== null &&
                ` · ${t('queueSelection.hash.mod', {
                  n: selection.hash.queueCount,
                  index: selection.hash.result,
                })}`}
            </p>
          )}
          {n > 0 && (
            <div
              className="qs-grid-wrap"
              title={
                view.queuesFrom
                  ? `${t('queueSelection.list.source.route')}\n${src(t, lang, view.queuesFrom)}`
                  : t('queueSelection.list.source.seen')
              }
            >
              <QueueGrid
                selection={selection}
                topic={view.topic ?? '?'}
                faults={view.faults}
                queues={view.queues}
                now={now}
                t={t}
                lang={lang}
                width={width}
              />
            </div>
          )}
          {selection.skipped.length > 0 && (
            <ol className="qs-skips" aria-label={t('queueSelection.skipped.title')}>
              {selection.skipped.slice(0, MAX_SKIP_LINES).map((skip, i) => (
                <li key={i} data-seq={selection.from.seq} title={src(t, lang, selection.from)}>
                  <span className="qs-skip-mark" aria-hidden="true">
                    {`✕${i + 1}`}
                  </span>{' '}
                  {skipText(t, lang, skip, now)}
                </li>
              ))}
              {selection.skipped.length > MAX_SKIP_LINES && (
                <li className="teach-muted">
                  {t('queueSelection.skip.more', { n: selection.skipped.length - MAX_SKIP_LINES })}
                </li>
              )}
            </ol>
          )}
          <p className="teach-line qs-path">
            {pathText(t, selection)} <span className="teach-code teach-muted">{selection.code}</span>
          </p>
          {otherFaults.length > 0 && (
            <>
              <h3 className="teach-subtitle" title={t('queueSelection.faults.title')}>
                {t('queueSelection.faults')}
              </h3>
              <FaultTable faults={otherFaults} now={now} t={t} lang={lang} />
            </>
          )}
        </>
      )}
    </div>
  );
});
