import { lazy, Suspense, type ComponentType } from 'react';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n';
import { CallPath } from '../../panels/callPath';
import { EventLog } from '../../panels/eventLog';
import { QueueSelectionPanel } from '../../panels/queueSelection';
import { ThreadPoolPanel } from '../../panels/threadPool';
import { TimeoutBudgetPanel } from '../../panels/timeoutBudget';
import { TopologyPanel } from '../../panels/topology';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { togglePresenter } from '../actions';
import { HelpDialog } from '../HelpDialog';
import { Panel } from '../Panel';
import { PlaybackBar } from '../PlaybackBar';
import './classroom.css';

export { usePresenterMode, readPresentParam } from './presenter';

/** The panels `?embed=` can show, by id. */
export const EMBED_PANELS = {
  topology: { title: 'shell.panel.topology', Body: TopologyPanel },
  queueSelection: { title: 'shell.panel.queueSelection', Body: QueueSelectionPanel },
  threadPool: { title: 'shell.panel.threadPool', Body: ThreadPoolPanel },
  timeoutBudget: { title: 'shell.panel.timeoutBudget', Body: TimeoutBudgetPanel },
  callPath: { title: 'shell.panel.callPath', Body: CallPath },
  eventLog: { title: 'shell.panel.eventLog', Body: EventLog },
} as const satisfies Record<string, { title: MessageKey; Body: ComponentType }>;

export type EmbedPanelId = keyof typeof EMBED_PANELS;

/** `?embed=PANEL`: the panel id, or null (absent or not a panel: the whole page shows). */
export function readEmbedParam(search: string): EmbedPanelId | null {
  const value = new URLSearchParams(search).get('embed');
  return value !== null && Object.prototype.hasOwnProperty.call(EMBED_PANELS, value)
    ? (value as EmbedPanelId)
    : null;
}

/** Embed mode, for slides: one panel, full size, under the playback bar. */
export function EmbedLayout({ panel }: { panel: EmbedPanelId }) {
  const t = useT();
  const { title, Body } = EMBED_PANELS[panel];
  return (
    <>
      <PlaybackBar />
      <main id="panels" className="panels panels--embed" data-embed={panel} tabIndex={-1}>
        <Panel title={t(title)} area="embed" exportAs={panel}>
          <Body />
        </Panel>
      </main>
      <HelpDialog />
    </>
  );
}

/** The presenter-mode switch in the header (also the F key). */
export function PresenterToggle() {
  const t = useT();
  const store = useAppStoreApi();
  const on = useAppStore((s) => s.presenter);
  return (
    <button
      type="button"
      className="presenter-toggle"
      aria-pressed={on}
      aria-keyshortcuts="F"
      onClick={() => togglePresenter.perform(store)}
    >
      {t('presenter.toggle')}
    </button>
  );
}

const LazyEditor = lazy(() => import('../../panels/scenarioEditor'));

/** Where the editor drawer goes; its code (and the validator) loads the first time it opens. */
export function EditorSlot() {
  const open = useAppStore((s) => s.editorOpen && !s.presenter);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <LazyEditor />
    </Suspense>
  );
}
