// Steps the workspace browser tests share: choose a campus and design, place reactors at
// points, read the served fraction and a placement's figures.
import type { Page } from 'playwright-core';
import { jumpTo, mapPoint } from './browser-harness.ts';

export const EVALUATE_TIMEOUT_MS = 45_000;
export const isEvaluate = (url: string) => new URL(url).pathname === '/api/evaluate';

/** Colossus 2 (Southaven, MS) and points east of Memphis in open country. */
export const COLOSSUS_2 = { id: 'xai-colossus-2', lat: 34.99, lon: -90.02 };
export const EAST_OF_MEMPHIS = { lat: 35.3, lon: -89.6 };
export const NORTH_OF_MEMPHIS = { lat: 35.45, lon: -90.05 };

export async function chooseCampusAndDesign(page: Page, units: number): Promise<void> {
  await page.getByTestId('campus-select').selectOption(COLOSSUS_2.id);
  await page.getByRole('tab', { name: 'Reactors' }).click();
  await page.getByTestId('design-select').selectOption('bwrx-300');
  await page.getByTestId('units-input').fill(String(units));
  await jumpTo(page, { lat: 35.15, lon: -89.85 }, 8);
}

export async function placeAt(page: Page, at: { lat: number; lon: number }): Promise<void> {
  const before = await page.getByTestId('placement').count();
  await page.getByTestId('place-mode').click();
  const point = await mapPoint(page, at);
  await page.mouse.click(point.x, point.y);
  await page.getByTestId('placement').nth(before).waitFor();
}

/** The served fraction (%) once the full-trial answer is shown (not the quick one). */
export async function fullServedPercent(page: Page): Promise<number> {
  await page.waitForSelector('#workspace[data-evaluation=done][data-evaluation-quality=full]', {
    timeout: EVALUATE_TIMEOUT_MS,
  });
  const text = await page.getByTestId('served-fraction').textContent();
  return Number.parseFloat(text ?? '');
}

export async function placementTexts(page: Page): Promise<string[]> {
  return page.getByTestId('placement').allTextContents();
}
