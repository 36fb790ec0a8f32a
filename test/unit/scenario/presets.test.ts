/**
 * Every classroom preset in public/scenarios validates, runs, keeps the trace invariants, has a narration
 * whose steps point at events of its trace, and tells a story that really happens in that trace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/validate';
import { runScenario } from '../../../src/sim/runScenario';

type Ev = { seq: number; kind: string; [k: string]: unknown };
type At = number | { kind?: string; msgId?: string; nth?: number };

const dir = join(__dirname, '../../../public/scenarios');
const ids = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

const cache = new Map<string, { json: Record<string, unknown>; trace: Ev[] }>();
function load(id: string): { json: Record<string, unknown>; trace: Ev[] } {
  let hit = cache.get(id);
  if (!hit) {
    const json = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as Record<string, unknown>;
    const parsed = parseScenario(json);
    if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.errors)}`);
    hit = { json, trace: runScenario(parsed.scenario) as unknown as Ev[] };
    cache.set(id, hit);
  }
  return hit;
}

function resolve(trace: Ev[], at: At): Ev | undefined {
  if (typeof at === 'number') return trace[at];
  const matches = trace.filter(
    (e) => (at.kind === undefined || e.kind === at.kind) && (at.msgId === undefined || e.msgId === at.msgId),
  );
  return matches[(at.nth ?? 1) - 1];
}

const of = (t: Ev[], kind: string): Ev[] => t.filter((e) => e.kind === kind);
const results = (t: Ev[]): Ev[] => of(t, 'send.result');
const failed = (t: Ev[]): Ev[] => results(t).filter((e) => e.status !== 'SEND_OK');

/** Stored order (send-call indexes) of the messages of one key. */
function storedOrder(t: Ev[], key: string): number[] {
  const index = new Map<unknown, number>();
  for (const c of of(t, 'send.call')) if (c.key === key) index.set(c.msgId, c.index as number);
  return of(t, 'broker.store')
    .filter((e) => index.has(e.msgId))
    .map((e) => index.get(e.msgId)!);
}

/** The failed first attempt and what became of that message. */
function retryStory(t: Ev[]): { select: Ev | undefined; result: Ev | undefined } {
  const fail = of(t, 'attempt.end').find((e) => e.outcome !== 'SEND_OK')!;
  expect(fail).toBeDefined();
  return {
    select: of(t, 'queue.select').find(
      (e) => e.msgId === fail.msgId && e.attempt === (fail.attempt as number) + 1,
    ),
    result: results(t).find((e) => e.msgId === fail.msgId),
  };
}

