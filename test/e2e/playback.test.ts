import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, chromiumForFile } from './setup/browser';
import { firstEvent, presetTrace } from './setup/presetTrace';
import type { TraceEvent } from '../../src/trace/types';

const baseUrl = inject('baseUrl');
const chromium = chromiumForFile(baseUrl);
const withPage = chromium.withPage;

/** The default preset's trace (the page opens it when the URL names none), and its retry's queue choice. */
const trace = presetTrace();
type QueueSelect = { seq: number; attempt: number; brokerName: string; queueId: number };
const retrySelect = firstEvent<QueueSelect & TraceEvent>(trace, 'queue.select', (e) => e.attempt === 1);
/** The step that shows the retry's queue selection (the cursor is after that event). */
const RETRY_STEP = retrySelect.seq + 1;

const stepInUrl = (page: Page) => new URL(page.url()).searchParams.get('step');
const position = (page: Page) => page.getByTestId('playback-position').innerText();
/** The `seq` of the event-log row at the cursor. */
const currentRow = (page: Page) =>
  page
    .getByRole('listbox', { name: 'Trace events' })
    .locator('[role="option"][aria-selected="true"]')
    .getAttribute('data-seq');
/** Waits for the throttled URL write. */
const settle = (page: Page) => page.waitForTimeout(350);

