import { memo, useRef } from 'react';
import { translate, type Lang, type MessageKey } from '../../i18n';
import type { Provenance } from '../../view/folds/eventFields';
import {
  waitingCount,
  waitingTasks,
  type PoolState,
  type QueuedTask,
  type RunningTask,
  type ThreadPoolState,
} from '../../view/folds/threadPool';
import { shortMsgId, tinyMsgId } from '../../view/format';
import { fmtDuration, fmtNumber, provenanceParams } from '../teaching/format';
import { useElementSize } from '../teaching/useElementSize';
import { chipsThatFit, waitGauge } from './layout';
import '../teaching/teaching.css';
import './threadPool.css';

export interface ThreadPoolPanelViewProps {
  model: ThreadPoolState;
  lang: Lang;
  selectedMsgId?: string | null;
  onSelectMessage?: (msgId: string) => void;
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const TASK_CHIP_W = 92;
const WORKER_CHIP_W = 112;
const MORE_W = 70;
const GAP = 5;

function src(t: T, lang: Lang, p: Provenance | null | undefined): string {
  return p ? t('threadPool.source', provenanceParams(lang, p)) : '';
}

function workerLabel(worker: string): string {
  const m = /(\d+)$/.exec(worker);
  return m ? `T${m[1]}` : worker;
}

interface Common {
  t: T;
  lang: Lang;
  selectedMsgId: string | null;
  onSelectMessage?: (msgId: string) => void;
}

function WorkerChip({ worker, task, c }: { worker: string; task: RunningTask | undefined; c: Common }) {
  const { t, lang } = c;
  if (!task) {
    return (
      <span className="pool-chip pool-worker pool-worker--idle" data-worker={worker} title={worker}>
        <span className="pool-chip-head">{workerLabel(worker)}</span>
        <span className="pool-chip-text teach-muted">{t('threadPool.worker.idle')}</span>
      </span>
    );
  }
  const gauge = waitGauge(task.waitedMs, task.timeoutMs);
  const timeout = task.timeoutMs !== null ? fmtDuration(lang, task.timeoutMs) : '?';
  const title = [
    t(task.eaten ? 'threadPool.worker.eaten.title' : 'threadPool.worker.title', {
      worker,
      msgId: task.msgId,
      waited: fmtDuration(lang, task.waitedMs),
      timeout,
    }),
    src(t, lang, task.started),
  ].join('\n');
  return (
    <button
      type="button"
      className={`pool-chip pool-worker${task.eaten ? ' pool-chip--eaten' : ''}${c.selectedMsgId === task.msgId ? ' pool-chip--selected' : ''}`}
      data-worker={worker}
      data-msg-id={task.msgId}
      data-state={task.eaten ? 'eaten' : 'running'}
      data-seq={task.started.seq}
      title={title}
      aria-label={`${workerLabel(worker)} ${shortMsgId(task.msgId)}${task.eaten ? ` ${t('threadPool.worker.eaten')}` : ''}`}
      aria-pressed={c.selectedMsgId === task.msgId}
      onClick={() => c.onSelectMessage?.(task.msgId)}
    >
      <span className="pool-chip-head">{workerLabel(worker)}</span>
      <span className="pool-chip-text">{tinyMsgId(task.msgId)}</span>
      {task.eaten ? (
        <span className="pool-chip-note teach-bad pool-strong">✕</span>
      ) : (
        <span className="pool-chip-note teach-muted">{fmtDuration(lang, task.waitedMs)}</span>
      )}
      {gauge.percent !== null && (
        <span className="pool-gauge" aria-hidden="true">
          <span className="pool-gauge-fill" style={{ width: `${gauge.share * 100}%` }} />
        </span>
      )}
    </button>
  );
}

function TaskChip({ task, now, c }: { task: QueuedTask; now: number; c: Common }) {
  const { t, lang } = c;
  const waited = now - task.enqueued.t;
  const gauge = waitGauge(waited, task.timeoutMs);
  const title = [
    gauge.percent !== null
      ? t('threadPool.task.title', {
          msgId: task.msgId,
          waited: fmtDuration(lang, waited),
          timeout: fmtDuration(lang, task.timeoutMs ?? 0),
          share: `${gauge.percent}%`,
        })
      : t('threadPool.task.titleNoTimeout', { msgId: task.msgId, waited: fmtDuration(lang, waited) }),
    src(t, lang, task.enqueued),
  ].join('\n');
  return (
    <button
      type="button"
      className={`pool-chip pool-task${gauge.eaten ? ' pool-chip--eaten' : ''}${c.selectedMsgId === task.msgId ? ' pool-chip--selected' : ''}`}
      data-msg-id={task.msgId}
      data-state={gauge.eaten ? 'eaten' : 'waiting'}
      data-seq={task.enqueued.seq}
      title={title}
      aria-label={`${shortMsgId(task.msgId)} ${fmtDuration(lang, waited)}${gauge.eaten ? ` ${t('threadPool.task.eaten')}` : ''}`}
      aria-pressed={c.selectedMsgId === task.msgId}
      onClick={() => c.onSelectMessage?.(task.msgId)}
    >
      <span className="pool-chip-text">{tinyMsgId(task.msgId)}</span>
      <span className={`pool-chip-note${gauge.eaten ? ' teach-bad' : ''}`}>
        {gauge.eaten ? t('threadPool.task.eaten') : fmtDuration(lang, waited)}
      </span>
      {gauge.percent !== null && (
        <span className="pool-gauge" aria-hidden="true">
          <span className="pool-gauge-fill" style={{ width: `${gauge.share * 100}%` }} />
        </span>
      )}
    </button>
  );
}

function PoolSection({ p, now, width, c }: { p: PoolState; now: number; width: number; c: Common }) {
  const { t, lang } = c;
  const role = p.index.role;
  const workers = [...new Set([...p.index.workers, ...p.running.keys()])];
  const busy = p.running.size;
  const waiting = waitingCount(p);
  const rowWidth = width - 64;
  const shownTasks = chipsThatFit(rowWidth, TASK_CHIP_W, GAP, waiting, MORE_W);
  const tasks = waitingTasks(p, shownTasks);
  const shownWorkers = chipsThatFit(rowWidth, WORKER_CHIP_W, GAP, workers.length, MORE_W);
  const title = t(`threadPool.pool.${role}` as MessageKey);
  const lastEaten = p.recentEaten.at(-1);
  // The explanation goes next to the workers while the eaten task is on one; afterwards, below as history.
  const eatenNow =
    lastEaten !== undefined && [...p.running.values()].some((r) => r.eaten && r.msgId === lastEaten.msgId);
  return (
    <section className={`pool-section pool-section--${role}`} aria-label={`${title} ${p.index.name}`}>
      <p className="teach-line pool-stats">
        <span className="pool-name" title={p.index.name}>
          {title}
        </span>
        <span className="pool-stat">{t('threadPool.stats.workers', { busy, total: workers.length })}</span>
        <span className="pool-stat" data-seq={p.queuedFrom?.seq} title={src(t, lang, p.queuedFrom)}>
          {p.index.capacity !== null
            ? t('threadPool.stats.queueCapacity', {
                n: fmtNumber(lang, waiting),
                capacity: fmtNumber(lang, p.index.capacity),
              })
            : t('threadPool.stats.queue', { n: fmtNumber(lang, waiting) })}
        </span>
        {p.rejected > 0 && (
          <span className="pool-stat teach-bad" data-testid="pool-rejected-count">
            {t('threadPool.stats.rejected', { n: fmtNumber(lang, p.rejected) })}
          </span>
        )}
        {p.eaten > 0 && (
          <span className="pool-stat teach-bad">
            {t('threadPool.stats.eaten', { n: fmtNumber(lang, p.eaten) })}
          </span>
        )}
      </p>
      <div className="pool-row">
        <span className="pool-row-label">{t('threadPool.workers')}</span>
        <div className="pool-chips">
          {workers.slice(0, shownWorkers).map((w) => (
            <WorkerChip key={w} worker={w} task={p.running.get(w)} c={c} />
          ))}
          {workers.length > shownWorkers && (
            <span className="pool-more teach-muted">
              {t('threadPool.queue.more', { n: workers.length - shownWorkers })}
            </span>
          )}
        </div>
      </div>
      {lastEaten && eatenNow && (
        <p
          className="teach-line pool-eaten teach-bad"
          data-testid="pool-eaten"
          data-msg-id={lastEaten.msgId}
          data-seq={lastEaten.from.seq}
          title={src(t, lang, lastEaten.from)}
        >
          {t('threadPool.eaten.line', {
            msgId: shortMsgId(lastEaten.msgId),
            waited: fmtDuration(lang, lastEaten.waitedMs ?? 0),
            timeout: lastEaten.timeoutMs != null ? fmtDuration(lang, lastEaten.timeoutMs) : '?',
          })}
        </p>
      )}
      {role !== 'callback' && (
        <div className="pool-row">
          <span className="pool-row-label">{t('threadPool.queue')}</span>
          <div className="pool-chips">
            {tasks.length === 0 && waiting === 0 && (
              <span className="pool-empty teach-muted">{t('threadPool.queue.empty')}</span>
            )}
            {tasks.map((task) => (
              <TaskChip key={`${task.msgId}@${task.enqueued.seq}`} task={task} now={now} c={c} />
            ))}
            {waiting > tasks.length && (
              <span className="pool-more teach-muted">
                {t('threadPool.queue.more', { n: waiting - tasks.length })}
              </span>
            )}
          </div>
        </div>
      )}
      {p.recentRejected.length > 0 && (
        <div className="pool-row">
          <span className="pool-row-label teach-bad">{t('threadPool.rejected')}</span>
          <div className="pool-chips">
            {p.recentRejected.map((r) => (
              <button
                type="button"
                key={`${r.msgId}@${r.from.seq}`}
                className={`pool-chip pool-chip--rejected${c.selectedMsgId === r.msgId ? ' pool-chip--selected' : ''}`}
                data-msg-id={r.msgId}
                data-state="rejected"
                data-seq={r.from.seq}
                title={`${t('threadPool.rejected.title', { msgId: r.msgId })}\n${src(t, lang, r.from)}`}
                aria-pressed={c.selectedMsgId === r.msgId}
                onClick={() => c.onSelectMessage?.(r.msgId)}
              >
                <span className="pool-chip-text">✕ {tinyMsgId(r.msgId)}</span>
              </button>
            ))}
          </div>
        </div>
      )}
      {lastEaten && !eatenNow && (
        <p
          className="teach-line pool-eaten teach-bad"
          data-testid="pool-eaten"
          data-msg-id={lastEaten.msgId}
          data-seq={lastEaten.from.seq}
          title={src(t, lang, lastEaten.from)}
        >
          {t('threadPool.eaten.line', {
            msgId: shortMsgId(lastEaten.msgId),
            waited: fmtDuration(lang, lastEaten.waitedMs ?? 0),
            timeout: lastEaten.timeoutMs != null ? fmtDuration(lang, lastEaten.timeoutMs) : '?',
          })}
        </p>
      )}
    </section>
  );
}

/** The Thread pool panel's body, from props only. */
export const ThreadPoolPanelView = memo(function ThreadPoolPanelView({
  model,
  lang,
  selectedMsgId = null,
  onSelectMessage,
}: ThreadPoolPanelViewProps) {
  const t: T = (key, params) => translate(lang, key, params);
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box, { width: 400, height: 170 });
  const c: Common = { t, lang, selectedMsgId, onSelectMessage };
  const order = { sender: 0, other: 1, callback: 2 } as const;
  const pools = [...model.pools.values()]
    .filter((p) => p.seen || p.index.role === 'sender')
    .sort((a, b) => order[a.index.role] - order[b.index.role]);
  const anySeen = pools.some((p) => p.seen);
  const { callbacks } = model;
  return (
    <div className="teach-panel pool" ref={box}>
      {!anySeen && <p className="teach-empty">{t('threadPool.empty')}</p>}
      {anySeen &&
        pools.map((p) => <PoolSection key={p.index.name} p={p} now={model.now} width={width} c={c} />)}
      {(callbacks.delivered > 0 || anySeen) && (
        <div className="pool-row pool-callbacks">
          <span className="pool-row-label" title={t('threadPool.pool.callback')}>
            {t('threadPool.callbacks')}
          </span>
          <div className="pool-chips">
            <span className="pool-stat">
              {callbacks.delivered === 0
                ? t('threadPool.callbacks.none')
                : t('threadPool.callbacks.summary', { n: callbacks.delivered, failed: callbacks.failed })}
            </span>
            {callbacks.recent
              .slice(-3)
              .reverse()
              .map((cb) => (
                <button
                  type="button"
                  key={`${cb.msgId}@${cb.from.seq}`}
                  className={`pool-chip pool-callback${cb.status === 'EXCEPTION' ? ' pool-callback--fail' : ''}${selectedMsgId === cb.msgId ? ' pool-chip--selected' : ''}`}
                  data-msg-id={cb.msgId}
                  data-seq={cb.from.seq}
                  title={`${t('threadPool.callback.title', {
                    msgId: cb.msgId,
                    status: cb.status,
                    exception: cb.exception ?? '',
                    message: cb.message ? `"${cb.message}"` : '',
                  })}\n${src(t, lang, cb.from)}`}
                  aria-pressed={selectedMsgId === cb.msgId}
                  onClick={() => onSelectMessage?.(cb.msgId)}
                >
                  <span className="pool-chip-text">
                    {cb.status === 'EXCEPTION' ? '✕ ' : '✓ '}
                    {t(cb.status === 'EXCEPTION' ? 'threadPool.callback.fail' : 'threadPool.callback.ok', {
                      msgId: shortMsgId(cb.msgId),
                    })}
                  </span>
                </button>
              ))}
          </div>
        </div>
      )}
      {model.semaphores.size > 0 && (
        <div className="pool-row pool-semaphores">
          <span className="pool-row-label">{t('threadPool.semaphores')}</span>
          <div className="pool-chips">
            {[...model.semaphores.values()].map((s) => (
              <span key={s.name} className="pool-stat" data-seq={s.from.seq} title={src(t, lang, s.from)}>
                {t('threadPool.semaphore', {
                  name: s.name,
                  available: s.available === null ? '?' : fmtNumber(lang, s.available),
                  capacity: s.capacity === null ? '?' : fmtNumber(lang, s.capacity),
                })}
                {s.waiting ? ` · ${t('threadPool.semaphore.waiting', { n: s.waiting })}` : ''}
                {s.timeouts ? ` · ${t('threadPool.semaphore.timeouts', { n: s.timeouts })}` : ''}
              </span>
            ))}
          </div>
        </div>
      )}
    </div>
  );
});