const stories: Record<string, (t: Ev[]) => void> = {
  'happy-path-sync': (t) => {
    expect(results(t).every((e) => e.status === 'SEND_OK' && e.viaCallback === false)).toBe(true);
    expect(of(t, 'route.lookup').map((e) => e.source)).toEqual(['namesrv', ...Array(7).fill('cache')]);
  },
  'happy-path-async': (t) => {
    expect(of(t, 'executor.run').length).toBeGreaterThanOrEqual(8);
    expect(results(t).every((e) => e.status === 'SEND_OK' && e.viaCallback === true)).toBe(true);
  },
  'happy-path-oneway': (t) => {
    expect(of(t, 'broker.store').length).toBeGreaterThanOrEqual(7);
    expect(of(t, 'rpc.response').filter((e) => e.name === 'SEND_MESSAGE_V2')).toHaveLength(0);
    expect(of(t, 'attempt.end').every((e) => e.attempt === 0)).toBe(true);
  },
  'broker-crash-mid-run': (t) => {
    const iso = of(t, 'fault.update').find((e) => e.isolation === true && e.brokerName === 'broker-b');
    expect(iso).toBeDefined();
    const later = of(t, 'queue.select').filter((e) => e.seq > iso!.seq);
    expect(later.length).toBeGreaterThan(10);
    expect(later.every((e) => e.brokerName === 'broker-a')).toBe(true);
    // The failed send's budget check passes at exactly its timeout, its retries leave with 0 ms, and one
    // of them is stored although the send reports a failure.
    const f = failed(t)[0]!;
    const checks = of(t, 'budget.check').filter((e) => e.msgId === f.msgId && e.where === 'sendDefaultImpl');
    expect(checks.some((e) => e.ok === true && e.costMs === e.timeoutMs)).toBe(true);
    expect(of(t, 'broker.store').some((e) => e.msgId === f.msgId)).toBe(true);
  },
  'slow-broker-eats-budget': (t) => {
    const f = failed(t);
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]!.message).toContain('Send [3] times, still failed');
    expect(of(t, 'attempt.end').some((e) => String(e.error).includes('timeout, 0(ms)'))).toBe(true);
  },
  'system-busy-burst': (t) => {
    const busy = results(t).filter((e) => e.responseCode === 2);
    expect(busy.length).toBeGreaterThan(100);
    expect(String(busy[0]!.message)).toContain('[TIMEOUT_CLEAN_QUEUE]broker busy');
    expect(of(t, 'rpc.response').some((e) => e.responseCode === 2)).toBe(true);
  },
  'producer-startup': (t) => {
    const r = results(t);
    expect(r[0]!.message).toContain('The producer service state not OK, CREATE_JUST');
    expect(of(t, 'producer.state')[0]!.serviceState).toBe('RUNNING');
    expect(r.slice(1).every((e) => e.status === 'SEND_OK')).toBe(true);
  },
  'tbw102-auto-create': (t) => {
    expect(of(t, 'route.lookup').some((e) => e.source === 'default-topic')).toBe(true);
    expect(of(t, 'broker.topicCreate')).toHaveLength(1);
    expect(results(t).every((e) => e.status === 'SEND_OK')).toBe(true);
  },
  'stale-route-no-fault-avoidance': (t) => {
    expect(of(t, 'fault.update')).toHaveLength(0);
    expect(failed(t).length).toBeGreaterThanOrEqual(2);
    expect(
      of(t, 'queue.select').filter((e) => (e.t as number) > 2000 && e.brokerName === 'broker-b').length,
    ).toBeGreaterThan(2);
  },
  'retry-another-broker': (t) => {
    const { select, result } = retryStory(t);
    expect(select!.lastBrokerName).toBe('broker-a');
    expect(select!.brokerName).toBe('broker-b');
    expect(result!.status).toBe('SEND_OK');
  },
  'per-request-timeout-5x': (t) => {
    expect(of(t, 'attempt.end').some((e) => String(e.error).includes('timeout, 1000(ms)'))).toBe(true);
    const { select, result } = retryStory(t);
    expect(select!.brokerName).toBe('broker-b');
    expect(result!.status).toBe('SEND_OK');
    expect(failed(t)).toHaveLength(0);
  },
  'async-executor-saturation': (t) => {
    expect(results(t).some((e) => String(e.message).startsWith('executor rejected'))).toBe(true);
    expect(results(t).some((e) => e.message === 'DEFAULT ASYNC send call timeout' && e.viaCallback)).toBe(
      true,
    );
  },
  'ordering-sync-vs-async': (t) => {
    expect(storedOrder(t, 'order-sync')).toEqual([...Array(12).keys()]);
    const async = storedOrder(t, 'order-async');
    expect(async).toHaveLength(12);
    expect(async).not.toEqual([...async].sort((a, b) => a - b));
  },
  'write-read-queues': (t) => {
    const q = of(t, 'broker.store').map((e) => e.queueId as number);
    expect(Math.max(...q)).toBe(5);
    expect(q.some((x) => x >= 4)).toBe(true);
  },
  'duplicate-after-timeout': (t) => {
    const dup = of(t, 'broker.store').find((e) => e.duplicate === true);
    expect(dup).toBeDefined();
    const first = of(t, 'broker.store').find((e) => e.msgId === dup!.msgId)!;
    expect(first.duplicate).toBe(false);
    expect(first.broker).not.toBe(dup!.broker);
  },
  'selection-quirk-4-5-2': (t) => {
    const { select } = retryStory(t);
    expect(select!.path).toBe('notBestBroker');
    expect((select!.skipped as { reason: string }[]).some((s) => s.reason === 'notLastBroker')).toBe(true);
  },
  'selection-quirk-4-9-8': (t) => {
    const { select } = retryStory(t);
    expect(select!.path).toBe('available');
    expect(select!.brokerName).toBe('broker-b');
  },
};

describe('classroom presets', () => {
  it('are at least fourteen, each with a story check', () => {
    expect(ids.length).toBeGreaterThanOrEqual(14);
    expect(ids.filter((id) => !(id in stories))).toEqual([]);
  });

  describe.each(ids)('%s', (id) => {
    it('validates, runs and keeps the trace invariants', () => {
      const { json, trace } = load(id);
      expect(json.id).toBe(id);
      expect(trace.some((e) => e.kind === 'sim.error')).toBe(false);
      const end = trace[trace.length - 1]!;
      expect(end.kind).toBe('sim.end');
      const inFlight = new Set(end.inFlight as string[]);
      const calls = of(trace, 'send.call').map((e) => e.msgId as string);
      const done = results(trace).map((e) => e.msgId as string);
      expect(new Set(done).size).toBe(done.length);
      for (const m of calls) expect(done.includes(m) || inFlight.has(m)).toBe(true);
    });

    it('has a narration in en and zh whose steps point at events of its trace', () => {
      const { json, trace } = load(id);
      const n = json.narration as {
        steps: { at: At; title: { en: string; zh: string } }[];
        conclusion: { en: string; zh: string };
      };
      expect(n.steps.length).toBeGreaterThanOrEqual(3);
      expect(n.steps.length).toBeLessThanOrEqual(5);
      expect(n.conclusion.en.length * n.conclusion.zh.length).toBeGreaterThan(0);
      for (const s of n.steps) expect(resolve(trace, s.at), JSON.stringify(s.at)).toBeDefined();
    });

    it('tells a story that holds in the trace', () => {
      stories[id]!(load(id).trace);
    });
  });
});
