import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, chromiumForFile } from './setup/browser';

const baseUrl = inject('baseUrl');
const chromium = chromiumForFile(baseUrl);
const withPage = chromium.withPage;

const TEXT = {
  en: {
    edit: 'Edit scenario',
    editor: 'Scenario editor',
    playback: 'Playback',
    play: 'Play',
    outcome: /Re-simulated|The simulation failed/,
    problems: /problem\(s\) below/,
    error:
      /^producer\.sendMsgTimeout: must be a whole number from 0 to 86400000 \(milliseconds\) \(got -5\)$/,
    network: 'Network latency',
    addLink: 'Add a link',
    schedule: 'Schedule',
    timesError:
      /^workload\[0\]\.timesMs\[1\]: must be a number of milliseconds from 0 to 86400000 \(got -1\)$/,
    keysHint: /default in 4\.5\.2: none.*keys\[i mod n\]/,
  },
  zh: {
    edit: '编辑场景',
    editor: '场景编辑器',
    playback: '播放',
    play: '播放',
    outcome: /已重新模拟|模拟失败/,
    problems: /个问题/,
    // The validator's message in Chinese: the path stays, the words are translated.
    error: /^producer\.sendMsgTimeout：必须是 0 到 86400000 之间的整数（毫秒）（实际为 -5）$/,
    network: '网络延迟',
    addLink: '添加链路',
    schedule: '发送节奏',
    timesError: /^workload\[0\]\.timesMs\[1\]：必须是 0 到 86400000 之间的毫秒数（实际为 -1）$/,
    keysHint: /4\.5\.2 默认值：无.*keys\[i mod n\]/,
  },
} as const;

async function producerInput(page: Page, name: string) {
  return page.locator(`.se-field[data-path="producer.${name}"] input`);
}

