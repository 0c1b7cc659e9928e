// The optimiser as a planner uses it (issue 13 "UI"), in Chromium against the real server:
// open the workspace for Colossus 1, ask the Optimise tab a small question (100 km, BWRX-300
// and Xe-100, up to 3 units at up to 2 sites, 99% in 2032, 40 trials), watch its progress,
// read the ranked fleets and the Pareto chart, load the winner onto the map, and save it with
// the top bar's save: the saved scenario holds exactly the optimiser's best fleet and the
// optimisation itself. Reopening it (a reload with no local draft) shows the ranked fleets and
// the Pareto chart as saved, and no POST /api/optimise goes out; its JSON download carries the
// optimisation, and importing that file opens a new scenario with the same ranked fleets.
// Screenshots go to test-results/optimise-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatusBody } from '../../server/schemas/jobs.ts';
import type { OptimiseResult } from '../../server/schemas/optimise.ts';
import type {
  ScenarioListBody,
  ScenarioResponseBody,
  ScenarioSaveInputBody,
} from '../../server/schemas/scenario.ts';
import { openApp, RESULTS_DIR, type Harness } from './browser-harness.ts';
import { fullServedPercent } from './workspace-helpers.ts';

const OPTIMISE_TIMEOUT_MS = 120_000;
const CAMPUS_ID = 'xai-colossus-1';

let app: Harness | undefined;
let page: Page;
const shot = (name: string) => page.screenshot({ path: join(RESULTS_DIR, `optimise-${name}.png`) });

/** The last finished job status the page read (its result is what the UI shows). */
let finished: JobStatusBody | null = null;
let best: NonNullable<OptimiseResult['best']> | null = null;
let savedId: string | null = null;
/** The small run's answer (`finished` later holds the cancelled run). */
let smallResult: OptimiseResult | null = null;

