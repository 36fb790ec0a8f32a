import { useT } from '../i18n/useT';
import { CallPath } from '../panels/callPath';
import { EventLog } from '../panels/eventLog';
import { QueueSelectionPanel } from '../panels/queueSelection';
import { TopologyPanel } from '../panels/topology';
import { useAppStoreApi } from '../store/StoreContext';
import { HelpDialog } from './HelpDialog';
import { LanguageSwitch } from './LanguageSwitch';
import { Panel } from './Panel';
import { PlaybackBar } from './PlaybackBar';
import { ThemeSwitch } from './ThemeSwitch';
import { usePlaybackLoop } from './usePlaybackLoop';
import { useShortcuts } from './useShortcuts';
import './App.css';

function Placeholder({ text }: { text: string }) {
  return <p className="placeholder">{text}</p>;
}

/**
 * The page: header, playback bar, and the panel landmarks of DESIGN.md (named exactly as there), laid out as
 * in ../shared/wireframe.svg. Panels read the store; the shortcuts and the playback loop live here once.
 */
export function App() {
  const t = useT();
  const store = useAppStoreApi();
  useShortcuts(store);
  usePlaybackLoop(store);
  return (
    <>
      <a className="skip-link" href="#panels">
        {t('shell.app.skipToContent')}
      </a>
      <header className="topbar">
        <h1 className="topbar__name">{t('shell.app.name')}</h1>
        <p className="topbar__tagline">{t('shell.app.tagline')}</p>
        <div className="topbar__controls">
          <ThemeSwitch />
          <LanguageSwitch />
        </div>
      </header>
      <PlaybackBar />
      <main id="panels" className="panels" tabIndex={-1}>
        <Panel title={t('shell.panel.topology')} area="topology">
          <TopologyPanel />
        </Panel>
        <Panel title={t('shell.panel.queueSelection')} area="queue">
          <QueueSelectionPanel />
        </Panel>
        <Panel title={t('shell.panel.threadPool')} area="pool">
          <Placeholder text={t('shell.panel.threadPool.placeholder')} />
        </Panel>
        <Panel title={t('shell.panel.timeoutBudget')} area="budget">
          <Placeholder text={t('shell.panel.timeoutBudget.placeholder')} />
        </Panel>
        <Panel title={t('shell.panel.callPath')} area="callpath">
          <CallPath />
        </Panel>
        <Panel title={t('shell.panel.eventLog')} area="log">
          <EventLog />
        </Panel>
        <Panel title={t('shell.panel.scenario')} area="scenario">
          <Placeholder text={t('shell.panel.scenario.placeholder')} />
        </Panel>
      </main>
      <HelpDialog />
    </>
  );
}
