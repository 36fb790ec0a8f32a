import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, chromiumForFile } from './setup/browser';
import { firstEvent, presetTrace } from './setup/presetTrace';

const chromium = chromiumForFile(inject('baseUrl'));

/** Every panel landmark, by its name in each language, and the grid area it is drawn in. */
const PANELS = [
  { area: 'topology', en: 'Topology', zh: '拓扑' },
  { area: 'queue', en: 'Queue selection', zh: '选择队列' },
  { area: 'pool', en: 'Thread pool', zh: '线程池' },
  { area: 'budget', en: 'Timeout budget', zh: '超时预算' },
  { area: 'callpath', en: 'Call path', zh: '调用路径' },
  { area: 'log', en: 'Event log', zh: '事件日志' },
] as const;

/**
 * Where each preset shows its point: the default preset at its retry's queue choice (a sync send), the
 * executor preset once its queue has filled (the thread pool at work).
 */
const MOMENTS = [
  {
    preset: 'retry-another-broker',
    kind: 'queue.select',
    match: (e: { attempt?: number }) => e.attempt === 1,
  },
  { preset: 'async-executor-saturation', kind: 'executor.reject', match: () => true },
] as const;

describe('a screenshot of each panel, in both languages, on real traces', () => {
  for (const moment of MOMENTS) {
    const event = firstEvent(
      presetTrace(moment.preset),
      moment.kind,
      moment.match as (e: unknown) => boolean,
    );
    for (const lang of ['en', 'zh'] as const) {
      it(`${moment.preset} at event ${event.seq} (${moment.kind}), ${lang}`, async () => {
        const dir = resolve(ARTIFACTS, 'panels');
        mkdirSync(dir, { recursive: true });
        await chromium.withPage(
          `?lang=${lang}&preset=${moment.preset}&step=${event.seq + 1}`,
          async ({ page }) => {
            await page.getByRole('slider').first().waitFor();
            for (const panel of PANELS) {
              const region = page.getByRole('region', { name: panel[lang], exact: true });
              expect(await region.count(), panel.en).toBe(1);
              // Each panel shows something of the trace at this step, not only its empty state.
              expect((await region.innerText()).trim().length, panel.en).toBeGreaterThan(
                panel[lang].length + 10,
              );
              const path = resolve(dir, `${moment.preset}-${panel.area}-${lang}.png`);
              await region.screenshot({ path });
              const box = await region.boundingBox();
              expect(box && box.width > 200 && box.height > 100, panel.en).toBe(true);
            }
          },
        );
      });
    }
  }
});
