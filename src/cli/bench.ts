// `npm run bench`: how fast the engine runs. Prints a table, then one JSON line (the figures):
// events, engineEventsPerSec, heapBaselineEventsPerSec, ratio, wallMs100k, peakHeapMB, seekP95Ms, and from
// headless Chromium (scripts/bench-browser.ts) frameP95Ms and initialJsGzipKB.
// Not a test: wall-clock numbers depend on the machine and its load.
//
// The engine is measured as the page runs it: bundled by esbuild (as Vite builds the page), in a fresh Node
// process. Run directly under tsx, every closure the simulation creates would also pay for tsx's
// keep-names wrapper, which is not part of the engine.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../scenario/validate';
import type { ResolvedScenario } from '../scenario/defaults';
import { ClientEnvironment } from '../sim/client/ClientEnvironment';
import { DefaultMQProducer } from '../sim/client/DefaultMQProducer';
import { Message } from '../sim/client/Message';
import type { TopicRouteData } from '../sim/client/TopicRouteData';
import { EventQueue } from '../sim/kernel/EventQueue';
import { Kernel, type Sim } from '../sim/kernel/Kernel';
import { RandomSource } from '../sim/kernel/random';
import type { InvokeCallback, RemotingClient } from '../sim/remoting/RemotingClient';
import { RemotingCommand } from '../sim/remoting/RemotingCommand';
import { ResponseFuture } from '../sim/remoting/ResponseFuture';
import { World } from '../sim/world/World';
import { packTrace } from '../trace/packed';
import type { Trace } from '../trace/types';
import { measureSeek, type SeekMeasurement } from '../view/seekBenchmark';
import { callPathFold } from '../view/folds/callPath';
import { queueSelectionFold } from '../view/folds/queueSelection';
import { threadPoolFold } from '../view/folds/threadPool';
import { timeoutBudgetFold } from '../view/folds/timeoutBudget';
import { topologyFold } from '../view/folds/topology';
import type { Fold } from '../view/fold';

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
  trace: Trace;
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
    trace,
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

/**
 * The client alone: the same 100,000 async sends through `DefaultMQProducer` on a remoting client that
 * answers every request 1 ms later, with no network, broker, name server or trace. What the engine cannot go
 * below without making the client code itself faster.
 */
function clientFloor(version: Version, count = 100_000): number {
  const kernel = new Kernel();
  const random = new RandomSource(42);
  const route: TopicRouteData = {
    orderTopicConf: null,
    queueDatas: ['a', 'b', 'c'].map((n) => ({
      brokerName: `broker-${n}`,
      readQueueNums: 4,
      writeQueueNums: 4,
      perm: 6,
    })),
    brokerDatas: ['a', 'b', 'c'].map((n, i) => ({
      cluster: 'C',
      brokerName: `broker-${n}`,
      brokerAddrs: { '0': `10.0.0.${i + 1}:10911` },
    })),
  };
  const remoting5 = version === '5.3.3';
  const remoting: RemotingClient = {
    // eslint-disable-next-line require-yield -- a process step that answers without waiting
    *invokeSync(): Sim<RemotingCommand> {
      const response = RemotingCommand.createResponseCommand(0, null);
      response.setBody(structuredClone(route));
      return response;
    },
    // eslint-disable-next-line require-yield -- the answer comes from a callback process
    *invokeAsync(addr, request, timeoutMillis, callback: InvokeCallback): Sim<void> {
      const future = new ResponseFuture(
        kernel,
        `/${String(addr)}`,
        request.opaque,
        request,
        timeoutMillis,
        callback,
      );
      const header = request.customHeader as { queueId: number };
      future.putResponse(
        RemotingCommand.createResponseCommand(0, null, {
          msgId: 'X',
          queueId: header.queueId,
          queueOffset: 0,
        }),
      );
      kernel.spawn('callback', future.executeInvokeCallback(remoting5), {
        thread: 'NettyClientPublicExecutor_1',
        at: kernel.now() + 1,
      });
    },
    *invokeOneway(): Sim<void> {},
    getNameServerAddressList: () => ['10.0.0.100:9876'],
    updateNameServerAddressList: () => {},
    start: () => {},
    shutdown: () => {},
  };
  const env = new ClientEnvironment({
    kernel,
    version,
    randomStream: (name) => random.stream(name),
    createRemotingClient: () => remoting,
  });
  const producer = new DefaultMQProducer(env, 'bench_group');
  producer.setSendLatencyFaultEnable(true);
  producer.start();
  const body = new Uint8Array(256);
  const callback = { onSuccess: () => {}, onException: () => {} };
  kernel.spawn(
    'main',
    function* (): Sim<void> {
      for (let i = 0; i < count; i++) {
        yield 1;
        yield* producer.sendWithCallback(new Message('BenchTopic', null, body), callback);
      }
    },
    { thread: 'main' },
  );
  const start = performance.now();
  kernel.run();
  return performance.now() - start;
}

