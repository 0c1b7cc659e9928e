// Two tabs on one scenario, comparing scenarios and comparing sites, in Chromium against the
// real server. The second save of a scenario edited in two tabs gets the conflict choice, and
// neither choice loses anything. Screenshots of each step go to test-results/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
let tabA: Page;
let tabB: Page;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(RESULTS_DIR, `workspace-compare-${name}.png`) });

const waitSaveState = (page: Page, text: string) =>
  page.waitForSelector(`[data-testid=save-state]:text-is("${text}")`, {
    timeout: EVALUATE_TIMEOUT_MS,
  });

async function setUnits(page: Page, units: number): Promise<void> {
  await page.getByRole('tab', { name: 'Reactors' }).click();
  const field = page.getByTestId('placement-units').first();
  await field.fill(String(units));
  await field.press('Enter');
  await field.blur();
  await waitSaveState(page, 'unsaved changes');
}

async function save(page: Page): Promise<void> {
  await page.getByTestId('scenario-save').click();
}

/** The saved scenarios as the server holds them: name → units of the first deployment. */
async function serverScenarios(): Promise<Record<string, number>> {
  const list = (await (await fetch(`${app!.url}/api/scenarios`)).json()) as {
    scenarios: { id: string; name: string }[];
  };
  const out: Record<string, number> = {};
  for (const { id, name } of list.scenarios) {
    const one = (await (await fetch(`${app!.url}/api/scenarios/${id}`)).json()) as {
      deployments: { units: number }[];
    };
    out[name] = one.deployments[0].units;
  }
  return out;
}

const scenarioIdOf = (page: Page) => new URL(page.url()).searchParams.get('scenario');

describe('Workspace: conflicts and comparisons', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    app = await openApp({
      expectedFailure: (r) => isEvaluate(r.url()) && r.failure()?.errorText === 'net::ERR_ABORTED',
      // The second tab's stale save is answered 412 on purpose.
      expectedHttpError: (status, url) =>
        status === 412 && new URL(url).pathname.startsWith('/api/scenarios/'),
    });
    tabA = app.page;
  }, 150_000);

  afterAll(async () => {
    await app?.close();
  });

  it('two tabs edit one scenario: the second save gets the choice, and a copy loses nothing', async () => {
    await chooseCampusAndDesign(tabA, 2);
    await placeAt(tabA, EAST_OF_MEMPHIS);
    await fullServedPercent(tabA);
    await save(tabA);
    await waitSaveState(tabA, 'saved');
    await expect.poll(() => scenarioIdOf(tabA)).toMatch(/^[0-9a-f-]{36}$/);
    const id = scenarioIdOf(tabA)!;

    tabB = await app!.newTab();
    await tabB.goto(tabA.url());
    await tabB.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
    await tabB.getByRole('tab', { name: 'Reactors' }).click();
    await expect
      .poll(() => tabB.getByTestId('placement').count(), { timeout: EVALUATE_TIMEOUT_MS })
      .toBe(1);
    await waitSaveState(tabB, 'saved');

    await setUnits(tabA, 3);
    await save(tabA);
    await waitSaveState(tabA, 'saved');

    await setUnits(tabB, 5);
    await save(tabB);
    await waitSaveState(tabB, 'conflict');
    await tabB.getByTestId('conflict-banner').waitFor();
    await shot(tabB, '1-conflict');
    await tabB.getByTestId('conflict-copy').click();
    await waitSaveState(tabB, 'saved');
    await expect.poll(() => scenarioIdOf(tabB)).not.toBe(id);
    // Theirs is intact at 3 units; mine is a copy at 5.
    const held = await serverScenarios();
    expect(Object.values(held).sort()).toEqual([3, 5]);
    expect(Object.keys(held).some((name) => / \(copy\)$/.test(name))).toBe(true);
    expect((await tabB.getByTestId('placement').first().textContent()) ?? '').toMatch(/^5 × /);
  });

  it('"reload theirs" replaces the stale edit with the saved version', async () => {
    await tabB.goto(tabA.url());
    await tabB.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
    await waitSaveState(tabB, 'saved');
    await setUnits(tabA, 4);
    await save(tabA);
    await waitSaveState(tabA, 'saved');
    await setUnits(tabB, 6);
    await save(tabB);
    await waitSaveState(tabB, 'conflict');
    await tabB.getByTestId('conflict-reload').click();
    await waitSaveState(tabB, 'saved');
    await tabB.getByRole('tab', { name: 'Reactors' }).click();
    await expect
      .poll(async () => (await tabB.getByTestId('placement').first().textContent()) ?? '')
      .toMatch(/^4 × /);
    await shot(tabB, '2-reloaded-theirs');
    await tabB.close();
  });

  it('compares two saved scenarios side by side, differences highlighted', async () => {
    await tabA.getByRole('tab', { name: 'Scenarios' }).click();
    await expect
      .poll(() => tabA.getByTestId('scenario-row').count(), { timeout: EVALUATE_TIMEOUT_MS })
      .toBe(2);
    const checks = tabA.getByTestId('compare-check');
    await checks.nth(0).check();
    await checks.nth(1).check();
    await tabA.getByTestId('scenario-compare').click();
    const table = tabA.getByTestId('compare-table');
    await table.waitFor({ timeout: EVALUATE_TIMEOUT_MS });
    await expect
      .poll(() => table.locator('.is-different').count(), { timeout: EVALUATE_TIMEOUT_MS })
      .toBeGreaterThan(3);
    await tabA.getByTestId('compare-view').scrollIntoViewIfNeeded();
    await shot(tabA, '3-compare-scenarios');
    const text = (await table.textContent()) ?? '';
    expect(text).toMatch(/4 × BWRX-300/i);
    expect(text).toMatch(/5 × BWRX-300/i);
  });

  it('compares three candidate sites for the current design and units', async () => {
    await tabA.getByRole('tab', { name: 'Reactors' }).click();
    await tabA.getByTestId('units-input').fill('4');
    const options = tabA.getByTestId('compare-site-option');
    await options.first().waitFor({ timeout: EVALUATE_TIMEOUT_MS });
    for (let i = 0; i < 3; i++) await options.nth(i).check();
    await tabA.getByTestId('compare-sites-run').click();
    const rows = tabA.getByTestId('compare-site-row');
    await expect.poll(() => rows.count(), { timeout: EVALUATE_TIMEOUT_MS }).toBe(3);
    await expect
      .poll(
        async () =>
          (await tabA.getByTestId('compare-sites-table').textContent())?.match(/\d+\.\d%/g)
            ?.length ?? 0,
        {
          timeout: EVALUATE_TIMEOUT_MS,
        },
      )
      .toBeGreaterThanOrEqual(3);
    await tabA.getByTestId('compare-sites-table').scrollIntoViewIfNeeded();
    await shot(tabA, '4-compare-sites');
    // "place here" adds a placement on that site.
    const before = await tabA.getByTestId('placement').count();
    await tabA.getByTestId('compare-site-place').first().click();
    await expect.poll(() => tabA.getByTestId('placement').count()).toBe(before + 1);
    expect(app!.problems).toEqual([]);
  });
});
