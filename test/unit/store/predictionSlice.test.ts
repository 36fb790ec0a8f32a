import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store/appStore';
import { readTrace } from '../../fixtures/traces/readTrace';

function storeWith(step = 0) {
  return createAppStore({
    ui: { lang: 'en', theme: 'light' },
    trace: readTrace('sync-retry-broker-error'),
    cursor: { step },
  });
}

describe('the prediction slice', () => {
  it('does nothing while prediction is off', () => {
    const store = storeWith(9);
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({ step: 10, prediction: null });
  });

  it('stops a step forward just before a question and asks it', () => {
    const store = storeWith(9);
    store.getState().setPredictionOn(true);
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({
      step: 9,
      prediction: { index: 9, choice: null, resume: false },
    });
  });

  it('stops playback before a question and resumes it after the reveal', () => {
    const store = storeWith(2);
    store.getState().setPredictionOn(true);
    store.getState().play();
    store.getState().advanceTo(15);
    expect(store.getState()).toMatchObject({
      step: 9,
      playing: false,
      prediction: { index: 9, resume: true },
    });
    store.getState().answerPrediction('broker-a:1');
    expect(store.getState().predictionScore).toEqual({ correct: 1, asked: 1 });
    expect(store.getState().prediction?.choice).toBe('broker-a:1');
    store.getState().continuePrediction();
    expect(store.getState()).toMatchObject({ step: 10, playing: true, prediction: null });
    // The budget check right after is the next question.
    store.getState().advanceTo(12);
    expect(store.getState()).toMatchObject({ step: 10, playing: false, prediction: { index: 10 } });
  });

  it('counts a wrong answer, answers once, and passes an answered event afterwards', () => {
    const store = storeWith(9);
    store.getState().setPredictionOn(true);
    store.getState().stepForward();
    store.getState().answerPrediction('broker-b:3');
    store.getState().answerPrediction('broker-a:1');
    expect(store.getState().predictionScore).toEqual({ correct: 0, asked: 1 });
    store.getState().continuePrediction();
    store.getState().seek(5);
    store.getState().seek(9);
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({ step: 10, prediction: null });
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({ step: 10, prediction: { index: 10 } });
  });

  it('drops the question when the cursor moves away, and when prediction is switched off', () => {
    const store = storeWith(9);
    store.getState().setPredictionOn(true);
    store.getState().stepForward();
    store.getState().stepBack();
    expect(store.getState().prediction).toBeNull();
    store.getState().stepForward();
    store.getState().stepForward();
    expect(store.getState().prediction?.index).toBe(9);
    store.getState().setPredictionOn(false);
    expect(store.getState().prediction).toBeNull();
  });

  it('resets the score and asks again; a new trace forgets the answers', () => {
    const store = storeWith(9);
    store.getState().setPredictionOn(true);
    store.getState().stepForward();
    store.getState().answerPrediction('broker-a:1');
    store.getState().continuePrediction();
    store.getState().resetPredictionScore();
    expect(store.getState().predictionScore).toEqual({ correct: 0, asked: 0 });
    store.getState().seek(9);
    store.getState().stepForward();
    expect(store.getState().prediction?.index).toBe(9);
    store.getState().setTrace([...store.getState().trace]);
    expect(store.getState()).toMatchObject({ prediction: null });
    expect(store.getState().predictionAnswered.size).toBe(0);
  });
});
