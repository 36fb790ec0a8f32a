// `npm run bench`: how fast the engine runs. Prints a table, then one JSON line (the figures):
// events, engineEventsPerSec, heapBaselineEventsPerSec, ratio, wallMs100k, peakHeapMB.
// Not a test: wall-clock numbers depend on the machine and its load.
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../scenario/validate';
import type { ResolvedScenario } from '../scenario/defaults';
import { EventQueue } from '../sim/kernel/EventQueue';
import { World } from '../sim/world/World';

type Version = '4.5.2' | '4.9.8' | '5.3.3';

/**
 * The benchmark scenario: 100,000 async sends at 1000 a second (100 s) to 3 brokers with 4 queues each,
 * latency fault tolerance on; broker-b loses power at 50 s (no FIN) and is back at 80 s.
 */
function scenario(version: Version, count = 100_000): ResolvedScenario {
  const durationMs = (count / 1000) * 1000 + 10_000;
  const parsed = parseScenario({
    version: 1,
    seed: 42,
    rocketmqVersion: version,
    durationMs,
    producer: { sendLatencyFaultEnable: true },
    brokers: [{ name: 'broker-a' }, { name: 'broker-b' }, { name: 'broker-c' }],
    topics: [{ name: 'BenchTopic', readQueueNums: 4, writeQueueNums: 4 }],
    workload: [{ count, ratePerSecond: 1000, mode: 'ASYNC', topic: 'BenchTopic', bodySize: 256 }],
    faults: [{ atMs: (count / 1000) * 500, kind: 'crash', broker: 'broker-b', durationMs: 30_000 }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.scenario;
}

interface EngineRun {
  version: Version;
  events: number;
  kernelEvents: number;
  wallMs: number;
  peakHeapMB: number;
  results: Record<string, number>;
}

function runEngine(version: Version): EngineRun {
  const s = scenario(version);
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().heapUsed;
  const start = performance.now();
  const world = new World(s);
  world.onSlice = () => {
    const used = process.memoryUsage().heapUsed;
    if (used > peak) peak = used;
  };
  const trace = world.run();
  const wallMs = performance.now() - start;
  const used = process.memoryUsage().heapUsed;
  if (used > peak) peak = used;
  const results: Record<string, number> = {};
  for (const e of trace) {
    if (e.kind !== 'send.result') continue;
    const status = (e as { status: string }).status;
    results[status] = (results[status] ?? 0) + 1;
  }
  return {
    version,
    events: trace.length,
    kernelEvents: world.kernel.executedEvents,
    wallMs,
    peakHeapMB: peak / (1024 * 1024),
    results,
  };
}

/** A bare binary-heap hold loop: pop the earliest event, push one a little later; `n` push/pop pairs. */
function heapBaseline(n: number): number {
  const queue = new EventQueue();
  const noop = (): void => {};
  let seed = 12345;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) | 0;
    return (seed >>> 8) / 16777216;
  };
  for (let i = 0; i < 1000; i++) queue.push(next() * 10, noop, null, null);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const e = queue.pop()!;
    e.fn(e.a, e.b);
    queue.push(e.at + next() * 10, noop, null, null);
  }
  return performance.now() - start;
}

const runs: EngineRun[] = [];
for (const version of ['4.9.8', '4.5.2', '5.3.3'] as const) runs.push(runEngine(version));
const main = runs[0]!;
const baselineMs = heapBaseline(main.events);
const engineEventsPerSec = main.events / (main.wallMs / 1000);
const heapBaselineEventsPerSec = main.events / (baselineMs / 1000);

const rows = runs.map((r) => ({
  version: r.version,
  'trace events': r.events,
  'kernel events': r.kernelEvents,
  'wall ms': Math.round(r.wallMs),
  'events/s': Math.round(r.events / (r.wallMs / 1000)),
  'peak heap MB': Math.round(r.peakHeapMB),
  results: Object.entries(r.results)
    .map(([k, v]) => `${k} ${v}`)
    .join(', '),
}));
console.log('100,000 async sends, 3 brokers x 4 queues, broker-b down from 50 s to 80 s, latency fault on');
console.table(rows);
console.log(`heap baseline: ${main.events} push/pop pairs in ${Math.round(baselineMs)} ms`);
console.log(
  JSON.stringify({
    version: main.version,
    events: main.events,
    engineEventsPerSec: Math.round(engineEventsPerSec),
    heapBaselineEventsPerSec: Math.round(heapBaselineEventsPerSec),
    ratio: Number((heapBaselineEventsPerSec / engineEventsPerSec).toFixed(2)),
    wallMs100k: Math.round(main.wallMs),
    peakHeapMB: Math.round(main.peakHeapMB),
  }),
);
