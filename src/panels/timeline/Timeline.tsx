import { drag, select } from 'd3';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { stepAtTime } from '../../view/cursor';
import { formatNumber } from '../../view/format';
import { glyphPath, MARK_LABEL } from './glyphs';
import { PAD, timelineModel, type TimelineMark } from './model';
import { useWidth } from './useWidth';
import './timeline.css';

const BAR_TOP = 4;
const BAR_HEIGHT = 26;
const SVG_HEIGHT = BAR_TOP + BAR_HEIGHT + 4;

/**
 * The scrubber: event density over virtual time (bars), the cursor, and a mark per notable event. D3
 * computes the scale, the bins and the glyph paths; React renders them; D3 touches the DOM only for the
 * drag behaviour, attached in one effect and removed on unmount.
 */
export function Timeline() {
  const t = useT();
  const store = useAppStoreApi();
  const trace = useAppStore((s) => s.trace);
  const step = useAppStore((s) => s.step);
  const lang = useAppStore((s) => s.lang);
  const selectedMsgId = useAppStore((s) => s.selectedMsgId);
  const [measure, width] = useWidth<HTMLDivElement>();
  const model = useMemo(() => timelineModel(trace, width), [trace, width]);
  const dragRef = useRef<SVGRectElement>(null);

  useEffect(() => {
    const overlay = dragRef.current;
    if (!overlay) return;
    const scrub = (px: number) => {
      const target = px < PAD ? 0 : stepAtTime(trace, model.x.invert(px));
      store.getState().seek(target);
    };
    const behaviour = drag<SVGRectElement, unknown>()
      .container(() => overlay.ownerSVGElement ?? overlay)
      .on('start drag', (event: { x: number }) => scrub(event.x));
    const selection = select(overlay);
    selection.call(behaviour);
    return () => {
      selection.on('.drag', null);
    };
  }, [model, trace, store]);

  const current = step > 0 ? trace.at(step - 1) : undefined;
  const cursorX = current ? model.x(current.t) : PAD;
  const n = (v: number) => formatNumber(lang, v);
  const valueText = current
    ? t('playback.timeline.valuetext', { n: n(step), m: n(trace.length), t: n(current.t) })
    : t('playback.timeline.start');

  const onSliderKey = (event: KeyboardEvent<SVGSVGElement>) => {
    // Arrows, Home and End are the page's shortcuts (same meaning); pages move a tenth of the trace.
    if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
    event.preventDefault();
    const jump = Math.max(1, Math.round(trace.length / 10));
    store.getState().seek(step + (event.key === 'PageDown' ? jump : -jump));
  };

  const markLabel = (mark: TimelineMark) =>
    mark.count === 1
      ? t('playback.mark.one', {
          kind: t(MARK_LABEL[mark.first.kind]),
          t: n(mark.first.t),
          n: n(mark.first.index + 1),
        })
      : t('playback.mark.many', {
          count: mark.count,
          t: n(mark.first.t),
          kinds: mark.kinds.map((k) => t(MARK_LABEL[k])).join(lang === 'en' ? ', ' : '、'),
        });

  return (
    <div className="timeline" ref={measure} role="group" aria-label={t('playback.timeline')}>
      <div className="timeline__marks" role="group" aria-label={t('playback.timeline.marks')}>
        {model.marks.map((mark) => {
          const isCurrent = current !== undefined && mark.first.index === step - 1;
          const isSelected = selectedMsgId !== null && mark.first.msgId === selectedMsgId;
          return (
            <button
              key={mark.first.index}
              type="button"
              className={`timeline__mark timeline__mark--${mark.first.kind}`}
              style={{ left: `${mark.x}px` }}
              aria-label={markLabel(mark)}
              title={markLabel(mark)}
              aria-current={isCurrent ? 'step' : undefined}
              data-selected={isSelected || undefined}
              onClick={() => {
                const s = store.getState();
                s.seek(mark.first.index + 1);
                if (mark.first.msgId) s.selectMessage(mark.first.msgId);
              }}
            >
              <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
                <path d={glyphPath(mark.first.kind, 14)} />
              </svg>
              {mark.count > 1 && <span className="timeline__count">{mark.count}</span>}
            </button>
          );
        })}
      </div>
      <svg
        className="timeline__track"
        height={SVG_HEIGHT}
        role="slider"
        tabIndex={0}
        aria-label={t('playback.timeline')}
        aria-valuemin={0}
        aria-valuemax={trace.length}
        aria-valuenow={step}
        aria-valuetext={valueText}
        onKeyDown={onSliderKey}
      >
        <rect
          className="timeline__bg"
          x={PAD}
          y={BAR_TOP}
          width={Math.max(0, width - 2 * PAD)}
          height={BAR_HEIGHT}
        />
        {model.bars.map((bar) => {
          const h = Math.max(2, (bar.count / (model.maxCount || 1)) * (BAR_HEIGHT - 2));
          return (
            <rect
              key={bar.x}
              className={bar.x <= cursorX ? 'timeline__bar timeline__bar--past' : 'timeline__bar'}
              x={bar.x}
              y={BAR_TOP + BAR_HEIGHT - h}
              width={bar.width}
              height={h}
            />
          );
        })}
        {model.gaps.map((gap) => (
          <g key={gap.x} className="timeline__gap" transform={`translate(${gap.x},${BAR_TOP})`}>
            <title>{t('playback.timeline.gap', { ms: n(gap.ms) })}</title>
            <path d={`M-3,0 L3,${BAR_HEIGHT / 3} L-3,${(2 * BAR_HEIGHT) / 3} L3,${BAR_HEIGHT}`} />
          </g>
        ))}
        <line className="timeline__cursor" x1={cursorX} x2={cursorX} y1={0} y2={SVG_HEIGHT} />
        <path className="timeline__handle" d={`M${cursorX - 6},0 L${cursorX + 6},0 L${cursorX},7 Z`} />
        <rect ref={dragRef} className="timeline__overlay" x={0} y={0} width={width} height={SVG_HEIGHT} />
      </svg>
    </div>
  );
}
