// Builds web/ into dist/web when the bundle is missing or older than any web source file.
// `npm start` and the test setup both call this, so a fresh clone needs no separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const webDistDir = join(root, 'dist', 'web');

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why dist/web needs a build, or 'fresh' when it is newer than every source. */
export function webBuildState(): 'fresh' | 'missing' | 'stale' {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) return 'missing';
  const sources = [join(root, 'web'), join(root, 'models')].filter(existsSync);
  const newestSource = Math.max(
    ...sources.map(newestMtimeMs),
    statSync(join(root, 'vite.config.ts')).mtimeMs,
  );
  return statSync(index).mtimeMs >= newestSource ? 'fresh' : 'stale';
}

export const webBuildIsFresh = (): boolean => webBuildState() === 'fresh';

/** Builds when needed, saying so on `log` (a build takes ~10 s on 2 cores). */
export async function ensureWebBuilt(log: (line: string) => void = console.log): Promise<void> {
  const state = webBuildState();
  if (state === 'fresh') return;
  log(`Building the web app (dist/web is ${state})…`);
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  log(`Built the web app in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
