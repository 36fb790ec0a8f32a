import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from './setup/browser';

const chromium = chromiumForFile(inject('baseUrl'));

describe('a compare link in Chromium', () => {
  it('reopens the comparison its address describes, and the address follows the settings form', async () => {
    await chromium.withPage(
      '?lang=en&compare=1&preset=broker-crash-mid-run&b.producer.retryTimesWhenSendFailed=0',
      async ({ page }) => {
        const differs = page.getByTestId('compare-differs');
        await differs.waitFor({ timeout: 20_000 });
        // B is A with retries off, nothing else: the link's setting, not the view's own default change.
        expect(await differs.textContent()).toBe('B differs from A in: retryTimesWhenSendFailed 2 → 0');
        await page.getByLabel('sendMsgTimeout').fill('1500');
        await expect
          .poll(() => new URL(page.url()).searchParams.get('b.producer.sendMsgTimeout'))
          .toBe('1500');
        expect(new URL(page.url()).searchParams.get('b.producer.retryTimesWhenSendFailed')).toBe('0');
        expect(new URL(page.url()).searchParams.get('preset')).toBe('broker-crash-mid-run');
      },
    );
  });
});
