/**
 * Test-only switches read from the page's address, never from scenario data (a scenario file or a `#s=`
 * share link cannot reach them). Documented in docs/architecture.md.
 *
 * `?debug=throw-panel:<panelId>`: the named panel throws while rendering, so its error boundary shows (the
 * failure-isolation browser test). Read once, on first use; "Try again" in that panel clears it.
 * Panel ids are the layout areas of `App.tsx`: topology, queue, pool, budget, callpath, log.
 */

const PANEL_ID = /^[a-z][a-z0-9-]{0,31}$/;

/** The panel id named by `?debug=throw-panel:<id>` in `search`, else null. */
export function parseThrowPanel(search: string): string | null {
  for (const value of new URLSearchParams(search).getAll('debug')) {
    const match = /^throw-panel:(.*)$/.exec(value);
    if (match && PANEL_ID.test(match[1] ?? '')) return match[1] ?? null;
  }
  return null;
}

let forcedPanel: string | null | undefined;

/** The panel to break for testing, read once from the page's address. */
export function forcedPanelFailure(): string | null {
  if (forcedPanel === undefined) {
    forcedPanel = typeof window === 'undefined' ? null : parseThrowPanel(window.location.search);
  }
  return forcedPanel;
}

/** Removes the cause of a forced failure (the panel's "Try again"). */
export function clearForcedPanelFailure(panelId: string): void {
  if (forcedPanelFailure() === panelId) forcedPanel = null;
}

/** The error a forced failure throws; its message names the switch, so a report shows where it came from. */
export class ForcedPanelError extends Error {
  constructor(panelId: string) {
    super(`forced failure of panel "${panelId}" (?debug=throw-panel)`);
    this.name = 'ForcedPanelError';
  }
}

/** Renders nothing, or throws when the address asks this panel to fail. */
export function ForcedFailure({ panelId }: { panelId: string }): null {
  if (forcedPanelFailure() === panelId) throw new ForcedPanelError(panelId);
  return null;
}
