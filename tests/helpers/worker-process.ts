// Starts `npm run worker` (server/worker-main.ts) as a child process on a PostgreSQL database,
// the way a team deployment runs it, and waits for its "worker <pid> ready" line. Used by the
// PostgreSQL job-queue tests and the optimiser's two-worker benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..', '..');
const tsxLoader = pathToFileURL(
  resolve(root, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs'),
).href;

export interface WorkerProcess {
  child: ChildProcess;
  processId: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm run worker` as a child process; resolves once it says it takes jobs. */
export async function startWorker(databaseUrl: string): Promise<WorkerProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, ['--import', tsxLoader, 'server/worker-main.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const processId = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`worker did not start:\n${log}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = /worker (\d+) ready/.exec(log);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`worker exited with code ${code}:\n${log}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((done) => child.once('exit', done));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, processId, output: () => log, stop };
}
