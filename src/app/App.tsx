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
  { title: 'panel.topology', body: 'panel.topology.placeholder', area: 'topology' },
  { title: 'panel.queueSelection', body: 'panel.queueSelection.placeholder', area: 'queue' },
  { title: 'panel.threadPool', body: 'panel.threadPool.placeholder', area: 'pool' },
  { title: 'panel.timeoutBudget', body: 'panel.timeoutBudget.placeholder', area: 'budget' },
  { title: 'panel.callPath', body: 'panel.callPath.placeholder', area: 'callpath' },
  { title: 'panel.eventLog', body: 'panel.eventLog.placeholder', area: 'log' },
  { title: 'panel.scenario', body: 'panel.scenario.placeholder', area: 'scenario' },
];

export function App() {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#panels">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <h1 className="topbar__name">{t('app.name')}</h1>
        <p className="topbar__tagline">{t('app.tagline')}</p>
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
