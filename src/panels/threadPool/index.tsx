import { useAppStore } from '../../store/StoreContext';
import { threadPoolFold } from '../../view/folds/threadPool';
import { useFoldState } from '../../view/useFold';
import { ThreadPoolPanelView } from './ThreadPoolPanelView';

export { ThreadPoolPanelView, type ThreadPoolPanelViewProps } from './ThreadPoolPanelView';

/** The Thread pool panel's body, connected to the store's cursor, language and selection. */
export function ThreadPoolPanel() {
  const model = useFoldState(threadPoolFold);
  const lang = useAppStore((s) => s.lang);
  const selectedMsgId = useAppStore((s) => s.selectedMsgId);
  const selectMessage = useAppStore((s) => s.selectMessage);
  return (
    <ThreadPoolPanelView
      model={model}
      lang={lang}
      selectedMsgId={selectedMsgId}
      onSelectMessage={selectMessage}
    />
  );
}
