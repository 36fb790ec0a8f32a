import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/scenario';
import {
  LAST_GOOD_KEY,
  MAX_STORED_CHARS,
  browserStorage,
  clearLastGood,
  loadLastGood,
  saveLastGood,
  type StorageLike,
} from '../../../src/share/lastGood';

const GOOD: Scenario = {
  version: 1,
  rocketmqVersion: '4.5.2',
  brokers: [{ name: 'broker-a' }],
  workload: [{ count: 2, topic: 'TopicTest' }],
};
const OTHER: Scenario = { ...GOOD, seed: 99 };

/** Web Storage in memory, with an optional quota in characters and a switch that makes every call throw. */
class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  broken: Error | null = null;
  constructor(private readonly quota = Infinity) {}
  getItem(key: string): string | null {
    if (this.broken) throw this.broken;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.broken) throw this.broken;
    if (value.length > this.quota)
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.broken) throw this.broken;
    this.items.delete(key);
  }
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('the last good scenario', () => {
  it('is kept under sendpath.lastGoodScenario and comes back as written, with its resolved form', () => {
    const storage = new MemoryStorage();
    expect(saveLastGood(GOOD, storage)).toEqual({ ok: true });
    expect([...storage.items.keys()]).toEqual(['sendpath.lastGoodScenario']);
    expect(LAST_GOOD_KEY).toBe('sendpath.lastGoodScenario');
    const back = loadLastGood(storage);
    expect(back?.scenario).toEqual(GOOD);
    expect(back?.resolved.producer.sendMsgTimeout).toBe(3000);
  });

  it('is replaced by the next good one', () => {
    const storage = new MemoryStorage();
    saveLastGood(GOOD, storage);
    saveLastGood(OTHER, storage);
    expect(loadLastGood(storage)?.scenario.seed).toBe(99);
  });

  it('is not replaced by an invalid scenario', () => {
    const storage = new MemoryStorage();
    saveLastGood(GOOD, storage);
    const outcome = saveLastGood({ ...GOOD, brokers: [] }, storage);
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid' });
    expect(loadLastGood(storage)?.scenario).toEqual(GOOD);
  });

  it('survives a full storage: the previous one stays and the outcome says the storage is full', () => {
    const storage = new MemoryStorage(JSON.stringify({ format: 1, scenario: GOOD }).length + 5);
    saveLastGood(GOOD, storage);
    const big: Scenario = { ...GOOD, description: { en: 'x'.repeat(1000), zh: '长' } };
    const outcome = saveLastGood(big, storage);
    expect(outcome).toMatchObject({ ok: false, reason: 'full', error: { code: 'share.storage.full' } });
    expect(loadLastGood(storage)?.scenario).toEqual(GOOD);
  });

  it('refuses a scenario too large to keep before writing it', () => {
    const storage = new MemoryStorage();
    saveLastGood(GOOD, storage);
    const huge: Scenario = {
      ...GOOD,
      // 10,000 keys of 300 characters: valid, and 3 million characters of JSON.
      workload: [{ count: 1, topic: 'T', keys: new Array<string>(10_000).fill('k'.repeat(300)) }],
    };
    const outcome = saveLastGood(huge, storage);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'tooLarge',
      error: { params: { max: MAX_STORED_CHARS } },
    });
    expect(loadLastGood(storage)?.scenario).toEqual(GOOD);
  });

  it('reports unusable storage (none, or one that throws a SecurityError) and never throws', () => {
    expect(saveLastGood(GOOD, null)).toMatchObject({ ok: false, reason: 'unavailable' });
    const storage = new MemoryStorage();
    storage.broken = new DOMException('access denied', 'SecurityError');
    expect(saveLastGood(GOOD, storage)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(loadLastGood(storage)).toBeNull();
    expect(() => clearLastGood(storage)).not.toThrow();
    expect(loadLastGood(null)).toBeNull();
  });

  it('ignores whatever else is stored under its key', () => {
    const storage = new MemoryStorage();
    const junk = [
      'not json',
      'null',
      '[]',
      '{"format":2,"scenario":{}}',
      JSON.stringify({ format: 1, scenario: { ...GOOD, version: 7 } }),
      '{"format":1,"__proto__":{"polluted":1},"scenario":{"__proto__":{"polluted":2}}}',
      '{"format":1}',
    ];
    for (const text of junk) {
      storage.items.set(LAST_GOOD_KEY, text);
      expect(loadLastGood(storage), text).toBeNull();
    }
  });

  it('is forgotten by clearLastGood', () => {
    const storage = new MemoryStorage();
    saveLastGood(GOOD, storage);
    clearLastGood(storage);
    expect(loadLastGood(storage)).toBeNull();
  });
});

describe('browserStorage', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('is null where localStorage is missing or its mere access throws', () => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(browserStorage()).toBeNull();
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(browserStorage()).toBeNull();
    expect(saveLastGood(GOOD)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(loadLastGood()).toBeNull();
  });

  it('is the page’s localStorage when there is one, so a reload restores the scenario', () => {
    const storage = new MemoryStorage();
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: storage });
    expect(browserStorage()).toBe(storage);
    saveLastGood(GOOD);
    expect(loadLastGood()?.scenario).toEqual(GOOD);
  });
});
