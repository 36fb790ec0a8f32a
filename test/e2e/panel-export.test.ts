import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { busiestStep, RPCS_IN_FLIGHT_SCENARIO } from '../../scripts/bench-browser';
import { DEFAULT_PRESET } from '../../src/app/loadScenario';
import type { Scenario } from '../../src/scenario/schema';
import { encodeShareFragment } from '../../src/share/shareLink';
import { translate, type Lang } from '../../src/i18n';
import { ARTIFACTS, chromiumForFile, screenshot } from './setup/browser';

/**
 * Export of a panel as SVG and PNG, in Chromium at 1280x720: the downloads are named after the panel, the
 * preset and the step; the SVG parses and carries the panel's heading and text; the PNG is a PNG of twice
 * the panel's size that looks like the panel on screen. The PNGs are kept in artifacts/screenshots/export.
 */

const chromium = chromiumForFile(inject('baseUrl'));
const OUT = resolve(ARTIFACTS, 'export');
const STEP = 40;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const PANELS = [
  { id: 'topology', title: 'shell.panel.topology' },
  { id: 'timeoutBudget', title: 'shell.panel.timeoutBudget' },
] as const;

const LANGS: { lang: Lang; query: string }[] = [
  { lang: 'en', query: 'en' },
  { lang: 'zh-CN', query: 'zh' },
];

function buttonName(lang: Lang, panelTitle: string, format: 'svg' | 'png'): string {
  return translate(lang, format === 'svg' ? 'panelExport.svg' : 'panelExport.png', { panel: panelTitle });
}

/** Clicks the export button (or presses Enter on it) and returns the download's name and bytes. */
async function download(
  page: Page,
  button: Locator,
  how: 'click' | 'Enter' = 'click',
): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    how === 'click' ? button.click() : button.focus().then(() => page.keyboard.press('Enter')),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The SVG as the browser reads it: whether it parsed, and its text with white space collapsed. */
function readSvg(page: Page, text: string): Promise<{ error: string | null; root: string; text: string }> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    return {
      error: error ? (error.textContent ?? 'parsererror') : null,
      root: doc.documentElement.localName,
      text: (doc.documentElement.textContent ?? '').replace(/\s+/g, ' '),
    };
  }, text);
}

/** A few lines of text the panel shows now, to look for in the picture. */
async function shownText(region: Locator): Promise<string[]> {
  const text = await region.locator('.panel__body').innerText();
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length >= 3)
    .slice(0, 4);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings inside `region` (loaded as test/e2e/a11y.test.ts loads it). */
