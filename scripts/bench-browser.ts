// The browser half of `npm run bench` (issue #5): `frameP95Ms` while the page plays a stretch with 500+ RPCs
// in flight, and `initialJsGzipKB`, the JavaScript the page loads before the first scenario is shown.
// Run alone with `npx tsx scripts/bench-browser.ts`: it prints one JSON line. Not a test: frame times depend
// on the machine and its load.
//
// It builds the app into a temporary folder, serves it on a free loopback port, and drives Debian's
// Chromium through playwright-core (no browser is downloaded), with the flags of the developers' guide.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { parseScenario } from '../src/scenario/validate';
import type { Scenario } from '../src/scenario/schema';
import { encodeShareFragment } from '../src/share/shareLink';
import { runScenario } from '../src/sim/runScenario';
import { topologyFold } from '../src/view/folds/topology';
import { launchChromium } from '../test/e2e/setup/chromium';
import { serveStatic } from '../test/e2e/setup/static-server';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * 2,000 async sends in one second to three brokers over links of 150 ms each way: every reply takes about
 * 300 ms, so around 600 sends are on the wire at once, each drawn as a token on the topology.
 */
export const RPCS_IN_FLIGHT_SCENARIO = {
  version: 1,
  id: 'bench-rpcs-in-flight',
  seed: 7,
  rocketmqVersion: '4.9.8',
  durationMs: 3_000,
  brokers: [{ name: 'broker-a' }, { name: 'broker-b' }, { name: 'broker-c' }],
  topics: [{ name: 'BenchTopic', readQueueNums: 4, writeQueueNums: 4 }],
  network: { latency: { producerToBroker: { kind: 'fixed', ms: 150 } } },
  workload: [{ count: 2_000, ratePerSecond: 2_000, mode: 'ASYNC', topic: 'BenchTopic', bodySize: 256 }],
} as const;

/** The step at which the most RPCs are in flight, as the topology panel counts them, and that count. */
export function busiestStep(scenario: unknown): { step: number; inFlight: number; events: number } {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const trace = runScenario(parsed.scenario);
  let state = topologyFold.initial(trace);
  let best = { step: 0, inFlight: 0, events: trace.length };
  trace.forEach((event, index) => {
    state = topologyFold.apply(state, event, index);
    if (state.rpcs.size > best.inFlight) best = { ...best, step: index + 1, inFlight: state.rpcs.size };
  });
  return best;
}

/**
 * Four seconds of requestAnimationFrame intervals. A string, not a function: under tsx every function gets a
 * keep-names wrapper that does not exist in the page.
 */
const FRAME_SAMPLER = `new Promise((done) => {
  const out = [];
  let last = 0;
  const tick = (now) => {
    out.push(now - last);
    last = now;
    if (out.length < 2000 && now < end) requestAnimationFrame(tick);
    else done(out);
  };
  let end = 0;
  requestAnimationFrame((now) => { last = now; end = now + 4000; requestAnimationFrame(tick); });
})`;

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The twenty functions with the most self time in a CDP CPU profile. */
function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples?.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const name = frame
      ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
      : '?';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
  for (const [name, ms] of top) console.error(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

const percentile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export interface BrowserBench {
  frameP95Ms: number;
  frameP50Ms: number;
  frameMaxMs: number;
  droppedFrames: number;
  frames: number;
  stepsPlayed: number;
  rpcsInFlight: number;
  initialJsGzipKB: number;
  initialJsFiles: number;
  firstScenarioJsGzipKB: number;
  firstScenarioJsFiles: number;
}

/** Builds, serves and measures; cleans up after itself. */
export async function benchBrowser(): Promise<BrowserBench> {
  const busiest = busiestStep(RPCS_IN_FLIGHT_SCENARIO);
  // Start a little before the peak, so that playing at 0.25x (a second of virtual time in the four seconds
  // measured) runs through it.
  const startStep = Math.max(0, busiest.step - 1_500);
  const outDir = mkdtempSync(join(tmpdir(), 'sendpath-bench-browser-'));
  // BENCH_PROFILE=1 keeps names readable and prints where the frames' time goes (CPU profile by function).
  const profile = process.env.BENCH_PROFILE === '1';
  await build({
    root: ROOT,
    logLevel: 'warn',
    base: './',
    build: { outDir, emptyOutDir: true, minify: !profile },
  });
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    // initialJsGzipKB: the scripts index.html loads (its module script and the modulepreloads of that
    // script's static imports), gzipped at level 9 as a static host would serve them. firstScenarioJsGzipKB:
    // every script the page requested until the default preset was on screen, which adds the lazily loaded
    // scenario validation and engine chunks.
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const entry = [
      ...html.matchAll(
        /<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.?\/?([^"]+)"/g,
      ),
    ].map((m) => `/${m[1]!}`);
    const first = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const scripts = new Set<string>();
    first.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
    });
    await first.goto(`${server.url}?lang=en`);
    await first.getByRole('slider', { name: 'Timeline' }).waitFor();
    await first.close();
    const gzipKB = (paths: Iterable<string>) => {
      let bytes = 0;
      for (const path of paths)
        bytes += gzipSync(readFileSync(join(outDir, path.replace(/^\//, ''))), { level: 9 }).length;
      return Number((bytes / 1024).toFixed(1));
    };

    // frameP95Ms: requestAnimationFrame intervals while the page plays through the busiest stretch at 1x.
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const fragment = encodeShareFragment(RPCS_IN_FLIGHT_SCENARIO as unknown as Scenario, startStep);
    await page.goto(`${server.url}?lang=en${fragment}`);
    const slider = page.getByRole('slider', { name: 'Timeline' });
    await slider.waitFor();
    // The share link's scenario replaces the default preset once the engine has run it.
    for (let tries = 0; (await slider.getAttribute('aria-valuenow')) !== String(startStep); tries++) {
      if (tries > 600) throw new Error(`the page never reached step ${startStep}`);
      await page.waitForTimeout(100);
    }
    await page.getByRole('combobox', { name: 'Pacing' }).selectOption('time');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.25');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const cdp = profile ? await page.context().newCDPSession(page) : null;
    await cdp?.send('Profiler.enable');
    await cdp?.send('Profiler.start');
    const intervals = (await page.evaluate(FRAME_SAMPLER)) as number[];
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
    const endStep = Number(await slider.getAttribute('aria-valuenow'));
    if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
    if (!(endStep > startStep)) throw new Error('the page did not play during the measurement');
    await page.close();
    const sorted = [...intervals].sort((a, b) => a - b);
    return {
      frameP95Ms: Number(percentile(sorted, 0.95).toFixed(1)),
      frameP50Ms: Number(percentile(sorted, 0.5).toFixed(1)),
      frameMaxMs: Number((sorted[sorted.length - 1] ?? 0).toFixed(1)),
      /** Intervals longer than one and a half 60 Hz frames: a frame the page missed. */
      droppedFrames: sorted.filter((ms) => ms > 25).length,
      frames: sorted.length,
      stepsPlayed: endStep - startStep,
      rpcsInFlight: busiest.inFlight,
      initialJsGzipKB: gzipKB(entry),
      initialJsFiles: entry.length,
      firstScenarioJsGzipKB: gzipKB(scripts),
      firstScenarioJsFiles: scripts.size,
    };
  } finally {
    await browser.close();
    await server.close();
    if (!profile) rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchBrowser()));
}
