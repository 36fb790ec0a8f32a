import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../../src/scenario/validate';
import { runScenario } from '../../../src/sim/runScenario';
import { PackedTrace, PackedTraceBuilder, packTrace, transferList } from '../../../src/trace/packed';
import type { TraceArray, TraceEvent } from '../../../src/trace/types';
import { validScenario } from '../scenario/arbitraries';

const SCENARIOS = resolve(import.meta.dirname, '../../../public/scenarios');

/** Every event of `packed` prints as the original does, key order included. */
function expectSameJson(packed: PackedTrace, events: TraceArray): void {
  expect(packed.length).toBe(events.length);
  for (let i = 0; i < events.length; i++) {
    const got = JSON.stringify(packed.at(i));
    const want = JSON.stringify(events[i]);
    if (got !== want) expect({ index: i, got }).toEqual({ index: i, got: want });
  }
}

/** `kindAt` and `fieldAt` read what `at` builds, for every key and a key no event has. */
function expectSameFields(packed: PackedTrace): void {
  const wrong: string[] = [];
  for (let i = 0; i < packed.length; i++) {
    const event = packed.at(i)! as unknown as Record<string, unknown>;
    if (packed.kindAt(i) !== event.kind) wrong.push(`${i}.kind`);
    for (const key of Object.keys(event)) {
      if (JSON.stringify(packed.fieldAt(i, key)) !== JSON.stringify(event[key])) wrong.push(`${i}.${key}`);
    }
  }
  expect(wrong).toEqual([]);
}

/** What a worker's postMessage does to the parts: a structured clone, the buffers moved. */
function throughPostMessage(trace: PackedTrace): PackedTrace {
  const data = trace.toTransferable();
  return PackedTrace.fromTransferable(structuredClone(data, { transfer: transferList(data) }));
}

const ev = (seq: number, fields: Record<string, unknown>): TraceEvent =>
  ({ seq, t: seq, kind: 'x', code: { cls: 'C', method: 'm' }, ...fields }) as TraceEvent;

describe('PackedTrace', () => {
  it('gives back every preset trace byte for byte, also after crossing to another thread', () => {
    for (const file of readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'))) {
      const parsed = parseScenarioText(readFileSync(resolve(SCENARIOS, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
      const events = runScenario(parsed.scenario);
      const packed = packTrace(events);
      expectSameJson(packed, events);
      expectSameJson(throughPostMessage(packed), events);
      // Read field by field on a copy whose cache is empty, so fieldAt decodes from the bytes.
      const uncached = throughPostMessage(packTrace(events));
      const wrong: string[] = [];
      for (let i = 0; i < events.length; i++) {
        const event = events[i] as unknown as Record<string, unknown>;
        if (uncached.kindAt(i) !== event.kind) wrong.push(`${i}.kind`);
        for (const key of Object.keys(event)) {
          if (event[key] === undefined) continue;
          if (JSON.stringify(uncached.fieldAt(i, key)) !== JSON.stringify(event[key]))
            wrong.push(`${i}.${key}`);
        }
        if (uncached.fieldAt(i, 'noSuchField') !== undefined) wrong.push(`${i}.noSuchField`);
      }
      expect(wrong, file).toEqual([]);
      expectSameFields(packTrace(events));
    }
  });

  it('gives back the traces of random valid scenarios byte for byte', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const parsed = parseScenario(s);
        if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
        const events = runScenario(parsed.scenario);
        expectSameJson(throughPostMessage(packTrace(events)), events);
      }),
      { numRuns: 40, seed: 20261207 },
    );
  });

  it('keeps every kind of value exactly: ints, floats, big and negative numbers, strings, null, nesting', () => {
    const events: TraceEvent[] = [
      ev(0, {
        a: 1,
        b: -7,
        c: 2 ** 31,
        d: -(2 ** 31),
        e: 0.1 + 0.2,
        f: Number.MAX_SAFE_INTEGER,
        g: 2 ** 31 - 1,
      }),
      ev(1, { ms: 123_456.789, neg: -0.001, tiny: 1e-7, huge: 3e9 + 0.5, zero: -0, big: 2_147_483.648 }),
      ev(1, { s: '', u: 'é 发送 \u0000 "quoted"', n: null, yes: true, no: false }),
      ev(2, { list: [1, 'two', { three: [3] }], obj: { x: { y: null } } }),
      // Same kind, other optional keys and other value types: other shapes, same order as written.
      ev(3, { a: 'now a string', b: 1.5 }),
      ev(4, { code2: { cls: 'D', method: 'n' } }),
      { seq: 99, t: 5.125, kind: 'y', code: { cls: 'C', method: 'other' }, extra: 1 } as TraceEvent,
    ];
    expectSameJson(throughPostMessage(packTrace(events)), events);
  });

  it('reads like an array: at(-1), out of range, iteration', () => {
    const packed = packTrace([ev(0, {}), ev(1, { msgId: 'a' }), ev(2, {})]);
    expect(packed.at(-1)?.seq).toBe(2);
    expect(packed.at(3)).toBeUndefined();
    expect(packed.at(1.5)).toBeUndefined();
    expect([...packed].map((e) => e.seq)).toEqual([0, 1, 2]);
  });

  it('gives the same object when asked twice for a recent index (panels compare events by identity)', () => {
    const packed = packTrace(Array.from({ length: 10 }, (_, i) => ev(i, { msgId: `m${i}` })));
    expect(packed.at(4)).toBe(packed.at(4));
    expect(packed.at(4)).not.toBe(packed.at(5));
  });

  it('shares no object with the events it was built from', () => {
    const code = { cls: 'C', method: 'm' };
    const source = [{ seq: 0, t: 0, kind: 'x', code, list: [1] } as TraceEvent];
    const packed = packTrace(source);
    code.cls = 'changed';
    (source[0] as unknown as { list: number[] }).list.push(2);
    expect(JSON.stringify(packed.at(0))).toBe(
      '{"seq":0,"t":0,"kind":"x","code":{"cls":"C","method":"m"},"list":[1]}',
    );
  });

  it('is compact: a run of thousands of sends costs a few dozen bytes an event', () => {
    const parsed = parseScenario({
      version: 1,
      seed: 7,
      rocketmqVersion: '4.9.8',
      durationMs: 12_000,
      producer: { sendLatencyFaultEnable: true },
      brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
      topics: [{ name: 'T', readQueueNums: 4, writeQueueNums: 4 }],
      workload: [{ count: 5_000, ratePerSecond: 500, mode: 'ASYNC', topic: 'T' }],
      faults: [{ atMs: 4_000, kind: 'crash', broker: 'broker-b', durationMs: 3_000 }],
    });
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    const events = runScenario(parsed.scenario);
    const packed = packTrace(events);
    expect(packed.length).toBeGreaterThan(40_000);
    // About 24 today (src/cli/bench.ts prints it for a million events); objects cost some 300.
    expect(packed.byteLength / packed.length).toBeLessThan(32);
  });

  it('builds the same trace event by event as at once', () => {
    const events = [ev(0, { a: 1 }), ev(1, { a: 2.5 }), ev(2, { s: 'x' })];
    const builder = new PackedTraceBuilder();
    for (const e of events) builder.push(e);
    expect(builder.length).toBe(3);
    expectSameJson(builder.build(), events);
  });
});