describe('the classroom features in Chromium at 1280x720', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`edits a producer setting and shows the inline error of an invalid value (${lang})`, async () => {
      const text = TEXT[lang];
      await withPage(`?lang=${lang}&preset=happy-path-sync`, async ({ page }) => {
        await page.getByRole('button', { name: text.edit }).click();
        const editor = page.getByRole('region', { name: text.editor });
        await editor.waitFor();
        const input = await producerInput(page, 'sendMsgTimeout');
        await input.waitFor();
        const hint = page.locator('.se-field[data-path="producer.sendMsgTimeout"] .se-hint');
        expect(await hint.textContent()).toContain('3000 ms');

        // The playback bar stays visible beside the drawer.
        const bar = await page.getByRole('region', { name: text.playback }).boundingBox();
        const drawer = await editor.boundingBox();
        expect(bar && drawer && bar.y + bar.height <= drawer.y + 1).toBe(true);

        await input.fill('1000');
        await expect
          .poll(() => page.locator('.se-status').textContent(), { timeout: 15_000 })
          .toMatch(text.outcome);

        await input.fill('-5');
        const error = page.locator('[data-error-path="producer.sendMsgTimeout"]');
        await error.waitFor();
        expect(await error.textContent()).toMatch(text.error);
        expect(await input.getAttribute('aria-invalid')).toBe('true');
        expect(await page.locator('.se-status').textContent()).toMatch(text.problems);
        await screenshot(page, `classroom-editor-${lang}`);

        await page.getByRole('tab', { name: 'JSON' }).click();
        expect(await page.locator('.se-json__text').inputValue()).toContain('"sendMsgTimeout": -5');
        await screenshot(page, `classroom-editor-json-${lang}`);
      });
    });
  }

  for (const lang of ['en', 'zh'] as const) {
    it(`edits keys, explicit send times and network latency from the keyboard (${lang})`, async () => {
      const text = TEXT[lang];
      await withPage(`?lang=${lang}&preset=happy-path-sync`, async ({ page }) => {
        await page.getByRole('button', { name: text.edit }).click();
        const editor = page.getByRole('region', { name: text.editor });
        await editor.waitFor();
        const resimulated = async () => {
          await expect
            .poll(() => page.locator('.se-status').textContent(), { timeout: 15_000 })
            .toMatch(text.outcome);
        };

        // Keys: a comma-separated list, its default and what it does beside it.
        const keys = page.locator('.se-field[data-path="workload[0].keys"]');
        await keys.waitFor();
        expect((await keys.locator('.se-hint').textContent())?.replace(/\s+/g, ' ')).toMatch(text.keysHint);
        await keys.locator('input').fill('order-1, order-2');
        await resimulated();

        // Explicit send times, chosen with the keyboard.
        const schedule = page.getByRole('combobox', { name: text.schedule, exact: true });
        await schedule.focus();
        await page.keyboard.press('End'); // the last schedule: at listed times
        const times = page.locator('.se-field[data-path="workload[0].timesMs"] input');
        await times.waitFor();
        await times.fill('0, 50, 400');
        await resimulated();

        // A class latency, its distribution chosen with the arrow keys, and a single link added by Enter.
        const network = page.getByRole('group', { name: text.network });
        await network.scrollIntoViewIfNeeded();
        const kind = page.locator('.se-field[data-path="network.latency.producerToBroker"] select');
        await kind.focus();
        await page.keyboard.press('ArrowDown'); // (default) -> fixed
        expect(await kind.inputValue()).toBe('fixed');
        await page.locator('.se-field[data-path="network.latency.producerToBroker.ms"] input').fill('2');
        await page.getByRole('button', { name: text.addLink }).focus();
        await page.keyboard.press('Enter');
        const end = page.locator('.se-field[data-path="network.links[0].between[1]"] select');
        await end.waitFor();
        expect(await end.inputValue()).toBe('broker-a');
        await resimulated();
        await expect
          .poll(() => page.evaluate(() => localStorage.getItem('sendpath.lastGoodScenario') ?? ''))
          .toContain('"between":["producer","broker-a"]');
        const saved = await page.evaluate(() => localStorage.getItem('sendpath.lastGoodScenario') ?? '');
        expect(saved).toContain('"order-1"');
        expect(saved).toContain('"timesMs":[0,50,400]');
        expect(saved).toContain('"producerToBroker":{"kind":"fixed","ms":2}');

        // An invalid time: the problem at the field, in the page's language, naming the item.
        await times.fill('0, -1');
        const error = page.locator('[data-error-path="workload[0].timesMs"]');
        await error.waitFor();
        expect(await error.textContent()).toMatch(text.timesError);
        expect(await times.getAttribute('aria-invalid')).toBe('true');

        // Usable at 1280x720: nothing in the drawer is wider than the drawer.
        const overflow = await page.evaluate(() => {
          const body = document.querySelector('.se-body')!;
          return body.scrollWidth - body.clientWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        await network.scrollIntoViewIfNeeded();
        await screenshot(page, `editor-network-${lang}`);
        await times.scrollIntoViewIfNeeded();
        await screenshot(page, `editor-workload-${lang}`);
      });
    });
  }

  it('presenter mode: larger type, no editor, PageDown and PageUp step, listed in the help', async () => {
    await withPage('?lang=en&present=1', async ({ page }) => {
      expect(await page.evaluate(() => document.documentElement.dataset.presenter)).toBe('on');
      expect(await page.getByRole('button', { name: 'Edit scenario' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      const position = page.getByTestId('playback-position');
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      await expect.poll(() => position.textContent()).toMatch(/event 2 \//);
      await page.keyboard.press('PageUp');
      await expect.poll(() => position.textContent()).toMatch(/event 1 \//);
      await screenshot(page, 'classroom-presenter-en');
      // The panels are zoomed, and those that lay themselves out still fit their box: the topology's drawing
      // is as wide as its (zoomed) area on screen, not 1.15 times wider.
      const fit = await page.evaluate(() => {
        const area = document.querySelector('.topo-canvas')!;
        const svg = area.querySelector('svg')!;
        return {
          zoom: (area as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1,
          area: area.getBoundingClientRect().width,
          drawing: svg.getBoundingClientRect().width,
        };
      });
      expect(fit.zoom).toBeGreaterThan(1.1);
      expect(Math.abs(fit.drawing - fit.area)).toBeLessThan(2);
      await page.keyboard.press('?');
      const help = page.getByRole('dialog');
      expect(await help.textContent()).toContain('Step forward (presentation remote)');
      expect(await help.textContent()).toContain('PageDown');
      await page.keyboard.press('Escape');
      await page.keyboard.press('f');
      expect(await page.evaluate(() => document.documentElement.dataset.presenter)).toBeUndefined();
      expect(new URL(page.url()).searchParams.get('present')).toBeNull();
      expect(await page.getByRole('button', { name: 'Edit scenario' }).count()).toBe(1);
    });
  });

  it('presenter mode in Chinese', async () => {
    await withPage('?lang=zh&present=1', async ({ page }) => {
      await page.keyboard.press('PageDown');
      await expect.poll(() => page.getByTestId('playback-position').textContent()).toMatch(/事件 1 \//);
      expect(await page.getByRole('button', { name: '编辑场景' }).count()).toBe(0);
      await screenshot(page, 'classroom-presenter-zh');
    });
  });

  for (const [lang, topology, queue] of [
    ['en', 'Topology', 'Queue selection'],
    ['zh', '拓扑', '选择队列'],
  ] as const) {
    it(`embed mode shows one panel and the playback bar (${lang})`, async () => {
      await withPage(`?lang=${lang}&embed=topology`, async ({ page }) => {
        expect(await page.getByRole('region', { name: topology, exact: true }).count()).toBe(1);
        expect(await page.getByRole('region', { name: queue, exact: true }).count()).toBe(0);
        expect(await page.getByRole('banner').count()).toBe(0);
        expect(await page.getByRole('button', { name: TEXT[lang].play, exact: true }).count()).toBe(1);
        const box = await page.getByRole('region', { name: topology, exact: true }).boundingBox();
        expect(box!.width).toBeGreaterThan(1200);
        expect(box!.height).toBeGreaterThan(500);
        await page.keyboard.press('ArrowRight');
        await screenshot(page, `classroom-embed-topology-${lang}`);
      });
    });
  }

  it('an unknown embed id shows the whole page', async () => {
    await withPage('?lang=en&embed=nope', async ({ page }) => {
      expect(await page.getByRole('region', { name: 'Queue selection', exact: true }).count()).toBe(1);
    });
  });

  it('"kill this broker now" adds a crash at the cursor, or says why it could not', async () => {
    await withPage('?lang=en', async ({ page }) => {
      await page.getByRole('button', { name: 'Step forward', exact: true }).click();
      const kill = page.getByRole('button', { name: /^Kill .+ now$/ }).first();
      await kill.waitFor();
      await kill.click();
      await expect
        .poll(
          async () =>
            (await page.getByText(/Could not kill/).count()) > 0 ||
            (await page.evaluate(() => localStorage.getItem('sendpath.lastGoodScenario') ?? '')).includes(
              '"crash"',
            ),
          { timeout: 15_000 },
        )
        .toBe(true);
    });
  });
});
