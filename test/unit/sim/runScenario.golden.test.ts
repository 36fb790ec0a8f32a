/**
 * Golden traces: each example scenario of public/scenarios runs to exactly the trace stored in
 * test/golden/<id>.jsonl. A change of the engine or the client that changes a trace fails here, so the new
 * trace gets reviewed. To accept the new traces:
 *
 *   UPDATE_GOLDEN=1 npx vitest run --project unit test/unit/sim/runScenario.golden.test.ts
 *
 * then read the diff of test/golden/ before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/scenario/validate';
import { runScenario } from '../../../src/sim/runScenario';

const ROOT = join(__dirname, '..', '..', '..');
const SCENARIOS = join(ROOT, 'public', 'scenarios');
const GOLDEN = join(ROOT, 'test', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function traceText(file: string): string {
  const parsed = parseScenarioText(readFileSync(join(SCENARIOS, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}`);
  return runScenario(parsed.scenario)
    .map((e) => JSON.stringify(e))
    .join('\n')
    .concat('\n');
}

const files = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('golden traces of the example scenarios', () => {
  it('has an example scenario to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const id = file.slice(0, -'.json'.length);
    const goldenFile = join(GOLDEN, `${id}.jsonl`);
    if (!update && !existsSync(goldenFile)) {
      // A new example: its first trace must be reviewed, so it is written only on request.
      it.todo(`${id}: no golden trace yet (UPDATE_GOLDEN=1, then review test/golden/${id}.jsonl)`);
      continue;
    }
    it(`${id} runs to the trace in test/golden/${id}.jsonl`, () => {
      const actual = traceText(file);
      if (update) {
        writeFileSync(goldenFile, actual);
        return;
      }
      const expected = readFileSync(goldenFile, 'utf8');
      if (actual === expected) return;
      const a = actual.split('\n');
      const b = expected.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(
        `${id}: the trace differs from test/golden/${id}.jsonl first at line ${line + 1} ` +
          `(${a.length - 1} events now, ${b.length - 1} in the golden file)\n` +
          `now:    ${String(a[line]).slice(0, 400)}\ngolden: ${String(b[line]).slice(0, 400)}\n` +
          'If the change is intended: UPDATE_GOLDEN=1 npx vitest run --project unit test/unit/sim/runScenario.golden.test.ts',
      );
    });
  }
});
