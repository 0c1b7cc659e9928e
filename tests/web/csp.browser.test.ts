// The Content-Security-Policy (server/plugins/security.ts) in Chromium: the workspace page (the
// MapLibre map, its worker, charts) and /docs (swagger-ui) run under it without one violation,
// seen both as console messages and as `securitypolicyviolation` events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Harness } from './browser-harness.ts';

type ViolationWindow = { __cspViolations: string[] };

// Runs in every page before its own scripts, so a violation during start-up is caught too.
function recordViolations(): void {
  const w = window as unknown as ViolationWindow;
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as ViolationWindow).__cspViolations);

let app: Harness | undefined;
const cspConsole: string[] = [];
const watchConsole = (page: Page) =>
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspConsole.push(m.text());
  });

describe('Content-Security-Policy in the browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    app = await openApp({ initScript: recordViolations });
  }, 150_000);
  afterAll(async () => {
    await app?.close();
  });

  it('serves the page with the policy on', async () => {
    const res = await fetch(app!.url);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('runs the workspace (map idle, a campus modelled) without a violation', async () => {
    const page = app!.page;
    watchConsole(page);
    await page.getByTestId('campus-select').selectOption('stargate-abilene');
    await expect
      .poll(() => page.getByTestId('campus-peak-mw').textContent(), { timeout: 45_000 })
      .toMatch(/MW$/);
    await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
    expect(await violations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
  });

  it('runs /docs (swagger-ui) without a violation', async () => {
    const page = await app!.newTab();
    watchConsole(page);
    await page.addInitScript(recordViolations);
    await page.goto(`${app!.url}/docs`);
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 30_000 });
    // Open one operation so its schema and the models render too.
    await page.locator('.opblock-summary').first().click();
    await page.waitForSelector('.opblock-body', { timeout: 10_000 });
    expect(await violations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
  });

  it('logs no other problem', () => {
    expect(app?.problems).toEqual([]);
  });
});
