import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openWatchedPage, screenshot } from './setup/browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('guided narration of a preset', () => {
  it.each([
    ['en', 'Guided tour', 'Step 1 of', 'Next step', 'Conclusion'],
    ['zh', '讲解导览', '第 1 步', '下一步讲解', '结论'],
  ])(
    'walks the duplicate preset step by step to its conclusion (%s)',
    async (lang, open, first, next, end) => {
      const watched = await openWatchedPage(
        browser,
        `${baseUrl}?lang=${lang}&preset=duplicate-after-timeout`,
      );
      try {
        const { page } = watched;
        await page.getByRole('button', { name: open }).click();
        const tour = page.getByRole('region', { name: open });
        expect(await tour.innerText()).toContain(first);
        await page.waitForTimeout(350);
        const firstStep = Number(new URL(page.url()).searchParams.get('step'));
        expect(firstStep).toBeGreaterThan(0);
        await tour.getByRole('button', { name: next }).click();
        await page.waitForTimeout(350);
        expect(Number(new URL(page.url()).searchParams.get('step'))).toBeGreaterThan(firstStep);
        await screenshot(page, `narration-${lang}`);
        for (let i = 0; i < 8 && (await tour.getByRole('button', { name: next }).isEnabled()); i++) {
          await tour.getByRole('button', { name: next }).click();
        }
        expect(await tour.innerText()).toContain(end);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.close();
      }
    },
  );
});
