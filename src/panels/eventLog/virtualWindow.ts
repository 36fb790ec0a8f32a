/**
 * Which rows of a long list to render: only those in view (plus a few), so a 1,000,000-event trace scrolls
 * as smoothly as a short one. Browsers cap an element's height (Chromium at about 33 million px, Firefox
 * lower), so past MAX_SCROLL_PX the scroll range is compressed: the scroll position maps proportionally to
 * a row, and rows are placed relative to the scroll position.
 */
export const MAX_SCROLL_PX = 8_000_000;

export interface WindowInput {
  scrollTop: number;
  viewport: number;
  rowHeight: number;
  count: number;
  overscan?: number;
}

export interface ListWindow {
  /** First row to render (inclusive) and last (exclusive). */
  first: number;
  last: number;
  /** Height of the scrolled content. */
  totalHeight: number;
  /** The (fractional) row at the top of the viewport. */
  topRow: number;
  /** Top of row `i` inside the content. */
  top(i: number): number;
}

function geometry(viewport: number, rowHeight: number, count: number) {
  const totalHeight = Math.min(count * rowHeight, MAX_SCROLL_PX);
  const maxScroll = Math.max(0, totalHeight - viewport);
  const maxTopRow = Math.max(0, count - viewport / rowHeight);
  return { totalHeight, maxScroll, maxTopRow };
}

export function listWindow({ scrollTop, viewport, rowHeight, count, overscan = 4 }: WindowInput): ListWindow {
  const { totalHeight, maxScroll, maxTopRow } = geometry(viewport, rowHeight, count);
  const clamped = Math.min(Math.max(0, scrollTop), maxScroll);
  const topRow = maxScroll > 0 ? (clamped / maxScroll) * maxTopRow : 0;
  const first = Math.max(0, Math.floor(topRow) - overscan);
  const last = Math.min(count, Math.ceil(topRow + viewport / rowHeight) + overscan);
  return { first, last, totalHeight, topRow, top: (i) => clamped + (i - topRow) * rowHeight };
}

/** The scroll position that shows row `row` in the middle of the viewport (clamped to the ends). */
export function scrollTopForRow(row: number, viewport: number, rowHeight: number, count: number): number {
  const { maxScroll, maxTopRow } = geometry(viewport, rowHeight, count);
  if (maxScroll <= 0 || maxTopRow <= 0) return 0;
  const topRow = Math.min(maxTopRow, Math.max(0, row - (viewport / rowHeight - 1) / 2));
  return (topRow / maxTopRow) * maxScroll;
}

/** Is row `row` entirely inside the viewport for this window? */
export function rowInView(win: ListWindow, row: number, viewport: number, rowHeight: number): boolean {
  return row >= win.topRow - 1e-6 && row + 1 <= win.topRow + viewport / rowHeight + 1e-6;
}
