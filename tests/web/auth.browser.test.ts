// A server started with AUTH_TOKENS in Chromium: the map and bundled data load without a
// token; the first model request asks for one in the top bar, and with it the answer arrives.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, RESULTS_DIR, type Harness } from './browser-harness.ts';

const TOKEN = 'alpha-token-0123456789';
let app: Harness | undefined;

describe('access tokens in the web app', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    app = await openApp({
      serverEnv: { AUTH_TOKENS: `alpha:${TOKEN}` },
      // The first model request answers 401 before the user has given a token.
      expectedHttpError: (status) => status === 401,
    });
  }, 150_000);

  afterAll(async () => {
    await app?.close();
  });

  it('asks for the token once, then models the campus with it', async () => {
    const page = app!.page;
    await page.getByTestId('campus-select').selectOption('stargate-abilene');
    const tokenInput = page.getByTestId('auth-token');
    await tokenInput.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(RESULTS_DIR, 'auth-token.png') });
    await tokenInput.fill(TOKEN);
    await page.getByTestId('auth-submit').click();
    await expect
      .poll(() => page.getByTestId('campus-peak-mw').textContent(), { timeout: 45_000 })
      .toMatch(/^1,[12]\d\d MW$/);
    expect(await page.getByTestId('auth-token').count()).toBe(0);
    const stored = await page.evaluate(() => sessionStorage.getItem('planner.token'));
    expect(stored).toBe(TOKEN);
  });

  it('logs no error other than the first 401', () => {
    expect(app?.problems).toEqual([]);
  });
});
