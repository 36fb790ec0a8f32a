import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile } from './setup/browser';

/**
 * Keyboard alone: everything interactive is reachable by Tab in reading order, focus is visible on each
 * stop, and the playback controls, the help, the filters and the timeline work without a mouse.
 */

const baseUrl = inject('baseUrl');
const chromium = chromiumForFile(baseUrl);
const withPage = chromium.withPage;

/** Where the focus is: a label for messages, the landmark it is in, and its focus ring as computed. */
interface Stop {
  id: string;
  label: string;
  region: string;
  ring: string;
}

/** Tags the focused element (data-kb) and describes it. */
function focused(page: Page, index: number): Promise<Stop | null> {
  return page.evaluate((i) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    if (!el.dataset.kb) el.dataset.kb = String(i);
    const region = el.closest('section[aria-labelledby], section[aria-label], header, dialog');
    const regionName =
      region?.getAttribute('aria-label') ??
      (region?.getAttribute('aria-labelledby')
        ? document.getElementById(region.getAttribute('aria-labelledby')!)?.textContent
        : region?.tagName.toLowerCase()) ??
      'page';
    const style = getComputedStyle(el);
    const outline = style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : style.outline;
    const ring = `${outline} | ${style.boxShadow}`;
    const label = `${el.tagName.toLowerCase()}[${el.getAttribute('role') ?? ''}] "${(
      el.getAttribute('aria-label') ??
      el.textContent ??
      ''
    )
      .trim()
      .slice(0, 40)}"`;
    return { id: el.dataset.kb, label, region: regionName ?? 'page', ring };
  }, index);
}

/** The ring of an element when it is not focused. */
function ringOf(page: Page, id: string): Promise<string> {
  return page.evaluate((kb) => {
    const el = document.querySelector<HTMLElement>(`[data-kb="${kb}"]`);
    if (!el) return 'gone';
    const style = getComputedStyle(el);
    const outline = style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : style.outline;
    return `${outline} | ${style.boxShadow}`;
  }, id);
}

/** Tabs through the page from the top until the focus comes back round; returns every stop. */
async function tabRound(page: Page, limit = 250): Promise<Stop[]> {
  // Start before the first control, whatever was clicked or focused last.
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Shift+Tab');
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page, i);
    if (stop === null) break;
    if (stops.some((s) => s.id === stop.id)) break;
    stops.push(stop);
  }
  return stops;
}

const REGION_ORDER = [
  'header',
  'Playback',
  'Topology',
  'Queue selection',
  'Thread pool',
  'Timeout budget',
  'Call path',
  'Event log',
];

