// The national-data layers in Chromium: each legend toggle (plants, interconnection points,
// population heat, city names) flips its layers' visibility on window.__plannerMap and, when
// on, draws features from its API; typing "Memphis" in search suggests the Colossus campus and
// the city, arrow keys move through the listbox, and picking the city flies there, where the
// city names label the campus-zoom map. Screenshot: test-results/national-layers-memphis.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jumpTo,
  openApp,
  RESULTS_DIR,
  type Harness,
  type TestWindow,
  openLegend,
} from './browser-harness.ts';

const WAIT_MS = 45_000;
const POLL = { timeout: 30_000 };
const MEMPHIS = { lat: 35.1495, lon: -90.049 };

let app: Harness | undefined;
let page: Page;

const visibility = (layers: string[]) =>
  page.evaluate(
    (ids) =>
      ids.map(
        (id) =>
          (window as unknown as TestWindow).__plannerMap.getLayoutProperty(id, 'visibility') ??
          'visible',
      ),
    layers,
  );
const rendered = (layers: string[]) =>
  page.evaluate(
    (ids) =>
      (window as unknown as TestWindow).__plannerMap.queryRenderedFeatures({ layers: ids }).length,
    layers,
  );
const renderedNames = (layers: string[]) =>
  page.evaluate(
    (ids) =>
      (
        (window as unknown as TestWindow).__plannerMap.queryRenderedFeatures({
          layers: ids,
        }) as { properties: { name?: string } }[]
      ).map((f) => f.properties.name ?? ''),
    layers,
  );
const idle = () => page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: WAIT_MS });

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  // At 1280 px the legend starts folded; these tests use its toggles.
  await openLegend(page);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('national layers', () => {
  const toggles: [group: string, layers: string[], api: string | null, startsOn: boolean][] = [
    ['plants', ['plants-cluster', 'plants-cluster-count', 'plants-circle'], '/api/plants', false],
    ['interconnections', ['interconnections-circle'], '/api/interconnections', false],
    ['population-density', ['population-density-heat'], '/api/population/density', false],
    ['places', ['places-dot', 'places-label-1m', 'places-label-10k'], null, true],
  ];

  it.each(toggles)('layer-toggle-%s shows and hides its layers', async (group, layers, api, on) => {
    const toggle = page.getByTestId(`layer-toggle-${group}`);
    expect(await toggle.isChecked()).toBe(on);
    const before = on ? 'visible' : 'none';
    const after = on ? 'none' : 'visible';
    expect(new Set(await visibility(layers))).toEqual(new Set([before]));
    const loaded = api
      ? page.waitForResponse((r) => new URL(r.url()).pathname === api && r.ok(), {
          timeout: WAIT_MS,
        })
      : null;
    await (on ? toggle.uncheck() : toggle.check());
    await loaded;
    expect(new Set(await visibility(layers))).toEqual(new Set([after]));
    await idle();
    // The first layer of each group draws something on the national view once shown.
    if (!on) await expect.poll(() => rendered(layers), POLL).toBeGreaterThan(0);
    else await expect.poll(() => rendered(layers), POLL).toBe(0);
    await (on ? toggle.check() : toggle.uncheck());
    expect(new Set(await visibility(layers))).toEqual(new Set([before]));
  });

  it('shows the national view with plants and interconnection points on', async () => {
    await page.getByTestId('layer-toggle-plants').check();
    await page.getByTestId('layer-toggle-interconnections').check();
    await idle();
    expect(await rendered(['plants-cluster', 'plants-circle'])).toBeGreaterThan(20);
    await page.screenshot({ path: join(RESULTS_DIR, 'national-layers.png') });
  });

  it('suggests Memphis as the user types, keyboard-navigable, and flies to the pick', async () => {
    const search = page.getByTestId('search');
    await search.click();
    await search.pressSequentially('Memphis', { delay: 20 });
    const options = page.getByTestId('search-option');
    await expect.poll(() => options.count(), POLL).toBeGreaterThan(1);
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('listbox').count()).toBe(1);
    // Campuses first: Colossus, in Memphis.
    expect(await options.first().getAttribute('data-kind')).toBe('campus');
    expect(await options.first().textContent()).toContain('Colossus');
    const city = page.locator('[data-testid=search-option][data-kind=place]').first();
    expect(await city.textContent()).toContain('Memphis');
    // Arrow keys move aria-activedescendant through the options.
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe('search-option-0');
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe('search-option-1');
    expect(await page.locator('#search-option-1').getAttribute('aria-selected')).toBe('true');
    await city.click();
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    await page.waitForFunction(
      ({ lat, lon }) => {
        const map = (window as unknown as TestWindow).__plannerMap;
        const c = map.getCenter();
        return !map.isMoving() && Math.abs(c.lat - lat) < 0.1 && Math.abs(c.lng - lon) < 0.1;
      },
      MEMPHIS,
      { timeout: WAIT_MS },
    );
    await idle();
  });

  it('names Memphis and its neighbours at campus zoom and saves the screenshot', async () => {
    await jumpTo(page, MEMPHIS, 8.5);
    await page.getByTestId('layer-toggle-population-density').check();
    await idle();
    const names = await renderedNames([
      'places-label-1m',
      'places-label-250k',
      'places-label-100k',
      'places-label-50k',
      'places-label-10k',
    ]);
    expect(names).toContain('Memphis');
    expect(names.length).toBeGreaterThan(5);
    // The density grid is fetched when the layer is first switched on: the map can go idle
    // before its answer arrives on a loaded machine, so wait for the heat to draw.
    await expect
      .poll(() => rendered(['population-density-heat']), { timeout: WAIT_MS })
      .toBeGreaterThan(0);
    // Fold the legend (as a planner would) so the screenshot shows the map around Memphis.
    await page.locator('.legend > summary').click();
    await idle();
    await page.screenshot({ path: join(RESULTS_DIR, 'national-layers-memphis.png') });
  });

  it('names Abilene and Phoenix at campus zoom', async () => {
    const places = ['places-label-100k', 'places-label-250k', 'places-label-1m'];
    await jumpTo(page, { lat: 32.45, lon: -99.73 }, 8);
    expect(await renderedNames(places)).toContain('Abilene');
    await jumpTo(page, { lat: 33.45, lon: -112.07 }, 8);
    expect(await renderedNames(places)).toContain('Phoenix');
  });

  it('logged no console errors, failed or off-server requests', () => {
    expect(app?.problems).toEqual([]);
  });
});
