import { useAppStore } from '../../store/StoreContext';
import { timeoutBudgetFold } from '../../view/folds/timeoutBudget';
import { useFoldState } from '../../view/useFold';
import { TimeoutBudgetPanelView } from './TimeoutBudgetPanelView';

export { TimeoutBudgetPanelView, type TimeoutBudgetPanelViewProps } from './TimeoutBudgetPanelView';

/** The Timeout budget panel's body (budget bar of the selected message, waterfall of all), connected. */
export function TimeoutBudgetPanel() {
  const model = useFoldState(timeoutBudgetFold);
  const lang = useAppStore((s) => s.lang);
  const selectedMsgId = useAppStore((s) => s.selectedMsgId);
  const selectMessage = useAppStore((s) => s.selectMessage);
  return (
    <TimeoutBudgetPanelView
      model={model}
      lang={lang}
      selectedMsgId={selectedMsgId}
      onSelectMessage={selectMessage}
    />
  );
}
