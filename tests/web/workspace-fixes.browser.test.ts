// Fixes a new user hit, in Chromium against the real server: "Memphis" suggests a Colossus
// campus first; the legend starts collapsed at 1280 px and expanded at 1500 px; a negative
// phase MW is refused at the field in the user's terms and never sent; TSMC Arizona's
// published target becomes a phase in one click and the modelled peak rises. Screenshots go to
// test-results/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, RESULTS_DIR, type Harness } from './browser-harness.ts';

const MODEL_TIMEOUT_MS = 45_000;
const isDemand = (url: string) => new URL(url).pathname === '/api/demand';

let app: Harness | undefined;
let page: Page;

async function peakMw(): Promise<number | null> {
  const text = await page.getByTestId('campus-peak-mw').textContent({ timeout: MODEL_TIMEOUT_MS });
  const match = /^([\d,]+) MW$/.exec(text ?? '');
  return match ? Number(match[1].replace(/,/g, '')) : null;
}

async function settledPeak(): Promise<number> {
  await page.waitForSelector('.demand-view[aria-busy=false]', { timeout: MODEL_TIMEOUT_MS });
  const peak = await peakMw();
  if (peak === null) throw new Error('no modelled peak shown');
  return peak;
}

describe('workspace fixes', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    app = await openApp({
      expectedFailure: (r) => isDemand(r.url()) && r.failure()?.errorText === 'net::ERR_ABORTED',
    });
    page = app.page;
  }, 150_000);

  afterAll(async () => {
    await app?.close();
  });

  it('"Memphis": the first suggestion is a Colossus campus', async () => {
    const search = page.getByTestId('search');
    await search.fill('Memphis');
    const first = page.getByTestId('search-option').first();
    await first.waitFor();
    expect(await first.getAttribute('data-kind')).toBe('campus');
    expect(await first.getAttribute('data-id')).toMatch(/^xai-colossus-/);
    expect(await first.textContent()).toContain('Colossus');
    await page.screenshot({ path: join(RESULTS_DIR, 'workspace-fixes-search.png') });
    await search.press('Escape');
    await search.fill('');
  });

  it('the legend starts collapsed at 1280 px and expanded at 1500 px', async () => {
    const legend = page.getByTestId('legend');
    const toggle = page.getByTestId('legend-toggle');
    expect(await legend.getAttribute('open')).toBeNull();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-label')).toMatch(/Legend/);
    // Keyboard: the toggle takes focus and Enter opens it.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => legend.getAttribute('open')).not.toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(() => legend.getAttribute('open')).toBeNull();

    const wide = await page
      .context()
      .browser()!
      .newPage({ viewport: { width: 1500, height: 800 } });
    try {
      await wide.goto(app!.url);
      await wide.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
      expect(await wide.getByTestId('legend').getAttribute('open')).not.toBeNull();
      expect(await wide.getByTestId('legend-toggle').getAttribute('aria-expanded')).toBe('true');
      await wide.screenshot({ path: join(RESULTS_DIR, 'workspace-fixes-legend-1500.png') });
    } finally {
      await wide.close();
    }
    await page.screenshot({ path: join(RESULTS_DIR, 'workspace-fixes-legend-1280.png') });
  });

  let tsmcPeakMw = 0;

  it('refuses -5 MW at the field in the user’s terms and sends nothing with it', async () => {
    await page.getByTestId('campus-select').selectOption('tsmc-arizona');
    await expect.poll(peakMw, { timeout: MODEL_TIMEOUT_MS }).not.toBeNull();
    tsmcPeakMw = await settledPeak();
    const editor = page.getByTestId('phase-editor');
    if ((await editor.getAttribute('open')) === null) await editor.locator('summary').click();

    const sent: string[] = [];
    const record = (r: { url(): string; postData(): string | null }) => {
      if (isDemand(r.url())) sent.push(r.postData() ?? '');
    };
    page.on('request', record);
    const mw = page.getByTestId('phase-mw').first();
    await mw.fill('-5');
    // The message is the field's own (aria-describedby), next to it, in the user's terms.
    await expect.poll(() => mw.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await mw.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
    const error = page.locator(`#${errorId}`);
    expect(await error.textContent()).toBe('Phase 1 facility MW must be 0–100,000');
    expect(await error.isVisible()).toBe(true);
    expect(await error.getAttribute('data-testid')).toBe('field-error');
    expect(await mw.locator('xpath=..').getByTestId('field-error').getAttribute('id')).toBe(
      errorId,
    );
    expect(await mw.getAttribute('min')).toBe('0');
    await page.waitForTimeout(1000); // past the edit debounce
    expect(sent).toEqual([]);
    expect(await page.locator('.phase-pending').textContent()).toContain('corrected');
    await mw.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(RESULTS_DIR, 'workspace-fixes-field-error.png') });

    await mw.fill('200');
    await expect.poll(() => mw.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => sent.length, { timeout: MODEL_TIMEOUT_MS }).toBeGreaterThan(0);
    page.off('request', record);
    expect(sent.some((body) => body.includes('-5'))).toBe(false);
    await settledPeak();
  });

  it('adds TSMC Arizona’s published target as a phase and the modelled peak rises', async () => {
    const gap = page.getByTestId('target-gap');
    expect(await gap.textContent()).toContain(
      'Published target 1,500 MW; dated phases reach 200 MW',
    );
    const rows = await page.getByTestId('phase-row').count();
    await gap.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(RESULTS_DIR, 'workspace-fixes-target-gap.png') });
    await page.getByTestId('add-target-phase').click();
    await expect.poll(() => page.getByTestId('phase-row').count()).toBe(rows + 1);
    const added = page.getByTestId('phase-row').last();
    expect(await added.getByTestId('phase-mw').inputValue()).toBe('1300');
    expect(await added.getAttribute('title')).toContain('published target, undated: assumption');
    await expect.poll(peakMw, { timeout: MODEL_TIMEOUT_MS }).toBeGreaterThan(tsmcPeakMw + 1000);
    await settledPeak();
    expect(await gap.count()).toBe(0);
    await page.locator('.year-row').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(RESULTS_DIR, 'workspace-fixes-target-phase.png') });
    expect(app!.problems).toEqual([]);
  });
});
