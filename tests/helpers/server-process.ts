// Starts the real server as a child process, the way a user does, and waits for its
// "listening on <url>" line. Used by the start-up, browser and job-queue tests.
import type { ChildProcess } from 'node:child_process';
import { spawnTsx } from './child-process.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startServerProcess(
  options: { env?: Record<string, string>; cwd?: string; entry?: string; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  const proc = spawnTsx(options.entry ?? 'server/server.ts', env, options.cwd);
  const [, url] = await proc.waitFor(/listening on (http:\/\/\S+)/, 'server', options.timeoutMs);
  return { url, child: proc.child, output: proc.output, stop: proc.stop };
}
