import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Trace } from '../../trace/types';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { formatNumber, shortMsgId } from '../../view/format';
import { notableKindOf } from '../../view/notable';
import { cursorRow, filterIndices, traceFacets, type LogFilter } from './filter';
import { summarize } from './summary';
import { useHeight } from './useHeight';
import { listWindow, rowInView, scrollTopForRow } from './virtualWindow';
import './eventLog.css';

export const ROW_HEIGHT = 24;
/** How many message ids the message filter lists; past that, pick a message by clicking one of its rows. */
const MAX_MESSAGE_OPTIONS = 500;

/**
 * The Event log: every trace event, one line each, virtualised (only the rows in view exist in the DOM).
 * The row at the cursor is marked and kept in view; a click or Enter moves the cursor to a row and selects
 * its message everywhere; the message and kind filters narrow the list.
 */
export function EventLog() {
  const t = useT();
  const store = useAppStoreApi();
  const trace = useAppStore((s) => s.trace);
  const step = useAppStore((s) => s.step);
  const lang = useAppStore((s) => s.lang);
  const selectedMsgId = useAppStore((s) => s.selectedMsgId);
  const scenario = useAppStore((s) => s.scenario);
  const [filter, setFilter] = useState<LogFilter>({ kind: '', msgId: '' });
  const facets = useMemo(() => traceFacets(trace), [trace]);
  const indices = useMemo(() => filterIndices(trace, filter), [trace, filter]);
  const count = indices ? indices.length : trace.length;
  const eventIndexAt = (row: number) => (indices ? indices[row]! : row);

  const [measure, viewport] = useHeight<HTMLDivElement>(ROW_HEIGHT * 6);
  const scroller = useRef<HTMLDivElement | null>(null);
  // Stable, so React attaches it once: a new ref callback each render would re-measure the height on every
  // step, and reading clientHeight right after the DOM changed forces a layout in the middle of a frame.
  const attachScroller = useCallback(
    (el: HTMLDivElement | null) => {
      scroller.current = el;
      measure(el);
    },
    [measure],
  );
  const [scrollTop, setScrollTop] = useState(0);
  const win = listWindow({ scrollTop, viewport, rowHeight: ROW_HEIGHT, count });
  const current = cursorRow(indices, step, count);
  // The row the keyboard is on: the cursor's row, until the arrows move it (a cursor move resets it).
  const [override, setOverride] = useState<{ row: number; base: number; list: Int32Array | null } | null>(
    null,
  );
  const active = override && override.base === current && override.list === indices ? override.row : current;
  const setActive = (row: number) => setOverride({ row, base: current, list: indices });
  const baseId = useId();
  const rowId = (row: number) => `${baseId}-row-${row}`;

  const scrollTo = (row: number) => {
    const el = scroller.current;
    if (!el || row < 0) return;
    const top = scrollTopForRow(row, viewport, ROW_HEIGHT, count);
    el.scrollTop = top;
    setScrollTop(top);
  };
  const ensureVisible = (row: number) => {
    if (
      row >= 0 &&
      !rowInView(listWindow({ scrollTop, viewport, rowHeight: ROW_HEIGHT, count }), row, viewport, ROW_HEIGHT)
    ) {
      scrollTo(row);
    }
  };

  // Follow the cursor: when it moves (or the list changes), its row scrolls into view.
  useEffect(() => {
    ensureVisible(current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a cursor move or a new list should scroll
  }, [current, indices, trace, viewport]);

  const moveCursorTo = (row: number) => {
    if (row < 0 || row >= count) return;
    const index = eventIndexAt(row);
    const s = store.getState();
    s.seek(index + 1);
    const msgId = (trace.at(index) as { msgId?: unknown } | undefined)?.msgId;
    if (typeof msgId === 'string') s.selectMessage(msgId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.min(count - 1, Math.max(0, active + moves[event.key]!));
      setActive(next);
      ensureVisible(next);
    } else if (event.key === 'End') {
      event.preventDefault();
      setActive(count - 1);
      ensureVisible(count - 1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      moveCursorTo(active);
    }
  };

  const rows = [];
  for (let row = win.first; row < win.last; row++) {
    const index = eventIndexAt(row);
    const e = trace.at(index)!;
    const msgId = (e as { msgId?: unknown }).msgId;
    const msg = typeof msgId === 'string' ? msgId : null;
    const notable = notableKindOf(e);
    const summary = summarize(lang, e);
    const isCurrent = row === current;
    const classes = ['log-row'];
    if (isCurrent) classes.push('log-row--current');
    if (index >= step) classes.push('log-row--future');
    if (row === active) classes.push('log-row--active');
    if (msg !== null && msg === selectedMsgId) classes.push('log-row--selected');
    if (notable) classes.push(`log-row--${notable}`);
    rows.push(
      <div
        key={index}
        id={rowId(row)}
        role="option"
        aria-selected={isCurrent}
        aria-posinset={row + 1}
        aria-setsize={count}
        className={classes.join(' ')}
        style={{ top: `${win.top(row)}px`, height: `${ROW_HEIGHT}px` }}
        data-seq={e.seq}
        onClick={() => {
          setActive(row);
          moveCursorTo(row);
        }}
      >
        <span className="log-cell log-cell--seq">
          <span className="log-marker" aria-hidden="true">
            {isCurrent ? '▶' : ''}
          </span>
          {e.seq}
        </span>
        <span className="log-cell log-cell--t">{formatNumber(lang, e.t)}</span>
        <span className="log-cell log-cell--kind">{e.kind}</span>
        <span className="log-cell log-cell--msg" title={msg ?? undefined}>
          {msg !== null ? shortMsgId(msg) : ''}
        </span>
        <span className="log-cell log-cell--details" title={summary}>
          {summary}
        </span>
        {isCurrent && <span className="visually-hidden">{t('eventLog.row.current')}</span>}
      </div>,
    );
  }

  const messageOptions = facets.msgIds.slice(0, MAX_MESSAGE_OPTIONS);
  if (filter.msgId !== '' && !messageOptions.includes(filter.msgId)) messageOptions.push(filter.msgId);
  if (selectedMsgId !== null && !messageOptions.includes(selectedMsgId)) messageOptions.push(selectedMsgId);

  return (
    <div className="event-log">
      <div className="log-header">
        <span className="log-cell log-cell--seq" aria-hidden="true">
          {t('eventLog.col.seq')}
        </span>
        <span className="log-cell log-cell--t" aria-hidden="true">
          {t('eventLog.col.t')}
        </span>
        <span className="log-cell log-cell--kind">
          <select
            aria-label={t('eventLog.filter.kind')}
            title={t('eventLog.filter.kind')}
            value={filter.kind}
            onChange={(e) => setFilter((f) => ({ ...f, kind: e.target.value }))}
          >
            <option value="">{t('eventLog.filter.kind.all')}</option>
            {facets.kinds.map(({ kind, count: n }) => (
              <option key={kind} value={kind}>
                {kind} ({formatNumber(lang, n)})
              </option>
            ))}
          </select>
        </span>
        <span className="log-cell log-cell--msg">
          <select
            aria-label={t('eventLog.filter.message')}
            title={t('eventLog.filter.message')}
            value={filter.msgId}
            onChange={(e) => {
              const msgId = e.target.value;
              setFilter((f) => ({ ...f, msgId }));
              if (msgId !== '') store.getState().selectMessage(msgId);
            }}
          >
            <option value="">{t('eventLog.filter.message.all')}</option>
            {messageOptions.map((id) => (
              <option key={id} value={id}>
                {shortMsgId(id)}
              </option>
            ))}
          </select>
        </span>
        <span className="log-cell log-cell--details log-header__details">
          <span aria-hidden="true">{t('eventLog.col.details')}</span>
          <span className="event-log__count" aria-live="polite">
            {t('eventLog.count', {
              shown: formatNumber(lang, count),
              total: formatNumber(lang, trace.length),
            })}
          </span>
          <button
            type="button"
            className="event-log__export"
            aria-label={t('eventLog.export')}
            title={t('eventLog.export')}
            disabled={trace.length === 0}
            onClick={() => void exportTrace(trace, scenario)}
          >
            {/* The visible word is part of the accessible name (WCAG 2.5.3, label in name). */}
            <span aria-hidden="true">⤓ </span>JSONL
          </button>
        </span>
      </div>
      <div
        ref={attachScroller}
        className="log-scroller"
        role="listbox"
        tabIndex={0}
        aria-label={t('eventLog.list')}
        aria-description={t('eventLog.hint')}
        aria-activedescendant={active >= win.first && active < win.last ? rowId(active) : undefined}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        {count === 0 ? (
          <p className="log-empty">{trace.length === 0 ? t('eventLog.noTrace') : t('eventLog.empty')}</p>
        ) : (
          <div className="log-content" style={{ height: `${win.totalHeight}px` }}>
            {rows}
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * Downloads the whole trace as JSON lines, exactly as `npm run sim` prints it. The share module (and the
 * scenario schema it carries) loads on the first click, not with the page.
 */
async function exportTrace(trace: Trace, scenario: unknown): Promise<void> {
  const [{ traceBlob, traceFileName }, { downloadBlob }] = await Promise.all([
    import('../../share/importExport'),
    import('../../share/download'),
  ]);
  const id =
    scenario !== null && typeof scenario === 'object' ? (scenario as { id?: unknown }).id : undefined;
  downloadBlob(document, traceBlob(trace), traceFileName(typeof id === 'string' ? { id } : null));
}
