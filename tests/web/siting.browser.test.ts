// The Siting tab against the real siting models in Chromium: a point picked on the map in rural
// Wyoming passes with its rings drawn, downtown Chicago fails the population-centre rule, a
// screen around a campus ranks sites and draws suitability hexes, and the distance weight
// re-ranks Lancaster's sites. Screenshots go to test-results/.
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jumpTo as jumpMapTo,
  mapPoint,
  openApp,
  RESULTS_DIR,
  type Harness,
  type TestWindow,
} from './browser-harness.ts';

const WAIT_MS = 45_000;
const POLL = { timeout: 30_000 };
const NAUGHTON = { lat: 41.76, lon: -110.6 };
const CHICAGO_LOOP = { lat: 41.8819, lon: -87.6278 };
const STREAM = '/api/screen/stream';
const path = (url: string) => new URL(url).pathname;

let app: Harness | undefined;
let page: Page;

const rendered = (layer: string): Promise<number> =>
  page.evaluate(
    (id) =>
      (window as unknown as TestWindow).__plannerMap.queryRenderedFeatures({ layers: [id] }).length,
    layer,
  );
const checkRow = (id: string) => page.locator(`[data-testid=siting-check][data-check-id=${id}]`);
const firstRowSite = () => page.getByTestId('screen-row').first().getAttribute('data-site-id');
const rowIndex = (siteId: string) =>
  page.evaluate(
    (id) =>
      [...document.querySelectorAll('[data-testid=screen-row]')].findIndex(
        (row) => row.getAttribute('data-site-id') === id,
      ),
    siteId,
  );
const idle = () => page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: WAIT_MS });

const jumpTo = (at: { lat: number; lon: number }, zoom: number) => jumpMapTo(page, at, zoom);

