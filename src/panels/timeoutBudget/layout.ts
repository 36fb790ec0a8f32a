import { scaleLinear } from 'd3';
import type { BudgetCheck, BudgetView, Span, SpanKind, WaterfallRow } from '../../view/folds/timeoutBudget';

/**
 * Geometry of the Timeout budget panel, pure so tests can call it: the budget bar of one message (spans,
 * budget-check markers, the part past the deadline) and the waterfall of all messages. D3 computes the
 * scales; React draws.
 */

export interface Box {
  x: number;
  w: number;
}

export interface BarSegment extends Box {
  span: Span;
}

export interface CheckMarker {
  x: number;
  check: BudgetCheck;
  /** 1-based, in the order of the checks. */
  n: number;
}

export interface BudgetBarLayout {
  width: number;
  /** Time -> x. */
  x: (t: number) => number;
  domain: [number, number];
  segments: BarSegment[];
  slack: BarSegment[];
  markers: CheckMarker[];
  /** The part of the bar past `T0 + sendMsgTimeout`, or null. */
  over: Box | null;
  deadlineX: number | null;
  endX: number;
}

/** Spans that follow one another along the bar; the others are drawn on a lane of their own. */
const MAIN: ReadonlySet<SpanKind> = new Set([
  'queueWait',
  'route',
  'connect',
  'flight',
  'broker',
  'reply',
  'noReply',
]);
/** A non-empty span is drawn at least this wide, so a 1 ms step still shows (its title has the number). */
export const MIN_SEGMENT = 2;

export function getBudgetBarLayout(view: BudgetView, width: number, padding = 4): BudgetBarLayout {
  const hi = Math.max(view.end, view.deadline ?? view.end, view.start + 1);
  const scale = scaleLinear()
    .domain([view.start, hi])
    .range([padding, Math.max(padding + 1, width - padding)]);
  const x = (t: number) => scale(t);
  const box = (start: number, end: number): Box => {
    const x0 = x(start);
    const w = x(end) - x0;
    return { x: x0, w: end > start ? Math.max(MIN_SEGMENT, w) : 0 };
  };
  const segments: BarSegment[] = [];
  const slack: BarSegment[] = [];
  for (const span of view.spans) {
    const b = box(span.start, span.end);
    if (MAIN.has(span.kind)) segments.push({ ...b, span });
    else if (span.kind === 'scanSlack') slack.push({ ...b, span });
  }
  const markers = view.checks.map((check, i) => ({ x: x(check.from.t), check, n: i + 1 }));
  const deadlineX = view.deadline !== null ? x(view.deadline) : null;
  const over = view.deadline !== null && view.end > view.deadline ? box(view.deadline, view.end) : null;
  return {
    width,
    x,
    domain: [view.start, hi],
    segments,
    slack,
    markers,
    over,
    deadlineX,
    endX: x(view.end),
  };
}

/** Markers closer than `minGap` px are spread into rows, so their numbers never overlap. */
export function markerRows(markers: readonly CheckMarker[], minGap = 16): number[] {
  const rows: number[] = [];
  const lastXByRow: number[] = [];
  for (const m of markers) {
    let row = 0;
    while (lastXByRow[row] !== undefined && m.x - lastXByRow[row]! < minGap) row++;
    lastXByRow[row] = m.x;
    rows.push(row);
  }
  return rows;
}

export interface WaterfallBar {
  msgId: string;
  row: WaterfallRow;
  bar: Box;
  wait: Box | null;
  attempts: (Box & { outcome: string | null; attempt: number })[];
  over: Box | null;
}

export interface WaterfallLayout {
  domain: [number, number];
  bars: WaterfallBar[];
}

/** The waterfall's rows on one time axis, from the earliest start to the latest end among `rows`. */
export function getWaterfallLayout(
  rows: readonly WaterfallRow[],
  width: number,
  padding = 2,
): WaterfallLayout {
  if (rows.length === 0) return { domain: [0, 1], bars: [] };
  const lo = Math.min(...rows.map((r) => r.start));
  const hi = Math.max(lo + 1, ...rows.map((r) => r.end));
  const scale = scaleLinear()
    .domain([lo, hi])
    .range([padding, Math.max(padding + 1, width - padding)]);
  const box = (start: number, end: number): Box => ({
    x: scale(start),
    w: Math.max(MIN_SEGMENT, scale(end) - scale(start)),
  });
  const bars = rows.map((row) => ({
    msgId: row.msgId,
    row,
    bar: box(row.start, row.end),
    wait: row.queueWaitEnd !== null && row.queueWaitEnd > row.start ? box(row.start, row.queueWaitEnd) : null,
    attempts: row.attempts.map((a) => ({ ...box(a.start, a.end), outcome: a.outcome, attempt: a.attempt })),
    over: row.overBudgetFrom !== null ? box(row.overBudgetFrom, row.end) : null,
  }));
  return { domain: [lo, hi], bars };
}

/** The rows to render for a scrolled list: `[from, to)` with `overscan` extra rows each side. */
export function visibleRows(
  count: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  overscan = 4,
): { from: number; to: number } {
  if (count === 0) return { from: 0, to: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewport, rowHeight) / rowHeight);
  return { from: Math.max(0, first - overscan), to: Math.min(count, first + visible + overscan) };
}

/** The scroll position that shows row `index` (keeps the current one when it is already in view). */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return Math.max(0, top + rowHeight - viewport);
  return scrollTop;
}
