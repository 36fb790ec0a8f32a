import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseScenario } from '../../../src/scenario';
import { shareUrl } from '../../../src/share/shareLink';
import { validScenario } from '../scenario/arbitraries';
import {
  DEFAULT_PRESET,
  loadScenario,
  pageEngine,
  presetUrl,
  readPresetParam,
  type ScenarioEngine,
} from '../../../src/app/loadScenario';
import { createAppStore } from '../../../src/store/appStore';
import type { TraceArray } from '../../../src/trace/types';
import { readTrace } from '../../fixtures/traces/readTrace';

function fakeWindow(href: string): Window {
  const url = new URL(href);
  return { location: { href: url.href, search: url.search, hash: url.hash } } as unknown as Window;
}

const newStore = () => createAppStore({ ui: { lang: 'en', theme: 'light' } });

function engine(trace: TraceArray, problems: string[] = []): ScenarioEngine & { ran: unknown[] } {
  const ran: unknown[] = [];
  return {
    ran,
    validate: async (text) => {
      const doc = JSON.parse(text) as unknown;
      return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario: doc };
    },
    simulate: async (scenario) => {
      ran.push(scenario);
      return trace;
    },
  };
}

describe('readPresetParam and presetUrl', () => {
  it('reads a preset id and refuses anything that is not a file name', () => {
    expect(readPresetParam('?preset=broker-down_1.v2')).toBe('broker-down_1.v2');
    expect(readPresetParam('?lang=en')).toBeNull();
    expect(readPresetParam('?preset=')).toBeNull();
    expect(readPresetParam('?preset=../secret')).toEqual({ invalid: '../secret' });
    expect(readPresetParam('?preset=a%2Fb')).toEqual({ invalid: 'a/b' });
  });

  it('resolves the preset file against the page, so a sub-path works', () => {
    expect(presetUrl('x', 'http://h/course/sendpath/?preset=x&lang=en')).toBe(
      'http://h/course/sendpath/scenarios/x.json',
    );
    expect(presetUrl('x', 'http://h/index.html')).toBe('http://h/scenarios/x.json');
  });
});

describe('loadScenario', () => {
  const trace = readTrace('sync-retry-broker-error');

  it('fetches, validates and runs the preset, then shows scenario and trace with the cursor from the URL', async () => {
    const store = newStore();
    const fetched: string[] = [];
    const e = engine(trace);
    await loadScenario(fakeWindow('http://h/app/?preset=retry&step=9'), store, {
      engine: e,
      fetchText: async (url) => {
        fetched.push(url);
        return '{"id":"retry"}';
      },
    });
    expect(fetched).toEqual(['http://h/app/scenarios/retry.json']);
    expect(e.ran).toEqual([{ id: 'retry' }]);
    expect(store.getState()).toMatchObject({ presetId: 'retry', loadStatus: 'ready', step: 9, trace });
  });

  it('ignores a step that is not a whole number, and clamps one past the end', async () => {
    const store = newStore();
    await loadScenario(fakeWindow('http://h/?preset=p&step=-3'), store, {
      engine: engine(trace),
      fetchText: async () => '{}',
    });
    expect(store.getState().step).toBe(0);
    const again = newStore();
    await loadScenario(fakeWindow('http://h/?preset=p&step=99999'), again, {
      engine: engine(trace),
      fetchText: async () => '{}',
    });
    expect(again.getState().step).toBe(trace.length);
  });

  it('lists validation problems, and with nothing on screen before shows no trace', async () => {
    const store = newStore();
    await loadScenario(fakeWindow('http://h/?preset=bad'), store, {
      engine: engine(trace, ['brokers: must have at least 1 item']),
      fetchText: async () => '{}',
    });
    expect(store.getState().loadStatus).toBe('error');
    expect(store.getState().loadProblems).toEqual(['preset "bad": brokers: must have at least 1 item']);
    expect(store.getState().trace.length).toBe(0);
  });

  it('keeps the last good trace when a later load fails to fetch', async () => {
    const store = newStore();
    const other = readTrace('async-executor-timeout');
    store.getState().setTrace(other);
    await loadScenario(fakeWindow('http://h/?preset=missing'), store, {
      engine: engine(trace),
      fetchText: async () => {
        throw new Error('HTTP 404');
      },
    });
    expect(store.getState().trace).toBe(other);
    expect(store.getState().loadProblems).toEqual(['preset "missing": could not be read (HTTP 404)']);
  });

  it('reports a simulation that throws instead of throwing itself', async () => {
    const store = newStore();
    await loadScenario(fakeWindow('http://h/?preset=p'), store, {
      engine: {
        validate: async () => ({ ok: true, scenario: {} }),
        simulate: () => Promise.reject(new Error('boom')),
      },
      fetchText: async () => '{}',
    });
    expect(store.getState().loadProblems).toEqual(['preset "p": the simulation failed (boom)']);
  });

  it('refuses a preset id that is not a file name without fetching anything', async () => {
    const store = newStore();
    let fetched = false;
    await loadScenario(fakeWindow('http://h/?preset=..%2F..%2Fetc'), store, {
      engine: engine(trace),
      fetchText: async () => {
        fetched = true;
        return '{}';
      },
    });
    expect(fetched).toBe(false);
    expect(store.getState().loadStatus).toBe('error');
  });

  it('opens the default preset when the URL names none', async () => {
    const store = newStore();
    const fetched: string[] = [];
    await loadScenario(fakeWindow('http://h/app/?lang=en&step=4'), store, {
      engine: engine(trace),
      fetchText: async (url) => {
        fetched.push(url);
        return '{}';
      },
    });
    expect(fetched).toEqual([`http://h/app/scenarios/${DEFAULT_PRESET}.json`]);
    expect(store.getState()).toMatchObject({ loadStatus: 'ready', step: 4, presetId: DEFAULT_PRESET, trace });
  });
});

