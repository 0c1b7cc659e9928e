// The Campus tab against the real demand model in Chromium: a bundled campus shows its
// modelled peak and charts, an edit recomputes it, a bad input shows the server's message and
// keeps the last result marked stale, a campus's published GPU counts are checked against its
// published MW, a campus with no published load invites phases, and a campus drawn on the map
// gets modelled. Screenshots go to test-results/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jumpTo, mapPoint, openApp, RESULTS_DIR, type Harness } from './browser-harness.ts';

const MODEL_TIMEOUT_MS = 45_000;
const isDemand = (url: string) => new URL(url).pathname === '/api/demand';

let app: Harness | undefined;
let page: Page;

/** The modelled peak as a number, or null while it shows none. */
async function peakMw(): Promise<number | null> {
  const text = await page.getByTestId('campus-peak-mw').textContent({ timeout: MODEL_TIMEOUT_MS });
  const match = /^([\d,]+) MW$/.exec(text ?? '');
  return match ? Number(match[1].replace(/,/g, '')) : null;
}

/** Waits until the view is idle (no request in flight) and returns the peak it shows. */
async function settledPeak(): Promise<number> {
  await page.waitForSelector('.demand-view[aria-busy=false]', { timeout: MODEL_TIMEOUT_MS });
  const peak = await peakMw();
  if (peak === null) throw new Error('no modelled peak shown');
  return peak;
}

async function openEditor(): Promise<void> {
  const editor = page.getByTestId('phase-editor');
  if ((await editor.getAttribute('open')) === null) await editor.locator('summary').click();
}

