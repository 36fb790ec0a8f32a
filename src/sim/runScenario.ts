import type { ResolvedScenario } from '../scenario/defaults';
import type { TraceEvent } from '../trace/types';
import { World } from './world/World';

/**
 * Runs a validated scenario (`parseScenario(...).scenario`) and returns its trace: every event of the
 * contract in ../shared/DESIGN.md, in order, the last one `sim.end`. Deterministic: the same scenario and
 * seed give the same trace. It does not throw for a valid scenario; an internal failure ends the trace with
 * a `sim.error` event before `sim.end`.
 */
export interface RunOptions {
  /** Stop the run once the trace holds this many events (default `MAX_TRACE_EVENTS`, 5 million). */
  maxEvents?: number;
  /** Called after each second of virtual time with the events recorded so far (a worker reports them). */
  onProgress?: (events: number) => void;
}

export function runScenario(scenario: ResolvedScenario, options: RunOptions = {}): TraceEvent[] {
  let world: World;
  try {
    world = new World(scenario, options.maxEvents);
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return [
      { seq: 0, t: 0, kind: 'sim.error', code: { cls: 'Simulation', method: 'error' }, message },
      {
        seq: 1,
        t: 0,
        kind: 'sim.end',
        code: { cls: 'Simulation', method: 'end' },
        inFlight: [],
        reason: 'error',
      },
    ];
  }
  const onProgress = options.onProgress;
  if (onProgress) world.onSlice = () => onProgress(world.trace.size);
  return world.run();
}
