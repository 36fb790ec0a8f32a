import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openWatchedPage, screenshot } from './setup/browser';

/**
 * Failure isolation: `?debug=throw-panel:<id>` (src/app/debugFlags.ts) makes one panel throw; it shows the
 * failure in its place and the other panels keep stepping.
 */

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const OTHERS = ['Topology', 'Queue selection', 'Thread pool', 'Timeout budget', 'Event log'];
/** What React reports on the console for the error the switch throws: the only problem this test expects. */
const FORCED = 'forced failure of panel "callpath" (?debug=throw-panel)';

describe('failure isolation in Chromium at 1280x720', () => {
  it('a panel forced to throw shows the failure in its place; the others keep stepping', async () => {
    const watched = await openWatchedPage(
      browser,
      new URL('?lang=en&debug=throw-panel:callpath', baseUrl).href,
    );
    try {
      const { page, context } = watched;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(baseUrl).origin,
      });
      const callPath = page.getByRole('region', { name: 'Call path', exact: true });
      const alert = callPath.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('The Call path panel stopped working');
      expect(await alert.innerText()).toContain(`Error: ${FORCED}`);
      for (const name of OTHERS) {
        const region = page.getByRole('region', { name, exact: true });
        expect(await region.getByTestId('panel-failure').count(), name).toBe(0);
      }

      // The other panels follow the cursor as usual.
      const selectedRow = page
        .getByRole('listbox', { name: 'Trace events' })
        .locator('[role="option"][aria-selected="true"]');
      const before = await page.getByRole('region', { name: 'Topology', exact: true }).innerText();
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('playback-position').innerText()).toMatch(/event 6 \//);
      expect(await selectedRow.getAttribute('data-seq')).toBe('5');
      expect(await page.getByRole('region', { name: 'Topology', exact: true }).innerText()).not.toBe(before);
      await page.keyboard.press('ArrowLeft');
      expect(await selectedRow.getAttribute('data-seq')).toBe('4');
      await screenshot(page, 'isolation-callpath-failed');

      await page.waitForTimeout(350); // the throttled step= write
      // The report carries the panel, the error, the address (with step=) and the version.
      await callPath.getByRole('button', { name: 'Copy report' }).click();
      await page.waitForTimeout(400);
      const copied = await callPath.getByRole('status').innerText();
      const report =
        copied === 'The report is on the clipboard.'
          ? await page.evaluate(() => navigator.clipboard.readText())
          : await callPath.getByRole('textbox').inputValue();
      expect(report).toContain('Panel: Call path');
      expect(report).toContain(FORCED);
      expect(report).toMatch(/Page: http:\/\/127\.0\.0\.1:\d+\/\?.*step=5/);
      expect(report).toMatch(/Version: \d+\.\d+\.\d+/);

      // "Try again" removes the cause (the switch is cleared) and the panel comes back.
      await callPath.getByRole('button', { name: 'Try again' }).click();
      expect(await callPath.getByTestId('panel-failure').count()).toBe(0);
      expect(await callPath.getByRole('list', { name: 'Call stack at the cursor' }).count()).toBe(1);

      const unexpected = watched.problems.filter(
        (p) => !(p.startsWith('console error:') && p.includes(FORCED)),
      );
      expect(unexpected).toEqual([]);
      expect(watched.problems.length).toBeGreaterThan(0);
    } finally {
      await watched.close();
    }
  });

  it('without the switch no panel fails and nothing is logged; scenario data cannot set it', async () => {
    const watched = await openWatchedPage(
      browser,
      new URL('?lang=en#debug=throw-panel:callpath', baseUrl).href,
    );
    try {
      const { page } = watched;
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('panel-failure').count()).toBe(0);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
