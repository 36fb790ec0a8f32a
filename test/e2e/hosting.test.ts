import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openWatchedPage, screenshot } from './setup/browser';
import { presetTrace } from './setup/presetTrace';
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

  it('runs imported scenarios with the server stopped, also after runs were cancelled', async () => {
    // A run long enough to cancel (the benchmark's), and a small one to import after it.
    const dir = mkdtempSync(join(tmpdir(), 'sendpath-offline-'));
    const big = join(dir, 'big-run.json');
    writeFileSync(
      big,
      JSON.stringify({
        version: 1,
        id: 'big-run',
        rocketmqVersion: '4.9.8',
        durationMs: 110_000,
        brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
        workload: [{ count: 100_000, ratePerSecond: 1000, mode: 'ASYNC', topic: 'TopicTest' }],
      }),
    );
    const presetFile = (id: string) => resolve(import.meta.dirname, `../../public/scenarios/${id}.json`);
    const server = await serveStatic(distDir, '/');
    const watched = await openWatchedPage(browser, `${server.url}?lang=en`);
    try {
      const { page } = watched;
      const position = page.getByTestId('playback-position');
      await expect.poll(() => position.textContent()).toContain('/ ');
      // Everything the page needs is loaded; then the server goes away.
      await page.getByRole('button', { name: 'Edit scenario' }).click();
      await page.getByRole('tab', { name: 'JSON' }).click();
      await page.waitForLoadState('networkidle');
      await server.close();
      page.on('requestfailed', (request) => watched.problems.push(`request failed: ${request.url()}`));
      const input = page.locator('.se-json input[type="file"]');
      const cancel = page.getByRole('button', { name: 'Cancel the run' });
      // Twice: each Cancel ends a worker, and the next one starts from the page's copy of its script.
      for (const small of ['happy-path-sync', 'happy-path-async']) {
        await input.setInputFiles(big);
        await cancel.waitFor({ timeout: 30_000 });
        await cancel.click();
        await page.getByTestId('run-cancelled').waitFor();
        const total = presetTrace(small).length.toLocaleString('en');
        await input.setInputFiles(presetFile(small));
        await expect.poll(() => position.textContent(), { timeout: 30_000 }).toContain(`/ ${total}`);
        expect(await page.getByTestId('run-cancelled').count()).toBe(0);
      }
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
