import { describe, expect, it } from 'vitest';
import { cssZoomOf, unzoomedSize } from '../../../src/panels/teaching/unzoomedSize';

/** An element as layout reports it: its on-screen box and, where the browser has it, its effective zoom. */
const element = (width: number, height: number, currentCSSZoom?: number) =>
  ({ getBoundingClientRect: () => ({ width, height }), currentCSSZoom }) as unknown as Element;

describe('unzoomedSize', () => {
  it('divides the on-screen size by the effective zoom, so a zoomed panel lays out in its own pixels', () => {
    expect(unzoomedSize(element(500, 250, 1.25))).toEqual({ width: 400, height: 200 });
  });

  it('takes the on-screen size as it is without zoom, or where the browser does not report one', () => {
    expect(unzoomedSize(element(400, 200, 1))).toEqual({ width: 400, height: 200 });
    expect(unzoomedSize(element(400, 200))).toEqual({ width: 400, height: 200 });
    expect(cssZoomOf(element(1, 1, 0))).toBe(1);
  });
});
