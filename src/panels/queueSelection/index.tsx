import { useAppStore } from '../../store/StoreContext';
import { queueSelectionFold } from '../../view/folds/queueSelection';
import { useFoldState } from '../../view/useFold';
import { QueueSelectionPanelView } from './QueueSelectionPanelView';

export { QueueSelectionPanelView, type QueueSelectionPanelViewProps } from './QueueSelectionPanelView';

/** The Queue selection panel's body, connected to the store's cursor, language and selection. */
export function QueueSelectionPanel() {
  const model = useFoldState(queueSelectionFold);
  const lang = useAppStore((s) => s.lang);
  const selectedMsgId = useAppStore((s) => s.selectedMsgId);
  const selectMessage = useAppStore((s) => s.selectMessage);
  return (
    <QueueSelectionPanelView
      model={model}
      lang={lang}
      selectedMsgId={selectedMsgId}
      onSelectMessage={selectMessage}
    />
  );
}
