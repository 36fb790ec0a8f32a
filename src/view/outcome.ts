/**
 * Whether an attempt ended well. `SEND_OK` is a reply that says the message was stored; `DISPATCHED` is a
 * oneway attempt whose request was written to the channel: oneway never gets a reply, so a written request
 * is all the producer ever learns, and it is not a failure.
 */
export function attemptSucceeded(outcome: unknown): boolean {
  return outcome === 'SEND_OK' || outcome === 'DISPATCHED';
}
