import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { translate, type Lang, type MessageKey } from '../../i18n';
import type { Provenance } from '../../view/folds/eventFields';
import {
  budgetAt,
  budgetLeft,
  focusMessage,
  startedCount,
  waterfallRows,
  type BudgetCheck,
  type BudgetView,
  type Span,
  type TimeoutBudgetState,
  type WaterfallRow,
} from '../../view/folds/timeoutBudget';
import { shortMsgId } from '../../view/format';
import { fmtDuration, fmtMs, fmtNumber, provenanceParams, shortBroker } from '../teaching/format';
import { Patterns, patternUrl, safeId } from '../teaching/Patterns';
import { useElementSize } from '../teaching/useElementSize';
import { getBudgetBarLayout, getWaterfallLayout, markerRows, scrollToShow, visibleRows } from './layout';
import '../teaching/teaching.css';
import './timeoutBudget.css';
import { attemptSucceeded } from '../../view/outcome';

export interface TimeoutBudgetPanelViewProps {
  model: TimeoutBudgetState;
  lang: Lang;
  selectedMsgId?: string | null;
  onSelectMessage?: (msgId: string) => void;
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const ROW_H = 24;
const LABEL_W = 72;
const GLYPH_W = 22;
const BAR_H = 22;
const MARKER_ROW_H = 15;
/** Below this body height the budget and the waterfall take turns. */
const COMPACT_BELOW = 230;

function src(t: T, lang: Lang, p: Provenance | null | undefined): string {
  return p ? t('timeoutBudget.source', provenanceParams(lang, p)) : '';
}

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];
export function checkNumber(n: number): string {
  return CIRCLED[n - 1] ?? `(${n})`;
}

function op(check: BudgetCheck): string {
  return check.costMs < check.timeoutMs ? '<' : check.costMs === check.timeoutMs ? '=' : '>';
}

/** The line for one budget check: its numbers are the event's own `costMs` and `timeoutMs`. */
export function checkText(t: T, lang: Lang, check: BudgetCheck): string {
  const left = budgetLeft(check);
  return `${check.ok ? '✓' : '✕'} ${t('timeoutBudget.check', {
    where: check.where,
    cost: fmtNumber(lang, check.costMs),
    op: op(check),
    timeout: fmtMs(lang, check.timeoutMs),
  })} ${left !== null ? t('timeoutBudget.check.left', { left: fmtMs(lang, left) }) : t('timeoutBudget.check.fail')}`;
}

/** The same check as a full sentence, for hover text. */
export function checkSentence(t: T, lang: Lang, check: BudgetCheck): string {
  const left = budgetLeft(check);
  return t('timeoutBudget.check.full', {
    where: check.where,
    cost: fmtMs(lang, check.costMs),
    op: op(check),
    timeout: fmtMs(lang, check.timeoutMs),
    result:
      left !== null
        ? t('timeoutBudget.check.left', { left: fmtMs(lang, left) })
        : t('timeoutBudget.check.fail'),
  });
}

function spanTitle(t: T, lang: Lang, span: Span): string {
  const lines = [
    t('timeoutBudget.span.title', {
      kind: t(`timeoutBudget.span.${span.kind}` as MessageKey),
      attempt: span.attempt !== null ? t('timeoutBudget.span.attemptSuffix', { n: span.attempt }) : '',
      start: fmtMs(lang, span.start),
      end: span.to ? fmtMs(lang, span.end) : `${fmtMs(lang, span.end)} (${t('timeoutBudget.span.open')})`,
      duration: fmtMs(lang, span.end - span.start),
      estimated: span.estimated ? t('timeoutBudget.span.estimated') : '',
    }),
    src(t, lang, span.from),
  ];
  if (span.to && span.to.seq !== span.from.seq) lines.push(src(t, lang, span.to));
  return lines.join('\n');
}

function statusGlyph(status: string | null): string {
  if (status === null) return '…';
  if (status === 'SEND_OK') return '✓';
  if (status === 'EXCEPTION' || status === 'REJECTED') return '✕';
  return '!';
}

function statusClass(status: string | null): string {
  if (status === null) return 'pending';
  if (status === 'SEND_OK') return 'ok';
  if (status === 'EXCEPTION' || status === 'REJECTED') return 'bad';
  return 'warn';
}