describe('the Optimise tab', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    app = await openApp({
      // Choosing the campus starts its demand call; a later choice or evaluate may cancel it.
      expectedFailure: (r) =>
        ['/api/demand', '/api/evaluate'].includes(new URL(r.url()).pathname) &&
        r.failure()?.errorText === 'net::ERR_ABORTED',
    });
    page = app.page;
    page.on('response', async (response) => {
      if (!/\/api\/jobs\/[0-9a-f-]{36}$/.test(new URL(response.url()).pathname)) return;
      if (response.request().method() !== 'GET') return;
      const status = (await response.json().catch(() => null)) as JobStatusBody | null;
      if (status && ['done', 'failed', 'cancelled'].includes(status.state)) finished = status;
    });
  }, 150_000);

  afterAll(async () => {
    await app?.close();
  });

  it('runs a small optimisation for Colossus 1 with live progress', async () => {
    await page.getByTestId('campus-select').selectOption(CAMPUS_ID);
    await page.getByRole('tab', { name: 'Optimise' }).click();
    await page.getByTestId('optimise-run').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('optimise-campus').textContent()).toContain('Colossus');
    // The defaults are issue 13's question.
    expect(await page.getByTestId('optimise-target').inputValue()).toBe('99.9');
    expect(await page.getByTestId('optimise-radius').inputValue()).toBe('400');
    expect(await page.getByTestId('optimise-max-units').inputValue()).toBe('8');
    expect(await page.getByTestId('optimise-max-sites').inputValue()).toBe('3');
    const checked = () =>
      page
        .locator('[data-testid=optimise-design]:checked')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect((await checked()).sort()).toEqual(['bwrx-300', 'natrium', 'xe-100']);

    await page.getByTestId('optimise-target').fill('99');
    await page.getByTestId('optimise-year').fill('2032');
    await page.getByTestId('optimise-radius').fill('100');
    await page.getByTestId('optimise-max-units').fill('3');
    await page.getByTestId('optimise-max-sites').fill('2');
    await page.locator('[data-testid=optimise-design][value=natrium]').uncheck();
    expect((await checked()).sort()).toEqual(['bwrx-300', 'xe-100']);
    await page.locator('.optimise-advanced summary').click();
    expect(await page.getByTestId('optimise-trials').inputValue()).toBe('200');
    await page.getByTestId('optimise-trials').fill('40');
    await shot('1-question');

    // Every text the progress line shows, recorded in the page as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      const element = document.querySelector('[data-testid=optimise-progress]')!;
      new MutationObserver(() => {
        const text = (element as HTMLElement).hidden ? '' : (element.textContent ?? '');
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(element, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    const started = Date.now();
    await page.getByTestId('optimise-run').click();
    await page.waitForSelector('[data-testid=optimise-progress]:not([hidden])', {
      timeout: 10_000,
    });
    expect(await page.getByTestId('optimise-run').isDisabled()).toBe(true);
    await shot('2-progress');
    await page.getByTestId('optimise-ranked').waitFor({ timeout: OPTIMISE_TIMEOUT_MS });
    const seconds = (Date.now() - started) / 1000;
    console.log(`optimisation in the browser: ${seconds.toFixed(1)} s`);
    const progress = await page.evaluate(
      () => (window as unknown as { __progress: string[] }).__progress,
    );
    console.log(`progress lines: ${JSON.stringify(progress)}`);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((t) => /Evaluated \d+ of \d+ fleets/.test(t))).toBe(true);
    expect(await page.getByTestId('optimise-progress').isHidden()).toBe(true);
    expect(await page.getByTestId('optimise-error').isHidden()).toBe(true);

    expect(finished?.state).toBe('done');
    const result = finished!.result as OptimiseResult;
    expect(result.best).not.toBeNull();
    best = result.best;
    smallResult = result;
    const rows = page.getByTestId('optimise-ranked-row');
    expect(await rows.count()).toBe(result.ranked.length);
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toMatch(/\d+ × (BWRX-300|Xe-100)/);
    expect(first).toMatch(/\$[\d,]+\/MWh/);
    expect(first).toContain('yes');
    const points = page.locator(
      '[data-testid=optimise-pareto] [data-testid=optimise-pareto-point]',
    );
    expect(await points.count()).toBeGreaterThan(0);
    await page.getByTestId('optimise-pareto').scrollIntoViewIfNeeded();
    await shot('3-results');
  });

  it('loads the best fleet onto the map and saves it as a scenario', async () => {
    expect(best).not.toBeNull();
    const deployments = best!.deployments;
    await page.getByTestId('optimise-load').click();
    await page.getByTestId('optimise-note').waitFor();
    await expect.poll(() => page.getByTestId('reactor-marker').count()).toBe(deployments.length);
    await page.getByRole('tab', { name: 'Reactors' }).click();
    await expect.poll(() => page.getByTestId('placement').count()).toBe(deployments.length);
    const titles = await page.locator('[data-testid=placement] .placement-title').allTextContents();
    const designNames: Record<string, string> = { 'bwrx-300': 'BWRX-300', 'xe-100': 'Xe-100' };
    expect(titles).toEqual(deployments.map((d) => `${d.units} × ${designNames[d.designId]}`));
    const served = await fullServedPercent(page);
    console.log(`loaded fleet: ${JSON.stringify(deployments)}; evaluates to ${served}% served`);
    await shot('4-loaded');

    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid=save-state]:text-is("saved")', { timeout: 45_000 });
    await expect
      .poll(() => new URL(page.url()).searchParams.get('scenario'))
      .toMatch(/^[0-9a-f-]{36}$/);
    const id = new URL(page.url()).searchParams.get('scenario')!;
    const list = (await (await fetch(`${app!.url}/api/scenarios`)).json()) as ScenarioListBody;
    expect(list.scenarios.map((s) => s.id)).toContain(id);
    const saved = (await (
      await fetch(`${app!.url}/api/scenarios/${id}`)
    ).json()) as ScenarioResponseBody;
    expect(saved.campus).toMatchObject({ id: CAMPUS_ID });
    expect(saved.options?.year).toBe(2032);
    expect(
      saved.deployments.map(({ designId, units, lat, lon, siteId }) => ({
        designId,
        units,
        lat,
        lon,
        siteId,
      })),
    ).toEqual(deployments);
    // The optimisation went with it: the question asked and the answer shown, without the best
    // fleet's full evaluation.
    const result = finished!.result as OptimiseResult;
    expect(saved.optimisation?.request).toMatchObject({
      campus: { id: CAMPUS_ID },
      year: 2032,
      target: { servedEnergyFraction: 0.99 },
      candidates: { radiusKm: 100 },
    });
    expect(saved.optimisation?.result.ranked).toEqual(result.ranked);
    expect(saved.optimisation?.result.pareto).toEqual(result.pareto);
    expect(saved.optimisation?.result.best).toEqual({
      year: best!.year,
      deployments: best!.deployments,
    });
    savedId = id;
    await shot('5-saved');
  });

  it('cancels a long optimisation and keeps the last result', async () => {
    await page.getByRole('tab', { name: 'Optimise' }).click();
    await page.getByTestId('optimise-radius').fill('400');
    await page.getByTestId('optimise-max-units').fill('8');
    await page.getByTestId('optimise-max-sites').fill('3');
    await page.getByTestId('optimise-trials').fill('1000');
    await page.getByTestId('optimise-run').click();
    await page.waitForSelector('[data-testid=optimise-progress]:not([hidden])');
    const asked = Date.now();
    await page.getByTestId('optimise-cancel').click();
    await page.waitForSelector('[data-testid=optimise-error]:not([hidden])', { timeout: 15_000 });
    console.log(`cancelled in ${((Date.now() - asked) / 1000).toFixed(1)} s`);
    expect(await page.getByTestId('optimise-error').textContent()).toMatch(/cancelled/i);
    expect(finished?.state).toBe('cancelled');
    expect(await page.getByTestId('optimise-run').isEnabled()).toBe(true);
    // The small run's answer is still there to load.
    expect(await page.getByTestId('optimise-ranked-row').count()).toBeGreaterThan(0);
    await shot('6-cancelled');
    expect(app!.problems).toEqual([]);
  });

  it('reopens the saved scenario with its optimisation, without running it again', async () => {
    expect(savedId).not.toBeNull();
    const result = smallResult!;
    const optimiseCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/optimise'))
        optimiseCalls.push(`${request.method()} ${request.url()}`);
    });
    // No local draft: what opens is what the server stored.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${app!.url}/?scenario=${savedId}`);
    await expect
      .poll(() => page.getByTestId('reactor-marker').count(), { timeout: 60_000 })
      .toBe(best!.deployments.length);
    await page.getByRole('tab', { name: 'Optimise' }).click();
    await page.getByTestId('optimise-ranked').waitFor({ timeout: 60_000 });
    const note = await page.getByTestId('optimise-note').textContent();
    expect(note).toMatch(/not run again/);
    // The question the results answer, in the note and back in the form's fields.
    expect(note).toContain('99% of 2032 load · sites within 100 km');
    expect(note).toContain('up to 3 units at up to 2 sites');
    expect(await page.getByTestId('optimise-target').inputValue()).toBe('99');
    expect(await page.getByTestId('optimise-year').inputValue()).toBe('2032');
    expect(await page.getByTestId('optimise-radius').inputValue()).toBe('100');
    expect(await page.getByTestId('optimise-max-units').inputValue()).toBe('3');
    expect(await page.getByTestId('optimise-max-sites').inputValue()).toBe('2');
    const rows = page.getByTestId('optimise-ranked-row');
    expect(await rows.count()).toBe(result.ranked.length);
    const costs = await page
      .locator('[data-testid=optimise-ranked-row] td:nth-child(3)')
      .allTextContents();
    expect(costs).toEqual(
      result.ranked.map(
        (f) => `$${Math.round(f.deliveredCostUsdPerMwh).toLocaleString('en-US')}/MWh`,
      ),
    );
    const points = new Set(
      [...result.ranked, ...result.pareto].map((f) =>
        f.deployments
          .map((d) => `${d.siteId}:${d.designId}:${d.units}`)
          .sort()
          .join('|'),
      ),
    );
    expect(await page.locator('[data-testid=optimise-pareto-point]').count()).toBe(points.size);
    expect(await page.getByTestId('optimise-best').textContent()).toContain('Cheapest fleet');
    await page.getByTestId('optimise-best').scrollIntoViewIfNeeded();
    await shot('7-reopened');
    await page.getByTestId('optimise-pareto').scrollIntoViewIfNeeded();
    await shot('8-reopened-pareto');
    expect(optimiseCalls).toEqual([]);
    expect(app!.problems).toEqual([]);
  });

  it('downloads the scenario as JSON with its optimisation, and an import reopens it', async () => {
    const saved = (await (
      await fetch(`${app!.url}/api/scenarios/${savedId}`)
    ).json()) as ScenarioResponseBody;
    await page.getByTestId('downloads').click();
    const started = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('report-json').click();
    const file = join(RESULTS_DIR, 'optimise-scenario.json');
    await (await started).saveAs(file);
    const body = JSON.parse(readFileSync(file, 'utf8')) as ScenarioSaveInputBody;
    expect(body.optimisation).toEqual(saved.optimisation);
    // The server's export of the saved one says the same.
    const exported = await (await fetch(`${app!.url}/api/scenarios/${savedId}/export.json`)).json();
    expect(exported.optimisation).toEqual(saved.optimisation);

    await page.getByTestId('downloads').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('scenario-import').click();
    await (await chooser).setFiles(file);
    await page
      .getByTestId('report-progress')
      .getByText(/^Imported “.*” as a new scenario$/)
      .waitFor({ timeout: 60_000 });
    await page.waitForURL((url) => {
      const id = url.searchParams.get('scenario');
      return id !== null && id !== savedId;
    });
    const id = new URL(page.url()).searchParams.get('scenario');
    const imported = (await (
      await fetch(`${app!.url}/api/scenarios/${id}`)
    ).json()) as ScenarioResponseBody;
    expect(imported.optimisation).toEqual(saved.optimisation);
    await page.getByRole('tab', { name: 'Optimise' }).click();
    await expect
      .poll(() => page.getByTestId('optimise-ranked-row').count(), { timeout: 60_000 })
      .toBe(saved.optimisation!.result.ranked.length);
    await page.getByTestId('optimise-ranked-row').first().scrollIntoViewIfNeeded();
    await shot('9-imported');
    expect(app!.problems).toEqual([]);
  });
});