describe('Campus tab with the demand model', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    app = await openApp({
      // A stale request the app cancels on purpose, and the 400 the PUE test provokes.
      expectedFailure: (r) => isDemand(r.url()) && r.failure()?.errorText === 'net::ERR_ABORTED',
      expectedHttpError: (status, url) => status === 400 && isDemand(url),
    });
    page = app.page;
  }, 150_000);

  afterAll(async () => {
    await app?.close();
  });

  let abilenePeakMw = 0;

  it('shows the modelled peak, figures and three charts for stargate-abilene', async () => {
    await page.getByTestId('campus-select').selectOption('stargate-abilene');
    await expect.poll(peakMw, { timeout: MODEL_TIMEOUT_MS }).not.toBeNull();
    abilenePeakMw = await settledPeak();
    // 400 + 800 MW of published facility phases: the modelled peak is near 1.2 GW.
    expect(abilenePeakMw).toBeGreaterThan(1000);
    expect(abilenePeakMw).toBeLessThan(1500);
    const peak = page.getByTestId('campus-peak-mw').locator('xpath=..');
    expect(await peak.getAttribute('title')).toMatch(
      /^Model: hourly facility MW.*inputs: phases from/,
    );
    expect(await page.getByTestId('campus-swing').textContent()).toContain('Training swing ≈');
    const charts = page.locator('.demand-charts svg[role=img]');
    await expect.poll(() => charts.count(), { timeout: MODEL_TIMEOUT_MS }).toBe(3);
    expect(await charts.first().getAttribute('aria-label')).toMatch(/^Peak week from .*MW/);
    await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: MODEL_TIMEOUT_MS });
    await page.locator('.year-row').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(RESULTS_DIR, 'campus-demand.png') });
  });

  it('raises the peak when a facility phase grows from 800 to 1,200 MW', async () => {
    await openEditor();
    const mw = page.getByTestId('phase-mw').nth(1);
    expect(await mw.inputValue()).toBe('800');
    await mw.fill('1200');
    await expect.poll(peakMw, { timeout: MODEL_TIMEOUT_MS }).toBeGreaterThan(abilenePeakMw + 300);
  });

  it("refuses a PUE below 1 at the field, in the user's terms, and sends nothing", async () => {
    const before = await settledPeak();
    let sent = 0;
    const count = (r: { url(): string }) => {
      if (isDemand(r.url())) sent += 1;
    };
    page.on('request', count);
    await page.getByTestId('campus-pue').fill('0.5');
    const message = page.getByTestId('field-error').filter({ hasText: 'PUE' });
    await message.waitFor({ timeout: MODEL_TIMEOUT_MS });
    expect(await message.textContent()).toContain('PUE must be 1.00–3.00');
    expect(await page.getByTestId('campus-pue').getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(600);
    expect(sent).toBe(0);
    expect(await peakMw()).toBe(before);
    page.off('request', count);
    await page.getByTestId('campus-pue').fill('1.15');
    await message.waitFor({ state: 'detached', timeout: MODEL_TIMEOUT_MS });
    await settledPeak();
  });

  it('shows a cross-check row for each year xai-colossus-1 publishes GPU counts and MW', async () => {
    await page.getByTestId('campus-select').selectOption('xai-colossus-1');
    const rows = page.getByTestId('demand-cross-check');
    await expect.poll(() => rows.count(), { timeout: MODEL_TIMEOUT_MS }).toBe(2);
    // 100,000 × 10.2 kW / 8 × 1.075 = 137 MW IT, × the design-day PUE (≈ 1.47 at Memphis).
    expect(await rows.first().textContent()).toMatch(
      /^2024 Published 100k H100 → modelled \d{3} MW vs published 150 MW \(\+\d+%\)/,
    );
    expect(await rows.nth(1).textContent()).toMatch(
      /^2025 Published 185k H100 \+ 30k GB200 → modelled \d{3} MW vs published 300 MW \(\+\d+%\)/,
    );
    expect(await rows.first().getAttribute('title')).toContain('"~100k H100 online Sept 2024');
    await page.getByTestId('demand-cross-check').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS_DIR, 'campus-cross-check.png') });
  });

  it('invites phases for microsoft-fairwater-wi, then models 100,000 H100s from 2027-01', async () => {
    await page.getByTestId('campus-select').selectOption('microsoft-fairwater-wi');
    const invite = page.getByTestId('campus-needs-phases');
    await invite.waitFor({ timeout: MODEL_TIMEOUT_MS });
    expect(await invite.textContent()).toContain('no published load');
    expect(await page.getByTestId('phase-editor').getAttribute('open')).not.toBeNull();
    const row = page.getByTestId('phase-row');
    expect(await row.count()).toBe(1);
    await row.locator('input[type=month]').fill('2027-01');
    await row.locator('select.phase-accelerator').selectOption('nvidia-h100-sxm5');
    await page.getByTestId('phase-count').first().fill('100000');
    // 100,000 × 1.37 kW ≈ 137 MW IT, times the hourly PUE at its peak.
    await expect.poll(peakMw, { timeout: MODEL_TIMEOUT_MS }).not.toBeNull();
    const peak = await settledPeak();
    expect(peak).toBeGreaterThan(140);
    expect(peak).toBeLessThan(200);
  });

  it('cancels new-campus placement with Escape', async () => {
    await page.getByTestId('campus-new').click();
    await page.waitForSelector('[data-testid=map].is-placing');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=map]:not(.is-placing)');
    expect(await page.getByTestId('campus-new').getAttribute('aria-pressed')).toBe('false');
  });

  it('creates a campus where the map is clicked and models the phase entered for it', async () => {
    await page.getByTestId('campus-new').click();
    await page.waitForSelector('[data-testid=map].is-placing');
    // Stop any camera animation first, so the click lands where it is aimed.
    await jumpTo(page, { lon: -88.2, lat: 42.9 }, 8);
    const at = await mapPoint(page, { lon: -88.2, lat: 42.9 });
    await page.mouse.click(at.x, at.y);
    await page.getByTestId('campus-new-name').fill('Lakeshore test campus');
    await page.getByTestId('campus-new-create').click();

    expect(await page.getByTestId('campus-select').inputValue()).toMatch(/^user-campus-/);
    await page.getByTestId('campus-needs-phases').waitFor({ timeout: MODEL_TIMEOUT_MS });
    await page.getByTestId('phase-add').click();
    const rows = page.getByTestId('phase-row');
    expect(await rows.count()).toBe(2);
    const first = rows.first();
    await first.locator('input[type=month]').fill('2028-01');
    await first.locator('select').first().selectOption('itMw');
    await first.getByTestId('phase-mw').fill('300');
    const peak = await expect
      .poll(peakMw, { timeout: MODEL_TIMEOUT_MS })
      .toBeGreaterThan(300)
      .then(() => settledPeak());
    expect(peak).toBeLessThan(500);
    expect(await page.locator('.phase-pending').textContent()).toContain('1 phase not modelled');
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            (
              window as unknown as {
                __plannerMap: { queryRenderedFeatures(o: { layers: string[] }): unknown[] };
              }
            ).__plannerMap
              .queryRenderedFeatures({ layers: ['campuses-circle'] })
              .some(
                (f) =>
                  (f as { properties: { name?: string } }).properties.name ===
                  'Lakeshore test campus',
              ),
          ),
        // The circle appears after the next render; give a loaded machine time.
        { timeout: MODEL_TIMEOUT_MS },
      )
      .toBe(true);
    await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: MODEL_TIMEOUT_MS });
    await page.screenshot({ path: join(RESULTS_DIR, 'campus-new.png') });
  });

  it('logs no console error, page error, failed or off-server request', () => {
    expect(app?.problems).toEqual([]);
  });
});