describe('random scenarios through the page address', () => {
  it('opens a share link exactly as written: the engine runs the same scenario, the cursor is at its step', async () => {
    const trace = readTrace('sync-retry-broker-error');
    await fc.assert(
      fc.asyncProperty(validScenario, fc.nat({ max: trace.length }), async (s, step) => {
        const parsed = parseScenario(s);
        if (!parsed.ok) throw new Error('the arbitrary made an invalid scenario');
        // JSON keeps everything a scenario holds except -0.
        const expected = JSON.parse(JSON.stringify(parsed.scenario)) as unknown;
        const e = engine(trace);
        const store = newStore();
        await loadScenario(fakeWindow(shareUrl('http://h/course/sendpath/?lang=zh', s, step)), store, {
          engine: e,
        });
        expect(store.getState().loadProblems).toEqual([]);
        expect(e.ran).toEqual([expected]);
        expect(store.getState()).toMatchObject({ loadStatus: 'ready', step, presetId: null, trace });
        expect(store.getState().scenario).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('DEFAULT_PRESET', () => {
  it('is a preset of public/scenarios whose trace shows a failed attempt retried on another broker', async () => {
    const text = readFileSync(
      new URL(`../../../public/scenarios/${DEFAULT_PRESET}.json`, import.meta.url),
      'utf8',
    );
    const outcome = await pageEngine.validate(text);
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    const trace = await pageEngine.simulate(outcome.scenario);
    const ends = [...trace].filter((e) => e.kind === 'attempt.end') as unknown as {
      msgId: string;
      attempt: number;
      outcome: string;
      brokerName: string;
    }[];
    const failed = ends.find((e) => e.attempt === 0 && e.outcome !== 'SEND_OK');
    expect(failed).toBeDefined();
    const retry = ends.find((e) => e.msgId === failed!.msgId && e.attempt === 1);
    expect(retry).toMatchObject({ outcome: 'SEND_OK' });
    expect(retry!.brokerName).not.toBe(failed!.brokerName);
  });
});

describe('pageEngine', () => {
  it('validates preset text with the scenario module and names the bad field', async () => {
    const { pageEngine } = await import('../../../src/app/loadScenario');
    const outcome = await pageEngine.validate('{"version": 1, "brokers": "none"}');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.join('\n')).toMatch(/brokers/);
  });

  it('says what is wrong in the page language: English as the CLI prints it, or Chinese', async () => {
    const { pageEngine } = await import('../../../src/app/loadScenario');
    const { parseScenarioText } = await import('../../../src/scenario');
    const text = '{"version": 1, "rocketmqVersion": "4.9.8", "brokers": [], "durationMs": -5}';
    const cli = parseScenarioText(text);
    if (cli.ok) throw new Error('the scenario should be invalid');
    const en = await pageEngine.validate(text, 'en');
    const zh = await pageEngine.validate(text, 'zh-CN');
    if (en.ok || zh.ok) throw new Error('the scenario should be invalid');
    expect(en.problems).toEqual(cli.errors.map((e) => `${e.path}: ${e.message}`));
    expect(zh.problems).toHaveLength(en.problems.length);
    for (const line of zh.problems) expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.problems.join('\n')).toContain('durationMs');
  });
});
