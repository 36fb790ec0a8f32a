import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile, openWatchedPage } from './setup/browser';

const CORPUS = resolve(import.meta.dirname, '../fixtures/hostile');
/** Import files the importer accepts (see test/unit/share/corpus.test.ts); every other one is refused. */
const ACCEPTED = new Set(['valid.json', 'markup-in-free-text.json', 'bom.txt']);

/** The corpus's import files: everything that is not a link, the README or a generator. */
const files = readdirSync(CORPUS)
  .filter((name) => !name.endsWith('.link.txt') && !name.endsWith('.ts') && name !== 'README.md')
  .sort();

const baseUrl = inject('baseUrl');
const chromium = chromiumForFile(baseUrl);

/** Opens the page and records every dialog (an `alert` from markup would be one), dismissing it. */
async function openRecordingDialogs(path: string) {
  const watched = await openWatchedPage(chromium.browser(), `${baseUrl}${path}`);
  const dialogs: string[] = [];
  watched.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { ...watched, dialogs };
}

/** The page's scenario name and trace length, which a refused import must leave as they were. */
async function onScreen(page: Page): Promise<{ position: string; scenario: string }> {
  return {
    position: (await page.getByTestId('playback-position').textContent()) ?? '',
    scenario: (await page.getByRole('region', { name: 'Scenario', exact: true }).textContent()) ?? '',
  };
}

async function importThroughEditor(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await page.getByRole('region', { name: 'Scenario editor' }).waitFor();
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.locator('.se-json input[type="file"]').setInputFiles(resolve(CORPUS, file));
}

describe('hostile import files opened through the scenario editor', () => {
  it('the corpus has import files of every kind', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of ['proto-keys.json', 'deep-nesting.json', 'invalid-utf8.txt', 'markup-everywhere.json']) {
      expect(files).toContain(f);
    }
  });

  it.each(files.filter((f) => !ACCEPTED.has(f)))(
    '%s: says what is wrong, keeps the scenario on screen (also after a reload), executes nothing',
    async (file) => {
      const watched = await openRecordingDialogs('?lang=en&step=5');
      const { dialogs } = watched;
      try {
        const { page } = watched;
        await page.getByRole('slider', { name: 'Timeline' }).waitFor();
        const before = await onScreen(page);
        await importThroughEditor(page, file);
        const problems = page.locator('.se-json .se-problems');
        await problems.waitFor({ timeout: 10_000 });
        expect((await problems.innerText()).trim().length).toBeGreaterThan(10);
        expect(await onScreen(page)).toEqual(before);
        // Markup from the file is never turned into elements, and no script ran.
        expect(await page.locator('img[src="x"], script:not([src]), iframe').count()).toBe(0);
        expect(dialogs).toEqual([]);
        await page.reload();
        await page.getByRole('slider', { name: 'Timeline' }).waitFor();
        await expect.poll(() => onScreen(page).then((s) => s.scenario)).toBe(before.scenario);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.close();
      }
    },
  );

  it('markup-in-free-text.json: an accepted file shows its markup as text, never as elements', async () => {
    const watched = await openRecordingDialogs('?lang=en');
    const { dialogs } = watched;
    try {
      const { page } = watched;
      await page.getByRole('slider', { name: 'Timeline' }).waitFor();
      await importThroughEditor(page, 'markup-in-free-text.json');
      await expect.poll(() => page.locator('.se-json .se-problems').count()).toBe(0);
      await expect.poll(() => page.locator('.se-json__text').inputValue()).toContain('<');
      expect(await page.locator('img[src="x"], script:not([src]), iframe').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
