import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
  type SymbolType,
} from 'd3';
import type { MessageKey } from '../../i18n';
import type { NotableKind } from '../../view/notable';

/** Each kind of notable event has its own shape (colour is never the only signal) and name. */
const SHAPES: Record<NotableKind, SymbolType> = {
  retry: symbolCircle,
  fault: symbolTriangle,
  budget: symbolSquare,
  failure: symbolCross,
  duplicate: symbolDiamond,
};

export const MARK_LABEL: Record<NotableKind, MessageKey> = {
  retry: 'playback.mark.retry',
  fault: 'playback.mark.fault',
  budget: 'playback.mark.budget',
  failure: 'playback.mark.failure',
  duplicate: 'playback.mark.duplicate',
};

const cache = new Map<string, string>();

/** The SVG path of a kind's glyph, centred on 0,0, about `size` px across (d3-shape computes it). */
export function glyphPath(kind: NotableKind, size: number): string {
  const key = `${kind}:${size}`;
  let d = cache.get(key);
  if (d === undefined) {
    // d3 symbol sizes are areas; the cross gets a little more so its arms read at projector distance.
    const area = (kind === 'failure' ? 0.55 : 0.6) * size * size;
    d = symbol(SHAPES[kind], area)() ?? '';
    cache.set(key, d);
  }
  return d;
}