async function openTab(name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Arms "Check a point" and clicks the map at a point, then waits for the new answer. */
async function checkPointOnMap(at: { lat: number; lon: number }): Promise<void> {
  await page.getByTestId('siting-pick').click();
  await page.waitForSelector('[data-testid=map].is-placing', { timeout: WAIT_MS });
  const answered = page.waitForResponse((r) => path(r.url()) === '/api/sites/check', {
    timeout: WAIT_MS,
  });
  const { x, y } = await mapPoint(page, at);
  await page.mouse.click(x, y);
  await answered;
  await page.waitForSelector('[data-testid=siting-result][aria-busy=false]', { timeout: WAIT_MS });
}

async function chooseCampus(id: string): Promise<void> {
  await openTab('Campus');
  await page.getByTestId('campus-select').selectOption(id);
  await openTab('Siting');
}

/** The panel has scrolled the screen section to its top, or as far as it can go. */
const screenScrolledIn = () =>
  page.evaluate(() => {
    const scroller = document.querySelector('.tabpanels')!;
    const panel = document.querySelector('.screen-panel')!;
    const offset = panel.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const atEnd = scroller.scrollTop >= scroller.scrollHeight - scroller.clientHeight - 1;
    return Math.abs(offset) < 1 || atEnd;
  });

/** Runs the screen, waits for its streamed result and for the panel to scroll to it. */
async function runScreen(): Promise<void> {
  const done = page.waitForResponse((r) => path(r.url()) === STREAM, { timeout: WAIT_MS });
  await page.getByTestId('screen-run').click();
  await (await done).finished();
  await page.waitForSelector('.screen-results[aria-busy=false]', { timeout: WAIT_MS });
  await expect.poll(screenScrolledIn, POLL).toBe(true);
}

describe('Siting tab with the siting models', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    app = await openApp({
      // Requests the app cancels on purpose: a newer check, screen or demand replaced them.
      expectedFailure: (r: Request) =>
        ['/api/sites/check', STREAM, '/api/demand'].includes(path(r.url())) &&
        r.failure()?.errorText === 'net::ERR_ABORTED',
    });
    page = app.page;
  }, 150_000);

  afterAll(async () => {
    await app?.close();
  });

  it('cancels "Check a point" with Escape', async () => {
    await openTab('Siting');
    await page.getByTestId('siting-pick').click();
    await page.waitForSelector('[data-testid=map].is-placing', { timeout: WAIT_MS });
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=map]:not(.is-placing)', { timeout: WAIT_MS });
    expect(await page.getByTestId('siting-pick').getAttribute('aria-pressed')).toBe('false');
  });

  it('passes a rural Wyoming point near Naughton and draws its rings', async () => {
    // Zoom 6 (about 2 km a pixel): near enough to land within Naughton's 3 km brownfield
    // radius, far enough out that the app zooms in to frame the 20 mi ring.
    await jumpTo(NAUGHTON, 6);
    await checkPointOnMap(NAUGHTON);
    expect(await page.getByTestId('siting-check').count()).toBeGreaterThanOrEqual(6);
    expect(await checkRow('population-density').getAttribute('data-pass')).toBe('true');
    expect(await checkRow('population-centre-distance').getAttribute('data-pass')).toBe('true');
    expect(await checkRow('brownfield').getAttribute('data-pass')).toBe('true');
    expect(await checkRow('population-centre-distance').textContent()).toMatch(/limit ≥ 0\.67 mi/);
    expect(await page.getByTestId('siting-verdict').textContent()).toContain(
      'Passes every hard check',
    );
    expect(await page.getByTestId('siting-population').textContent()).toMatch(/50 mi/);
    expect(await page.locator('.caveat').textContent()).toContain('2020 Census');
    await expect.poll(() => rendered('siting-check-ring'), POLL).toBeGreaterThan(0);
    await expect.poll(() => rendered('siting-check-centre-label'), POLL).toBe(1);
    // Off the map, so no hover tooltip covers the checked point in the screenshot.
    await page.mouse.move(1000, 400);
    await idle();
    await page.screenshot({ path: join(RESULTS_DIR, 'siting-check.png') });
  });

  it('fails a downtown Chicago point on the population-centre distance', async () => {
    await jumpTo(CHICAGO_LOOP, 9);
    await checkPointOnMap(CHICAGO_LOOP);
    expect(await checkRow('population-centre-distance').getAttribute('data-pass')).toBe('false');
    const verdict = page.getByTestId('siting-verdict');
    expect(await verdict.getAttribute('data-pass')).toBe('false');
    expect(await verdict.textContent()).toMatch(
      /Fails a hard check: distance to population centre/,
    );
  });

  it('screens the sites around stargate-abilene: ranked rows and hexes', async () => {
    await chooseCampus('stargate-abilene');
    expect(await page.getByTestId('screen-run').isEnabled()).toBe(true);
    await runScreen();
    expect(await page.getByTestId('screen-row').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('screen-row').first().textContent()).toMatch(/\d+\.\d/);
    await expect.poll(() => rendered('siting-hex-fill'), POLL).toBeGreaterThan(100);
    expect(await page.getByTestId('layer-toggle-siting-hexes').isChecked()).toBe(true);
  });

  it('re-ranks Lancaster at 150 km: distance weight 100 lifts TMI-1 (Crane) into the top three', async () => {
    // 50 plants within 150 km. Peach Bottom (32 km) leads either way; at the default weights
    // Crane (42 km, ~450/mi² near Harrisburg) is below the top five, and a distance weight of
    // 100 lifts it to third behind Brunner Island (38 km).
    await chooseCampus('coreweave-lancaster');
    await page.getByTestId('screen-radius').fill('150');
    await runScreen();
    expect(await firstRowSite()).toBe('nacei-1470');
    expect(await rowIndex('crane-tmi1')).toBeGreaterThan(4);
    const resent = page.waitForRequest(
      (r) => path(r.url()) === STREAM && r.postDataJSON()?.weights?.distance === 100,
      { timeout: WAIT_MS },
    );
    await page.getByTestId('screen-weight-distance').focus();
    await page.keyboard.press('End');
    await expect.poll(() => rowIndex('crane-tmi1'), POLL).toBe(2);
    await resent;
    await page.waitForSelector('.screen-results[aria-busy=false]', { timeout: WAIT_MS });
    expect(await rowIndex('crane-tmi1')).toBe(2);
    expect(await firstRowSite()).toBe('nacei-1470');
  });

  it('highlights a ranked site on hover, and checks it on click', async () => {
    await idle();
    // The app scrolled the panel (never the page) to the new ranking.
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
    expect(await page.getByTestId('screen-table').isVisible()).toBe(true);
    await page.getByTestId('screen-row').first().hover();
    await expect.poll(() => rendered('siting-screen-highlight'), POLL).toBe(1);
    await idle();
    await page.screenshot({ path: join(RESULTS_DIR, 'siting-screen.png') });
    await page.getByTestId('screen-row').first().click();
    await expect
      .poll(() => page.locator('[data-testid=siting-result] h3').textContent(), POLL)
      .toMatch(/Peach Bottom/);
    expect(await page.getByTestId('siting-check').count()).toBeGreaterThanOrEqual(6);
  });

  it('checks a candidate site clicked on the map while the Siting tab is open', async () => {
    const at = await page.evaluate(async () => {
      const sites = (await (await fetch('/api/sites')).json()) as {
        features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
      };
      const [lon, lat] = sites.features.find((f) => f.properties.id === 'susquehanna')!.geometry
        .coordinates;
      return { lon, lat };
    });
    await jumpTo(at, 8);
    const { x, y } = await mapPoint(page, at);
    await page.mouse.click(x, y);
    await expect
      .poll(() => page.locator('[data-testid=siting-result] h3').textContent(), POLL)
      .toBe('Susquehanna SES (Talen)');
  });

  it('logs no console error, page error, failed or off-server request', () => {
    expect(app?.problems).toEqual([]);
  });
});
