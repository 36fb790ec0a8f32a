import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openWatchedPage } from './setup/browser';

const CORPUS = resolve(import.meta.dirname, '../fixtures/hostile');
/** Links the decoder accepts (see test/unit/share/corpus.test.ts); every other one must be refused on screen. */
const ACCEPTED = new Set([
  'valid.link.txt',
  'markup-in-free-text.link.txt',
  'utf8-bom-in-payload.link.txt',
  'bom-before-link.link.txt',
  'bad-step.link.txt',
  'negative-step.link.txt',
  'percent-encoded.link.txt',
]);

/** The fragment of each corpus link (what a pasted address brings to the page), for links that have one. */
const links = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.link.txt'))
  .sort()
  .map((name) => {
    const text = readFileSync(resolve(CORPUS, name), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim();
    return { name, fragment: text.includes('#') ? text.slice(text.indexOf('#')) : null };
  })
  .filter((link): link is { name: string; fragment: string } => link.fragment !== null);

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile share links opened in the page', () => {
  it('the corpus has links to open', () => {
    expect(links.length).toBeGreaterThan(20);
  });

  it.each(links.filter((l) => !ACCEPTED.has(l.name)))(
    '$name: shows what is wrong, keeps the page working, executes nothing',
    async ({ fragment }) => {
      const watched = await openWatchedPage(browser, `${baseUrl}?lang=en${fragment}`);
      const dialogs: string[] = [];
      watched.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      try {
        const { page } = watched;
        await page.getByRole('alert').first().waitFor({ timeout: 10_000 });
        expect((await page.getByRole('alert').first().innerText()).trim().length).toBeGreaterThan(10);
        expect(await page.getByRole('region', { name: 'Topology' }).count()).toBe(1);
        // Markup from the link is never turned into elements.
        expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(100);
        expect(dialogs).toEqual([]);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.close();
      }
    },
  );
});
