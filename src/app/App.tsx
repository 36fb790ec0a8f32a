import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Panel } from './Panel';
import { ThemeSwitch } from './ThemeSwitch';

interface PanelSlot {
  title: MessageKey;
  body: MessageKey;
  area: string;
}

/** The page's landmarks, named as in DESIGN.md; each panel's issue replaces its placeholder body. */
const PANELS: readonly PanelSlot[] = [
  { title: 'shell.panel.topology', body: 'shell.panel.topology.placeholder', area: 'topology' },
  { title: 'shell.panel.queueSelection', body: 'shell.panel.queueSelection.placeholder', area: 'queue' },
  { title: 'shell.panel.threadPool', body: 'shell.panel.threadPool.placeholder', area: 'pool' },
  { title: 'shell.panel.timeoutBudget', body: 'shell.panel.timeoutBudget.placeholder', area: 'budget' },
  { title: 'shell.panel.callPath', body: 'shell.panel.callPath.placeholder', area: 'callpath' },
  { title: 'shell.panel.eventLog', body: 'shell.panel.eventLog.placeholder', area: 'log' },
  { title: 'shell.panel.scenario', body: 'shell.panel.scenario.placeholder', area: 'scenario' },
];

export function App() {
  const t = useT();
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
      <main id="panels" className="panels" tabIndex={-1}>
        {PANELS.map((slot) => (
          <Panel key={slot.area} title={t(slot.title)} area={slot.area}>
            <p className="placeholder">{t(slot.body)}</p>
          </Panel>
        ))}
      </main>
    </>
  );
}
