/** Geometry of the Thread pool panel, pure so tests can call it. */

export interface WaitGauge {
  /** Share of the timeout spent waiting, clipped to 0..1, for the bar's width. */
  share: number;
  /** The wait reached the timeout: `timeout > costTime` fails, the budget is eaten. */
  eaten: boolean;
  /** Unclipped percentage, or null when the task has no known timeout. */
  percent: number | null;
}

/** How much of a task's timeout its queue wait has used (DefaultMQProducerImpl async send, 4.x). */
export function waitGauge(waitedMs: number, timeoutMs: number | null): WaitGauge {
  if (timeoutMs === null || timeoutMs <= 0) return { share: 0, eaten: false, percent: null };
  const ratio = Math.max(0, waitedMs) / timeoutMs;
  return { share: Math.min(1, ratio), eaten: waitedMs >= timeoutMs, percent: Math.round(ratio * 100) };
}

/**
 * How many chips of `chipWidth` fit in a row of `width` (with `gap` between), keeping room for a "+N more"
 * marker of `moreWidth` when not all `total` chips fit.
 */
export function chipsThatFit(
  width: number,
  chipWidth: number,
  gap: number,
  total: number,
  moreWidth: number,
): number {
  const fit = Math.max(0, Math.floor((width + gap) / (chipWidth + gap)));
  if (total <= fit) return total;
  return Math.max(0, Math.floor((width - moreWidth + gap) / (chipWidth + gap)));
}
