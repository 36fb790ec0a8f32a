import { describe, expect, it } from 'vitest';
import { chipsThatFit, waitGauge } from '../../../src/panels/threadPool/layout';

describe('waitGauge', () => {
  it('measures the queue wait against the timeout', () => {
    expect(waitGauge(150, 1000)).toEqual({ share: 0.15, eaten: false, percent: 15 });
  });

  it('calls the budget eaten once the wait reaches the timeout, as `timeout > costTime` fails (4.x)', () => {
    expect(waitGauge(999, 1000).eaten).toBe(false);
    expect(waitGauge(1000, 1000).eaten).toBe(true);
    expect(waitGauge(1100, 1000)).toEqual({ share: 1, eaten: true, percent: 110 });
  });

  it('has no gauge without a known timeout', () => {
    expect(waitGauge(500, null)).toEqual({ share: 0, eaten: false, percent: null });
  });
});

describe('chipsThatFit', () => {
  it('shows every chip when all fit', () => {
    expect(chipsThatFit(300, 92, 5, 3, 70)).toBe(3);
  });

  it('keeps room for the "+n more" marker when not all fit', () => {
    expect(chipsThatFit(300, 92, 5, 10, 70)).toBe(2);
    expect(chipsThatFit(50, 92, 5, 10, 70)).toBe(0);
  });
});
