import { scaleBand, scaleLinear } from 'd3';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/useT';
import { formatNumber } from '../../view/format';
import { queueRows, type TraceSummary } from '../../view/compareSummary';
import { useAppStore } from '../../store/StoreContext';

type Format = 'percent' | 'ms' | 'count';

const METRIC_W = 232;
const METRIC_H = 62;
const LABEL_W = 22;
const VALUE_W = 74;

/** The B bars are hatched as well as coloured, so the two sides differ without colour. Defined once. */
function HatchDefs() {
  return (
    <svg width="0" height="0" className="compare-defs" aria-hidden="true">
      <defs>
        <pattern
          id="compare-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" className="compare-bar--b-fill" />
          <line x1="0" y1="0" x2="0" y2="6" className="compare-hatch-line" />
        </pattern>
      </defs>
    </svg>
  );
}

/** Two horizontal bars, A above B, each with its letter and value written out. */
function MetricChart({
  title,
  a,
  b,
  format,
}: {
  title: MessageKey;
  a: number | null;
  b: number | null;
  format: Format;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const show = (v: number | null) => {
    if (v === null) return t('compare.value.none');
    if (format === 'percent')
      return t('compare.value.percent', { v: formatNumber(lang, Math.round(v * 1000) / 10) });
    if (format === 'ms') return t('compare.value.ms', { v: formatNumber(lang, Math.round(v)) });
    return t('compare.value.count', { v: formatNumber(lang, v) });
  };
  const max = format === 'percent' ? 1 : Math.max(1, a ?? 0, b ?? 0);
  const x = scaleLinear()
    .domain([0, max])
    .range([0, METRIC_W - LABEL_W - VALUE_W]);
  const rows = [
    { side: 'A', value: a, cls: 'compare-bar--a', y: 6 },
    { side: 'B', value: b, cls: 'compare-bar--b', y: 34 },
  ];
  const label = `${t(title)}: A ${show(a)}, B ${show(b)}`;
  return (
    <figure className="compare-metric">
      <figcaption>{t(title)}</figcaption>
      <svg width={METRIC_W} height={METRIC_H} role="img" aria-label={label}>
        {rows.map((r) => (
          <g key={r.side} transform={`translate(0, ${r.y})`}>
            <text x={0} y={16} className="compare-side-letter">
              {r.side}
            </text>
            <rect
              x={LABEL_W}
              y={2}
              width={METRIC_W - LABEL_W - VALUE_W}
              height={18}
              className="compare-track"
            />
            <rect
              x={LABEL_W}
              y={2}
              width={Math.max(r.value ? 2 : 0, x(r.value ?? 0))}
              height={18}
              className={r.cls}
            />
            <text x={METRIC_W - VALUE_W + 6} y={16} className="compare-value">
              {show(r.value)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

const QUEUE_H = 118;
const QUEUE_TOP = 16;
const QUEUE_BOTTOM = 36;

/** Stores per broker:queue, A and B side by side for each queue, counts written above the bars. */
function PerQueueChart({ a, b, width }: { a: TraceSummary; b: TraceSummary; width: number }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const rows = queueRows(a, b);
  const x = scaleBand<string>()
    .domain(rows.map((r) => r.queue))
    .range([8, width - 8])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const inner = scaleBand<string>().domain(['A', 'B']).range([0, x.bandwidth()]).padding(0.08);
  const max = Math.max(1, ...rows.map((r) => Math.max(r.a, r.b)));
  const y = scaleLinear()
    .domain([0, max])
    .range([QUEUE_H - QUEUE_BOTTOM, QUEUE_TOP]);
  const n = (v: number) => formatNumber(lang, v);
  const label = `${t('compare.metric.perQueue')}: ${rows.map((r) => `${r.queue} A ${n(r.a)}, B ${n(r.b)}`).join('; ')}`;
  const small = x.bandwidth() < 60;
  return (
    <figure className="compare-metric compare-metric--wide">
      <figcaption>
        {t('compare.metric.perQueue')}{' '}
        <span className="compare-legend">
          <svg width="14" height="12" aria-hidden="true">
            <rect width="14" height="12" className="compare-bar--a" />
          </svg>{' '}
          A{' '}
          <svg width="14" height="12" aria-hidden="true">
            <rect width="14" height="12" className="compare-bar--b" />
          </svg>{' '}
          B
        </span>
      </figcaption>
      <svg width={width} height={QUEUE_H} role="img" aria-label={label}>
        <line
          x1={0}
          x2={width}
          y1={QUEUE_H - QUEUE_BOTTOM}
          y2={QUEUE_H - QUEUE_BOTTOM}
          className="compare-axis"
        />
        {rows.map((r) => (
          <g key={r.queue} transform={`translate(${x(r.queue) ?? 0}, 0)`}>
            {(['A', 'B'] as const).map((side) => {
              const value = side === 'A' ? r.a : r.b;
              const bx = inner(side) ?? 0;
              const top = y(value);
              return (
                <g key={side}>
                  <rect
                    x={bx}
                    y={top}
                    width={inner.bandwidth()}
                    height={QUEUE_H - QUEUE_BOTTOM - top}
                    className={side === 'A' ? 'compare-bar--a' : 'compare-bar--b'}
                  />
                  <text
                    x={bx + inner.bandwidth() / 2}
                    y={top - 3}
                    className="compare-count"
                    textAnchor="middle"
                  >
                    {n(value)}
                  </text>
                  {!small && (
                    <text
                      x={bx + inner.bandwidth() / 2}
                      y={QUEUE_H - QUEUE_BOTTOM + 13}
                      className="compare-side-small"
                      textAnchor="middle"
                    >
                      {side}
                    </text>
                  )}
                </g>
              );
            })}
            <text x={x.bandwidth() / 2} y={QUEUE_H - 6} className="compare-queue-name" textAnchor="middle">
              {r.queue}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** The summary of what differs, as plots: each metric for A and B, and the stores per queue. */
export function CompareCharts({ a, b, width }: { a: TraceSummary; b: TraceSummary; width: number }) {
  return (
    <div className="compare-charts">
      <HatchDefs />
      <MetricChart title="compare.metric.success" a={a.successRate} b={b.successRate} format="percent" />
      <MetricChart title="compare.metric.p50" a={a.p50CostMs} b={b.p50CostMs} format="ms" />
      <MetricChart title="compare.metric.p99" a={a.p99CostMs} b={b.p99CostMs} format="ms" />
      <MetricChart title="compare.metric.retries" a={a.retried} b={b.retried} format="count" />
      <MetricChart title="compare.metric.duplicates" a={a.duplicates} b={b.duplicates} format="count" />
      <PerQueueChart a={a} b={b} width={width} />
    </div>
  );
}
