import { describe, expect, it } from 'vitest';
import {
  getQueueGridLayout,
  indexPosition,
  INFO_W,
  positionOf,
} from '../../../src/panels/queueSelection/layout';

const list = [
  ...[0, 1, 2, 3].map((queueId) => ({ brokerName: 'broker-a', queueId })),
  ...[0, 1, 2, 3].map((queueId) => ({ brokerName: 'broker-b', queueId })),
];

describe('getQueueGridLayout', () => {
  it('gives each broker its own row and keeps every queue’s list position', () => {
    const layout = getQueueGridLayout(list, 400);
    expect(layout.groups.map((g) => g.brokerName)).toEqual(['broker-a', 'broker-b']);
    expect(layout.cells.map((c) => c.pos)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const rowOf = (pos: number) => layout.cells[pos]!.y;
    expect(new Set([0, 1, 2, 3].map(rowOf)).size).toBe(1);
    expect(rowOf(4)).toBeGreaterThan(rowOf(3));
    expect(layout.cells[4]!.x).toBe(layout.cells[0]!.x);
  });

  it('wraps a broker with more queues than fit into further rows', () => {
    const wide = Array.from({ length: 16 }, (_, queueId) => ({ brokerName: 'broker-a', queueId }));
    const layout = getQueueGridLayout(wide, 300);
    const rows = new Set(layout.cells.map((c) => c.y));
    expect(rows.size).toBeGreaterThan(1);
    for (const c of layout.cells) expect(c.x + c.w).toBeLessThanOrEqual(300);
  });

  it('puts a broker’s fault line right of its queues when there is room, else under them', () => {
    const roomy = getQueueGridLayout(list, 420, new Set(['broker-a']));
    const a = roomy.groups[0]!;
    expect(a.info).not.toBeNull();
    expect(a.info!.y).toBe(a.y);
    expect(a.info!.x).toBeGreaterThan(Math.max(...roomy.cells.slice(0, 4).map((c) => c.x + c.w)));
    expect(roomy.groups[1]!.info).toBeNull();
    const narrow = getQueueGridLayout(list, 180 + INFO_W / 2, new Set(['broker-a']));
    const info = narrow.groups[0]!.info!;
    expect(info.y).toBeGreaterThan(narrow.cells[0]!.y);
    expect(narrow.cells[4]!.y).toBeGreaterThan(info.y);
  });

  it('is empty for an empty list', () => {
    expect(getQueueGridLayout([], 400)).toMatchObject({ height: 0, cells: [], groups: [] });
  });
});

describe('indexPosition and positionOf', () => {
  it('addresses the list as Java’s Math.abs(index) % n does', () => {
    expect(indexPosition(4, 8)).toBe(4);
    expect(indexPosition(13, 8)).toBe(5);
    expect(indexPosition(-5, 4)).toBe(1);
    expect(indexPosition(3, 0)).toBeNull();
  });

  it('finds a queue’s position, or null for a queue the list does not hold', () => {
    expect(positionOf(list, 'broker-b', 1)).toBe(5);
    expect(positionOf(list, 'broker-c', 0)).toBeNull();
  });
});
