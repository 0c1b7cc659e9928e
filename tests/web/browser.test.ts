// End to end in Chromium against the real server: the offline map draws campuses, sites and
// labels with no request beyond the server, the legend hides layers, and choosing a campus
// flies to it and shows its modelled peak. Screenshots and the first-idle time go to test-results/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  mapPoint,
  MISSING_CHROMIUM,
  openApp,
  RESULTS_DIR,
  type Harness,
  type PlannerMap,
  openLegend,
} from './browser-harness.ts';

const ABILENE = { lat: 32.49, lon: -99.733 };
const SITE_LAYERS = ['sites-symbol', 'sites-label'];

type TestWindow = { __plannerMap: PlannerMap; __firstIdleMs?: number; __firstDataIdleMs?: number };

let app: Harness | undefined;
let page: Page;

const renderedCount = (layers: string[]): Promise<number> =>
  page.evaluate(
    (ids) =>
      (window as unknown as TestWindow).__plannerMap.queryRenderedFeatures({ layers: ids }).length,
    layers,
  );

/** Records when data-idle first turns true, and first turns true with campuses drawn. */
function recordFirstIdle(): void {
  const w = window as unknown as TestWindow;
  new MutationObserver(() => {
    const map = document.querySelector('[data-testid=map]');
    if (map?.getAttribute('data-idle') !== 'true') return;
    w.__firstIdleMs ??= performance.now();
    if (
      w.__firstDataIdleMs === undefined &&
      w.__plannerMap?.queryRenderedFeatures({ layers: ['campuses-circle'] }).length
    ) {
      w.__firstDataIdleMs = performance.now();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-idle'] });
}

// Outside the suite below, so a missing browser counts as a failed test, not only a failed hook.
it('finds Chromium at /usr/bin/chromium', () => {
  expect(hasChromium(), MISSING_CHROMIUM).toBe(true);
});

describe('web app in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    app = await openApp({ initScript: recordFirstIdle });
    page = app.page;
    await page.waitForFunction(
      () => (window as unknown as TestWindow).__firstDataIdleMs !== undefined,
      null,
      { timeout: 60_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('reaches its first idle and records how long it took', async () => {
    const timings = await page.evaluate(() => {
      const w = window as unknown as TestWindow;
      return {
        firstIdleMs: Math.round(w.__firstIdleMs!),
        firstIdleWithDataMs: Math.round(w.__firstDataIdleMs!),
      };
    });
    console.log(`first idle ms: ${timings.firstIdleMs}`);
    console.log(`first idle with campuses drawn ms: ${timings.firstIdleWithDataMs}`);
    writeFileSync(join(RESULTS_DIR, 'first-idle.json'), `${JSON.stringify(timings, null, 2)}\n`);
    expect(timings.firstIdleWithDataMs).toBeLessThan(60_000);
  });

  it('draws at least ten campuses and the candidate sites on the North-America view', async () => {
    expect(await renderedCount(['campuses-circle'])).toBeGreaterThanOrEqual(10);
    expect(await renderedCount(['sites-symbol'])).toBeGreaterThan(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'map.png') });
  });

  it('draws state and country labels from local fonts', async () => {
    expect(await renderedCount(['basemap-labels-state'])).toBeGreaterThan(10);
    expect(await renderedCount(['basemap-labels-country'])).toBeGreaterThan(0);
  });

  it('hides every site layer when layer-toggle-sites is unchecked', async () => {
    await openLegend(page);
    await page.getByTestId('layer-toggle-sites').uncheck();
    await page.waitForFunction(
      () =>
        (window as unknown as TestWindow).__plannerMap.queryRenderedFeatures({
          layers: ['sites-symbol'],
        }).length === 0,
    );
    const visibility = await page.evaluate(
      (ids) =>
        ids.map((id) =>
          (window as unknown as TestWindow).__plannerMap.getLayoutProperty(id, 'visibility'),
        ),
      SITE_LAYERS,
    );
    expect(visibility).toEqual(['none', 'none']);
    await page.getByTestId('layer-toggle-sites').check();
    await page.waitForFunction(
      () =>
        (window as unknown as TestWindow).__plannerMap.queryRenderedFeatures({
          layers: ['sites-symbol'],
        }).length > 0,
    );
  });

  it('flies to Abilene and shows its modelled peak beside the published 1,200 MW', async () => {
    await page.getByTestId('campus-select').selectOption('stargate-abilene');
    await page.waitForFunction(
      ({ lat, lon }) => {
        const map = (window as unknown as TestWindow).__plannerMap;
        const center = map.getCenter();
        return (
          !map.isMoving() && Math.abs(center.lat - lat) < 0.25 && Math.abs(center.lng - lon) < 0.25
        );
      },
      ABILENE,
      { timeout: 30_000 },
    );
    await page.waitForSelector('[data-testid=map][data-idle=true]');
    // The demand model's peak for the published 400 + 800 MW facility phases: about 1.2 GW.
    await expect
      .poll(() => page.getByTestId('campus-peak-mw').textContent(), { timeout: 30_000 })
      .toMatch(/^1,[12]\d\d MW$/);
    expect(await page.locator('.figure-compare').textContent()).toContain('1,200 MW');
    await page.screenshot({ path: join(RESULTS_DIR, 'campus-abilene.png') });
  });

  it('opens a popup with the campus figures when its circle is clicked', async () => {
    const point = await mapPoint(page, ABILENE);
    // Up and left of the centre: a research-reactor site sits just down and right of it.
    await page.mouse.click(point.x - 10, point.y - 10);
    const popup = page.locator('.map-popup');
    await expect
      .poll(() => popup.textContent(), { timeout: 30_000 })
      .toContain('Stargate I – Abilene');
    expect(await popup.textContent()).toContain('1,200 MW');
  });

  it('logs no console error, page error, failed or off-server request', () => {
    expect(app?.problems).toEqual([]);
  });
});
