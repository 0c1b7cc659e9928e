// The downloads in the workspace (issue 11), in Chromium against the real server: the top
// bar's menu gives the open scenario as a PDF report (with progress while it builds), CSV,
// GeoJSON and JSON; the JSON imports again as a new scenario; a bad file is refused naming the
// field; and the compare view downloads one PDF of the comparison. Each file is read back
// (pdftotext for the PDFs) and the pages rendered into test-results/ to be looked at.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, RESULTS_DIR, type Harness } from './browser-harness.ts';
import {
  chooseCampusAndDesign,
  EAST_OF_MEMPHIS,
  EVALUATE_TIMEOUT_MS,
  fullServedPercent,
  isEvaluate,
  placeAt,
} from './workspace-helpers.ts';

let app: Harness | undefined;
let page: Page;
const shot = (name: string) => page.screenshot({ path: join(RESULTS_DIR, `reports-${name}.png`) });

/** Clicks a downloads-menu item and keeps the file under test-results/. */
async function download(testid: string, stem: string): Promise<{ file: string; name: string }> {
  await page.getByTestId('downloads').click();
  const started = page.waitForEvent('download', { timeout: EVALUATE_TIMEOUT_MS });
  await page.getByTestId(testid).click();
  const done: Download = await started;
  const file = join(RESULTS_DIR, `${stem}${done.suggestedFilename().replace(/^.*(\.\w+)$/, '$1')}`);
  await done.saveAs(file);
  return { file, name: done.suggestedFilename() };
}

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );

