import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';

/** "Edit scenario" in the Scenario strip: opens and closes the editor drawer (hidden in presenter mode). */
export function EditScenarioButton() {
  const t = useT();
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.editorOpen);
  const presenter = useAppStore((s) => s.presenter);
  if (presenter) return null;
  return (
    <button
      type="button"
      className="se-open"
      data-edit-scenario=""
      aria-expanded={open}
      aria-keyshortcuts="E"
      onClick={() => store.getState().setEditorOpen(!open)}
    >
      {t('editor.open')}
    </button>
  );
}