describe('playback in Chromium at 1280x720', () => {
  it('loads a trace and names every playback control as DESIGN.md says', async () => {
    await withPage('?lang=en', async ({ page }) => {
      for (const name of ['Play', 'Step forward', 'Step back', 'Restart']) {
        expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
      }
      expect(await position(page)).toMatch(/before event 1 \/ \d+/);
      expect(await page.getByRole('region', { name: 'Playback' }).count()).toBe(1);
      expect(await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuenow')).toBe('0');
    });
  });

  it('steps forward and back with the arrow keys and the buttons, and keeps step= in the URL', async () => {
    await withPage('?lang=en', async ({ page }) => {
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      await settle(page);
      expect(stepInUrl(page)).toBe('6');
      expect(await position(page)).toMatch(/event 6 \//);
      expect(await currentRow(page)).toBe('5');
      await page.keyboard.press('ArrowLeft');
      await settle(page);
      expect(stepInUrl(page)).toBe('5');
      expect(await currentRow(page)).toBe('4');
      await page.getByRole('button', { name: 'Step forward', exact: true }).click();
      await page.getByRole('button', { name: 'Step forward', exact: true }).click();
      await settle(page);
      expect(stepInUrl(page)).toBe('7');
      await page.getByRole('button', { name: 'Step back', exact: true }).click();
      await settle(page);
      expect(stepInUrl(page)).toBe('6');
    });
  });

  it('plays and pauses with Space and with the one Play/Pause button', async () => {
    await withPage('?lang=en', async ({ page }) => {
      await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Space');
      expect(await page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
      await page.waitForTimeout(900);
      await page.keyboard.press('Space');
      expect(await page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
      const paused = Number(
        await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuenow'),
      );
      expect(paused).toBeGreaterThan(2);
      expect(paused).toBeLessThan(20);
      await page.waitForTimeout(300);
      expect(Number(await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuenow'))).toBe(
        paused,
      );
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(400);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      expect(
        Number(await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuenow')),
      ).toBeGreaterThan(paused);
    });
  });

  it('goes back to before the first event with Home', async () => {
    await withPage('?lang=en&step=12', async ({ page }) => {
      expect(await position(page)).toMatch(/event 12 \//);
      await page.keyboard.press('Home');
      await settle(page);
      expect(await position(page)).toMatch(/before event 1/);
      expect(stepInUrl(page)).toBe('0');
    });
  });

  it('opens at the step in the URL, and ignores a step that is not a number', async () => {
    await withPage(`?lang=en&step=${RETRY_STEP}`, async ({ page }) => {
      expect(await position(page)).toMatch(new RegExp(`event ${RETRY_STEP} /`));
      expect(await currentRow(page)).toBe(String(retrySelect.seq));
      // The panels say what the trace says at that step: the retry's queue.select and the queue it chose.
      expect(await page.getByRole('region', { name: 'Call path' }).innerText()).toContain(
        'MQFaultStrategy.selectOneMessageQueue',
      );
      expect(await page.getByRole('region', { name: 'Queue selection' }).innerText()).toContain(
        `${retrySelect.brokerName}:${retrySelect.queueId}`,
      );
    });
    await withPage('?lang=en&step=abc', async ({ page }) => {
      expect(await position(page)).toMatch(/before event 1/);
    });
    await withPage('?lang=en&step=999999', async ({ page }) => {
      expect(await position(page)).toMatch(/event (\d+) \/ \1/);
    });
  });

  it('lists every shortcut in the ? help, and closes it with Escape', async () => {
    await withPage('?lang=en', async ({ page }) => {
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      expect(await dialog.isVisible()).toBe(true);
      const text = await dialog.innerText();
      for (const expected of [
        'Space',
        'Play / Pause',
        'Step forward',
        'Step back',
        'Home',
        'Restart',
        'Esc',
      ]) {
        expect(text).toContain(expected);
      }
      await screenshot(page, 'playback-help-en');
      await page.keyboard.press('ArrowRight');
      expect(await position(page)).toMatch(/before event 1/);
      await page.keyboard.press('Escape');
      expect(await dialog.isVisible()).toBe(false);
      await page.keyboard.press('ArrowRight');
      expect(await position(page)).toMatch(/event 1 \//);
    });
  });

  it('moves the cursor to a clicked log row and to a clicked timeline mark', async () => {
    await withPage('?lang=en&step=3', async ({ page }) => {
      const log = page.getByRole('listbox', { name: 'Trace events' });
      // Row 9 is below the view: scrolling the log renders it (only rows in view exist).
      expect(await log.locator('[role="option"][data-seq="9"]').count()).toBe(0);
      await log.hover();
      await page.mouse.wheel(0, 120);
      await log.locator('[role="option"][data-seq="9"]').click();
      await settle(page);
      expect(stepInUrl(page)).toBe('10');
      // The call path shows the clicked event (seq 9) with its upstream method.
      const clicked = trace.at(9)!;
      const callPath = await page.getByRole('region', { name: 'Call path' }).innerText();
      expect(callPath).toContain(`Event 9 · ${clicked.kind}`);
      expect(callPath).toContain(`${clicked.code.cls}.${clicked.code.method}`);
      const mark = page
        .getByRole('group', { name: 'Notable events on the timeline' })
        .getByRole('button')
        .first();
      await mark.click();
      await settle(page);
      expect(Number(stepInUrl(page))).toBeGreaterThan(10);
      expect(await currentRow(page)).toBe(String(Number(stepInUrl(page)) - 1));
    });
  });

  it('does not take the arrow keys while a filter has the focus', async () => {
    await withPage('?lang=en&step=4', async ({ page }) => {
      await page.getByRole('combobox', { name: 'Kind' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await position(page)).toMatch(/event 4 \//);
    });
  });

  it('looks right in English and in Chinese, light and dark (screenshots)', async () => {
    await withPage(`?lang=en&step=${RETRY_STEP}`, async ({ page }) => {
      await screenshot(page, 'playback-en');
    });
    await withPage(`?lang=zh&step=${RETRY_STEP}`, async ({ page }) => {
      expect(await page.getByRole('button', { name: '播放', exact: true }).count()).toBe(1);
      expect(await page.getByRole('region', { name: '调用路径' }).innerText()).toContain('第 2 次尝试');
      await screenshot(page, 'playback-zh');
    });
    await withPage(
      '?lang=en&step=24',
      async ({ page }) => {
        await screenshot(page, 'playback-en-dark');
      },
      { colorScheme: 'dark' },
    );
  });

  it('fits the page in 1280x720 without a scrollbar', async () => {
    await withPage(`?lang=zh&step=${RETRY_STEP}`, async ({ page }) => {
      const size = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight,
      }));
      expect(size.width).toBeLessThanOrEqual(1280);
      expect(size.height).toBeLessThanOrEqual(720);
    });
  });
});
