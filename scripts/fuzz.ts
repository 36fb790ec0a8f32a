/**
 * `npm run fuzz [-- --cases N] [-- --seed S]`: random scenario JSON, valid and invalid, through validation,
 * the share link and (when src/sim/runScenario.ts exists) the engine; see test/unit/share/fuzzCore.ts for
 * what is generated and checked. Prints `N cases, M failed` last; exits 1 if any failed.
 */
import { loadEngine, runFuzz } from '../test/unit/share/fuzzCore';

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  const raw = inline !== undefined ? inline.slice(name.length + 3) : at >= 0 ? args[at + 1] : undefined;
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`--${name} takes a whole number from 0 (got ${raw})`);
    process.exit(2);
  }
  return n;
}

const cases = option('cases', 10_000);
const seed = option('seed', Date.now() % 2 ** 31);
const { engine, note } = await loadEngine();
console.log(note);
console.log(`seed ${seed} (repeat a run with --seed ${seed})`);
const started = Date.now();
const report = await runFuzz({
  cases,
  seed,
  engine,
  onProgress: (done) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done} / ${cases}`);
  },
});
if (process.stderr.isTTY) process.stderr.write('\n');
for (const example of report.examples) {
  console.log(`\ncase ${example.index}:`);
  for (const f of example.failures) console.log(`  ${f}`);
  console.log(`  input: ${example.input}`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `${report.valid} accepted, ${report.cases - report.valid} refused, ${report.engineRuns} engine runs, ${seconds} s`,
);
console.log(`${report.cases} cases, ${report.failed} failed`);
process.exit(report.failed > 0 ? 1 : 0);
