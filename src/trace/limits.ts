/**
 * The page's cap on one run's trace. A packed event costs about 30 bytes (src/trace/packed.ts), so a run at
 * the cap holds some 60 MB in the page, and its panels still seek in milliseconds; past it a teacher's
 * "100,000 messages for 10 minutes" would be gigabytes. The engine stops the run at the cap and ends the
 * trace with `sim.end` whose `reason` is `traceCap`; the page says so (src/app/TraceCapNotice.tsx).
 * `npm run sim` keeps the engine's own, larger cap (MAX_TRACE_EVENTS in src/sim/world/World.ts).
 */
export const PAGE_MAX_TRACE_EVENTS = 2_000_000;

/** The reason `sim.end` gives when the run stopped at the trace cap. */
export const TRACE_CAP_REASON = 'traceCap';
