import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from './setup/browser';
import { firstEvent, presetTrace } from './setup/presetTrace';

/**
 * axe-core over the whole page, each panel landmark and the `?` help dialog, in both languages and both
 * themes at 1280x720. Fails on any violation of impact serious or critical, printing each one.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const LANDMARKS = {
  en: ['Topology', 'Queue selection', 'Thread pool', 'Timeout budget', 'Call path', 'Event log', 'Playback'],
  zh: ['拓扑', '选择队列', '线程池', '超时预算', '调用路径', '事件日志', '播放'],
} as const;

interface Finding {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Loads axe into the page. `page.evaluate` runs it through the DevTools protocol, which the page's strict
 * Content-Security-Policy does not govern, so the page under test keeps its real policy.
 */
async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
}

/** Runs axe over the element of `scope` (the whole document when null); returns serious and critical findings. */
async function audit(page: Page, scope: Locator | null): Promise<Finding[]> {
  const element = scope ? await scope.elementHandle() : null;
  return page.evaluate(async (root) => {
    type AxeResult = {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(root ?? document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(' '),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        })),
      }));
  }, element);
}

function describeFindings(where: string, findings: Finding[]): string[] {
  return findings.flatMap((f) =>
    f.nodes.map((n) => `${where}: [${f.impact}] ${f.id} (${f.help}) at ${n.target}: ${n.summary}`),
  );
}

const CASES = (['en', 'zh'] as const).flatMap((lang) =>
  (['light', 'dark'] as const).map((theme) => ({ lang, theme })),
);

describe('accessibility (axe-core) at 1280x720', () => {
  it.each(CASES)(
    '$lang, $theme: no serious or critical violation on the page, in any panel, or in the help',
    async ({ lang, theme }) => {
      const watched = await openWatchedPage(browser, new URL(`?lang=${lang}`, baseUrl).href, {
        colorScheme: theme,
        locale: lang === 'en' ? 'en-US' : 'zh-CN',
      });
      try {
        const { page } = watched;
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await injectAxe(page);
        const report: string[] = [];
        report.push(...describeFindings('page at the start', await audit(page, null)));
        // A few steps in, and at the end: the panels show more than their empty state.
        for (const [where, keys] of [
          ['step 8', Array<string>(8).fill('ArrowRight')],
          ['the end', ['End']],
        ] as const) {
          for (const key of keys) await page.keyboard.press(key);
          await page.waitForTimeout(300);
          report.push(...describeFindings(`page at ${where}`, await audit(page, null)));
          for (const name of LANDMARKS[lang]) {
            const region = page.getByRole('region', { name, exact: true });
            expect(await region.count(), name).toBe(1);
            report.push(...describeFindings(`${name} at ${where}`, await audit(page, region)));
          }
        }
        await page.keyboard.press('?');
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        report.push(...describeFindings('help dialog', await audit(page, dialog)));
        report.push(...describeFindings('page with help open', await audit(page, null)));
        if (report.length > 0) console.log([...new Set(report)].join('\n'));
        expect([...new Set(report)]).toEqual([]);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.close();
      }
    },
  );
});

/** Where prediction mode first stops in the default preset: before its first queue selection. */
const FIRST_SELECT = firstEvent(presetTrace(), 'queue.select').seq;
const CLASSROOM_TEXT = {
  en: { compareTitle: 'Compare two scenarios', predict: 'Predict' },
  zh: { compareTitle: '对比两个场景', predict: '预测' },
} as const;

describe('accessibility (axe-core) of the Compare view and the prediction card', () => {
  it.each(CASES)('$lang, $theme: no serious or critical violation', async ({ lang, theme }) => {
    const text = CLASSROOM_TEXT[lang];
    const options = { colorScheme: theme, locale: lang === 'en' ? 'en-US' : 'zh-CN' } as const;
    const report: string[] = [];

    const compare = await openWatchedPage(browser, new URL(`?lang=${lang}&compare=1`, baseUrl).href, options);
    try {
      const { page } = compare;
      await page.getByRole('heading', { name: text.compareTitle }).waitFor();
      // Both sides have run: the summary's charts are drawn.
      await page.getByRole('slider').nth(1).waitFor({ timeout: 20_000 });
      await injectAxe(page);
      report.push(...describeFindings('compare view', await audit(page, null)));
      expect(compare.problems).toEqual([]);
    } finally {
      await compare.close();
    }

    const predict = await openWatchedPage(browser, new URL(`?lang=${lang}`, baseUrl).href, options);
    try {
      const { page } = predict;
      await page.getByRole('button', { name: text.predict, exact: true }).click();
      const step = page.locator('button[data-action="stepForward"]');
      for (let i = 0; i <= FIRST_SELECT; i++) await step.click();
      const card = page.getByTestId('prediction-card');
      await card.waitFor();
      await injectAxe(page);
      report.push(...describeFindings('prediction card (question)', await audit(page, card)));
      report.push(...describeFindings('page with the question', await audit(page, null)));
      await page.keyboard.press('1');
      await page.getByTestId('prediction-verdict').waitFor();
      report.push(...describeFindings('prediction card (reveal)', await audit(page, card)));
      expect(predict.problems).toEqual([]);
    } finally {
      await predict.close();
    }
    if (report.length > 0) console.log([...new Set(report)].join('\n'));
    expect([...new Set(report)]).toEqual([]);
  });
});

const EDITOR_TEXT = {
  en: { edit: 'Edit scenario', editor: 'Scenario editor', schedule: 'Schedule', addLink: 'Add a link' },
  zh: { edit: '编辑场景', editor: '场景编辑器', schedule: '发送节奏', addLink: '添加链路' },
} as const;

describe('accessibility (axe-core) of the scenario editor', () => {
  it.each(CASES)(
    '$lang, $theme: no serious or critical violation with keys, send times, latencies, a link and a problem',
    async ({ lang, theme }) => {
      const text = EDITOR_TEXT[lang];
      const options = { colorScheme: theme, locale: lang === 'en' ? 'en-US' : 'zh-CN' } as const;
      const url = new URL(`?lang=${lang}&preset=happy-path-sync`, baseUrl).href;
      const watched = await openWatchedPage(browser, url, options);
      try {
        const { page } = watched;
        await page.getByRole('button', { name: text.edit }).click();
        const editor = page.getByRole('region', { name: text.editor });
        await editor.waitFor();
        await page.locator('.se-field[data-path="workload[0].keys"] input').fill('a, b');
        await page.getByRole('combobox', { name: text.schedule, exact: true }).selectOption('timesMs');
        await page.locator('.se-field[data-path="workload[0].timesMs"] input').fill('0, -1');
        await page
          .locator('.se-field[data-path="network.latency.brokerToBroker"] select')
          .selectOption('uniform');
        await page.getByRole('button', { name: text.addLink }).click();
        await page.locator('[data-error-path="workload[0].timesMs"]').waitFor();
        await injectAxe(page);
        const report = describeFindings('scenario editor', await audit(page, editor));
        if (report.length > 0) console.log([...new Set(report)].join('\n'));
        expect([...new Set(report)]).toEqual([]);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.close();
      }
    },
  );
});