function BudgetBar({ view, width, t, lang }: { view: BudgetView; width: number; t: T; lang: Lang }) {
  const prefix = `tb${safeId(useId())}`;
  const layout = getBudgetBarLayout(view, width);
  const rows = markerRows(layout.markers);
  const markerRowsUsed = Math.min(2, Math.max(0, ...rows.map((r) => r + 1)));
  const top = markerRowsUsed * MARKER_ROW_H + 2;
  const barY = top;
  const slackY = barY + BAR_H + 2;
  const axisY = slackY + 8 + 13;
  const height = axisY + 4;
  const lastCheck = view.checks.at(-1);
  return (
    <svg
      className="teach-svg budget-bar"
      width={width}
      height={height}
      role="img"
      aria-label={t('timeoutBudget.bar', {
        msgId: shortMsgId(view.msgId),
        timeout: view.timeoutMs !== null ? fmtMs(lang, view.timeoutMs) : '?',
      })}
    >
      <Patterns prefix={prefix} />
      <rect
        className="budget-track"
        x={layout.x(view.start)}
        y={barY}
        width={Math.max(0, (layout.deadlineX ?? layout.endX) - layout.x(view.start))}
        height={BAR_H}
      />
      {layout.segments.map((seg, i) => {
        const label = t(`timeoutBudget.span.${seg.span.kind}` as MessageKey);
        const fits = seg.w > label.length * 7.5 + 8;
        return (
          <g
            key={i}
            className={`budget-span budget-span--${seg.span.kind}`}
            data-kind={seg.span.kind}
            data-seq={seg.span.from.seq}
          >
            <title>{spanTitle(t, lang, seg.span)}</title>
            <rect
              x={seg.x}
              y={barY}
              width={seg.w}
              height={BAR_H}
              style={
                seg.span.kind === 'queueWait'
                  ? { fill: patternUrl(prefix, 'dots') }
                  : seg.span.kind === 'noReply'
                    ? { fill: patternUrl(prefix, 'hatch-bad') }
                    : undefined
              }
            />
            {fits && (
              <text className="budget-span-label" x={seg.x + seg.w / 2} y={barY + 17} textAnchor="middle">
                {label}
              </text>
            )}
          </g>
        );
      })}
      {layout.over && (
        <g className="budget-over" data-testid="budget-over">
          <title>
            {t('timeoutBudget.over.title', {
              duration: fmtMs(lang, view.end - (view.deadline ?? view.end)),
              deadline: fmtMs(lang, view.deadline ?? 0),
            })}
          </title>
          <rect
            x={layout.over.x}
            y={barY - 3}
            width={layout.over.w}
            height={BAR_H + 6}
            style={{ fill: patternUrl(prefix, 'hatch') }}
          />
        </g>
      )}
      {layout.slack.map((seg, i) => (
        <g key={`slack${i}`} className="budget-slack" data-kind="scanSlack" data-seq={seg.span.to?.seq}>
          <title>
            {[
              t('timeoutBudget.span.scanSlack.title', {
                budget: fmtMs(lang, seg.span.start - seg.span.from.t),
                duration: fmtMs(lang, seg.span.end - seg.span.start),
              }),
              src(t, lang, seg.span.to),
            ].join('\n')}
          </title>
          <rect
            x={seg.x}
            y={slackY}
            width={seg.w}
            height={7}
            style={{ fill: patternUrl(prefix, 'hatch-bad') }}
          />
        </g>
      ))}
      {layout.deadlineX !== null && (
        <g className="budget-deadline">
          <line x1={layout.deadlineX} x2={layout.deadlineX} y1={barY - 4} y2={axisY - 11} />
        </g>
      )}
      {layout.markers.map((m, i) => {
        const row = Math.min(1, rows[i] ?? 0);
        const cy = top - row * MARKER_ROW_H - MARKER_ROW_H / 2 - 1;
        const current = m.check === lastCheck;
        return (
          <g
            key={m.check.from.seq}
            className={`budget-marker${m.check.ok ? '' : ' budget-marker--fail'}${current ? ' budget-marker--current' : ''}`}
            data-testid="budget-marker"
            data-seq={m.check.from.seq}
            data-cost={m.check.costMs}
            data-timeout={m.check.timeoutMs}
            data-ok={m.check.ok}
          >
            <title>
              {`${t('timeoutBudget.check.marker', { n: m.n, t: fmtMs(lang, m.check.from.t), text: checkSentence(t, lang, m.check) })}\n${src(t, lang, m.check.from)}`}
            </title>
            <line x1={m.x} x2={m.x} y1={cy + 6} y2={barY + BAR_H} />
            <text className="budget-marker-n" x={m.x} y={cy + 5} textAnchor="middle">
              {checkNumber(m.n)}
            </text>
          </g>
        );
      })}
      <text className="budget-axis teach-svg-muted" x={layout.x(view.start)} y={axisY}>
        {t('timeoutBudget.axis.start')}
      </text>
      {layout.deadlineX !== null && view.timeoutMs !== null && (
        <text
          className="budget-axis"
          x={Math.min(layout.deadlineX, width - 2)}
          y={axisY}
          textAnchor={layout.deadlineX > width - 90 ? 'end' : 'middle'}
        >
          {t('timeoutBudget.deadline', { timeout: fmtMs(lang, view.timeoutMs) })}
        </text>
      )}
    </svg>
  );
}

