import { useCallback } from 'react';
import { translate } from '../../i18n';
import { scenarioErrorLine } from '../../i18n/problemText';
import { useAppStoreApi } from '../../store/StoreContext';

/**
 * The topology's "kill this broker now": adds a `crash` of the broker just after the cursor's event and
 * re-simulates, the cursor kept. The session code (and the validator) load on first use. A failure is
 * reported with the page's other load problems; what is on screen stays.
 */
export function useKillBroker(): (brokerName: string) => void {
  const store = useAppStoreApi();
  return useCallback(
    (brokerName: string) => {
      void import('./session')
        .then((session) => session.killBrokerNow(store, brokerName))
        .then((outcome) => {
          if (outcome.kind === 'simulated' || outcome.kind === 'stale') return;
          const { lang, failLoading } = store.getState();
          const detail =
            outcome.kind === 'failed'
              ? outcome.detail
              : outcome.errors.map((e) => scenarioErrorLine(lang, e)).join('; ');
          failLoading([translate(lang, 'editor.kill.failed', { name: brokerName, detail })]);
        })
        .catch((error: unknown) => {
          const { lang, failLoading } = store.getState();
          failLoading([translate(lang, 'editor.kill.failed', { name: brokerName, detail: String(error) })]);
        });
    },
    [store],
  );
}
