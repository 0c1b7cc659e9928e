// Shared set-up of the Chromium end-to-end tests: the real server on a throwaway SQLite file,
// the system Chromium (never downloaded), a 1280×800 page, and a record of every console error,
// page error, failed, off-server or HTTP ≥ 400 request, which each file asserts is empty.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const RESULTS_DIR = resolve(import.meta.dirname, '..', '..', 'test-results');
export const VIEWPORT = { width: 1280, height: 800 };

export const MISSING_CHROMIUM =
  `Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\`; ` +
  'this test never downloads a browser and never skips.';

export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** The slice of the MapLibre map (window.__plannerMap) that the tests use. */
export interface PlannerMap {
  queryRenderedFeatures(options: { layers: string[] }): unknown[];
  getLayoutProperty(layer: string, name: string): unknown;
  getCenter(): { lat: number; lng: number };
  project(lngLat: [number, number]): { x: number; y: number };
  isMoving(): boolean;
  jumpTo(options: { center: [number, number]; zoom: number }): void;
}
export type TestWindow = { __plannerMap: PlannerMap };

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

export interface Harness {
  page: Page;
  url: string;
  /** Everything that went wrong in the page so far, one line each. */
  problems: string[];
  /** Another tab in the same browser profile (shared storage), watched like the first. */
  newTab(): Promise<Page>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Runs in the page before its scripts (e.g. to time the first idle). */
  initScript?: () => void;
  /**
   * A failed request the test expects, e.g. a stale /api/demand call the app cancels on
   * purpose (net::ERR_ABORTED). Everything else is a problem.
   */
  expectedFailure?: (request: Request) => boolean;
  /**
   * An HTTP error the test provokes on purpose (a 400 for a bad input). Chromium also logs each
   * as "Failed to load resource: … status of 400"; that line is expected with it.
   */
  expectedHttpError?: (status: number, url: string) => boolean;
  /** Extra server environment, e.g. AUTH_TOKENS. */
  serverEnv?: Record<string, string>;
}

/** Starts the server and Chromium, opens the app and waits for the map's first idle. */
export async function openApp(options: HarnessOptions = {}): Promise<Harness> {
  if (!hasChromium()) throw new Error(MISSING_CHROMIUM);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const dbDir = mkdtempSync(join(tmpdir(), 'planner-browser-'));
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dbDir, { recursive: true, force: true });
  };
  try {
    server = await startServerProcess({
      env: { DATABASE_URL: `sqlite:${join(dbDir, 'planner.db')}`, ...options.serverEnv },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: VIEWPORT });
    const problems: string[] = [];
    const expectedHttp = options.expectedHttpError ?? (() => false);
    const watch = (page: Page) => {
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const status = /^Failed to load resource: .*status of (\d{3})/.exec(m.text());
        if (status && expectedHttp(Number(status[1]), m.location().url)) return;
        problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => {
        if (!options.expectedFailure?.(r))
          problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
      });
      page.on(
        'request',
        (r) => !isLocal(r.url()) && problems.push(`off-server request: ${r.url()}`),
      );
      page.on('response', (r) => {
        if (r.status() >= 400 && !expectedHttp(r.status(), r.url()))
          problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      return page;
    };
    const page = watch(await context.newPage());
    const newTab = async () => watch(await context.newPage());
    if (options.initScript) await page.addInitScript(options.initScript);
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
    return { page, url: server.url, problems, newTab, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The page coordinates of a longitude/latitude on the map. */
export function mapPoint(page: Page, lngLat: { lon: number; lat: number }) {
  return page.evaluate(({ lat, lon }) => {
    const map = (window as unknown as TestWindow).__plannerMap;
    const { x, y } = map.project([lon, lat]);
    const box = document.querySelector('[data-testid=map]')!.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, lngLat);
}

/**
 * Moves the map at once (no animation) and waits for it to be idle, so a click computed with
 * mapPoint lands where it was aimed rather than where a camera animation has moved on to.
 */
export async function jumpTo(
  page: Page,
  at: { lat: number; lon: number },
  zoom: number,
): Promise<void> {
  await page.evaluate(
    ({ lat, lon, zoom }) =>
      (window as unknown as TestWindow).__plannerMap.jumpTo({ center: [lon, lat], zoom }),
    { ...at, zoom },
  );
  await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
}

/** Expands the legend (it starts folded below 1440 px wide) so its layer toggles can be used. */
export async function openLegend(page: Page): Promise<void> {
  const legend = page.getByTestId('legend');
  if ((await legend.getAttribute('open')) === null) await page.getByTestId('legend-toggle').click();
  await page.waitForSelector('[data-testid=legend][open]');
}
