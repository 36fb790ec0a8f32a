import { describe, expect, it } from 'vitest';
import {
  listWindow,
  MAX_SCROLL_PX,
  rowInView,
  scrollTopForRow,
} from '../../../src/panels/eventLog/virtualWindow';

describe('listWindow', () => {
  it('renders only the rows in view plus a few, for a short list at rest', () => {
    const win = listWindow({ scrollTop: 0, viewport: 130, rowHeight: 26, count: 100, overscan: 2 });
    expect([win.first, win.last]).toEqual([0, 7]);
    expect(win.totalHeight).toBe(2600);
    expect(win.top(3)).toBe(78);
  });

  it('places rows at their natural offset while the list fits under the height cap', () => {
    const win = listWindow({ scrollTop: 260, viewport: 130, rowHeight: 26, count: 100, overscan: 0 });
    expect(win.first).toBe(10);
    expect(win.top(10)).toBe(260);
    expect(win.last).toBe(15);
  });

  it('compresses a million rows into the height cap and still reaches the first and the last row', () => {
    const count = 1_000_000;
    const base = { viewport: 520, rowHeight: 26, count, overscan: 0 };
    const top = listWindow({ ...base, scrollTop: 0 });
    expect(top.totalHeight).toBe(MAX_SCROLL_PX);
    expect(top.first).toBe(0);
    const bottom = listWindow({ ...base, scrollTop: MAX_SCROLL_PX - 520 });
    expect(bottom.last).toBe(count);
    expect(bottom.top(count - 1) + 26).toBeCloseTo(MAX_SCROLL_PX, 3);
    const middle = listWindow({ ...base, scrollTop: (MAX_SCROLL_PX - 520) / 2 });
    expect(middle.last - middle.first).toBeLessThanOrEqual(21);
  });

  it('scrolls a row to the middle of the view, and that row is then in view, at any size', () => {
    for (const count of [50, 5_000, 1_000_000]) {
      for (const row of [0, 7, Math.floor(count / 2), count - 1]) {
        const scrollTop = scrollTopForRow(row, 260, 26, count);
        const win = listWindow({ scrollTop, viewport: 260, rowHeight: 26, count });
        expect(rowInView(win, row, 260, 26), `${count}:${row}`).toBe(true);
        expect(row).toBeGreaterThanOrEqual(win.first);
        expect(row).toBeLessThan(win.last);
      }
    }
  });

  it('handles an empty list and a list shorter than the view', () => {
    expect(listWindow({ scrollTop: 0, viewport: 200, rowHeight: 26, count: 0 })).toMatchObject({
      first: 0,
      last: 0,
    });
    expect(scrollTopForRow(2, 200, 26, 3)).toBe(0);
  });
});
