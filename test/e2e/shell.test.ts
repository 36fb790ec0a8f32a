import { describe, expect, inject, it } from 'vitest';
import { DOCS, openWatchedPage, screenshot, chromiumForFile } from './setup/browser';

const LANDMARKS_EN = [
  'Topology',
  'Queue selection',
  'Thread pool',
  'Timeout budget',
  'Call path',
  'Event log',
  'Scenario',
];
const LANDMARKS_ZH = ['拓扑', '选择队列', '线程池', '超时预算', '调用路径', '事件日志', '场景'];

const baseUrl = inject('baseUrl');
const chromium = chromiumForFile(baseUrl);
const withPage = chromium.withPage;

describe('the app shell in Chromium at 1280x720', () => {
  it('shows the product name and every landmark in English under ?lang=en', async () => {
    await withPage('?lang=en', async ({ page }) => {
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('SendPath');
      for (const name of LANDMARKS_EN) {
        expect(await page.getByRole('region', { name, exact: true }).count(), name).toBe(1);
      }
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await screenshot(page, 'shell-en');
      await screenshot(page, 'screenshot-en', DOCS);
    });
  });

  it('shows the product name and every landmark in Chinese under ?lang=zh', async () => {
    await withPage('?lang=zh', async ({ page }) => {
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('SendPath');
      for (const name of LANDMARKS_ZH) {
        expect(await page.getByRole('region', { name, exact: true }).count(), name).toBe(1);
      }
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await screenshot(page, 'shell-zh');
      await screenshot(page, 'screenshot-zh', DOCS);
    });
  });

  it('follows the browser language when there is no ?lang=, and falls back to Chinese', async () => {
    await withPage(
      '',
      async ({ page }) => {
        expect(await page.getByRole('region', { name: 'Topology' }).count()).toBe(1);
      },
      { locale: 'en-GB' },
    );
    await withPage(
      '',
      async ({ page }) => {
        expect(await page.getByRole('region', { name: '拓扑' }).count()).toBe(1);
      },
      { locale: 'zh-CN' },
    );
    await withPage(
      '',
      async ({ page }) => {
        expect(await page.getByRole('region', { name: '拓扑' }).count()).toBe(1);
      },
      { locale: 'fr-FR' },
    );
  });

  it('switches language with the visible switch, puts it in the URL and remembers it after a reload', async () => {
    await withPage(
      '?lang=en',
      async ({ page }) => {
        await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Chinese' }).click();
        expect(await page.getByRole('region', { name: '拓扑' }).count()).toBe(1);
        expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
        await page.goto(new URL(baseUrl).href, { waitUntil: 'networkidle' });
        expect(await page.getByRole('region', { name: '拓扑' }).count()).toBe(1);
        await page.getByRole('group', { name: '语言' }).getByRole('button', { name: '英文' }).click();
        expect(await page.getByRole('region', { name: 'Topology' }).count()).toBe(1);
      },
      { locale: 'en-US' },
    );
  });

  it('switches between light and dark themes and remembers the choice', async () => {
    await withPage('?lang=en', async ({ page }) => {
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      expect(await theme()).toBe('light');
      await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: 'Dark' }).click();
      expect(await theme()).toBe('dark');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toBe('rgb(238, 240, 243)');
      await screenshot(page, 'shell-en-dark');
      await page.reload({ waitUntil: 'networkidle' });
      expect(await theme()).toBe('dark');
    });
  });

  it('is governed by a Content-Security-Policy that blocks any request outside its own origin', async () => {
    const watched = await openWatchedPage(chromium.browser(), new URL('?lang=en', baseUrl).href);
    try {
      const policy = await watched.page.evaluate(
        () =>
          document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      );
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      const outcome = await watched.page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
        const fetched = await fetch('http://example.org/').then(
          () => 'fetched',
          () => 'blocked',
        );
        const img = document.createElement('img');
        img.src = 'http://example.org/pixel.png';
        document.body.append(img);
        await new Promise((done) => setTimeout(done, 200));
        return { fetched, violations };
      });
      expect(outcome.fetched).toBe('blocked');
      expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
      // The policy stopped both before the network: the watcher saw no outside request at all.
      expect(watched.problems.filter((p) => p.startsWith('request outside'))).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
