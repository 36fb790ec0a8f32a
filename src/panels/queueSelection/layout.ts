import type { QueueRef } from '../../view/folds/route';

/**
 * Geometry of the message-queue list, pure so tests can call it: one row per broker (wrapping when a broker
 * has more queues than fit), cells in list order, each keeping its position in `messageQueueList`.
 */

export interface QueueCell extends QueueRef {
  /** Position in the list (what `sendWhichQueue % n` addresses). */
  pos: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface QueueGroup {
  brokerName: string;
  y: number;
  h: number;
  /** Where the broker's latency-fault line goes: right of its cells, or under them when there is no room. */
  info: { x: number; y: number; w: number } | null;
}

export interface QueueGridLayout {
  width: number;
  height: number;
  labelWidth: number;
  cells: QueueCell[];
  groups: QueueGroup[];
}

export const CELL_H = 30;
const GAP = 4;
const ROW_GAP = 10;
/** Room above the first row for the `sendWhichQueue` pointer. */
export const POINTER_H = 14;
/** Width wanted for a broker's fault line (latency, isolation, countdown). */
export const INFO_W = 168;

/**
 * Lays the list out broker by broker. `withInfo` names the brokers that get a fault line: to the right of
 * their cells when the widest broker leaves `infoWidth` free, else on a line of its own under the cells.
 */
export function getQueueGridLayout(
  queues: readonly QueueRef[],
  width: number,
  withInfo: ReadonlySet<string> = new Set(),
  labelWidth = 30,
  infoWidth = INFO_W,
): QueueGridLayout {
  const usable = Math.max(120, width - labelWidth - 4);
  const perBroker = new Map<string, number>();
  for (const q of queues) perBroker.set(q.brokerName, (perBroker.get(q.brokerName) ?? 0) + 1);
  const widest = Math.max(1, ...perBroker.values());
  const cellW = Math.max(32, Math.min(40, Math.floor((usable + GAP) / widest) - GAP));
  const perRow = Math.max(1, Math.floor((usable + GAP) / (cellW + GAP)));
  const rowWidth = Math.min(widest, perRow) * (cellW + GAP);
  const infoRight = labelWidth + rowWidth + 8 + infoWidth <= width;
  const cells: QueueCell[] = [];
  const groups: QueueGroup[] = [];
  let y = POINTER_H;
  let current: string | null = null;
  let col = 0;
  let groupStart = y;
  const close = (brokerName: string) => {
    let info: QueueGroup['info'] = null;
    if (withInfo.has(brokerName)) {
      if (infoRight)
        info = { x: labelWidth + rowWidth + 8, y: groupStart, w: width - labelWidth - rowWidth - 8 };
      else {
        y += CELL_H + GAP;
        info = { x: labelWidth, y, w: width - labelWidth };
      }
    }
    groups.push({ brokerName, y: groupStart, h: y + CELL_H - groupStart, info });
  };
  queues.forEach((q, pos) => {
    if (q.brokerName !== current) {
      if (current !== null) {
        close(current);
        y += CELL_H + ROW_GAP;
      }
      current = q.brokerName;
      col = 0;
      groupStart = y;
    } else if (col === perRow) {
      y += CELL_H + GAP;
      col = 0;
    }
    cells.push({ ...q, pos, x: labelWidth + col * (cellW + GAP), y, w: cellW, h: CELL_H });
    col++;
  });
  if (current !== null) close(current);
  return { width, height: queues.length > 0 ? y + CELL_H + 2 : 0, labelWidth, cells, groups };
}

/** Java's `Math.abs(index) % n`: the list position a `sendWhichQueue` value addresses (4.x loops). */
export function indexPosition(index: number, n: number): number | null {
  if (n <= 0) return null;
  const abs = Math.abs(index);
  return abs % n;
}

/** Position of a queue in the list, or null when the list does not hold it (e.g. a 4.9.8 new MessageQueue). */
export function positionOf(queues: readonly QueueRef[], brokerName: string, queueId: number): number | null {
  const pos = queues.findIndex((q) => q.brokerName === brokerName && q.queueId === queueId);
  return pos >= 0 ? pos : null;
}
