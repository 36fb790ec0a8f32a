/**
 * The CLI contract (DESIGN.md): `npm run sim -- FILE.json` prints the trace as JSON lines and exits 0; an
 * invalid scenario prints every problem with its JSON path on stderr and exits 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function sim(file: string) {
  return spawnSync(TSX, [join(ROOT, 'src', 'cli', 'sim.ts'), file], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run sim', () => {
  it('prints a valid scenario as one JSON event per line, ending with sim.end, and exits 0', () => {
    const out = sim(join(ROOT, 'public', 'scenarios', 'happy-path-sync.json'));
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    const events = lines.map((l) => JSON.parse(l) as { seq: number; kind: string });
    expect(events.map((e) => e.seq)).toEqual([...events.keys()]);
    expect(events.at(-1)?.kind).toBe('sim.end');
  }, 30_000);

  it('prints every problem of an invalid scenario with its JSON path and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sendpath-sim-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ version: 1, rocketmqVersion: '4.9.9', brokers: [], producer: { sendMsgTimeout: -1 } }),
    );
    const out = sim(file);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('rocketmqVersion: ');
    expect(out.stderr).toContain('producer.sendMsgTimeout: ');
    expect(out.stderr).toContain('brokers: ');
  }, 30_000);
});
