import { describe, expect, it } from 'vitest';
import { readPreference, writePreference } from '../../../src/store/preferences';

function throwingStorage(): Storage {
  const fail = () => {
    throw new Error('SecurityError');
  };
  return {
    getItem: fail,
    setItem: fail,
    removeItem: fail,
    clear: fail,
    key: fail,
    length: 0,
  } as unknown as Storage;
}

describe('preferences in local storage', () => {
  it('read as null and write as a no-op when storage throws, instead of breaking the page', () => {
    const storage = throwingStorage();
    expect(readPreference(storage, 'lang')).toBeNull();
    expect(() => writePreference(storage, 'lang', 'en')).not.toThrow();
  });

  it('round-trip through a working storage under the declared key', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    } as unknown as Storage;
    writePreference(storage, 'theme', 'dark');
    expect(map.get('sendpath.theme')).toBe('dark');
    expect(readPreference(storage, 'theme')).toBe('dark');
  });
});
