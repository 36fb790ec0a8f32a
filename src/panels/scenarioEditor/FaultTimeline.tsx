import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { getAt } from './draft';
import { useForm } from './fields';

/**
 * The faults on a time axis: one marker per fault, dragged with the pointer or moved with the arrow keys
 * (Shift: by 100 ms), each a slider named after its fault. A line marks the cursor's time.
 */
export function FaultTimeline({ endMs, cursorMs }: { endMs: number; cursorMs: number }) {
  const { t, draft, update } = useForm();
  const row = useRef<HTMLDivElement>(null);
  const faults = (Array.isArray(getAt(draft, ['faults'])) ? getAt(draft, ['faults']) : []) as {
    kind?: unknown;
    atMs?: unknown;
  }[];
  const times = faults.map((f) => (typeof f?.atMs === 'number' && Number.isFinite(f.atMs) ? f.atMs : 0));
  const max = Math.max(1000, Math.ceil(Math.max(endMs, cursorMs, ...times) * 1.1));
  const pct = (ms: number) => `${Math.min(100, Math.max(0, (ms / max) * 100))}%`;
  const setTime = (i: number, ms: number) =>
    update(['faults', i, 'atMs'], Math.round(Math.min(max, Math.max(0, ms))));

  const fromPointer = (e: PointerEvent) => {
    const box = row.current?.getBoundingClientRect();
    if (!box || box.width <= 0) return null;
    return ((e.clientX - box.left) / box.width) * max;
  };
  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (i: number) => (e: PointerEvent<HTMLButtonElement>) => {
    if (!e.currentTarget.hasPointerCapture?.(e.pointerId)) return;
    const ms = fromPointer(e);
    if (ms !== null) setTime(i, ms);
  };
  const onKey = (i: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const by = e.shiftKey ? 100 : 10;
    const now = times[i] ?? 0;
    const moves: Record<string, number> = {
      ArrowLeft: now - by,
      ArrowDown: now - by,
      ArrowRight: now + by,
      ArrowUp: now + by,
      Home: 0,
      End: max,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    setTime(i, next);
  };

  return (
    <div className="se-timeline" role="group" aria-label={t('editor.faults.timeline')}>
      <div className="se-timeline__row" ref={row}>
        <div className="se-timeline__cursor" style={{ left: pct(cursorMs) }} aria-hidden="true" />
        {faults.map((f, i) => {
          const kind = typeof f?.kind === 'string' ? f.kind : '?';
          return (
            <button
              key={i}
              type="button"
              role="slider"
              className={`se-marker se-marker--${kind}`}
              style={{ left: pct(times[i] ?? 0) }}
              aria-label={t('editor.faults.marker', { n: i + 1, kind, t: times[i] ?? 0 })}
              aria-valuemin={0}
              aria-valuemax={max}
              aria-valuenow={times[i] ?? 0}
              aria-valuetext={`${times[i] ?? 0} ms`}
              title={t('editor.faults.marker', { n: i + 1, kind, t: times[i] ?? 0 })}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove(i)}
              onKeyDown={onKey(i)}
            >
              <span aria-hidden="true">{i + 1}</span>
            </button>
          );
        })}
      </div>
      <div className="se-timeline__axis" aria-hidden="true">
        <span>0 ms</span>
        <span>{`${max} ms`}</span>
      </div>
    </div>
  );
}
