import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workloadSendTimeMs } from '../../../src/scenario/defaults';
import { parseScenarioText, formatScenarioErrors } from '../../../src/scenario/validate';

const DIR = join(__dirname, '../../../public/scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

const REQUIRED = [
  'happy-path-sync',
  'happy-path-async',
  'happy-path-oneway',
  'broker-crash-mid-run',
  'slow-broker-eats-budget',
  'system-busy-burst',
];

describe('the example scenarios in public/scenarios', () => {
  it('include the six presets the issue asks for', () => {
    const ids = files.map((f) => f.replace(/\.json$/, ''));
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const result = parseScenarioText(text);

    it('validates', () => {
      expect(result.ok ? '' : formatScenarioErrors(result.errors)).toBe('');
    });

    it('has an id equal to its file name and a title and description in en and zh', () => {
      if (!result.ok) throw new Error('invalid');
      const s = result.scenario;
      expect(s.id).toBe(file.replace(/\.json$/, ''));
      for (const t of [s.title, s.description]) {
        expect(t?.en.trim().length).toBeGreaterThan(0);
        expect(t?.zh.trim().length).toBeGreaterThan(0);
        expect(t?.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('sends at least one message', () => {
      if (!result.ok) throw new Error('invalid');
      expect(result.scenario.workload.reduce((n, w) => n + w.count, 0)).toBeGreaterThan(0);
    });
  });

  it('show a mid-run crash with latency fault tolerance on in broker-crash-mid-run', () => {
    const r = parseScenarioText(readFileSync(join(DIR, 'broker-crash-mid-run.json'), 'utf8'));
    if (!r.ok) throw new Error('invalid');
    expect(r.scenario.producer.sendLatencyFaultEnable).toBe(true);
    const crash = r.scenario.faults.find((f) => f.kind === 'crash');
    const lastSend = Math.max(...r.scenario.workload.map((w) => workloadSendTimeMs(w, w.count - 1)));
    expect(crash?.atMs).toBeGreaterThan(0);
    expect(crash?.atMs).toBeLessThan(lastSend);
  });
});
