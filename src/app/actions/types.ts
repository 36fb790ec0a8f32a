import type { StoreApi } from 'zustand';
import type { MessageKey } from '../../i18n';
import type { AppState } from '../../store/appStore';

/** A key that triggers an action, and how the help names it. */
export interface ShortcutKey {
  /** `KeyboardEvent.key`: ' ', 'ArrowRight', '?', ... */
  key: string;
  /** Must Shift be held (true), must it not (false), or does it not matter (undefined, for '?' and '+'). */
  shift?: boolean;
  label: MessageKey;
}

/**
 * A command as an object (excalidraw's actions): buttons, keyboard shortcuts, the `?` help and tests all
 * go through the same `perform`.
 */
export interface Action {
  readonly id: string;
  /** The accessible name and visible label; may depend on the state (Play / Pause). */
  label(state: AppState): MessageKey;
  readonly keys: readonly ShortcutKey[];
  perform(store: StoreApi<AppState>): void;
  /** False greys the button out and makes the shortcut do nothing. */
  enabled?(state: AppState): boolean;
}

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function matchesKey(action: Action, event: KeyLike): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const key = event.key === 'Spacebar' ? ' ' : event.key;
  return action.keys.some((k) => k.key === key && (k.shift === undefined || k.shift === event.shiftKey));
}
