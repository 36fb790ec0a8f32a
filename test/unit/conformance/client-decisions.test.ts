import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFaultStrategyCase } from '../../../src/conformance/families/fault-strategy';
import { runLatencyToleranceCase } from '../../../src/conformance/families/latency-tolerance';
import { replayDirectory } from '../../../src/conformance/replay';
import type { ConformanceFile } from '../../../src/conformance/types';

// ../shared/conformance, next to the repository.
const CASES_DIR = resolve(process.cwd(), '../shared/conformance');
const VERSIONS = ['4.5.2', '4.9.8', '5.3.3'];

function caseFile(family: string, version: string): ConformanceFile {
  return JSON.parse(readFileSync(join(CASES_DIR, `${family}-${version}.json`), 'utf8')) as ConformanceFile;
}

describe('client decision conformance (../shared/conformance)', () => {
  it('replays every recorded case with no failure', () => {
    const reports = replayDirectory(CASES_DIR);
    const families = new Set(reports.map((r) => r.family));
    expect([...families].sort()).toEqual([
      'fault-strategy',
      'latency-tolerance',
      'route-to-publish-info',
      'selector-hash',
    ]);
    const failures = reports
      .filter((r) => !r.outcome.ok)
      .map((r) => `${r.family} ${r.version} ${r.name}: ${r.outcome.ok ? '' : r.outcome.reason}`);
    expect(failures, failures.join('\n')).toEqual([]);
    expect(reports.length).toBeGreaterThanOrEqual(406);
  });

  it('also reproduces the fault-strategy debug fields: path, counters, pick and 4.5.2 list rewrites', () => {
    const failures: string[] = [];
    for (const version of VERSIONS) {
      for (const testCase of caseFile('fault-strategy', version).cases) {
        const outcome = runFaultStrategyCase(version, testCase, { checkDebug: true });
        if (!outcome.ok) failures.push(`${version} ${testCase.name}: ${outcome.reason}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('picks exactly what the JVM picked even where candidates would allow another (seeded shuffle, hash order)', () => {
    const failures: string[] = [];
    for (const version of VERSIONS) {
      for (const testCase of caseFile('latency-tolerance', version).cases) {
        const exact = {
          ...testCase,
          expected: testCase.expected.map(({ candidates: _candidates, ...rest }) => rest),
        };
        const outcome = runLatencyToleranceCase(version, exact);
        if (!outcome.ok) failures.push(`${version} ${testCase.name}: ${outcome.reason}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('reports a wrong replay as a failure that names the op and the field', () => {
    const outcome = runFaultStrategyCase('4.9.8', {
      name: 'tampered',
      input: {
        brokers: [{ name: 'broker-a', writeQueueNums: 1, readQueueNums: 1, perm: 6 }],
        sendLatencyFaultEnable: false,
        startIndex: 0,
        ops: [{ op: 'select', lastBrokerName: null }],
      },
      expected: [{ op: 'select', brokerName: 'broker-a', queueId: 1 }],
    });
    expect(outcome).toEqual({ ok: false, reason: 'op 0 (select): queueId expected 1, got 0' });
  });
});
