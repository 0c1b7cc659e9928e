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

export function webBuildIsFresh(): boolean {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) return false;
  const sources = [join(root, 'web'), join(root, 'models')].filter(existsSync);
  const newestSource = Math.max(
    ...sources.map(newestMtimeMs),
    statSync(join(root, 'vite.config.ts')).mtimeMs,
  );
  return statSync(index).mtimeMs >= newestSource;
}

export async function ensureWebBuilt(): Promise<void> {
  if (webBuildIsFresh()) return;
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