function WaterfallRowButton({
  row,
  bar,
  barWidth,
  selected,
  onSelect,
  t,
  lang,
  prefix,
}: {
  row: WaterfallRow;
  bar: ReturnType<typeof getWaterfallLayout>['bars'][number];
  barWidth: number;
  selected: boolean;
  onSelect?: (msgId: string) => void;
  t: T;
  lang: Lang;
  prefix: string;
}) {
  const status = row.done ? (row.status ?? '?') : null;
  const label = t('timeoutBudget.waterfall.row', {
    msgId: shortMsgId(row.msgId),
    status: status ?? t('timeoutBudget.waterfall.pending'),
    duration: fmtMs(lang, row.end - row.start),
    attempts: row.attempts.length,
  });
  return (
    <li className="budget-wf-item" style={{ top: row.order * ROW_H }}>
      <button
        type="button"
        className={`budget-wf-row${selected ? ' budget-wf-row--selected' : ''}`}
        aria-pressed={selected}
        aria-label={label}
        title={`${label}\n${row.msgId}\n${src(t, lang, row.call)}${row.resultFrom ? `\n${src(t, lang, row.resultFrom)}` : ''}`}
        data-msg-id={row.msgId}
        data-seq={row.resultFrom?.seq ?? row.call.seq}
        onClick={() => onSelect?.(row.msgId)}
      >
        <span className="budget-wf-label">{shortMsgId(row.msgId)}</span>
        <svg className="budget-wf-svg" width={barWidth} height={ROW_H - 6} aria-hidden="true">
          <rect className="budget-wf-base" x={bar.bar.x} y={6} width={bar.bar.w} height={6} />
          {bar.wait && (
            <rect
              x={bar.wait.x}
              y={3}
              width={bar.wait.w}
              height={12}
              style={{ fill: patternUrl(prefix, 'dots') }}
            />
          )}
          {bar.attempts.map((a) => (
            <rect
              key={a.attempt}
              className={`budget-wf-attempt budget-wf-attempt--${a.outcome === null ? 'open' : attemptSucceeded(a.outcome) ? 'ok' : 'bad'}`}
              x={a.x}
              y={2}
              width={a.w}
              height={14}
            />
          ))}
          {bar.over && (
            <rect
              className="budget-wf-over"
              x={bar.over.x}
              y={0}
              width={bar.over.w}
              height={ROW_H - 6}
              style={{ fill: patternUrl(prefix, 'hatch') }}
            />
          )}
        </svg>
        <span className={`budget-wf-glyph budget-wf-glyph--${statusClass(status)}`}>
          {statusGlyph(status)}
        </span>
      </button>
    </li>
  );
}

