import type { StoreApi } from 'zustand';
import type { AppState } from '../../store/appStore';
import { CLASSROOM_ACTIONS } from './classroom';
import * as playback from './playback';
import { matchesKey, type Action, type KeyLike } from './types';

export { matchesKey, type Action, type KeyLike, type ShortcutKey } from './types';
export * from './playback';
export * from './classroom';

/** The actions that move through a trace and set its pace (the Compare view has only these). */
export const PLAYBACK_ACTIONS: readonly Action[] = [
  playback.togglePlay,
  playback.stepForward,
  playback.stepBack,
  playback.restart,
  playback.goToEnd,
  playback.nextNotable,
  playback.previousNotable,
  playback.faster,
  playback.slower,
  playback.togglePacing,
];

/** Every registered action, in the order the shortcut help lists them. */
export const ACTIONS: readonly Action[] = [...PLAYBACK_ACTIONS, playback.toggleHelp, ...CLASSROOM_ACTIONS];

export function actionForKey(event: KeyLike, actions: readonly Action[] = ACTIONS): Action | undefined {
  return actions.find((a) => matchesKey(a, event));
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'number',
  'password',
  'tel',
  'url',
  'date',
  'time',
]);

/** Typing in a text field, or choosing in a select: the keys belong to the field. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return TEXT_INPUT_TYPES.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  return false;
}

/** Space and Enter on a focused button, link or option activate it; the page must not act twice. */
function activates(target: EventTarget | null, key: string): boolean {
  if (key !== ' ' && key !== 'Enter') return false;
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'button' || tag === 'a' || tag === 'summary') return true;
  if (tag === 'input') return true;
  const role = el.getAttribute('role');
  return role === 'button' || role === 'checkbox' || role === 'switch' || role === 'menuitem';
}

/**
 * The page-wide keyboard handler: finds the action bound to the key and performs it, unless the focus is
 * in a text field, a modifier is held, the focused control handles the key itself, or a dialog is open
 * (only `?` still works there, to close the help).
 */
export function handleShortcut(
  event: KeyLike & { target: EventTarget | null; defaultPrevented: boolean; preventDefault(): void },
  store: StoreApi<AppState>,
  actions: readonly Action[] = ACTIONS,
): boolean {
  if (event.defaultPrevented || isTextEntry(event.target) || activates(event.target, event.key)) return false;
  const action = actionForKey(event, actions);
  if (!action) return false;
  const state = store.getState();
  if (state.helpOpen && action.id !== 'toggleHelp') return false;
  if (action.enabled && !action.enabled(state)) {
    event.preventDefault();
    return false;
  }
  event.preventDefault();
  action.perform(store);
  return true;
}
