import type { PackedTraceData } from '../trace/packed';

/**
 * The messages between the page and the simulation worker. One run at a time per worker; `id` ties every
 * answer to its request, so an answer to a run the page no longer waits for is recognised and dropped.
 */
export type ToWorker = { type: 'simulate'; id: number; scenario: unknown; maxEvents: number };

export type FromWorker =
  /** Events recorded so far, about once per second of virtual time. */
  | { type: 'progress'; id: number; events: number }
  /**
   * The finished trace, packed (src/trace/packed.ts). Its typed arrays are transferred, not copied, so
   * receiving even a million events is one short task on the page: only the string table is parsed there.
   */
  | { type: 'done'; id: number; trace: PackedTraceData }
  | { type: 'error'; id: number; message: string };
