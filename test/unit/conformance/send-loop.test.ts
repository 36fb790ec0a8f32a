import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replayDirectory } from '../../../src/conformance/replay';

const DIR = fileURLToPath(new URL('../../../../shared/conformance-sendloop', import.meta.url));

describe('send-loop conformance (../shared/conformance-sendloop)', () => {
  it('replays every recorded case of every family and version with no failure', () => {
    const reports = replayDirectory(DIR);
    const failures = reports
      .filter((r) => !r.outcome.ok)
      .map((r) => `${r.family} ${r.version} ${r.name}: ${r.outcome.ok ? '' : r.outcome.reason}`);
    expect(reports.length).toBeGreaterThan(400);
    expect(failures, `failing cases:\n${failures.join('\n')}`).toEqual([]);
  });

  it('covers all five families in all three versions', () => {
    const seen = new Set(replayDirectory(DIR).map((r) => `${r.family}@${r.version}`));
    for (const family of ['send-sync', 'send-async-deprecated', 'send-select', 'send-oneway', 'state']) {
      for (const version of ['4.5.2', '4.9.8', '5.3.3']) expect(seen.has(`${family}@${version}`)).toBe(true);
    }
  });
});