function Waterfall({
  model,
  focusId,
  selectedMsgId,
  onSelectMessage,
  width,
  t,
  lang,
}: {
  model: TimeoutBudgetState;
  focusId: string | null;
  selectedMsgId: string | null;
  onSelectMessage?: (msgId: string) => void;
  width: number;
  t: T;
  lang: Lang;
}) {
  const prefix = `wf${safeId(useId())}`;
  const scroller = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(scroller, { width, height: 6 * ROW_H });
  const [scrollTop, setScrollTop] = useState(0);
  const count = startedCount(model);
  const { from, to } = visibleRows(count, scrollTop, height, ROW_H);
  const rows = waterfallRows(model, from, to);
  const barWidth = Math.max(60, width - LABEL_W - GLYPH_W - 16);
  const layout = getWaterfallLayout(rows, barWidth);
  const focusIndex = focusId ? (model.index.byId.get(focusId)?.order ?? -1) : -1;
  useEffect(() => {
    const el = scroller.current;
    if (!el || focusIndex < 0) return;
    const next = scrollToShow(focusIndex, el.scrollTop, el.clientHeight || height, ROW_H);
    if (next !== el.scrollTop) el.scrollTop = next;
  }, [focusIndex, height]);
  return (
    <section className="budget-wf" aria-label={t('timeoutBudget.waterfall.label')}>
      <p className="teach-line budget-wf-head" title={t('timeoutBudget.waterfall.help')}>
        <span className="teach-subtitle">{t('timeoutBudget.waterfall')}</span>{' '}
        <span className="teach-muted">{t('timeoutBudget.waterfall.count', { n: count })}</span>{' '}
        <span className="budget-legend-over teach-muted">
          <svg width="16" height="12" aria-hidden="true">
            <rect width="16" height="12" style={{ fill: patternUrl(prefix, 'hatch') }} />
          </svg>{' '}
          {t('timeoutBudget.legend.over')}
        </span>
      </p>
      <div
        className="budget-wf-scroll"
        ref={scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <svg width="0" height="0" className="budget-defs" aria-hidden="true">
          <Patterns prefix={prefix} />
        </svg>
        {count === 0 ? (
          <p className="teach-empty">{t('timeoutBudget.waterfall.empty')}</p>
        ) : (
          <ul className="budget-wf-list" style={{ height: count * ROW_H }}>
            {layout.bars.map((bar) => (
              <WaterfallRowButton
                key={bar.msgId}
                row={bar.row}
                bar={bar}
                barWidth={barWidth}
                selected={bar.msgId === selectedMsgId}
                onSelect={onSelectMessage}
                t={t}
                lang={lang}
                prefix={prefix}
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** The Timeout budget panel's body, from props only. */
export const TimeoutBudgetPanelView = memo(function TimeoutBudgetPanelView({
  model,
  lang,
  selectedMsgId = null,
  onSelectMessage,
}: TimeoutBudgetPanelViewProps) {
  const t: T = (key, params) => translate(lang, key, params);
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(box, { width: 400, height: 300 });
  const focus = focusMessage(model, selectedMsgId);
  const view = useMemo(
    () => (focus ? budgetAt(focus, model.lastSeq, model.now) : null),
    [focus, model.lastSeq, model.now],
  );
  const lastCheck = view?.checks.at(-1);
  // A short panel shows the budget or the waterfall, switched by two buttons; a tall one shows both.
  const compact = height < COMPACT_BELOW;
  const [tab, setTab] = useState<'budget' | 'waterfall'>('budget');
  const showBudget = !compact || tab === 'budget';
  const showWaterfall = !compact || tab === 'waterfall';
  const select = (msgId: string) => {
    onSelectMessage?.(msgId);
    if (compact) setTab('budget');
  };
  return (
    <div className={`teach-panel budget${compact ? ' budget--compact' : ''}`} ref={box}>
      {compact && (
        <div className="budget-tabs" role="group" aria-label={t('timeoutBudget.view')}>
          <button type="button" aria-pressed={tab === 'budget'} onClick={() => setTab('budget')}>
            {t('timeoutBudget.view.budget')}
          </button>
          <button type="button" aria-pressed={tab === 'waterfall'} onClick={() => setTab('waterfall')}>
            {t('timeoutBudget.view.waterfall', { n: startedCount(model) })}
          </button>
        </div>
      )}
      {!showBudget ? null : !view ? (
        <p className="teach-empty">{t('timeoutBudget.empty')}</p>
      ) : (
        <section className="budget-focus" aria-label={shortMsgId(view.msgId)}>
          <div className="budget-head">
            <button
              type="button"
              className="budget-msg"
              aria-pressed={selectedMsgId === view.msgId}
              onClick={() => onSelectMessage?.(view.msgId)}
              data-seq={view.call.seq}
              title={`${t('timeoutBudget.heading.title', { msgId: view.msgId, timeout: view.timeoutMs !== null ? fmtMs(lang, view.timeoutMs) : '?' })}\n${src(t, lang, view.call)}`}
              aria-label={
                view.timeoutMs !== null
                  ? t('timeoutBudget.heading', {
                      msgId: shortMsgId(view.msgId),
                      mode: view.mode ?? '?',
                      timeout: fmtMs(lang, view.timeoutMs),
                    })
                  : t('timeoutBudget.heading.noTimeout', {
                      msgId: shortMsgId(view.msgId),
                      mode: view.mode ?? '?',
                    })
              }
            >
              {shortMsgId(view.msgId)}
            </button>
            <span className="budget-mode" data-seq={view.call.seq}>
              {view.timeoutMs !== null
                ? t('timeoutBudget.mode', { mode: view.mode ?? '?', timeout: fmtMs(lang, view.timeoutMs) })
                : (view.mode ?? '?')}
            </span>
            <span
              className={`budget-result budget-result--${statusClass(view.result ? view.result.status : view.rejected ? 'REJECTED' : null)}`}
              data-seq={view.result?.from.seq ?? view.rejected?.seq}
              title={
                view.result
                  ? [view.result.exception, view.result.message, src(t, lang, view.result.from)]
                      .filter(Boolean)
                      .join('\n')
                  : src(t, lang, view.rejected)
              }
            >
              {view.result
                ? t(
                    view.result.status === 'SEND_OK'
                      ? 'timeoutBudget.result.ok'
                      : 'timeoutBudget.result.fail',
                    {
                      status: view.result.status,
                      cost: fmtMs(lang, view.result.costMs ?? view.end - view.start),
                    },
                  )
                : view.rejected
                  ? t('timeoutBudget.result.rejected')
                  : t('timeoutBudget.result.pending', { elapsed: fmtDuration(lang, view.end - view.start) })}
            </span>
          </div>
          <BudgetBar view={view} width={Math.max(200, width)} t={t} lang={lang} />
          {lastCheck && (
            <p
              className={`teach-line budget-check${lastCheck.ok ? '' : ' teach-bad'}`}
              data-testid="budget-check"
              data-seq={lastCheck.from.seq}
              data-cost={lastCheck.costMs}
              data-timeout={lastCheck.timeoutMs}
              title={`${checkSentence(t, lang, lastCheck)}\n${src(t, lang, lastCheck.from)}`}
            >
              <span className="budget-check-n">{checkNumber(view.checks.length)}</span>{' '}
              {checkText(t, lang, lastCheck)}
            </p>
          )}
          {view.attempts.length > 0 && (
            <p className="teach-line budget-attempts" role="group" aria-label={t('timeoutBudget.attempts')}>
              {view.attempts.map((a) => (
                <span
                  key={a.attempt}
                  className={`budget-attempt ${a.outcome === null ? '' : attemptSucceeded(a.outcome) ? 'teach-ok' : 'teach-bad'}`}
                  data-seq={a.endFrom?.seq ?? a.from.seq}
                  title={[a.error, src(t, lang, a.from), src(t, lang, a.endFrom)].filter(Boolean).join('\n')}
                >
                  {t('timeoutBudget.attempt', {
                    n: a.attempt,
                    queue: `${shortBroker(a.brokerName)}:${a.queueId}`,
                    duration: fmtMs(lang, a.end - a.start),
                    outcome:
                      a.outcome === null
                        ? t('timeoutBudget.attempt.open')
                        : `${attemptSucceeded(a.outcome) ? '✓' : '✕'} ${a.error ? (a.error.split(':')[0] ?? '') : a.outcome === 'SEND_OK' ? '' : a.outcome}`,
                  })}
                </span>
              ))}
            </p>
          )}
        </section>
      )}
      {showWaterfall && (
        <Waterfall
          model={model}
          focusId={view?.msgId ?? null}
          selectedMsgId={selectedMsgId}
          onSelectMessage={select}
          width={width}
          t={t}
          lang={lang}
        />
      )}
    </div>
  );
});
