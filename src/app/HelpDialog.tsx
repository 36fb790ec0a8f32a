import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/useT';
import { useAppStore, useAppStoreApi } from '../store/StoreContext';
import { ACTIONS } from './actions';

/**
 * The `?` help: every shortcut, generated from the registered actions (so it cannot drift from them).
 * A native modal dialog: focus moves in and back, Escape closes it.
 */
export function HelpDialog() {
  const t = useT();
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  const close = () => store.getState().setHelpOpen(false);
  return (
    <dialog
      ref={ref}
      className="help-dialog"
      aria-labelledby={titleId}
      onClose={close}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      {open && (
        <>
          <h2 id={titleId}>{t('playback.help.title')}</h2>
          <p>{t('playback.help.intro')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('playback.help.key')}</th>
                <th scope="col">{t('playback.help.action')}</th>
              </tr>
            </thead>
            <tbody>
              {ACTIONS.map((action) => {
                const keys = [...new Set(action.keys.map((k) => t(k.label)))];
                return (
                  <tr key={action.id}>
                    <td>
                      {keys.map((k) => (
                        <kbd key={k}>{k}</kbd>
                      ))}
                    </td>
                    <td>
                      {action.id === 'togglePlay'
                        ? `${t('playback.play')} / ${t('playback.pause')}`
                        : t(action.label(store.getState()))}
                    </td>
                  </tr>
                );
              })}
              <tr>
                <td>
                  <kbd>{t('playback.key.escape')}</kbd>
                </td>
                <td>{t('playback.help.close')}</td>
              </tr>
            </tbody>
          </table>
          <button type="button" className="help-dialog__close" onClick={close}>
            {t('playback.help.close')}
          </button>
        </>
      )}
    </dialog>
  );
}
