import type { StateCreator, StoreApi } from 'zustand';
import type { Trace } from '../trace/types';
import { EMPTY_SCORE, gateMove, grade, questionAt, scored, type Score } from '../view/prediction';
import type { CursorSlice } from './cursorSlice';

/** The question on screen: the event it is about (`trace[index]`), the answer given (null: still asking). */
export interface PendingPrediction {
  index: number;
  choice: string | null;
  /** Playback was running when it stopped here, so it runs on after the reveal. */
  resume: boolean;
}

/**
 * Prediction mode: while on, playback stops just before each queue selection, budget check and broker
 * store and asks the student to predict it (`src/view/prediction.ts` decides where and grades). The stop
 * is made by the store itself (a subscription), so play, step, the keyboard and the remote all obey it.
 */
export interface PredictionSlice {
  predictionOn: boolean;
  prediction: PendingPrediction | null;
  /** Indices of the events already asked about in this trace: playback passes them. */
  predictionAnswered: ReadonlySet<number>;
  predictionScore: Score;
  setPredictionOn: (on: boolean) => void;
  answerPrediction: (choice: string) => void;
  /** After the reveal: applies the event and resumes playback if it was running. */
  continuePrediction: () => void;
  resetPredictionScore: () => void;
}

type Host = PredictionSlice & CursorSlice & { trace: Trace };

const NONE: ReadonlySet<number> = new Set();

export function createPredictionSlice<S extends Host>(): StateCreator<S, [], [], PredictionSlice> {
  return (set, get, api: StoreApi<S>) => {
    const patch = (p: Partial<PredictionSlice & CursorSlice>) => set(p as Partial<S>);
    api.subscribe((state, previous) => {
      if (state.trace !== previous.trace) {
        if (state.prediction !== null || state.predictionAnswered.size > 0) {
          patch({ prediction: null, predictionAnswered: NONE });
        }
        return;
      }
      if (!state.predictionOn) return;
      const stop = gateMove(state.trace, previous, state, state.predictionAnswered);
      if (stop !== null) {
        const kept = state.prediction?.index === stop ? state.prediction : null;
        patch({
          step: stop,
          playing: false,
          prediction: kept ?? { index: stop, choice: null, resume: previous.playing },
        });
        return;
      }
      if (state.prediction && state.step !== state.prediction.index) patch({ prediction: null });
    });
    return {
      predictionOn: false,
      prediction: null,
      predictionAnswered: NONE,
      predictionScore: EMPTY_SCORE,
      setPredictionOn: (on) => patch(on ? { predictionOn: true } : { predictionOn: false, prediction: null }),
      answerPrediction: (choice) => {
        const s = get();
        if (!s.prediction || s.prediction.choice !== null) return;
        const question = questionAt(s.trace, s.prediction.index);
        if (!question) return;
        patch({
          prediction: { ...s.prediction, choice },
          predictionAnswered: new Set([...s.predictionAnswered, s.prediction.index]),
          predictionScore: scored(s.predictionScore, grade(question, choice)),
        });
      },
      continuePrediction: () => {
        const s = get();
        if (!s.prediction || s.prediction.choice === null) return;
        const { index, resume } = s.prediction;
        patch({ prediction: null });
        get().seek(index + 1);
        if (resume) get().play();
      },
      resetPredictionScore: () => patch({ predictionScore: EMPTY_SCORE, predictionAnswered: NONE }),
    };
  };
}