if (process.env.SENDPATH_BENCH_BUNDLED !== '1') {
  const { build } = await import('esbuild');
  const outfile = join(tmpdir(), `sendpath-bench-${process.pid}.mjs`);
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  // --expose-gc: the packed trace's heap figures are read after a collection.
  const child = spawnSync(process.execPath, ['--expose-gc', outfile], {
    stdio: ['inherit', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, SENDPATH_BENCH_BUNDLED: '1' },
  });
  if (child.status !== 0) {
    process.stdout.write(child.stdout ?? '');
    process.exit(child.status ?? 1);
  }
  // The engine's figures are the child's last line; the browser's are added to them, and the one JSON
  // line stays the last line of the output.
  const lines = (child.stdout ?? '').trimEnd().split('\n');
  const engineFigures = JSON.parse(lines.pop() ?? '{}') as Record<string, unknown>;
  console.log(lines.join('\n'));
  // A computed specifier, so that esbuild leaves the browser half (Vite, playwright-core) out of the engine's
  // bundle: only this parent process, under tsx, loads it.
  const browserBench = '../../scripts/bench-browser.ts';
  const { benchBrowser } = (await import(browserBench)) as typeof import('../../scripts/bench-browser');
  const browser = await benchBrowser();
  console.log(
    `browser (headless Chromium, 1280x720): ${browser.frames} frames while playing ${browser.stepsPlayed} events with ${browser.rpcsInFlight} RPCs in flight at the peak: p50 ${browser.frameP50Ms} ms, p95 ${browser.frameP95Ms} ms, max ${browser.frameMaxMs} ms, ${browser.droppedFrames} dropped; initial JavaScript (index.html's module and its preloads) ${browser.initialJsGzipKB} KB gzip in ${browser.initialJsFiles} files, ${browser.firstScenarioJsGzipKB} KB in ${browser.firstScenarioJsFiles} files once the default preset is simulated and shown`,
  );
  console.log(
    JSON.stringify({
      ...engineFigures,
      frameP95Ms: browser.frameP95Ms,
      initialJsGzipKB: browser.initialJsGzipKB,
      firstScenarioJsGzipKB: browser.firstScenarioJsGzipKB,
    }),
  );
  process.exit(0);
}

const runs: EngineRun[] = [];
for (const version of ['4.9.8', '4.5.2', '5.3.3'] as const) {
  const run = runEngine(version);
  // Only the first run's trace is kept (for the seek figure); the others would double the heap.
  runs.push(runs.length === 0 ? run : { ...run, trace: [] });
}
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
const floorMs = clientFloor('4.9.8');
console.log(
  `client floor (4.9.8 producer alone, instant fake remoting, no trace): ${Math.round(floorMs)} ms for 100,000 async sends`,
);

// The page keeps the trace packed (src/trace/packed.ts). Its size: the typed arrays and the string table,
// and what the heap says once the objects are gone.
const gc = (globalThis as { gc?: () => void }).gc;
const objectTrace = main.trace;
const packStart = performance.now();
const packed = packTrace(objectTrace);
const packMs = performance.now() - packStart;
gc?.();
const heapWithObjects = process.memoryUsage().heapUsed;
main.trace = packed;
(objectTrace as unknown[]).length = 0;
gc?.();
const heapPackedOnly = process.memoryUsage().heapUsed;
const bytesPerEvent = packed.byteLength / packed.length;
console.log(
  `packed trace: ${main.events} events in ${Math.round(packMs)} ms, ${bytesPerEvent.toFixed(1)} bytes an event (${(packed.byteLength / 2 ** 20).toFixed(1)} MB); dropping the event objects freed ${Math.round((heapWithObjects - heapPackedOnly) / 2 ** 20)} MB of heap (${Math.round((heapWithObjects - heapPackedOnly) / main.events)} bytes an event)`,
);

/** Every panel's fold, as the page computes them when the cursor jumps. */
const PANEL_FOLDS = [
  topologyFold,
  queueSelectionFold,
  threadPoolFold,
  timeoutBudgetFold,
  callPathFold,
] as readonly Fold<unknown>[];
const seek: SeekMeasurement = measureSeek(main.trace, PANEL_FOLDS);
gc?.();
const pageHeapMB = process.memoryUsage().heapUsed / 2 ** 20;
console.log(
  `seek over ${main.events} packed events: checkpoints built in ${Math.round(seek.prepareMs)} ms, then ${seek.jumps} random jumps p50 ${seek.p50Ms.toFixed(2)} ms, p95 ${seek.p95Ms.toFixed(2)} ms, max ${seek.maxMs.toFixed(2)} ms`,
);
console.log(
  JSON.stringify({
    version: main.version,
    events: main.events,
    engineEventsPerSec: Math.round(engineEventsPerSec),
    heapBaselineEventsPerSec: Math.round(heapBaselineEventsPerSec),
    ratio: Number((heapBaselineEventsPerSec / engineEventsPerSec).toFixed(2)),
    wallMs100k: Math.round(main.wallMs),
    peakHeapMB: Math.round(main.peakHeapMB),
    clientFloorMs100k: Math.round(floorMs),
    seekP95Ms: Number(seek.p95Ms.toFixed(2)),
    bytesPerEvent: Number(bytesPerEvent.toFixed(1)),
    pageHeapMB: Math.round(pageHeapMB),
  }),
);
