import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { parseScenario } from '../../src/scenario';
import { shareUrl } from '../../src/share/shareLink';
import { runScenario } from '../../src/sim/runScenario';
import { validScenario } from '../unit/scenario/arbitraries';
import { chromiumForFile } from './setup/browser';

const baseUrl = inject('baseUrl');
const chromium = chromiumForFile(baseUrl);

/** A few random valid scenarios (seeded, so a failure replays), each with a cursor inside its trace. */
const cases = fc.sample(validScenario, { numRuns: 4, seed: 20261123 }).map((scenario, i) => {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error('the arbitrary made an invalid scenario');
  const events = runScenario(parsed.scenario).length;
  return { scenario, step: Math.min(events, 3 + i * 7), events, version: parsed.scenario.rocketmqVersion };
});

describe('random scenarios shared as links, opened in a fresh page', () => {
  for (const [i, c] of cases.entries()) {
    it(`opens generated link ${i + 1} at its step, with its version and the whole trace`, async () => {
      await chromium.withPage(shareUrl(`${baseUrl}?lang=en`, c.scenario, c.step), async ({ page }) => {
        const position = page.getByTestId('playback-position');
        await expect
          .poll(() => position.textContent(), { timeout: 20_000 })
          .toContain(`/ ${c.events.toLocaleString('en')}`);
        expect(await position.textContent()).toMatch(new RegExp(`event ${c.step.toLocaleString('en')} /`));
        expect(await page.getByText(`RocketMQ ${c.version}`, { exact: true }).count()).toBe(1);
        expect(await page.getByRole('alert').count()).toBe(0);
      });
    });
  }
});
