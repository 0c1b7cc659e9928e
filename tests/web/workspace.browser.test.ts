// The workspace as a planner uses it, in Chromium against the real server: place reactors and
// watch coverage rise, drag one and see its line and distance follow, save and reopen from the
// URL. Screenshots of each step go to test-results/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jumpTo, mapPoint, openApp, RESULTS_DIR, type Harness } from './browser-harness.ts';
import {
  chooseCampusAndDesign,
  EAST_OF_MEMPHIS,
  EVALUATE_TIMEOUT_MS,
  fullServedPercent,
  isEvaluate,
  NORTH_OF_MEMPHIS,
  placeAt,
  placementTexts,
} from './workspace-helpers.ts';

let app: Harness | undefined;
let page: Page;
const shot = (name: string) =>
  page.screenshot({ path: join(RESULTS_DIR, `workspace-${name}.png`) });

/** The km figure of the first placement row. */
async function firstDistanceKm(): Promise<number> {
  const text = (await page.getByTestId('placement-distance').first().textContent()) ?? '';
  return Number(text.replace(/[^\d.]/g, ''));
}

/** The first placement line's far end (campus) and near end (the reactor), from the map. */
async function firstLine(): Promise<number[][]> {
  return page.evaluate(() => {
    const map = (window as unknown as { __plannerMap: { getSource(id: string): unknown } })
      .__plannerMap;
    const source = map.getSource('placement-lines') as {
      _data?: unknown;
      serialize(): { data: unknown };
    };
    const data = source.serialize().data as {
      features: { geometry: { type: string; coordinates: number[][] } }[];
    };
    return data.features.find((f) => f.geometry.type === 'LineString')!.geometry.coordinates;
  });
}

