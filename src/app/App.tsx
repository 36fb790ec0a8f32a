import { lazy, Suspense } from 'react';
import { useT } from '../i18n/useT';
import { CallPath } from '../panels/callPath';
import { CompareLink } from '../panels/compare/CompareLink';
import { readCompareParam } from '../panels/compare/compareRun';
import { EventLog } from '../panels/eventLog';
import { QueueSelectionPanel } from '../panels/queueSelection';
import { ThreadPoolPanel } from '../panels/threadPool';
import { TimeoutBudgetPanel } from '../panels/timeoutBudget';
import { TopologyPanel } from '../panels/topology';
import { useAppStoreApi } from '../store/StoreContext';
import { EditorSlot, EmbedLayout, PresenterToggle, readEmbedParam, usePresenterMode } from './classroom';
import { HelpDialog } from './HelpDialog';
import { LanguageSwitch } from './LanguageSwitch';
import { Panel } from './Panel';
import { PlaybackBar } from './PlaybackBar';
import { RunProgress } from './RunProgress';
import { TraceCapNotice } from './TraceCapNotice';
import { ScenarioStrip } from './ScenarioStrip';
import { ThemeSwitch } from './ThemeSwitch';
import { useCheckpointWarmup } from './useCheckpointWarmup';
import { usePlaybackLoop } from './usePlaybackLoop';
import { useShortcuts } from './useShortcuts';
import { ACTIONS, type Action } from './actions';
import './App.css';

/** The comparison is its own page (`?compare=1`): its code loads only there, not with every page. */
const CompareView = lazy(() =>
  import('../panels/compare/CompareView').then((m) => ({ default: m.CompareView })),
);

/**
 * The page: header (with the Scenario strip), the playback bar, and the panel landmarks of DESIGN.md (named exactly
 * as there), laid out as in ../shared/wireframe.svg: the event log along the bottom, the call path tall on
 * the right. Panels read the store; the shortcuts and the playback loop live here once.
 */
const NO_ACTIONS: readonly Action[] = [];

export function App() {
  const t = useT();
  const store = useAppStoreApi();
  const compare = readCompareParam(window.location.search);
  // The Compare view has its own stores and installs its own playback keys.
  useShortcuts(store, document, compare ? NO_ACTIONS : ACTIONS);
  usePlaybackLoop(store);
  useCheckpointWarmup(store);
  usePresenterMode(store);
  const embed = readEmbedParam(window.location.search);
  if (embed) return <EmbedLayout panel={embed} />;
  if (compare) {
    return (
      <Suspense fallback={null}>
        <CompareView />
      </Suspense>
    );
  }
  return (
    <>
      <a className="skip-link" href="#panels">
        {t('shell.app.skipToContent')}
      </a>
      <header className="topbar">
        <h1 className="topbar__name">{t('shell.app.name')}</h1>
        <p className="topbar__tagline">{t('shell.app.tagline')}</p>
        <ScenarioStrip />
        <div className="topbar__controls">
          <CompareLink />
          <PresenterToggle />
          <ThemeSwitch />
          <LanguageSwitch />
        </div>
      </header>
      <PlaybackBar />
      <RunProgress />
      <TraceCapNotice />
      <main id="panels" className="panels" tabIndex={-1}>
        <Panel title={t('shell.panel.topology')} area="topology" exportAs="topology">
          <TopologyPanel />
        </Panel>
        <Panel title={t('shell.panel.queueSelection')} area="queue" exportAs="queueSelection">
          <QueueSelectionPanel />
        </Panel>
        <Panel title={t('shell.panel.threadPool')} area="pool" exportAs="threadPool">
          <ThreadPoolPanel />
        </Panel>
        <Panel title={t('shell.panel.timeoutBudget')} area="budget" exportAs="timeoutBudget">
          <TimeoutBudgetPanel />
        </Panel>
        <Panel title={t('shell.panel.callPath')} area="callpath" exportAs="callPath">
          <CallPath />
        </Panel>
        <Panel title={t('shell.panel.eventLog')} area="log" exportAs="eventLog">
          <EventLog />
        </Panel>
        <EditorSlot />
      </main>
      <HelpDialog />
    </>
  );
}
