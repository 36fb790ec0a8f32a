/** The two picture formats a panel exports to. */
export type ExportFormat = 'svg' | 'png';

export interface ExportNaming {
  /** The panel's stable id (`topology`, `timeoutBudget`, ...), the same in every language. */
  panel: string;
  /** The scenario's id, or null when it has none. */
  scenarioId: string | null;
  /** The cursor: how many events are applied. */
  step: number;
}

/**
 * Scenario ids come from files and share links, so they are data: keep only characters that are safe in a
 * file name on every system, and never an empty or dot-only name.
 */
export function fileNamePart(text: string | null, fallback: string): string {
  const cleaned = (text ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/g, '');
  return cleaned === '' ? fallback : cleaned;
}

/** `sendpath-<panel>-<scenarioId>-step<N>.<svg|png>`: sorts by panel, then scenario, then step. */
export function panelExportFileName(naming: ExportNaming, format: ExportFormat): string {
  const step = Number.isSafeInteger(naming.step) && naming.step >= 0 ? naming.step : 0;
  const panel = fileNamePart(naming.panel, 'panel');
  const scenario = fileNamePart(naming.scenarioId, 'scenario');
  return `sendpath-${panel}-${scenario}-step${step}.${format}`;
}
