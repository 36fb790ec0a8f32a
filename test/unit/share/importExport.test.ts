import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/scenario';
import {
  MAX_SCENARIO_FILE_BYTES,
  SCENARIO_MIME,
  TRACE_MIME,
  exportScenarioText,
  exportTraceJsonLines,
  importScenarioBytes,
  importScenarioFile,
  importScenarioText,
  scenarioBlob,
  scenarioFileName,
  traceBlob,
  traceFileName,
  type ImportResult,
} from '../../../src/share/importExport';
import type { TraceEvent } from '../../../src/trace/types';

const here = dirname(fileURLToPath(import.meta.url));
const SCENARIO: Scenario = {
  version: 1,
  rocketmqVersion: '5.3.3',
  id: 'lesson-1',
  title: { en: 'A <b>bold</b> title', zh: '标题' },
  brokers: [{ name: 'broker-a', role: 'SYNC_MASTER' }],
  producer: { sendMsgMaxTimeoutPerRequest: 1000 },
  workload: [{ count: 3, topic: 'TopicTest', mode: 'ASYNC' }],
};
const TRACE = readFileSync(join(here, '../../fixtures/traces/sync-retry-broker-error.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as TraceEvent);

function imported(r: ImportResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('scenario export', () => {
  it('writes the scenario as written, as JSON indented by two spaces and ending in a newline', () => {
    const text = exportScenarioText(SCENARIO);
    expect(text).toBe(`${JSON.stringify(SCENARIO, null, 2)}\n`);
    expect(text).not.toContain('sendMsgTimeout"'); // no defaults filled in
    expect(text.split('\n')[1]).toBe('  "version": 1,');
  });

  it('imports back to the same scenario and the same resolved scenario', () => {
    const r = imported(importScenarioText(exportScenarioText(SCENARIO)));
    expect(r.scenario).toEqual(SCENARIO);
    expect(r.resolved.producer.sendMsgMaxTimeoutPerRequest).toBe(1000);
    expect(r.resolved.title).toEqual(SCENARIO.title);
  });

  it('puts the text in a JSON Blob', async () => {
    const blob = scenarioBlob(SCENARIO);
    expect(blob.type).toBe(SCENARIO_MIME);
    expect(await blob.text()).toBe(exportScenarioText(SCENARIO));
  });

  it('names files after the scenario id, keeping only safe characters', () => {
    expect(scenarioFileName(SCENARIO)).toBe('lesson-1.json');
    expect(scenarioFileName({})).toBe('scenario.json');
    expect(scenarioFileName({ id: '../../etc/passwd' })).toBe('_.._etc_passwd.json');
    expect(scenarioFileName({ id: '<script>' })).toBe('_script_.json');
    expect(traceFileName(SCENARIO)).toBe('lesson-1.trace.jsonl');
    expect(traceFileName(null)).toBe('trace.jsonl');
  });
});

describe('scenario import', () => {
  it('reads UTF-8 bytes, skipping a byte-order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${exportScenarioText(SCENARIO)}`);
    expect(bytes[0]).toBe(0xef);
    expect(imported(importScenarioBytes(bytes)).scenario).toEqual(SCENARIO);
  });

  it('refuses bytes that are not UTF-8', () => {
    const r = importScenarioBytes(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['share.badUtf8']);
  });

  it('refuses more bytes than the cap without decoding them', () => {
    const r = importScenarioBytes(new Uint8Array(MAX_SCENARIO_FILE_BYTES + 1));
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.params.size])).toEqual([
      ['share.fileTooLarge', MAX_SCENARIO_FILE_BYTES + 1],
    ]);
  });

  it('reads a File or Blob from a file input', async () => {
    const file = new Blob([exportScenarioText(SCENARIO)], { type: 'application/json' });
    expect(imported(await importScenarioFile(file)).scenario).toEqual(SCENARIO);
  });

  it('turns a file that cannot be read into a message instead of a rejected promise', async () => {
    const broken = {
      size: 10,
      arrayBuffer: () => Promise.reject(new Error('NotReadableError: the file changed')),
    } as unknown as Blob;
    const r = await importScenarioFile(broken);
    expect(r.ok ? null : r.errors[0]).toMatchObject({
      code: 'share.readFailed',
      message: 'The file could not be read (NotReadableError: the file changed).',
    });
  });

  it('names the field of every scenario error and keeps the JSON path', () => {
    const r = importScenarioText(
      '{"version":1,"rocketmqVersion":"4.5.2","brokers":[{"name":"a","role":"BOSS"}]}',
    );
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.path])).toEqual([
      ['share.invalidScenario', 'brokers[0].role'],
    ]);
  });

  it('names the field that holds NaN, with line and column', () => {
    const r = importScenarioText('{\n  "version": 1,\n  "producer": {\n    "sendMsgTimeout": NaN\n  }\n}');
    expect(r.ok ? null : r.errors[0]).toMatchObject({
      code: 'share.badNumber',
      path: 'producer.sendMsgTimeout',
      params: { token: 'NaN', line: 4, column: 23 },
    });
  });
});

describe('trace export', () => {
  it('writes one JSON line per event, each ending in a newline, that parse back to the events', () => {
    const text = exportTraceJsonLines(TRACE);
    const lines = text.split('\n');
    expect(lines).toHaveLength(TRACE.length + 1);
    expect(lines[lines.length - 1]).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l) as unknown)).toEqual(TRACE);
    expect(exportTraceJsonLines([])).toBe('');
  });

  it('puts the same lines in an NDJSON Blob', async () => {
    const blob = traceBlob(TRACE);
    expect(blob.type).toBe(TRACE_MIME);
    expect(await blob.text()).toBe(exportTraceJsonLines(TRACE));
  });
});
