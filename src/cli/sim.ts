// `npm run sim -- FILE.json`: validates a scenario and prints its trace as JSON lines (DESIGN.md, CLI).
// An invalid scenario prints every problem with its JSON path on stderr and exits 2.
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../scenario/validate';
import { runScenario } from '../sim/runScenario';

function main(): number {
  const files = process.argv.slice(2).filter((arg) => arg !== '--');
  if (files.length !== 1) {
    process.stderr.write('usage: npm run sim -- FILE.json\n');
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    for (const error of parsed.errors) {
      process.stderr.write(`${file}: ${error.path === '' ? '(scenario)' : error.path}: ${error.message}\n`);
    }
    return 2;
  }
  const trace = runScenario(parsed.scenario);
  // Written in chunks: a trace can hold millions of events.
  let chunk: string[] = [];
  for (const event of trace) {
    chunk.push(JSON.stringify(event));
    if (chunk.length >= 10000) {
      process.stdout.write(chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) process.stdout.write(chunk.join('\n') + '\n');
  return 0;
}

process.exitCode = main();
