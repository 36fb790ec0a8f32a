/**
 * Where each piece of user-facing state lives (the excalidraw `APP_STATE_STORAGE_CONF` idea): a declared
 * table, so the URL, local storage and exports agree on what they carry.
 */
export const PREFERENCE_KEYS = {
  lang: 'sendpath.lang',
  theme: 'sendpath.theme',
} as const;

export type PreferenceName = keyof typeof PREFERENCE_KEYS;

/** Local storage can be missing, full or forbidden (private windows, sandboxed iframes): never throw. */
export function readPreference(storage: Storage | undefined, name: PreferenceName): string | null {
  try {
    return storage?.getItem(PREFERENCE_KEYS[name]) ?? null;
  } catch {
    return null;
  }
}

export function writePreference(storage: Storage | undefined, name: PreferenceName, value: string): void {
  try {
    storage?.setItem(PREFERENCE_KEYS[name], value);
  } catch {
    // A preference that cannot be saved is only a preference: the page keeps working.
  }
}
