/** What upstream's `System.currentTimeMillis()` becomes in the simulation: a reading of the virtual clock, in ms. */
export interface Clock {
  now(): number;
}

/** A clock that only moves when told to: used by conformance replays and unit tests. */
export class ManualClock implements Clock {
  constructor(private current = 0) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}
