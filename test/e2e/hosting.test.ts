import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openWatchedPage, screenshot } from './setup/browser';
import { serveStatic, type StaticServer } from './setup/static-server';

let browser: Browser;
const distDir = inject('distDir');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const LANDMARKS = ['Topology', 'Queue selection', 'Thread pool', 'Timeout budget', 'Call path', 'Event log'];

describe('static hosting of the build', () => {
  it('works from a static host under a sub-path, with every asset found', async () => {
    const server: StaticServer = await serveStatic(distDir, '/some/sub/path/');
    try {
      const watched = await openWatchedPage(browser, `${server.url}?lang=en`);
      try {
        for (const name of LANDMARKS) {
          expect(await watched.page.getByRole('region', { name, exact: true }).count(), name).toBe(1);
        }
        await watched.page.keyboard.press('ArrowRight');
        await watched.page.waitForTimeout(350);
        expect(new URL(watched.page.url()).pathname).toBe('/some/sub/path/');
        expect(new URL(watched.page.url()).searchParams.get('step')).toBe('1');
        await screenshot(watched.page, 'hosting-sub-path');
        // Every request went to the sub-path (a root-relative asset URL would have been a 404 here).
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.close();
      }
    } finally {
      await server.close();
    }
  });

  it('keeps working once loaded when the server is stopped', async () => {
    const server = await serveStatic(distDir, '/');
    const watched = await openWatchedPage(browser, `${server.url}?lang=en`);
    try {
      await server.close();
      const { page } = watched;
      page.on('requestfailed', (request) => watched.problems.push(`request failed: ${request.url()}`));
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(350);
      expect(new URL(page.url()).searchParams.get('step')).toBe('5');
      await page.keyboard.press('ArrowLeft');
      await page.waitForTimeout(350);
      expect(new URL(page.url()).searchParams.get('step')).toBe('4');
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Chinese' }).click();
      expect(await page.getByRole('region', { name: '拓扑' }).count()).toBe(1);
      await page.getByRole('button', { name: '播放' }).click();
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: '暂停' }).click();
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
