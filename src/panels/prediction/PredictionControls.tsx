import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { PredictionCard } from './PredictionCard';
import './prediction.css';

/**
 * The playback bar's part of prediction mode: the Predict toggle, the session's score with its reset, and
 * the question card (which places itself over the panels).
 */
export function PredictionControls() {
  const t = useT();
  const store = useAppStoreApi();
  const on = useAppStore((s) => s.predictionOn);
  const correct = useAppStore((s) => s.predictionScore.correct);
  const asked = useAppStore((s) => s.predictionScore.asked);
  return (
    <div className="prediction-controls" role="group" aria-label={t('prediction.toggle')}>
      <button
        type="button"
        className="prediction-toggle"
        aria-pressed={on}
        title={t('prediction.toggle.hint')}
        onClick={() => store.getState().setPredictionOn(!on)}
      >
        <span className="prediction-toggle__box" aria-hidden="true">
          {on ? '☑' : '☐'}
        </span>
        {t('prediction.toggle')}
      </button>
      {(on || asked > 0) && (
        <>
          <span
            className="prediction-score"
            data-testid="prediction-score"
            role="status"
            aria-label={t('prediction.score.label', { correct, asked })}
            title={t('prediction.score.label', { correct, asked })}
          >
            {t('prediction.score', { correct, asked })}
          </span>
          <button
            type="button"
            className="prediction-reset"
            title={t('prediction.reset')}
            aria-label={t('prediction.reset')}
            disabled={asked === 0}
            onClick={() => store.getState().resetPredictionScore()}
          >
            <span aria-hidden="true">↺</span>
          </button>
        </>
      )}
      <PredictionCard />
    </div>
  );
}
