import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_PRESET } from '../../src/app/loadScenario';
import { exportTraceJsonLines } from '../../src/share/importExport';
import { chromiumForFile } from './setup/browser';
import { presetTrace } from './setup/presetTrace';

const chromium = chromiumForFile(inject('baseUrl'));

describe('trace export in Chromium', () => {
  for (const [lang, name] of [
    ['en', 'Export the trace as JSONL (JSON lines, as npm run sim prints it)'],
    ['zh', '将事件追踪导出为 JSONL（JSON Lines，与 npm run sim 的输出相同）'],
  ] as const) {
    it(`downloads the page's trace as JSON lines, byte for byte what Node's engine gives (${lang})`, async () => {
      await chromium.withPage(`?lang=${lang}`, async ({ page }) => {
        await page.getByRole('slider').first().waitFor();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name, exact: true }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`${DEFAULT_PRESET}.trace.jsonl`);
        const text = await readFile((await download.path())!, 'utf8');
        expect(text).toBe(exportTraceJsonLines(presetTrace()));
      });
    });
  }
});
