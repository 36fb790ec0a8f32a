import { useAppStore } from '../../store/StoreContext';
import { topologyFold } from '../../view/folds/topology';
import { useFoldState } from '../../view/useFold';
import { useKillBroker } from '../scenarioEditor/useKillBroker';
import { TopologyPanelView } from './TopologyPanelView';

export { TopologyPanelView, type TopologyPanelViewProps } from './TopologyPanelView';

/** The Topology panel's body, connected: the topology fold at the store's cursor, the language, the selection. */
export function TopologyPanel() {
  const model = useFoldState(topologyFold);
  const lang = useAppStore((s) => s.lang);
  const selectedMsgId = useAppStore((s) => s.selectedMsgId);
  const selectMessage = useAppStore((s) => s.selectMessage);
  const killBroker = useKillBroker();
  const live = useAppStore((s) => s.playing && s.pacing === 'time');
  return (
    <TopologyPanelView
      model={model}
      lang={lang}
      selectedMsgId={selectedMsgId}
      onSelectMessage={selectMessage}
      onKillBroker={killBroker}
      live={live}
    />
  );
}