describe('Workspace downloads', { timeout: 300_000 }, () => {
  let served: number;
  let scenarioName: string;
  beforeAll(async () => {
    app = await openApp({
      // Chromium can report a streamed report's request as aborted once the page starts the
      // blob download, after the whole stream was read (the "Downloaded" line only shows
      // then); each test below reads the downloaded file back in full to prove it complete.
      expectedFailure: (r) =>
        r.failure()?.errorText === 'net::ERR_ABORTED' &&
        (isEvaluate(r.url()) || new URL(r.url()).pathname.startsWith('/api/report/')),
      // The invalid import is answered 400 on purpose.
      expectedHttpError: (status, url) =>
        status === 400 && new URL(url).pathname === '/api/scenarios',
    });
    page = app.page;
    await chooseCampusAndDesign(page, 4);
    await placeAt(page, EAST_OF_MEMPHIS);
    served = await fullServedPercent(page);
    scenarioName = (await page.getByTestId('scenario-bar-name').textContent()) ?? '';
  }, 150_000);

  afterAll(async () => {
    await app?.close();
  });

  it('downloads the siting report as a PDF, with progress in words while it builds', async () => {
    // Every text the progress line shows, recorded as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      const status = document.querySelector('[data-testid=report-progress]')!;
      // Each state replaces the line's children: the added nodes keep the words they showed,
      // even when several states land within one task.
      new MutationObserver((records) => {
        for (const record of records)
          record.addedNodes.forEach((node) => seen.push(node.textContent ?? ''));
      }).observe(status, { childList: true });
    });
    await page.getByTestId('downloads').click();
    await page.getByTestId('report-pdf').waitFor();
    await shot('1-menu');
    await page.keyboard.press('Escape');
    const { file, name } = await download('report-pdf', 'workspace-report');
    expect(name).toMatch(/\.pdf$/);
    await page
      .getByTestId('report-progress')
      .getByText(/^Downloaded .*\.pdf$/)
      .waitFor({ timeout: EVALUATE_TIMEOUT_MS });
    await shot('2-downloaded');
    const seen = await page.evaluate(
      () => (window as unknown as { __progress: string[] }).__progress,
    );
    expect(seen.some((t) => t.includes('Evaluating the scenario'))).toBe(true);
    expect(seen.some((t) => /Drawing section \d of \d/.test(t))).toBe(true);
    const text = pdfText(file);
    expect(text).toContain(scenarioName.replace(/\s+/g, ' '));
    expect(text).toContain('BWRX-300');
    expect(text).toContain(`${served.toFixed(1)}%`);
    execFileSync('pdftoppm', [
      '-r',
      '50',
      '-png',
      '-f',
      '1',
      '-l',
      '2',
      file,
      join(RESULTS_DIR, 'workspace-report'),
    ]);
  });

  it('downloads the hourly CSV and the GeoJSON of the scenario on screen', async () => {
    const csv = await download('report-csv', 'workspace-hourly');
    const lines = readFileSync(csv.file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(8761);
    expect(lines[0]).toMatch(/^hour,local_standard_time,campus_demand_mw/);
    const geo = await download('report-geojson', 'workspace-sites');
    const collection = JSON.parse(readFileSync(geo.file, 'utf8'));
    expect(collection.type).toBe('FeatureCollection');
    const deployment = collection.features.find(
      (f: { properties: { kind: string } }) => f.properties.kind === 'deployment',
    );
    expect(deployment.properties).toMatchObject({ design: 'bwrx-300', units: 4 });
    expect(deployment.geometry.coordinates[0]).toBeCloseTo(EAST_OF_MEMPHIS.lon, 1);
  });

  it('exports the scenario as JSON that imports again as a new saved scenario', async () => {
    const exported = await download('report-json', 'workspace-scenario');
    const body = JSON.parse(readFileSync(exported.file, 'utf8'));
    expect(body).toMatchObject({ name: scenarioName, campus: { id: 'xai-colossus-2' } });
    expect(body.deployments).toHaveLength(1);

    await page.getByTestId('downloads').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('scenario-import').click();
    await (await chooser).setFiles(exported.file);
    await page
      .getByTestId('report-progress')
      .getByText(/^Imported “.*” as a new scenario$/)
      .waitFor({ timeout: EVALUATE_TIMEOUT_MS });
    await page.waitForSelector('[data-testid=save-state]:text-is("saved")');
    // The address bar takes the new scenario's id once it has opened (a moment after "saved").
    await page.waitForURL(/[?&]scenario=[0-9a-f-]{36}/, { timeout: EVALUATE_TIMEOUT_MS });
    const id = new URL(page.url()).searchParams.get('scenario');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const again = await (await fetch(`${app!.url}/api/scenarios/${id}/export.json`)).json();
    expect(again).toEqual(body);
    await shot('3-imported');
  });

  it('refuses an invalid file, naming the field, and keeps the open scenario', async () => {
    const bad = join(RESULTS_DIR, 'workspace-bad-scenario.json');
    const body = JSON.parse(readFileSync(join(RESULTS_DIR, 'workspace-scenario.json'), 'utf8'));
    body.deployments[0].units = 0;
    writeFileSync(bad, JSON.stringify(body));
    const before = page.url();
    await page.getByTestId('downloads').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('scenario-import').click();
    await (await chooser).setFiles(bad);
    const failed = page.getByTestId('report-progress').getByRole('alert');
    await failed.waitFor({ timeout: EVALUATE_TIMEOUT_MS });
    expect(await failed.textContent()).toMatch(/units/);
    expect(page.url()).toBe(before);
    await shot('4-bad-import');
  });

  it('downloads a comparison of two saved scenarios as one PDF', async () => {
    // The imported scenario goes to 6 units and is saved; importing the file again gives a
    // second saved scenario at 4 units to compare it with.
    await page.getByRole('tab', { name: 'Reactors' }).click();
    const units = page.getByTestId('placement-units').first();
    await units.fill('6');
    await units.press('Enter');
    await units.blur();
    await page.waitForSelector('[data-testid=save-state]:text-is("unsaved changes")');
    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid=save-state]:text-is("saved")');
    await page.getByTestId('downloads').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('scenario-import').click();
    await (await chooser).setFiles(join(RESULTS_DIR, 'workspace-scenario.json'));
    await page
      .getByTestId('report-progress')
      .getByText(/^Imported/)
      .waitFor({ timeout: EVALUATE_TIMEOUT_MS });

    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await expect
      .poll(() => page.getByTestId('scenario-row').count(), { timeout: EVALUATE_TIMEOUT_MS })
      .toBe(2);
    const checks = page.getByTestId('compare-check');
    await checks.nth(0).check();
    await checks.nth(1).check();
    await page.getByTestId('scenario-compare').click();
    await page.getByTestId('compare-table').waitFor({ timeout: EVALUATE_TIMEOUT_MS });
    await page
      .getByTestId('compare-view')
      .getByText('Evaluated 2 scenarios.')
      .waitFor({ timeout: EVALUATE_TIMEOUT_MS });
    const started = page.waitForEvent('download', { timeout: EVALUATE_TIMEOUT_MS });
    await page.getByTestId('compare-report-pdf').click();
    await page.getByTestId('compare-report-progress').getByRole('progressbar').waitFor();
    await shot('5-compare-building');
    const done = await started;
    const file = join(RESULTS_DIR, 'workspace-comparison.pdf');
    await done.saveAs(file);
    expect(done.suggestedFilename()).toMatch(/^Comparison .* vs .*\.pdf$/);
    await page
      .getByTestId('compare-report-progress')
      .getByText(/^Downloaded/)
      .waitFor({ timeout: EVALUATE_TIMEOUT_MS });
    await page.getByTestId('compare-view').scrollIntoViewIfNeeded();
    await shot('6-compare-downloaded');
    const text = pdfText(file);
    expect(text).toContain('Comparison of 2 scenarios');
    expect(text).toContain('4 × BWRX-300');
    expect(text).toContain('6 × BWRX-300');
    expect(text).toContain('Overlaid charts');
    execFileSync('pdftoppm', ['-r', '50', '-png', file, join(RESULTS_DIR, 'workspace-comparison')]);
    expect(app!.problems).toEqual([]);
  });
});
