/**
 * The messages between the page and the simulation worker. One run at a time per worker; `id` ties every
 * answer to its request, so an answer to a superseded run is recognised and dropped.
 */
export type ToWorker = { type: 'simulate'; id: number; scenario: unknown };

export type FromWorker =
  /** Events recorded so far, about once per second of virtual time. */
  | { type: 'progress'; id: number; events: number }
  /**
   * A slice of the finished trace, in order, as JSON text (a JSON array of events): a string crosses to the
   * page as one flat copy, and JSON.parse builds the events there faster than structured clone would.
   */
  | { type: 'chunk'; id: number; json: string }
  /** The last chunk has been sent; `total` events in all. */
  | { type: 'done'; id: number; total: number }
  | { type: 'error'; id: number; message: string };

/**
 * Events per `chunk` message. Receiving a chunk (structured-clone deserialization) is one task on the page;
 * at 2,000 events it stays well under 50 ms on a slow machine (10,000 took up to 170 ms on 2 busy cores).
 */
export const CHUNK_EVENTS = 2_000;
