import { useEffect, useMemo, useRef } from 'react';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { choiceForKey, grade, questionAt, type Question } from '../../view/prediction';

function shortMsg(msgId: string): string {
  return msgId.length > 6 ? `…${msgId.slice(-4)}` : msgId;
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

function choiceLabel(t: T, question: Question, choice: string): string {
  if (question.kind === 'queue') return choice;
  return t(choice === 'yes' ? 'prediction.yes' : 'prediction.no');
}

function prompt(t: T, q: Question): { text: string; detail: string | null } {
  if (q.kind === 'queue') {
    return {
      text: t('prediction.queue.question', { attempt: q.attempt + 1, msg: shortMsg(q.msgId) }),
      detail: null,
    };
  }
  if (q.kind === 'budget') {
    return {
      text: t('prediction.budget.question', { where: q.where }),
      detail: t('prediction.budget.numbers', { cost: q.costMs, timeout: q.timeoutMs }),
    };
  }
  return {
    text: t('prediction.duplicate.question', { queue: q.queue, msg: shortMsg(q.msgId) }),
    detail: t('prediction.duplicate.numbers', { n: q.storedBefore }),
  };
}

function explanation(t: T, q: Question): string[] {
  if (q.kind === 'queue') {
    const e = q.event;
    const lines = [
      t('prediction.explain.queue', {
        method: `${e.code.cls}.${e.code.method}`,
        index: e.index,
        queue: q.answer,
      }),
    ];
    if (e.lastBrokerName) lines.push(t('prediction.explain.queue.retry', { last: e.lastBrokerName }));
    if (e.skipped.length > 0) {
      const list = e.skipped.map((s) => `${s.brokerName}:${s.queueId} (${s.reason})`).join(', ');
      lines.push(t('prediction.explain.queue.skipped', { list }));
    }
    return lines;
  }
  if (q.kind === 'budget') {
    const params = { cost: q.costMs, timeout: q.timeoutMs };
    return [
      t(q.answer === 'yes' ? 'prediction.explain.budget.ok' : 'prediction.explain.budget.fail', params),
    ];
  }
  return [t(q.answer === 'yes' ? 'prediction.explain.duplicate.yes' : 'prediction.explain.duplicate.no')];
}

/**
 * The question card shown while playback waits before a question event: the choices (number keys pick
 * them), then the truth with a short explanation and Continue (Enter). Not modal: the panels stay
 * readable behind it, which is the point of predicting.
 */
export function PredictionCard() {
  const t = useT();
  const store = useAppStoreApi();
  const pending = useAppStore((s) => s.prediction);
  const trace = useAppStore((s) => s.trace);
  const question = useMemo(() => (pending ? questionAt(trace, pending.index) : null), [pending, trace]);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const continueButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const revealed = pending?.choice ?? null;
  const open = question !== null;

  useEffect(() => {
    if (!open) return;
    returnFocus.current ??= document.activeElement;
    (revealed === null ? firstChoice : continueButton).current?.focus();
  }, [open, revealed, question?.index]);

  useEffect(() => {
    if (open) return;
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }, [open]);

  useEffect(() => {
    if (!question) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const tag = target?.tagName?.toLowerCase();
      if (tag === 'input' || tag === 'textarea' || tag === 'select') return;
      const state = store.getState();
      if (state.prediction?.choice === null) {
        const choice = choiceForKey(question, event.key);
        if (choice !== null) {
          event.preventDefault();
          state.answerPrediction(choice);
        }
      } else if (event.key === 'Enter' && tag !== 'button' && tag !== 'a') {
        event.preventDefault();
        state.continuePrediction();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [question, store]);

  if (!question || !pending) return null;
  const { text, detail } = prompt(t, question);
  const correct = revealed !== null && grade(question, revealed);
  const titleId = `prediction-title-${question.index}`;
  return (
    <div className="prediction-card" role="dialog" aria-labelledby={titleId} data-testid="prediction-card">
      <p className="prediction-card__event">
        {t('prediction.event', { n: question.index + 1, kind: question.event.kind })}
      </p>
      <h2 id={titleId} className="prediction-card__question">
        {text}
      </h2>
      {detail && <p className="prediction-card__detail">{detail}</p>}
      {revealed === null ? (
        <>
          <div
            className={`prediction-card__choices prediction-card__choices--${question.kind}`}
            role="group"
            aria-labelledby={titleId}
          >
            {question.choices.map((choice, i) => (
              <button
                key={choice}
                ref={i === 0 ? firstChoice : undefined}
                type="button"
                className="prediction-choice"
                aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
                onClick={() => store.getState().answerPrediction(choice)}
              >
                {i < 9 && (
                  <kbd className="prediction-choice__key" aria-hidden="true">
                    {i + 1}
                  </kbd>
                )}
                {choiceLabel(t, question, choice)}
              </button>
            ))}
          </div>
          <p className="prediction-card__hint">
            {t('prediction.keys', { n: Math.min(9, question.choices.length) })}
          </p>
        </>
      ) : (
        <div className="prediction-card__reveal" role="status">
          <p
            className={`prediction-card__verdict prediction-card__verdict--${correct ? 'ok' : 'bad'}`}
            data-testid="prediction-verdict"
          >
            {t(correct ? 'prediction.correct' : 'prediction.wrong')}
          </p>
          <p>
            {t('prediction.truth', {
              answer: choiceLabel(t, question, question.answer),
              choice: choiceLabel(t, question, revealed),
            })}
          </p>
          {explanation(t, question).map((line) => (
            <p key={line} className="prediction-card__explain">
              {line}
            </p>
          ))}
          <button
            ref={continueButton}
            type="button"
            className="prediction-continue"
            aria-keyshortcuts="Enter"
            onClick={() => store.getState().continuePrediction()}
          >
            {t('prediction.continue')} <span aria-hidden="true">↵</span>
          </button>
        </div>
      )}
    </div>
  );
}
