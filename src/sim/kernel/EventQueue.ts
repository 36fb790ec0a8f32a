/**
 * A binary min-heap of scheduled events ordered by (time, insertion sequence), so events at the same
 * virtual millisecond run in the order they were scheduled. The heap stores plain objects in one array
 * and never shifts it; `pop` swaps the last element into the root and sifts it down.
 */
export interface ScheduledEvent {
  at: number;
  seq: number;
  fn: (a: unknown, b: unknown) => void;
  a: unknown;
  b: unknown;
  /** False once cancelled: the kernel drops it without moving the clock. */
  live: boolean;
}

export class EventQueue {
  private readonly heap: ScheduledEvent[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** The sequence number the next pushed event will get (tests and debugging). */
  get sequence(): number {
    return this.nextSeq;
  }

  push(at: number, fn: (a: unknown, b: unknown) => void, a: unknown, b: unknown): ScheduledEvent {
    const event: ScheduledEvent = { at, seq: this.nextSeq++, fn, a, b, live: true };
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    // Sift up.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (p.at < at || (p.at === at && p.seq < event.seq)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
    return event;
  }

  peek(): ScheduledEvent | undefined {
    return this.heap[0];
  }

  pop(): ScheduledEvent | undefined {
    const heap = this.heap;
    const n = heap.length;
    if (n === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (n === 1) return top;
    // Sift `last` down from the root.
    const size = n - 1;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      let c = l;
      let child = heap[l]!;
      if (r < size) {
        const right = heap[r]!;
        if (right.at < child.at || (right.at === child.at && right.seq < child.seq)) {
          c = r;
          child = right;
        }
      }
      if (last.at < child.at || (last.at === child.at && last.seq < child.seq)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = last;
    return top;
  }
}
