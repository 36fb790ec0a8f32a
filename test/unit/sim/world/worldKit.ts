/**
 * Helpers for the world-simulation tests: run a scenario written as a plain object, and read the trace.
 * Not a test file itself.
 */
import { expect } from 'vitest';
import { parseScenario } from '../../../../src/scenario/validate';
import type { ResolvedScenario } from '../../../../src/scenario/defaults';
import { runScenario } from '../../../../src/sim/runScenario';
import type { TraceArray, TraceEvent } from '../../../../src/trace/types';

export type Ev = TraceEvent & Record<string, unknown>;

/** Validates and resolves a scenario object; fails the test on a validation error. */
export function resolve(input: unknown): ResolvedScenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) {
    expect.fail(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  }
  return parsed.scenario;
}

export function run(input: unknown): Ev[] {
  return runScenario(resolve(input)) as Ev[];
}

export function ofKind(trace: TraceArray | Ev[], kind: string): Ev[] {
  return (trace as Ev[]).filter((e) => e.kind === kind);
}

export function results(trace: Ev[]): Ev[] {
  return ofKind(trace, 'send.result');
}

/** Two healthy masters holding TopicTest with `queues` read/write queues each. */
export function twoBrokers(version: '4.5.2' | '4.9.8' | '5.3.3', queues = 4): Record<string, unknown> {
  return {
    version: 1,
    rocketmqVersion: version,
    seed: 7,
    brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
    topics: [{ name: 'TopicTest', readQueueNums: queues, writeQueueNums: queues }],
  };
}
