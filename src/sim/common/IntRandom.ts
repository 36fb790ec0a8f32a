/**
 * The part of `java.util.Random` that the client uses: `nextInt(bound)` returns an int in [0, bound).
 * The kernel's seeded streams implement it; conformance replays script it.
 */
export interface IntRandom {
  nextInt(bound: number): number;
}
