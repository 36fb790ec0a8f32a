import type { Lang } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/StoreContext';
import { callPathFold, type Frame } from '../../view/folds/callPath';
import { formatNumber, shortMsgId } from '../../view/format';
import { upstreamSource, upstreamVersionOf, type UpstreamVersion } from '../../view/upstream';
import { useFoldState } from '../../view/useFold';
import { explainEvent } from './explain';
import './callPath.css';

const THREAD_KEY = {
  caller: 'callPath.thread.caller',
  asyncSender: 'callPath.thread.asyncSender',
  callback: 'callPath.thread.callback',
  nettyIo: 'callPath.thread.nettyIo',
  scheduler: 'callPath.thread.scheduler',
  broker: 'callPath.thread.broker',
  namesrv: 'callPath.thread.namesrv',
  simulator: 'callPath.thread.simulator',
} as const;

function frameTitle(version: UpstreamVersion, frame: Frame): string {
  const source = upstreamSource(version, frame.cls, frame.method);
  return source.kind === 'rocketmq' ? source.path : source.kind === 'jdk' ? source.qualifiedName : frame.cls;
}

/** The Call path panel: the upstream stack at the cursor, the file of its innermost frame, and why. */
export function CallPath() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const version = useAppStore((s) => upstreamVersionOf(s.scenario));
  const state = useFoldState(callPathFold);
  const event = state.event;
  if (!event) return <p className="call-path__empty">{t('callPath.empty')}</p>;

  const inner = state.frames[state.frames.length - 1];
  const source = inner ? upstreamSource(version, inner.cls, inner.method) : null;
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  const n = (v: number) => formatNumber(lang, v);
  return (
    <div className="call-path">
      <p className="call-path__event">
        {t('callPath.event', { seq: event.seq, kind: event.kind, t: n(event.t) })}
        {state.msgId !== null && <span className="call-path__msg"> · {shortMsgId(state.msgId)}</span>}
      </p>
      <p className="call-path__thread">
        <span className="call-path__label">{t('callPath.thread')}:</span> {t(THREAD_KEY[state.thread.kind])}
        {state.thread.name !== null && <code> {state.thread.name}</code>}
      </p>
      <ol className="call-stack" aria-label={t('callPath.stack')}>
        {state.frames.map((frame, i) => {
          const innermost = i === state.frames.length - 1;
          return (
            <li
              key={`${i}-${frame.cls}.${frame.method}`}
              className={innermost ? 'call-stack__frame call-stack__frame--current' : 'call-stack__frame'}
              style={{ paddingLeft: `${Math.min(i, 8) * 10}px` }}
              title={frameTitle(version, frame)}
              aria-current={innermost ? 'step' : undefined}
            >
              {innermost && (
                <span className="call-stack__here" aria-hidden="true">
                  ▸{' '}
                </span>
              )}
              <code>
                {frame.cls}.{frame.method}
              </code>
              {frame.role && <span className="call-stack__role"> ({t(`callPath.role.${frame.role}`)})</span>}
            </li>
          );
        })}
      </ol>
      {source && (
        <p className="call-path__source">
          <span className="call-path__label">{t('callPath.source', { version })}:</span>{' '}
          {source.kind === 'rocketmq' ? (
            <a
              href={source.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t('callPath.source.link', { path: source.path, version })}
            >
              <code>{source.path}</code>
            </a>
          ) : source.kind === 'jdk' ? (
            t('callPath.source.jdk', { name: source.qualifiedName })
          ) : (
            t('callPath.source.unknown')
          )}
        </p>
      )}
      <h3 className="call-path__heading">{t('callPath.explanation')}</h3>
      <p className="call-path__explain" data-testid="call-path-explanation">
        {explainEvent(lang, event)}
      </p>
      <p className="call-path__explain call-path__explain--other" lang={other}>
        {explainEvent(other, event)}
      </p>
    </div>
  );
}
