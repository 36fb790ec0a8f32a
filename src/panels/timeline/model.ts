import { bisectLeft, bisectRight, scaleLinear, type ScaleLinear } from 'd3';
import { timesOf } from '../../trace/access';
import type { Trace } from '../../trace/types';
import { notableIndex, type Notable, type NotableKind } from '../../view/notable';

/**
 * The timeline's geometry, computed with d3 and rendered by React. The x axis is virtual time, but a silent
 * stretch longer than IDLE_FRACTION of the run is drawn GAP_FRACTION wide (a polylinear d3 scale), so a burst
 * of a few milliseconds next to a 30 s isolation still gets room to scrub.
 */
export const IDLE_FRACTION = 1 / 40;
export const GAP_FRACTION = 1 / 80;

export interface TimeWarp {
  /** Breakpoints in virtual ms, strictly increasing. */
  domain: number[];
  /** Where each breakpoint sits, 0..1. */
  positions: number[];
  /** The compressed idle stretches: [from, to] in ms. */
  gaps: { from: number; to: number }[];
}

const warpMemo = new WeakMap<Trace, TimeWarp>();

export function timeWarp(trace: Trace): TimeWarp {
  const cached = warpMemo.get(trace);
  if (cached) return cached;
  const first = trace.at(0)?.t ?? 0;
  const last = trace.at(trace.length - 1)?.t ?? 0;
  const span = last - first;
  let warp: TimeWarp;
  if (span <= 0) {
    warp = { domain: [first, first + 1], positions: [0, 1], gaps: [] };
  } else {
    const idle = span * IDLE_FRACTION;
    const drawn = span * GAP_FRACTION;
    const domain = [first];
    const raw = [0];
    const gaps: { from: number; to: number }[] = [];
    let pos = 0;
    let prev = first;
    const times = timesOf(trace);
    for (let i = 0; i < times.length; i++) {
      const t = times[i]!;
      const gap = t - prev;
      if (gap > idle) {
        if (domain[domain.length - 1] !== prev) {
          domain.push(prev);
          raw.push(pos);
        }
        pos += drawn;
        domain.push(t);
        raw.push(pos);
        gaps.push({ from: prev, to: t });
      } else {
        pos += gap;
      }
      prev = t;
    }
    if (domain[domain.length - 1] !== last) {
      domain.push(last);
      raw.push(pos);
    }
    const total = raw[raw.length - 1]! || 1;
    warp = { domain, positions: raw.map((p) => p / total), gaps };
  }
  warpMemo.set(trace, warp);
  return warp;
}

export const PAD = 10;

/** Virtual time to pixels for a timeline `width` wide. */
export function timeScale(trace: Trace, width: number): ScaleLinear<number, number> {
  const warp = timeWarp(trace);
  const inner = Math.max(1, width - 2 * PAD);
  return scaleLinear()
    .domain(warp.domain)
    .range(warp.positions.map((p) => PAD + p * inner))
    .clamp(true);
}

export interface DensityBar {
  x: number;
  width: number;
  count: number;
}

export const BAR_PX = 4;

/**
 * Events per BAR_PX-wide column, with d3-array's binning rules (columns [edge, next edge), the last one
 * closed, nothing outside the domain): the trace's times never decrease, so each column's count is the
 * difference of two bisections, and a million events cost a few hundred binary searches.
 */
export function densityBars(trace: Trace, x: ScaleLinear<number, number>, width: number): DensityBar[] {
  if (trace.length === 0) return [];
  const [x0, x1] = [PAD, Math.max(PAD + 1, width - PAD)];
  const domain = x.domain();
  const lo = domain[0]!;
  const hi = domain[domain.length - 1]!;
  const edges = [lo];
  for (let px = x0 + BAR_PX; px < x1; px += BAR_PX) {
    const edge = x.invert(px);
    if (edge > lo && edge <= hi) edges.push(edge);
  }
  edges.push(hi);
  const times = timesOf(trace);
  const bars: DensityBar[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    const last = i + 2 === edges.length;
    const count = (last ? bisectRight(times, to) : bisectLeft(times, to)) - bisectLeft(times, from);
    if (count === 0) continue;
    const left = x(from);
    bars.push({ x: left, width: Math.max(1, x(to) - left - 1), count });
  }
  return bars;
}

export interface TimelineMark {
  x: number;
  /** The first notable event of the cluster: a click goes there. */
  first: Notable;
  count: number;
  kinds: NotableKind[];
}

/** Notable events closer than `minPx` collapse into one mark, so each stays a comfortable click target. */
export function clusterMarks(
  notables: readonly Notable[],
  x: (t: number) => number,
  minPx: number,
): TimelineMark[] {
  const marks: TimelineMark[] = [];
  let current: TimelineMark | null = null;
  for (const n of notables) {
    const px = x(n.t);
    if (current && px - current.x < minPx) {
      current.count++;
      if (!current.kinds.includes(n.kind)) current.kinds.push(n.kind);
    } else {
      current = { x: px, first: n, count: 1, kinds: [n.kind] };
      marks.push(current);
    }
  }
  return marks;
}

export interface TimelineModel {
  x: ScaleLinear<number, number>;
  bars: DensityBar[];
  maxCount: number;
  marks: TimelineMark[];
  gaps: { x: number; ms: number }[];
}

export const MARK_PX = 16;

export function timelineModel(trace: Trace, width: number): TimelineModel {
  const x = timeScale(trace, width);
  const bars = densityBars(trace, x, width);
  const maxCount = bars.reduce((m, b) => Math.max(m, b.count), 0);
  const marks = clusterMarks(notableIndex(trace).all, x, MARK_PX);
  const gaps = timeWarp(trace).gaps.map((g) => ({ x: (x(g.from) + x(g.to)) / 2, ms: g.to - g.from }));
  return { x, bars, maxCount, marks, gaps };
}