describe('Workspace: placement and live coverage', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    app = await openApp({
      // Superseded evaluations are cancelled on purpose.
      // A reload, or a newer edit, cancels the evaluate or demand call still in flight.
      expectedFailure: (r) =>
        r.failure()?.errorText === 'net::ERR_ABORTED' &&
        (isEvaluate(r.url()) || new URL(r.url()).pathname === '/api/demand'),
    });
    page = app.page;
  }, 150_000);

  afterAll(async () => {
    await app?.close();
  });

  let onePlacementPercent = 0;

  it('places a reactor and shows the served fraction, then a second raises it', async () => {
    await chooseCampusAndDesign(page, 2);
    await placeAt(page, EAST_OF_MEMPHIS);
    await page.getByRole('tab', { name: 'Coverage' }).click();
    onePlacementPercent = await fullServedPercent(page);
    await shot('1-one-placement');
    // 2 × 300 MWe against Colossus 2's ~1 GW: well short of full.
    expect(onePlacementPercent).toBeGreaterThan(10);
    expect(onePlacementPercent).toBeLessThan(90);

    await page.getByRole('tab', { name: 'Reactors' }).click();
    await placeAt(page, NORTH_OF_MEMPHIS);
    await page.getByRole('tab', { name: 'Coverage' }).click();
    const twoPlacementsPercent = await fullServedPercent(page);
    await shot('2-two-placements');
    expect(twoPlacementsPercent).toBeGreaterThan(onePlacementPercent + 10);
    expect(await page.getByTestId('reactor-marker').count()).toBe(2);
  });

  it('drags a reactor: its line and distance follow, and the answer updates', async () => {
    await page.getByRole('tab', { name: 'Reactors' }).click();
    const kmBefore = await firstDistanceKm();
    const lineBefore = await firstLine();
    const marker = page.getByTestId('reactor-marker').first();
    const box = (await marker.boundingBox())!;
    const to = await mapPoint(page, { lat: 35.6, lon: -89.3 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(
        box.x + box.width / 2 + ((to.x - box.x - box.width / 2) * i) / 10,
        box.y + box.height / 2 + ((to.y - box.y - box.height / 2) * i) / 10,
      );
    // Mid-drag: the line (drawn over the map while dragging) starts under the pointer, and the
    // row already shows the distance from there.
    const overlay = page.locator('.drag-line-stroke');
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const x1 = Number(await overlay.getAttribute('x1')) + mapBox.x;
    const y1 = Number(await overlay.getAttribute('y1')) + mapBox.y;
    expect(Math.hypot(x1 - to.x, y1 - to.y)).toBeLessThan(20);
    expect(await page.locator('.drag-line-label').textContent()).toMatch(/^\d+ km$/);
    expect(await firstDistanceKm()).toBeGreaterThan(kmBefore + 20);
    await shot('3a-mid-drag');
    await page.mouse.up();
    await fullServedPercent(page);
    const kmAfter = await firstDistanceKm();
    await shot('3-dragged');
    // Moved about 45 km further from the campus (35.6, -89.3 vs 35.3, -89.6).
    expect(kmAfter).toBeGreaterThan(kmBefore + 20);
    const lineAfter = await firstLine();
    expect(lineAfter[0][1]).toBeCloseTo(35.6, 1);
    expect(lineAfter[0][0]).not.toBeCloseTo(lineBefore[0][0], 2);
    expect(await page.locator('.drag-line').isVisible()).toBe(false);
    expect((await placementTexts(page))[0]).toMatch(/km · \d+ kV · [\d.]+% loss/);
  });

  it('reads out the hovered hour of the week chart, for every series', async () => {
    await page.getByRole('tab', { name: 'Coverage' }).click();
    const chart = page.getByTestId('coverage-week-chart');
    await chart.scrollIntoViewIfNeeded();
    const plot = (await chart.locator('svg').first().boundingBox())!;
    await page.mouse.move(plot.x + plot.width * 0.5, plot.y + plot.height * 0.5);
    const readout = chart.locator('.cov-readout');
    await expect
      .poll(() => readout.textContent())
      .toMatch(/\w{3} \d+ \w{3} \d\d:00 · demand [\d,]+ MW/i);
    expect(await readout.textContent()).toMatch(/ · supply[^·]* [\d,]+ MW/i);
    await shot('3b-hover-readout');
    await page.mouse.move(plot.x - 40, plot.y - 40);
  });

  it('grid-connected, each line runs to its interconnection point instead of the campus', async () => {
    await page.getByRole('tab', { name: 'Coverage' }).click();
    const campusEnd = (await firstLine())[1];
    await page.getByTestId('option-grid-mode').selectOption('connected');
    await fullServedPercent(page);
    await page.getByRole('tab', { name: 'Reactors' }).click();
    await expect
      .poll(async () => (await placementTexts(page))[0])
      .toMatch(/kV to .+ · [\d.]+% loss/);
    const gridEnd = (await firstLine())[1];
    expect(Math.hypot(gridEnd[0] - campusEnd[0], gridEnd[1] - campusEnd[1])).toBeGreaterThan(0.01);
    await shot('3c-grid-connected');
    await page.getByRole('tab', { name: 'Coverage' }).click();
    await page.getByTestId('option-grid-mode').selectOption('islanded');
    await fullServedPercent(page);
  });

  it('saves, and the URL reopens the same placements after a reload', async () => {
    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid=save-state]:text-is("saved")', {
      timeout: EVALUATE_TIMEOUT_MS,
    });
    await expect
      .poll(() => new URL(page.url()).searchParams.get('scenario'))
      .toMatch(/^[0-9a-f-]{36}$/);
    const before = await placementTexts(page);
    const url = page.url();
    await page.goto(url);
    await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
    await page.getByRole('tab', { name: 'Reactors' }).click();
    await expect
      .poll(() => page.getByTestId('placement').count(), { timeout: EVALUATE_TIMEOUT_MS })
      .toBe(2);
    await fullServedPercent(page);
    await shot('4-reopened');
    const after = await placementTexts(page);
    expect(after).toEqual(before);
    expect(await page.getByTestId('save-state').textContent()).toBe('saved');
    expect(await page.getByTestId('campus-select').inputValue()).toBe('xai-colossus-2');
  });

  it('keeps unsaved changes across a reload, marked in the top bar', async () => {
    await page.getByTestId('placement-units').first().fill('3');
    await page.getByTestId('placement-units').first().press('Enter');
    await page.getByTestId('placement-units').first().blur();
    await page.waitForSelector('[data-testid=save-state]:text-is("unsaved changes")');
    await page.reload();
    await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
    await page.getByRole('tab', { name: 'Reactors' }).click();
    await page.waitForSelector('[data-testid=save-state]:text-is("unsaved changes")', {
      timeout: EVALUATE_TIMEOUT_MS,
    });
    expect((await placementTexts(page))[0]).toMatch(/^3 × BWRX-300/);
    await shot('5-unsaved-after-reload');
    expect(app!.problems).toEqual([]);
  });

  it('keeps a drawn campus as part of the scenario across a reload', async () => {
    await page.getByTestId('scenario-discard').click();
    await page.getByRole('tab', { name: 'Campus' }).click();
    await page.getByTestId('campus-new').click();
    await page.waitForSelector('[data-testid=map].is-placing');
    await jumpTo(page, { lon: -88.2, lat: 42.9 }, 8);
    const at = await mapPoint(page, { lon: -88.2, lat: 42.9 });
    await page.mouse.click(at.x, at.y);
    await page.getByTestId('campus-new-name').fill('Lakeshore test campus');
    await page.getByTestId('campus-new-create').click();
    const row = page.getByTestId('phase-row').first();
    await row.locator('input[type=month]').fill('2028-01');
    await row.locator('select').first().selectOption('itMw');
    await row.getByTestId('phase-mw').fill('300');
    await page.getByRole('tab', { name: 'Reactors' }).click();
    await placeAt(page, { lat: 43.1, lon: -88.0 });
    await fullServedPercent(page);
    // The scenario keeps the reactors placed before the campus changed (a what-if on a new
    // campus), plus the new one.
    const placed = await placementTexts(page);
    await page.reload();
    await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId('campus-select').inputValue(), { timeout: EVALUATE_TIMEOUT_MS })
      .toMatch(/^user-campus-/);
    expect(
      await page.getByTestId('campus-select').locator('option:checked').textContent(),
    ).toContain('Lakeshore test campus');
    await page.getByRole('tab', { name: 'Reactors' }).click();
    await expect.poll(() => page.getByTestId('placement').count()).toBe(placed.length);
    await page.getByRole('tab', { name: 'Coverage' }).click();
    expect(await fullServedPercent(page)).toBeGreaterThan(50);
    await page.getByRole('tab', { name: 'Reactors' }).click();
    expect(await placementTexts(page)).toEqual(placed);
    await shot('6-drawn-campus-reloaded');

    // "New scenario" asks first (there are unsaved changes), then starts empty on this campus.
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByTestId('scenario-new').click();
    expect(await page.getByTestId('scenario-new').textContent()).toMatch(/Discard unsaved/);
    await page.getByTestId('scenario-new').click();
    await page.getByRole('tab', { name: 'Reactors' }).click();
    await expect.poll(() => page.getByTestId('placement').count()).toBe(0);
    expect(await page.getByTestId('reactor-marker').count()).toBe(0);
    await page.getByRole('tab', { name: 'Coverage' }).click();
    await page.getByTestId('coverage-empty').waitFor();
    expect(await page.getByTestId('campus-select').inputValue()).toMatch(/^user-campus-/);
    expect(app!.problems).toEqual([]);
  });
});
