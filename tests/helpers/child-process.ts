// A TypeScript entry point of this repository as a child process in its own process group
// (so stopping it also ends anything it spawned), with its output kept, a wait for the line
// that says it is ready, and a stop that sends SIGTERM and then SIGKILL after 10 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
const tsxLoader = pathToFileURL(
  resolve(repoRoot, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs'),
).href;

export interface TsxProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output; fails if the process exits. */
  waitFor: (pattern: RegExp, what: string, timeoutMs?: number) => Promise<RegExpExecArray>;
  stop: () => Promise<void>;
}

export function spawnTsx(
  entry: string,
  env: Record<string, string | undefined>,
  cwd = repoRoot,
): TsxProcess {
  const child = spawn(process.execPath, ['--import', tsxLoader, resolve(repoRoot, entry)], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const waitFor: TsxProcess['waitFor'] = (pattern, what, timeoutMs = 60_000) =>
    new Promise((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`${what} did not start in time:\n${log}`)),
        timeoutMs,
      );
      child.stdout?.on('data', () => {
        const match = pattern.exec(log);
        if (match) {
          clearTimeout(timer);
          done(match);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`${what} exited with code ${code}:\n${log}`));
      });
    });
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
  return { child, output: () => log, waitFor, stop };
}