describe('keyboard only, in Chromium at 1280x720', () => {
  it('reaches every control by Tab in reading order, with a visible focus ring on each', async () => {
    await withPage('?lang=en&step=20', async ({ page }) => {
      // The waterfall's rows are buttons too: show them, and let the budget view keep its message list.
      await page
        .getByRole('region', { name: 'Timeout budget' })
        .getByRole('button', { name: /^Waterfall/ })
        .click();
      const stops = await tabRound(page);
      const problems: string[] = [];

      expect(stops[0]?.label).toContain('Skip to the panels');
      // Landmarks are visited in reading order, each once (the skip link and the page's own stops aside).
      const regions = stops.map((s) => s.region).filter((r) => REGION_ORDER.includes(r));
      const firstSeen = [...new Set(regions)];
      expect(firstSeen).toEqual(REGION_ORDER.filter((r) => firstSeen.includes(r)));
      // (The thread pool and the call path have no controls in this synchronous demo.)
      for (const r of ['header', 'Playback', 'Topology', 'Queue selection', 'Timeout budget', 'Event log']) {
        expect(firstSeen, r).toContain(r);
      }
      const runs = regions.filter((r, i) => i === 0 || regions[i - 1] !== r);
      expect(runs, 'each landmark is one run of Tab stops').toEqual(firstSeen);

      // Every focusable, visible control is among the stops.
      const missed = await page.evaluate(() => {
        const candidates = document.querySelectorAll<HTMLElement>(
          'a[href], button, select, input, textarea, [tabindex]:not([tabindex="-1"])',
        );
        return [...candidates]
          .filter((el) => !el.dataset.kb)
          .filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0)
          .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
          .filter((el) => !el.closest('dialog:not([open])') && !el.classList.contains('skip-link'))
          .map(
            (el) =>
              `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}"`,
          );
      });
      expect(missed).toEqual([]);

      // Focus is visible: a ring on focus, different from the same control unfocused.
      for (const stop of stops) {
        if (stop.ring === 'none | none') problems.push(`${stop.region}: ${stop.label} has no focus ring`);
        // The skip link shows itself by coming into view on focus (checked below), not by a ring.
        if (stop.label.includes('Skip to the panels')) continue;
        const rest = await ringOf(page, stop.id);
        if (rest === stop.ring) problems.push(`${stop.region}: ${stop.label} looks the same focused and not`);
      }
      expect(problems).toEqual([]);
      await page.locator('.skip-link').focus();
      expect((await page.locator('.skip-link').boundingBox())?.y).toBeGreaterThanOrEqual(0);

      const kinds = new Set(stops.map((s) => s.label.replace(/ ".*$/, '')));
      for (const kind of ['button[]', 'select[]', 'svg[slider]', 'div[listbox]'])
        expect(kinds).toContain(kind);
      // The waterfall's rows are stops of their own.
      const waterfallRows = await page.locator('.budget-wf-row[data-kb]').count();
      expect(waterfallRows).toBeGreaterThan(0);
      expect(waterfallRows).toBe(await page.locator('.budget-wf-row').count());
    });
  });

  it('shows which event-log row the arrows are on, only while the log has the focus', async () => {
    await withPage('?lang=en&step=10', async ({ page }) => {
      const list = page.getByRole('listbox', { name: 'Trace events' });
      const ringOfActive = () =>
        page.evaluate(() => {
          const list = document.querySelector('[role="listbox"]')!;
          const id = list.getAttribute('aria-activedescendant');
          const row = id ? document.getElementById(id) : list.querySelector('.log-row--active');
          return row ? getComputedStyle(row).boxShadow : 'no row';
        });
      expect(await ringOfActive()).toBe('none');
      await list.focus();
      await page.keyboard.press('ArrowDown');
      expect(await list.getAttribute('aria-activedescendant')).toBeTruthy();
      expect(await ringOfActive()).not.toBe('none');
      // Enter moves the cursor to the row the arrows are on.
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('playback-position').innerText()).toMatch(/event 11 \//);
    });
  });

  it('plays, steps and restarts from the focused playback buttons', async () => {
    await withPage('?lang=en', async ({ page }) => {
      const position = () => page.getByTestId('playback-position').innerText();
      await page.getByRole('button', { name: 'Step forward', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Space');
      expect(await position()).toMatch(/event 2 \//);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Step back');
      await page.keyboard.press('Enter');
      expect(await position()).toMatch(/event 1 \//);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      expect(await page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
      await page.keyboard.press('Space');
      expect(await page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
      await page.getByRole('button', { name: 'Restart', exact: true }).focus();
      await page.keyboard.press('Enter');
      expect(await position()).toMatch(/before event 1 \//);
    });
  });

  it('opens the help with ?, closes it with Escape and gives the focus back', async () => {
    await withPage('?lang=en', async ({ page }) => {
      const slider = page.getByRole('slider', { name: 'Timeline' });
      await slider.focus();
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
      await page.keyboard.press('Escape');
      expect(await dialog.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('slider');
      // And from the help button, with Enter.
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('dialog');
    });
  });

  it('filters the event log and scrubs the timeline from the keyboard', async () => {
    await withPage('?lang=en', async ({ page }) => {
      const count = page.locator('.event-log__count');
      const all = await count.innerText();
      await page.getByRole('combobox', { name: 'Kind' }).focus();
      await page.keyboard.press('ArrowDown');
      expect(await count.innerText()).not.toBe(all);
      await page.keyboard.press('Home');
      expect(await count.innerText()).toBe(all);

      const slider = page.getByRole('slider', { name: 'Timeline' });
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await slider.getAttribute('aria-valuenow')).toBe('2');
      await page.keyboard.press('PageDown');
      expect(Number(await slider.getAttribute('aria-valuenow'))).toBeGreaterThan(2);
      await page.keyboard.press('End');
      expect(await slider.getAttribute('aria-valuenow')).toBe(await slider.getAttribute('aria-valuemax'));
      await page.keyboard.press('Home');
      expect(await slider.getAttribute('aria-valuenow')).toBe('0');
    });
  });
});
