// `npm test`: every check and every test, unit, component, conformance and browser, then one summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['format', 'npm', ['run', '-s', 'format:check']],
];

let passed = 0;
let failed = 0;
const failures = [];

function run(name, command, args) {
  console.log(`\n== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

ensureChromium();

for (const [name, command, args] of steps) {
  if (run(name, command, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

mkdirSync('artifacts', { recursive: true });
const report = 'artifacts/vitest-report.json';
const vitestOk = run('vitest (unit, component, conformance, browser)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTests > 0) failures.push(`${json.numFailedTests} vitest test(s)`);
  if (!vitestOk && json.numFailedTests === 0) {
    failed++;
    failures.push('vitest run (a suite failed to load)');
  }
} else {
  failed++;
  failures.push('vitest produced no report');
}

console.log('');
if (failures.length) console.log(`failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