async function axeFindings(page: Page, region: Locator): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const element = await region.elementHandle();
  return page.evaluate(async (root) => {
    type Result = { violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe;
    const result = await axe.run(root, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.map(String).join(' ')}`));
  }, element);
}

function save(name: string, bytes: Buffer): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(resolve(OUT, name), bytes);
}

/**
 * Mean difference per colour channel (0 to 255) between the exported PNG, scaled to CSS pixels, and a
 * screenshot of the panel on the page: small when the picture shows what the page shows.
 */
function meanDifference(page: Page, png: Buffer, shot: Buffer): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const load = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        return image;
      };
      const [exported, screen] = await Promise.all([load(a), load(b)]);
      const pixels = (image: HTMLImageElement) => {
        const canvas = document.createElement('canvas');
        canvas.width = screen.naturalWidth;
        canvas.height = screen.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        return context.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const p = pixels(exported);
      const q = pixels(screen);
      let sum = 0;
      for (let i = 0; i < p.length; i += 4) {
        sum += Math.abs(p[i]! - q[i]!) + Math.abs(p[i + 1]! - q[i + 1]!) + Math.abs(p[i + 2]! - q[i + 2]!);
      }
      return sum / ((p.length / 4) * 3);
    },
    [png.toString('base64'), shot.toString('base64')] as const,
  );
}

describe('panel export as SVG and PNG, in Chromium at 1280x720', () => {
  for (const { lang, query } of LANGS) {
    it(`exports the topology and the timeout budget as SVG and PNG (${lang})`, async () => {
      await chromium.withPage(
        `?lang=${query}&step=${STEP}`,
        async ({ page }) => {
          await page.getByRole('slider').first().waitFor();
          for (const panel of PANELS) {
            const title = translate(lang, panel.title);
            const region = page.getByRole('region', { name: title, exact: true });
            await region.getByText(title).first().waitFor();
            const box = (await region.boundingBox())!;
            const shown = await shownText(region);
            expect(shown.length, `${title} shows some text`).toBeGreaterThan(0);

            const svg = await download(
              page,
              region.getByRole('button', { name: buttonName(lang, title, 'svg') }),
            );
            expect(svg.name).toBe(`sendpath-${panel.id}-${DEFAULT_PRESET}-step${STEP}.svg`);
            const parsed = await readSvg(page, svg.bytes.toString('utf8'));
            expect(parsed.error).toBeNull();
            expect(parsed.root).toBe('svg');
            expect(parsed.text).toContain(title);
            for (const line of shown) expect(parsed.text, `${title}: "${line}"`).toContain(line);
            // The buttons themselves are not part of the picture.
            expect(parsed.text).not.toContain('SVGPNG');
            save(`${query}-${svg.name}`, svg.bytes);

            // Enter on the focused button works as a click does.
            const png = await download(
              page,
              region.getByRole('button', { name: buttonName(lang, title, 'png') }),
              'Enter',
            );
            expect(png.name).toBe(`sendpath-${panel.id}-${DEFAULT_PRESET}-step${STEP}.png`);
            const size = pngSize(png.bytes);
            expect(Math.abs(size.width - 2 * box.width), `width ${size.width} for ${box.width}`).toBeLessThan(
              3,
            );
            expect(
              Math.abs(size.height - 2 * box.height),
              `height ${size.height} for ${box.height}`,
            ).toBeLessThan(3);
            save(`${query}-${png.name}`, png.bytes);

            await page.mouse.move(0, 0);
            await page.locator('body').focus();
            const difference = await meanDifference(page, png.bytes, await region.screenshot());
            expect(difference, `${title}: mean difference from the page`).toBeLessThan(12);
          }
          await screenshot(page, `export/${query}-page`);
        },
        { locale: lang === 'en' ? 'en-US' : 'zh-CN' },
      );
    });
  }

  it('exports in the dark theme, in presenter mode and in embed mode', async () => {
    await chromium.withPage(
      `?lang=en&step=${STEP}`,
      async ({ page }) => {
        const region = page.getByRole('region', { name: 'Topology', exact: true });
        await region.waitFor();
        const png = await download(page, region.getByRole('button', { name: 'Export Topology as PNG' }));
        save(`dark-${png.name}`, png.bytes);
        await page.mouse.move(0, 0);
        expect(await meanDifference(page, png.bytes, await region.screenshot())).toBeLessThan(12);
      },
      { colorScheme: 'dark' },
    );
    await chromium.withPage(`?lang=zh&present=1&step=${STEP}`, async ({ page }) => {
      const region = page.getByRole('region', { name: '超时预算', exact: true });
      await region.waitFor();
      const box = (await region.boundingBox())!;
      const png = await download(page, region.getByRole('button', { name: '将超时预算导出为 PNG' }));
      expect(pngSize(png.bytes).width).toBeCloseTo(2 * box.width, -1);
      save(`presenter-${png.name}`, png.bytes);
      await screenshot(page, 'export/presenter-page');
    });
    await chromium.withPage(`?lang=en&embed=timeoutBudget&step=${STEP}`, async ({ page }) => {
      const region = page.getByRole('region', { name: 'Timeout budget', exact: true });
      await region.waitFor();
      const box = (await region.boundingBox())!;
      const png = await download(page, region.getByRole('button', { name: 'Export Timeout budget as PNG' }));
      expect(png.name).toBe(`sendpath-timeoutBudget-${DEFAULT_PRESET}-step${STEP}.png`);
      expect(pngSize(png.bytes).height).toBeCloseTo(2 * box.height, -1);
      save(`embed-${png.name}`, png.bytes);
      await screenshot(page, 'export/embed-page');
    });
  });

  it('draws the topology tokens that the page paints on a canvas into the picture', async () => {
    // The benchmark's scenario, shorter: still far more RPCs in flight than the SVG tokens' limit of 150.
    const scenario = {
      ...RPCS_IN_FLIGHT_SCENARIO,
      id: 'export-canvas',
      workload: [{ ...RPCS_IN_FLIGHT_SCENARIO.workload[0], count: 400 }],
    };
    const { step, inFlight } = busiestStep(scenario);
    expect(inFlight).toBeGreaterThan(150);
    const fragment = encodeShareFragment(scenario as unknown as Scenario, step);
    await chromium.withPage(`?lang=en${fragment}`, async ({ page }) => {
      const slider = page.getByRole('slider', { name: 'Timeline' });
      await expect.poll(() => slider.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe(String(step));
      const region = page.getByRole('region', { name: 'Topology', exact: true });
      await region.locator('canvas').waitFor();
      const svg = await download(page, region.getByRole('button', { name: 'Export Topology as SVG' }));
      expect(svg.name).toBe(`sendpath-topology-export-canvas-step${step}.svg`);
      const text = svg.bytes.toString('utf8');
      expect(text).not.toContain('<canvas');
      expect(text).toMatch(/<img [^>]*src="data:image\/png;base64,/);
      const png = await download(page, region.getByRole('button', { name: 'Export Topology as PNG' }));
      save(`canvas-${png.name}`, png.bytes);
      await page.mouse.move(0, 0);
      expect(await meanDifference(page, png.bytes, await region.screenshot())).toBeLessThan(12);
      await screenshot(page, 'export/canvas-page');
    });
  });

  it('shows a message when the picture cannot be drawn, and the page keeps working', async () => {
    await chromium.withPage(`?lang=en&step=${STEP}`, async ({ page }) => {
      const region = page.getByRole('region', { name: 'Topology', exact: true });
      await region.waitFor();
      // The browser refuses to decode the SVG: the PNG export's drawing step fails.
      await page.evaluate(() => {
        HTMLImageElement.prototype.decode = () => Promise.reject(new DOMException('forced', 'EncodingError'));
      });
      await region.getByRole('button', { name: 'Export Topology as PNG' }).click();
      const alert = region.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        'Could not export Topology as PNG: the browser could not draw the picture (forced)',
      );
      expect(await axeFindings(page, region)).toEqual([]);
      await screenshot(page, 'export/failure-page');
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await alert.waitFor({ state: 'detached' });
      // The SVG needs no drawing, so it still downloads.
      const svg = await download(page, region.getByRole('button', { name: 'Export Topology as SVG' }));
      expect(svg.name).toMatch(/\.svg$/);
    });
  });
});
