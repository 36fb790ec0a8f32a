import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from './chromium';

export { CHROMIUM_PATH, launchChromium };

export const ARTIFACTS = resolve(import.meta.dirname, '../../../artifacts/screenshots');
export const DOCS = resolve(import.meta.dirname, '../../../docs');

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A page that records everything a browser test must fail on: console errors, uncaught exceptions, and
 * any request to a host other than localhost (which is also aborted, so nothing leaves the machine).
 */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  close(): Promise<void>;
}

export async function openWatchedPage(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number; locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  });
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.protocol === 'data:' || target.protocol === 'blob:' || LOCAL_HOSTS.has(target.hostname)) {
      return route.continue();
    }
    problems.push(`request outside localhost: ${target.href}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, context, problems, close: () => context.close() };
}

export async function screenshot(page: Page, name: string, dir = ARTIFACTS): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * One Chromium for a test file, and `withPage`: opens a page, runs the body, and fails the test on any
 * console error, uncaught exception or request outside localhost that the page made meanwhile.
 */
export function chromiumForFile(baseUrl: string) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const current = (): Browser => {
    if (!browser) throw new Error('Chromium is not running: call chromiumForFile at the top of a test file');
    return browser;
  };
  async function withPage(
    path: string,
    body: (watched: WatchedPage) => Promise<void>,
    options?: Parameters<typeof openWatchedPage>[2],
  ): Promise<void> {
    const watched = await openWatchedPage(current(), new URL(path, baseUrl).href, options);
    try {
      await body(watched);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  }
  return { browser: current, withPage };
}
