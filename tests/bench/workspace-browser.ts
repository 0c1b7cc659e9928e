// `npm run bench` (third part): the workspace in headless Chromium against the real server.
// Targets (issue 10): page load to map idle ≤ 2.5 s; first JS ≤ 350 kB gzipped; click to place
// → first served-fraction ≤ 300 ms, → full-trial answer ≤ 1 s; a dragged reactor's line and
// distance follow the pointer at ≥ 30 frames per second.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median } from 'simple-statistics';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT } from '../web/browser-harness.ts';
import { jumpTo, mapPoint } from '../web/browser-harness.ts';
import { startServerProcess } from '../helpers/server-process.ts';

const root = resolve(import.meta.dirname, '..', '..');
const dbDir = mkdtempSync(join(tmpdir(), 'planner-bench-'));
const server = await startServerProcess({ env: { DATABASE_URL: `sqlite:${join(dbDir, 'b.db')}` } });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const ms = (v: number) => `${v.toFixed(0)} ms`;

try {
  // First JS: the entry script and the modules index.html preloads, gzipped as served.
  const html = readFileSync(join(root, 'dist', 'web', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const firstJsBytes = scripts.reduce(
    (sum, file) =>
      sum + gzipSync(readFileSync(join(root, 'dist', 'web', file)), { level: 9 }).length,
    0,
  );

  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
    loads.push(Date.now() - started);
    await context.close();
  }

  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 60_000 });
  await page.getByTestId('campus-select').selectOption('xai-colossus-2');
  await page.getByRole('tab', { name: 'Reactors' }).click();
  await page.getByTestId('design-select').selectOption('bwrx-300');
  await page.getByTestId('units-input').fill('2');
  await jumpTo(page, { lat: 35.15, lon: -89.85 }, 8);

  // Click → first figure and → full answer, timed in the page from the click event.
  const firstMs: number[] = [];
  const fullMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('place-mode').click();
    const at = await mapPoint(page, { lat: 35.25 + i * 0.05, lon: -89.7 + i * 0.04 });
    await page.evaluate(() => {
      const w = window as unknown as { __bench: { click?: number; first?: number; full?: number } };
      w.__bench = {};
      document.addEventListener('click', () => (w.__bench.click = performance.now()), {
        capture: true,
        once: true,
      });
      const workspace = document.getElementById('workspace')!;
      const seen = new Set<string>();
      const observer = new MutationObserver(() => {
        const figure = document.querySelector('[data-testid=served-fraction]')?.textContent ?? '';
        const stage = workspace.dataset.evaluation;
        const quality = workspace.dataset.evaluationQuality;
        if (w.__bench.click === undefined) return;
        if (w.__bench.first === undefined && (stage === 'refining' || stage === 'done') && figure)
          w.__bench.first = performance.now();
        if (stage === 'done' && quality === 'full' && !seen.has('full')) {
          seen.add('full');
          w.__bench.full = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, {
        attributes: true,
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(
      () => (window as unknown as { __bench: { full?: number } }).__bench.full,
    );
    const t = await page.evaluate(
      () => (window as unknown as { __bench: Record<string, number> }).__bench,
    );
    firstMs.push(t.first - t.click);
    fullMs.push(t.full - t.click);
  }

  // Drag: frames drawn while the pointer moves, and how many showed a new distance.
  const marker = page.getByTestId('reactor-marker').first();
  const box = (await marker.boundingBox())!;
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { t: number; km: string }[]; __stop?: boolean };
    w.__frames = [];
    w.__stop = false;
    const tick = (t: number) => {
      const km = document.querySelector('[data-testid=placement-distance]')?.textContent ?? '';
      w.__frames.push({ t, km });
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const dragStarted = Date.now();
  for (let i = 1; i <= 90; i++) await page.mouse.move(from.x + i * 3, from.y + i * 2);
  const dragMs = Date.now() - dragStarted;
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: { t: number; km: string }[]; __stop?: boolean };
    w.__stop = true;
    return w.__frames;
  });
  const inDrag = frames.filter((f, i) => i > 0 && f.km !== frames[i - 1].km);
  const span = inDrag.length > 1 ? inDrag[inDrag.length - 1].t - inDrag[0].t : 0;
  const fps = span > 0 ? ((inDrag.length - 1) * 1000) / span : 0;
  const gaps = inDrag.slice(1).map((f, i) => f.t - inDrag[i].t);

  console.log('\nWorkspace in headless Chromium (swiftshader, 2 cores):');
  console.log(
    `  first JS: ${(firstJsBytes / 1024).toFixed(0)} kB gzipped (${scripts.length} files; target ≤ 350 kB)`,
  );
  console.log(
    `  page load → map idle: median ${ms(median(loads))} of ${loads.map(ms).join(', ')} (target ≤ 2,500 ms)`,
  );
  console.log(
    `  click → first served-fraction: median ${ms(median(firstMs))} (${firstMs.map(ms).join(', ')}; target ≤ 300 ms)`,
  );
  console.log(
    `  click → full-trial answer: median ${ms(median(fullMs))} (${fullMs.map(ms).join(', ')}; target ≤ 1,000 ms)`,
  );
  console.log(
    `  drag: ${inDrag.length} frames with a new distance in ${ms(span)} (${fps.toFixed(0)} fps; worst gap ${ms(Math.max(...gaps))}; 90 moves in ${ms(dragMs)}; target ≥ 30 fps)`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.stop();
  rmSync(dbDir, { recursive: true, force: true });
}
