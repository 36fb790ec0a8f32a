import { describe, expect, it } from 'vitest';
import {
  getBudgetBarLayout,
  getWaterfallLayout,
  markerRows,
  MIN_SEGMENT,
  scrollToShow,
  visibleRows,
} from '../../../src/panels/timeoutBudget/layout';
import { budgetAt, timeoutBudgetFold, waterfallRows } from '../../../src/view/folds/timeoutBudget';
import { foldTo, loadTrace } from '../view/folds/panelFixtures';

const lostReply = loadTrace('async-lost-reply');
const downRetry = loadTrace('broker-down-retry');
const backlog = loadTrace('async-executor-backlog');

function budget(trace: typeof lostReply, msgId: string) {
  const state = foldTo(timeoutBudgetFold, trace, trace.length - 1);
  return budgetAt(state.index.byId.get(msgId)!, state.lastSeq, state.now);
}

describe('getBudgetBarLayout', () => {
  it('scales the call to the left edge and the later of deadline and end to the right edge', () => {
    const layout = getBudgetBarLayout(budget(lostReply, 'm1'), 508, 4);
    expect(layout.domain).toEqual([0, 5006]);
    expect(layout.x(0)).toBe(4);
    expect(layout.x(5006)).toBe(504);
    expect(layout.deadlineX).toBeCloseTo(4 + (3000 / 5006) * 500);
  });

  it('marks the part past the deadline, and the scan slack on its own lane', () => {
    const layout = getBudgetBarLayout(budget(lostReply, 'm1'), 508, 4);
    expect(layout.over!.x).toBeCloseTo(layout.deadlineX!);
    expect(layout.over!.x + layout.over!.w).toBeCloseTo(504);
    expect(layout.slack).toHaveLength(1);
    expect(layout.slack[0]!.x).toBeCloseTo(layout.x(3001));
    expect(layout.segments.some((s) => s.span.kind === 'scanSlack')).toBe(false);
  });

  it('has no over-budget part when the message ended in time', () => {
    expect(getBudgetBarLayout(budget(downRetry, 'msg-1'), 400).over).toBeNull();
  });

  it('draws a short step at least MIN_SEGMENT wide, and an empty one not at all', () => {
    const layout = getBudgetBarLayout(budget(downRetry, 'msg-1'), 400);
    const flight = layout.segments.find((s) => s.span.kind === 'flight')!;
    expect(flight.w).toBeGreaterThanOrEqual(MIN_SEGMENT);
    expect(layout.segments.find((s) => s.span.kind === 'route')!.w).toBe(0);
  });

  it('places a marker at each budget check’s time', () => {
    const layout = getBudgetBarLayout(budget(downRetry, 'msg-1'), 400);
    expect(layout.markers.map((m) => [m.n, m.check.costMs])).toEqual([
      [1, 0],
      [2, 2405],
    ]);
    expect(layout.markers[1]!.x).toBeCloseTo(layout.x(2505));
  });
});

describe('markerRows', () => {
  it('lifts a marker that would overlap the previous one onto the next row', () => {
    const m = (x: number) => ({ x, n: 0, check: {} as never });
    expect(markerRows([m(0), m(5), m(40), m(45), m(48)], 16)).toEqual([0, 1, 0, 1, 2]);
  });
});

describe('getWaterfallLayout', () => {
  it('puts every row on one time axis, with queue wait, attempts and the over-budget part', () => {
    const state = foldTo(timeoutBudgetFold, backlog, backlog.length - 1);
    const layout = getWaterfallLayout(waterfallRows(state, 0, 10), 302, 1);
    expect(layout.domain).toEqual([0, 1207]);
    const [m1, m2] = layout.bars;
    expect(m1!.bar.x).toBe(1);
    expect(m1!.attempts).toHaveLength(1);
    expect(m1!.over!.x).toBeCloseTo(1 + (1000 / 1207) * 300);
    expect(m2!.wait!.x).toBeCloseTo(1 + (100 / 1207) * 300);
    expect(m2!.attempts).toEqual([]);
  });

  it('is empty without rows', () => {
    expect(getWaterfallLayout([], 300).bars).toEqual([]);
  });
});

describe('visibleRows and scrollToShow', () => {
  it('renders only the rows in view plus a few either side', () => {
    expect(visibleRows(1000, 240, 96, 24, 2)).toEqual({ from: 8, to: 16 });
    expect(visibleRows(5, 0, 96, 24, 4)).toEqual({ from: 0, to: 5 });
    expect(visibleRows(0, 0, 96, 24)).toEqual({ from: 0, to: 0 });
  });

  it('scrolls just enough to show a row, and not at all when it is in view', () => {
    expect(scrollToShow(2, 0, 96, 24)).toBe(0);
    expect(scrollToShow(10, 0, 96, 24)).toBe(10 * 24 + 24 - 96);
    expect(scrollToShow(1, 100, 96, 24)).toBe(24);
  });
});
