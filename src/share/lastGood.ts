/**
 * The last good scenario (as written), kept in the browser's localStorage under `sendpath.lastGoodScenario`,
 * so that a bad share link or import never loses the user's work and a reload restores it.
 *
 * Every storage access is guarded: storage may be missing (Node, a worker), forbidden (a sandboxed iframe,
 * some privacy settings throw a SecurityError on the mere access), full (QuotaExceededError) or hold
 * anything at all (another version of SendPath, a user's experiment). Nothing here throws.
 * DOM-free apart from the optional `localStorage` lookup; tests pass their own `StorageLike`.
 */
import { parseScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { shareError, type ShareError } from './errors';

export const LAST_GOOD_KEY = 'sendpath.lastGoodScenario';

/** The format of the stored value; a value of another format is ignored. */
const STORED_FORMAT = 1;

/**
 * Most characters kept: browsers give an origin about 5 million UTF-16 characters of localStorage, shared
 * with the other settings, so a scenario larger than this is not kept (the previous one stays).
 */
export const MAX_STORED_CHARS = 2_000_000;

/** The part of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SaveOutcome =
  { ok: true } | { ok: false; reason: 'unavailable' | 'full' | 'tooLarge' | 'invalid'; error: ShareError };

export interface LastGood {
  scenario: Scenario;
  resolved: ResolvedScenario;
}

/** `localStorage` when this context has a usable one, else null. Never throws. */
export function browserStorage(): StorageLike | null {
  try {
    const storage = (globalThis as { localStorage?: unknown }).localStorage;
    if (!storage || typeof storage !== 'object') return null;
    const s = storage as Partial<StorageLike>;
    if (typeof s.getItem !== 'function' || typeof s.setItem !== 'function') return null;
    if (typeof s.removeItem !== 'function') return null;
    return storage as StorageLike;
  } catch {
    return null;
  }
}

/**
 * Keeps `scenario` (as written) as the last good one. It is validated first, so what is kept always opens.
 * On failure the previously kept scenario stays, and the outcome says why.
 */
export function saveLastGood(
  scenario: Scenario,
  storage: StorageLike | null = browserStorage(),
): SaveOutcome {
  if (!storage) return { ok: false, reason: 'unavailable', error: shareError('share.storage.unavailable') };
  let text: string;
  try {
    if (!parseScenario(scenario).ok) {
      return {
        ok: false,
        reason: 'invalid',
        error: shareError('share.unexpected', { detail: 'not a valid scenario' }),
      };
    }
    text = JSON.stringify({ format: STORED_FORMAT, scenario });
  } catch {
    return {
      ok: false,
      reason: 'invalid',
      error: shareError('share.unexpected', { detail: 'not a valid scenario' }),
    };
  }
  if (text.length > MAX_STORED_CHARS) {
    return {
      ok: false,
      reason: 'tooLarge',
      error: shareError('share.storage.tooLarge', { size: text.length, max: MAX_STORED_CHARS }),
    };
  }
  try {
    storage.setItem(LAST_GOOD_KEY, text);
    return { ok: true };
  } catch (e) {
    return isQuotaError(e)
      ? { ok: false, reason: 'full', error: shareError('share.storage.full') }
      : { ok: false, reason: 'unavailable', error: shareError('share.storage.unavailable') };
  }
}

/** The kept scenario, validated again (it may come from another SendPath), or null. Never throws. */
export function loadLastGood(storage: StorageLike | null = browserStorage()): LastGood | null {
  if (!storage) return null;
  try {
    const text = storage.getItem(LAST_GOOD_KEY);
    if (typeof text !== 'string' || text.length > MAX_STORED_CHARS) return null;
    const stored = JSON.parse(text) as unknown;
    if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null;
    if (!Object.prototype.hasOwnProperty.call(stored, 'scenario')) return null;
    const { format, scenario } = stored as { format?: unknown; scenario?: unknown };
    if (format !== STORED_FORMAT) return null;
    const parsed = parseScenario(scenario);
    return parsed.ok ? { scenario: scenario as Scenario, resolved: parsed.scenario } : null;
  } catch {
    return null;
  }
}

/** Forgets the kept scenario. Never throws. */
export function clearLastGood(storage: StorageLike | null = browserStorage()): void {
  try {
    storage?.removeItem(LAST_GOOD_KEY);
  } catch {
    // Nothing to do: storage is unusable, so nothing is kept either.
  }
}

function isQuotaError(e: unknown): boolean {
  try {
    if (!e || typeof e !== 'object') return false;
    const { name, code } = e as { name?: unknown; code?: unknown };
    // Chrome and Safari: QuotaExceededError (code 22); old Firefox: NS_ERROR_DOM_QUOTA_REACHED (1014).
    return (
      name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
    );
  } catch {
    return false;
  }
}
