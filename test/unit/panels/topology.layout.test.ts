import { describe, expect, it } from 'vitest';
import {
  getTopologyLayout,
  LANE,
  linkKey,
  queueCells,
  tokenPoint,
} from '../../../src/panels/topology/layout';

const input = {
  width: 400,
  height: 380,
  producers: ['producer'],
  namesrvs: ['namesrv'],
  brokers: ['a', 'b', 'c'],
};

function overlaps(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('getTopologyLayout', () => {
  it('puts the producer top left, the name server top right and the brokers below both', () => {
    const layout = getTopologyLayout(input);
    const producer = layout.nodes.get('producer')!;
    const namesrv = layout.nodes.get('namesrv')!;
    expect(producer.x).toBeLessThan(namesrv.x);
    for (const b of ['a', 'b', 'c']) {
      expect(layout.nodes.get(b)!.y).toBeGreaterThan(producer.y + producer.h);
    }
  });

  it('keeps every box inside the panel and no two boxes overlapping', () => {
    for (const brokers of [['a'], ['a', 'b'], ['a', 'b', 'c', 'd', 'e']]) {
      const layout = getTopologyLayout({ ...input, brokers });
      const boxes = [...layout.nodes.values()];
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.w).toBeLessThanOrEqual(layout.width + 0.001);
        expect(box.y + box.h).toBeLessThanOrEqual(layout.height + 0.001);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      }
    }
  });

  it('links the producer to the name server and to each broker, and each broker to the name server', () => {
    const layout = getTopologyLayout(input);
    expect(layout.links.get(linkKey('producer', 'namesrv'))?.kind).toBe('namesrv');
    expect(layout.links.get(linkKey('producer', 'b'))?.kind).toBe('broker');
    expect(layout.links.get(linkKey('namesrv', 'c'))?.kind).toBe('registration');
    expect(layout.links.get(linkKey('producer', 'a'))?.d).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });
});

describe('tokenPoint', () => {
  const layout = getTopologyLayout(input);
  const link = layout.links.get(linkKey('producer', 'a'))!;

  it('starts a request at the requester and ends it at the server, on the request lane', () => {
    const start = tokenPoint(layout, 'producer', 'a', { leg: 'out', p: 0 })!;
    const end = tokenPoint(layout, 'producer', 'a', { leg: 'out', p: 1 })!;
    expect(Math.hypot(start.x - link.x1, start.y - link.y1)).toBeCloseTo(LANE);
    expect(Math.hypot(end.x - link.x2, end.y - link.y2)).toBeCloseTo(LANE);
  });

  it('brings a reply back on the other lane, so requests and replies never sit on top of each other', () => {
    const out = tokenPoint(layout, 'producer', 'a', { leg: 'out', p: 0.5 })!;
    const back = tokenPoint(layout, 'producer', 'a', { leg: 'back', p: 0.5 })!;
    expect(Math.hypot(out.x - back.x, out.y - back.y)).toBeCloseTo(2 * LANE);
    const home = tokenPoint(layout, 'producer', 'a', { leg: 'back', p: 1 })!;
    expect(Math.hypot(home.x - link.x1, home.y - link.y1)).toBeCloseTo(LANE);
  });

  it('orients the link from the requester even when the link was laid out the other way', () => {
    const fromBroker = tokenPoint(layout, 'c', 'namesrv', { leg: 'out', p: 0 })!;
    const reg = layout.links.get(linkKey('c', 'namesrv'))!;
    const startX = reg.a === 'c' ? reg.x1 : reg.x2;
    const startY = reg.a === 'c' ? reg.y1 : reg.y2;
    expect(Math.hypot(fromBroker.x - startX, fromBroker.y - startY)).toBeCloseTo(LANE);
  });

  it('returns null for a link the layout does not have', () => {
    expect(tokenPoint(layout, 'producer', 'nowhere', { leg: 'out', p: 0 })).toBeNull();
  });
});

describe('queueCells', () => {
  it('shows every queue that fits, and keeps room for a "+n" marker when not all do', () => {
    expect(queueCells(180, 4).shown).toBe(4);
    const many = queueCells(180, 16);
    expect(many.shown).toBeLessThan(16);
    expect((many.shown + 1) * (many.cellW + 4)).toBeLessThanOrEqual(180);
  });
});
