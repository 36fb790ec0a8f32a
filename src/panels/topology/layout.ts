import { path as d3path } from 'd3';
import type { NodeRole, RpcProgress } from '../../view/folds/topology';

/**
 * Geometry of the Topology panel, pure so tests can call it: the producer top left, the name server top
 * right, the brokers in a grid below; links from the producer to each node and from each broker to the name
 * server. RPC tokens ride these links, requests on one lane and replies on the other.
 */

export interface TopologyLayoutInput {
  width: number;
  height: number;
  producers: readonly string[];
  namesrvs: readonly string[];
  brokers: readonly string[];
}

export interface NodeBox {
  id: string;
  role: NodeRole;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LinkGeometry {
  /** `linkKey(a, b)`. */
  id: string;
  a: string;
  b: string;
  kind: 'namesrv' | 'broker' | 'registration';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path data from a to b. */
  d: string;
}

export interface TopologyLayout {
  width: number;
  height: number;
  nodes: Map<string, NodeBox>;
  links: Map<string, LinkGeometry>;
  brokerColumns: number;
  /** Broker boxes this short drop their secondary lines. */
  compactBrokers: boolean;
}

export const MARGIN = 6;
const GRID_GAP = 10;
const BROKER_MAX_HEIGHT = 128;
export const BROKER_COMPACT_BELOW = 100;
/** Half the distance between the request lane and the reply lane of a link. */
export const LANE = 5;

/** An unordered key for the link between two nodes. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function straight(x1: number, y1: number, x2: number, y2: number): string {
  const p = d3path();
  p.moveTo(x1, y1);
  p.lineTo(x2, y2);
  return p.toString();
}

function stack(
  ids: readonly string[],
  role: NodeRole,
  x: number,
  y: number,
  w: number,
  h: number,
): NodeBox[] {
  const each = ids.length > 0 ? (h - (ids.length - 1) * 4) / ids.length : h;
  return ids.map((id, i) => ({ id, role, x, y: y + i * (each + 4), w, h: each }));
}

export function getTopologyLayout(input: TopologyLayoutInput): TopologyLayout {
  const width = Math.max(240, input.width);
  const height = Math.max(240, input.height);
  const nodes = new Map<string, NodeBox>();
  const links = new Map<string, LinkGeometry>();
  const innerW = width - 2 * MARGIN;
  // A short panel (the page at 1280x720) gets a shorter top band and gap, so the brokers keep their lines.
  const short = height < 330;
  const TOP_HEIGHT = short ? 82 : 100;
  const BAND_GAP = short ? 34 : 56;

  const producerW = Math.round(innerW * 0.6);
  const namesrvW = Math.round(innerW * 0.37);
  const producers = stack(input.producers, 'producer', MARGIN, MARGIN, producerW, TOP_HEIGHT);
  const namesrvs = stack(input.namesrvs, 'namesrv', width - MARGIN - namesrvW, MARGIN, namesrvW, TOP_HEIGHT);
  for (const box of [...producers, ...namesrvs]) nodes.set(box.id, box);

  const n = input.brokers.length;
  const brokerColumns = n <= 1 ? 1 : n <= 4 ? 2 : Math.max(2, Math.min(n, Math.floor(innerW / 150)));
  const rows = Math.max(1, Math.ceil(n / brokerColumns));
  const minBandTop = MARGIN + TOP_HEIGHT + BAND_GAP;
  const brokerW = (innerW - (brokerColumns - 1) * GRID_GAP) / brokerColumns;
  const available = height - minBandTop - MARGIN - (rows - 1) * GRID_GAP;
  const brokerH = Math.max(56, Math.min(BROKER_MAX_HEIGHT, available / rows));
  // Room left over goes to the gap the RPC tokens travel through (up to twice the minimum), not below.
  const spare = Math.max(0, available - rows * brokerH);
  const bandTop = minBandTop + Math.min(spare, BAND_GAP);
  input.brokers.forEach((id, i) => {
    const col = i % brokerColumns;
    const row = Math.floor(i / brokerColumns);
    // A lone last row is centred, so links fan out evenly.
    const inRow = row === rows - 1 ? n - row * brokerColumns : brokerColumns;
    const offset = ((brokerColumns - inRow) * (brokerW + GRID_GAP)) / 2;
    nodes.set(id, {
      id,
      role: 'broker',
      x: MARGIN + offset + col * (brokerW + GRID_GAP),
      y: bandTop + row * (brokerH + GRID_GAP),
      w: brokerW,
      h: brokerH,
    });
  });

  const add = (
    a: NodeBox,
    b: NodeBox,
    kind: LinkGeometry['kind'],
    x1: number,
    y1: number,
    x2: number,
    y2: number,
  ) => {
    links.set(linkKey(a.id, b.id), {
      id: linkKey(a.id, b.id),
      a: a.id,
      b: b.id,
      kind,
      x1,
      y1,
      x2,
      y2,
      d: straight(x1, y1, x2, y2),
    });
  };
  for (const p of producers) {
    for (const ns of namesrvs) add(p, ns, 'namesrv', p.x + p.w, p.y + p.h / 2, ns.x, ns.y + ns.h / 2);
    input.brokers.forEach((id, i) => {
      const b = nodes.get(id)!;
      const x1 = p.x + (p.w * (i + 1)) / (n + 1);
      add(p, b, 'broker', x1, p.y + p.h, b.x + b.w * 0.4, b.y);
    });
  }
  for (const ns of namesrvs) {
    for (const id of input.brokers) {
      const b = nodes.get(id)!;
      add(b, ns, 'registration', b.x + b.w * 0.85, b.y, ns.x + ns.w * 0.6, ns.y + ns.h);
    }
  }
  return { width, height, nodes, links, brokerColumns, compactBrokers: brokerH < BROKER_COMPACT_BELOW };
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Where an RPC token is drawn: on the link between `from` (the requester) and `to`, `progress.p` of the way
 * along its leg; requests on one lane, replies on the other; at the server it waits just beside the box edge.
 * Null when the link is not in the layout.
 */
export function tokenPoint(
  layout: TopologyLayout,
  from: string,
  to: string,
  progress: RpcProgress,
): Point | null {
  const link = layout.links.get(linkKey(from, to));
  if (!link) return null;
  // Orient the link from the requester to the server.
  const forward = link.a === from;
  const sx = forward ? link.x1 : link.x2;
  const sy = forward ? link.y1 : link.y2;
  const ex = forward ? link.x2 : link.x1;
  const ey = forward ? link.y2 : link.y1;
  const length = Math.hypot(ex - sx, ey - sy) || 1;
  // Unit normal: requests ride one side, replies the other.
  const nx = -(ey - sy) / length;
  const ny = (ex - sx) / length;
  const along = progress.leg === 'out' ? progress.p : progress.leg === 'server' ? 1 : 1 - progress.p;
  const lane = progress.leg === 'out' ? -LANE : LANE;
  return { x: sx + (ex - sx) * along + nx * lane, y: sy + (ey - sy) * along + ny * lane };
}

/** How many queue cells fit in a broker box of width `w`, and each cell's width. */
export function queueCells(w: number, count: number): { shown: number; cellW: number } {
  const inner = w - 16;
  const cellW = Math.max(26, Math.min(40, inner / Math.max(1, count) - 4));
  const fit = Math.max(1, Math.floor((inner + 4) / (cellW + 4)));
  return { shown: Math.min(count, count > fit ? fit - 1 : fit), cellW };
}
