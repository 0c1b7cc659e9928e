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

  it('honours AUTH_TOKENS: scenarios need the bearer token, health stays open', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'planner-auth-'));
    server = await startServerProcess({ cwd, env: { AUTH_TOKENS: 'team:team-token-0123456789' } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/scenarios`)).status).toBe(401);
    const authorised = await fetch(`${server.url}/api/scenarios`, {
      headers: { authorization: 'Bearer team-token-0123456789' },
    });
    expect(authorised.status).toBe(200);
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
