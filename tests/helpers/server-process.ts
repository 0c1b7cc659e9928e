// Starts the real server as a child process, the way a user does, and waits for its
// "listening on <url>" line. Used by the start-up and browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..', '..');
const tsxLoader = pathToFileURL(
  resolve(root, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs'),
).href;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startServerProcess(
  options: { env?: Record<string, string>; cwd?: string; entry?: string; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const entry = resolve(root, options.entry ?? 'server/server.ts');
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  // Its own process group, so stop() also ends anything it spawned.
  const child = spawn(process.execPath, ['--import', tsxLoader, entry], {
    cwd: options.cwd ?? root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((done) => child.once('exit', done));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`server did not start in time:\n${log}`)),
      options.timeoutMs ?? 60_000,
    );
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with code ${code}:\n${log}`));
    });
  });
  return { url, child, output: () => log, stop };
}
