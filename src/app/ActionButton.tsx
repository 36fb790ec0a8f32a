import { useT } from '../i18n/useT';
import { useAppStore, useAppStoreApi } from '../store/StoreContext';
import type { Action } from './actions';
import { Icon, type IconName } from './icons';

/** Maps `KeyboardEvent.key` to the `aria-keyshortcuts` spelling. */
function ariaKey(key: string, shift?: boolean): string {
  const name = key === ' ' ? 'Space' : key;
  return shift ? `Shift+${name}` : name;
}

/**
 * A toolbar button for an action: its name comes from the action (and may change, Play/Pause), its shortcut
 * is announced, and a disabled action stays focusable (aria-disabled) so focus is never lost mid-lesson.
 */
export function ActionButton({
  action,
  icon,
  className,
}: {
  action: Action;
  icon: IconName;
  className?: string;
}) {
  const t = useT();
  const store = useAppStoreApi();
  const label = t(useAppStore((s) => action.label(s)));
  const enabled = useAppStore((s) => (action.enabled ? action.enabled(s) : true));
  const first = action.keys[0];
  const shortcut = first ? t(first.label) : null;
  return (
    <button
      type="button"
      className={`pb-button${className ? ` ${className}` : ''}`}
      aria-disabled={enabled ? undefined : true}
      aria-keyshortcuts={action.keys.map((k) => ariaKey(k.key, k.shift)).join(' ') || undefined}
      title={shortcut ? `${label} (${shortcut})` : label}
      data-action={action.id}
      onClick={() => {
        if (enabled) action.perform(store);
      }}
    >
      <Icon name={icon} />
      <span className="visually-hidden">{label}</span>
    </button>
  );
}
