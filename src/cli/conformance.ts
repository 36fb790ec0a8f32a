// `npm run conformance -- DIR`: replays every case file in DIR; prints a line per failing case and a summary.
import { existsSync, statSync } from 'node:fs';
import { replayDirectory } from '../conformance/replay';

const dirs = process.argv.slice(2).filter((arg) => arg !== '--');
if (dirs.length === 0) {
  console.error('usage: npm run conformance -- DIR [DIR ...]');
  process.exit(2);
}
let passed = 0;
let failed = 0;
for (const dir of dirs) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`not a directory: ${dir}`);
    process.exit(2);
  }
  for (const report of replayDirectory(dir)) {
    if (report.outcome.ok) {
      passed++;
    } else {
      failed++;
      console.log(`FAIL ${report.family} ${report.version} ${report.name}: ${report.outcome.reason}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
