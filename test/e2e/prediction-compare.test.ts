import { describe, expect, inject, it } from 'vitest';
import { queueChoices, queueLabel } from '../../src/view/prediction';
import { screenshot, chromiumForFile } from './setup/browser';
import { firstEvent, presetTrace } from './setup/presetTrace';
import type { TraceEvent } from '../../src/trace/types';

const baseUrl = inject('baseUrl');
const chromium = chromiumForFile(baseUrl);
const withPage = chromium.withPage;

/** The default preset's first queue selection: where prediction mode first stops, and its answer. */
const trace = presetTrace();
const firstSelect = firstEvent<{ seq: number; brokerName: string; queueId: number } & TraceEvent>(
  trace,
  'queue.select',
);
const ANSWER = queueLabel(firstSelect.brokerName, firstSelect.queueId);
/** The number key that picks the answer among the card's choices. */
const ANSWER_KEY = String(queueChoices(trace, firstSelect.seq).indexOf(ANSWER) + 1);
const escaped = ANSWER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const TEXT = {
  en: {
    predict: 'Predict',
    question: /Which queue will attempt 1 of message/,
    correct: '✓ Correct',
    truth: new RegExp(`Answer: ${escaped}\\. You said: ${escaped}\\.`),
    score: 'Predictions: 1 correct of 1',
    compare: 'Compare',
    title: 'Compare two scenarios',
    sideB: 'B: with changes',
    differs: /B differs from A in: sendLatencyFaultEnable on → off/,
    error: /The comparison could not run: /,
    success: /^Success rate: A [\d.]+%, B [\d.]+%$/,
    perQueue: /^Stores per queue: broker-/,
    regionA: 'A: as written',
    restart: 'Restart',
    stepForward: 'Step forward',
    play: 'Play',
    pause: 'Pause',
  },
  zh: {
    predict: '预测',
    question: /的第 1 次尝试会选择哪个队列？/,
    correct: '✓ 答对了',
    truth: new RegExp(`答案：${escaped}。你的回答：${escaped}。`),
    score: '预测：1 题中答对 1 题',
    compare: '对比',
    title: '对比两个场景',
    sideB: 'B：修改后',
    differs: /B 与 A 的不同：sendLatencyFaultEnable 开 → 关/,
    error: /无法进行对比：/,
    success: /^发送成功率: A [\d.]+%, B [\d.]+%$/,
    perQueue: /^各队列存储数: broker-/,
    regionA: 'A：原场景',
    restart: '重新开始',
    stepForward: '下一步',
    play: '播放',
    pause: '暂停',
  },
} as const;

describe('prediction and compare in Chromium at 1280x720', () => {
  for (const lang of ['en', 'zh'] as const) {
    const text = TEXT[lang];

    it(`predicts the queue of the first send, sees the reveal and the score (${lang})`, async () => {
      await withPage(`?lang=${lang}`, async ({ page }) => {
        const toggle = page.getByRole('button', { name: text.predict, exact: true });
        await toggle.click();
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        // Steps pass up to the first queue selection; the next one stops before it and asks.
        const step = page.locator('button[data-action="stepForward"]');
        for (let i = 0; i <= firstSelect.seq; i++) await step.click();
        const card = page.getByRole('dialog', { name: text.question });
        await card.waitFor();
        await screenshot(page, `prediction-question-${lang}`);
        expect(await page.getByTestId('playback-position').textContent()).toContain(String(firstSelect.seq));
        expect(ANSWER_KEY).not.toBe('0');
        await page.keyboard.press(ANSWER_KEY);
        await page.getByTestId('prediction-verdict').waitFor();
        expect(await page.getByTestId('prediction-verdict').textContent()).toBe(text.correct);
        expect(await card.textContent()).toMatch(text.truth);
        expect(await page.getByRole('status', { name: text.score }).textContent()).toBe('1/1');
        await screenshot(page, `prediction-reveal-${lang}`);
        await page.keyboard.press('Enter');
        await card.waitFor({ state: 'detached' });
        // The budget check comes next: the following step asks again.
        await step.click();
        await page.getByTestId('prediction-card').waitFor();
        expect(await page.getByTestId('prediction-card').textContent()).toContain('3000 ms');
      });
    });

    it(`opens the comparison from the header and shows what the page can show (${lang})`, async () => {
      await withPage(`?lang=${lang}`, async ({ page }) => {
        await page.getByRole('link', { name: text.compare, exact: true }).click();
        await page.getByRole('heading', { name: text.title }).waitFor();
        expect(page.url()).toContain('compare=1');
        const outcome = page.getByRole('heading', { name: text.sideB }).or(page.getByTestId('compare-error'));
        await outcome.first().waitFor({ timeout: 20_000 });
        if (await page.getByTestId('compare-error').isVisible()) {
          // Without the engine in this build, the view says so plainly.
          expect(await page.getByTestId('compare-error').textContent()).toMatch(text.error);
          await screenshot(page, `compare-error-${lang}`);
          return;
        }
        expect(await page.getByTestId('compare-differs').textContent()).toMatch(text.differs);
        const success = page.getByRole('img', { name: text.success });
        await success.waitFor();
        expect(await page.getByRole('img', { name: text.perQueue }).count()).toBe(1);
        const sliders = page.getByRole('slider');
        expect(await sliders.count()).toBe(2);
        const before = await page.locator('.compare-side__position').nth(1).textContent();
        await sliders.first().focus();
        await page.keyboard.press('PageDown');
        await expect
          .poll(() => page.locator('.compare-side__position').nth(1).textContent())
          .not.toBe(before);
        await screenshot(page, `compare-${lang}`);

        // The transport drives A, and B follows to the same virtual time: Restart, one step, then play.
        const transport = page.getByTestId('compare-transport');
        const positions = page.locator('.compare-side__position');
        /** The side's step as its position line says it ("event 3 of 99", "第 3 / 99 个事件"); -1 at the start. */
        const stepOf = async (side: number) => {
          const line = (await positions.nth(side).textContent()) ?? '';
          const n = /(?:event |第 )([\d,]+)(?: of | \/ )/.exec(line)?.[1];
          return n === undefined ? -1 : Number(n.replace(/,/g, ''));
        };
        await transport.getByRole('button', { name: text.restart }).click();
        await expect.poll(() => stepOf(0)).toBe(-1);
        await transport.getByRole('button', { name: text.stepForward }).click();
        await expect.poll(() => stepOf(0)).toBe(1);
        const afterStep = await positions.nth(1).textContent();
        expect(afterStep).not.toBe(before);
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => stepOf(0)).toBe(2);
        await transport.getByRole('button', { name: text.play, exact: true }).click();
        await expect.poll(() => stepOf(0), { timeout: 10_000 }).toBeGreaterThan(5);
        await expect.poll(() => stepOf(1), { timeout: 10_000 }).toBeGreaterThan(0);
        await transport.getByRole('button', { name: text.pause, exact: true }).click();
      });
    });
  }
});
