import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('server start-up', () => {
  it('creates and migrates data/planner.db in an empty directory and reports sqlite', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'planner-empty-'));
    expect(readdirSync(cwd)).toEqual([]);
    server = await startServerProcess({ cwd });
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'sqlite' });
    expect(existsSync(join(cwd, 'data', 'planner.db'))).toBe(true);
  });

  it('refuses to start with a bad configuration and says which variable', async () => {
    await expect(startServerProcess({ env: { PORT: 'abc' } })).rejects.toThrowError(
      /PORT must be an integer/,
    );
  });

  it('closes gracefully on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'planner-stop-'));
    server = await startServerProcess({ cwd });
    const child = server.child;
    await server.stop();
    expect(child.exitCode).toBe(0);
  });
});
