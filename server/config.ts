// Configuration from the environment, validated once at start-up (DESIGN.md "Configuration").
// A bad value stops the server with a message naming the variable and the value.
import { resolve } from 'node:path';
import { parseAuthTokens } from './plugins/auth.ts';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from './plugins/rate-limit.ts';
import { parseAllowedHosts } from './plugins/security.ts';
import type { ComputeLimits } from './evaluate/limits.ts';
import { computeLimitsFromEnv, drainMsFromEnv } from './evaluate/limits-env.ts';

export interface Config {
  port: number;
  host: string;
  /** `sqlite:/path/file.db` or `postgres://user@host:port/db`. */
  databaseUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** token → workspace; null in single-user mode. */
  authTokens: Map<string, string> | null;
  /** Host header values served (DNS-rebinding guard); `*` allows any. */
  allowedHosts: string[];
  /** Writes and refused requests per client and minute; 0: off. */
  rateLimitPerMinute: number;
  /** Compute budgets, queue bounds, timeout (README "Limits and how to tune them"). */
  computeLimits: ComputeLimits;
  /** SHUTDOWN_DRAIN_MS: in-flight requests' time to finish on SIGTERM before a forced close. */
  shutdownDrainMs: number;
  /** JOBS_WORKER: on PostgreSQL, whether the server also works the shared job queue. */
  jobsWorker: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const defaultDatabaseUrl = (): string => `sqlite:${resolve('data', 'planner.db')}`;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const problems: string[] = [];

  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    problems.push(`PORT must be an integer 0..65535, got ${JSON.stringify(portText)}`);
  }

  const host = env.HOST ?? '127.0.0.1';
  if (host.trim() === '') problems.push('HOST must not be empty');

  const databaseUrl = env.DATABASE_URL || defaultDatabaseUrl();
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    problems.push(
      `DATABASE_URL must start with sqlite: or postgres://, got ${JSON.stringify(databaseUrl)}`,
    );
  }

  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`,
    );
  }

  let authTokens: Map<string, string> | null = null;
  try {
    authTokens = parseAuthTokens(env.AUTH_TOKENS);
  } catch (error) {
    problems.push((error as Error).message);
  }

  let allowedHosts: string[] = [];
  try {
    allowedHosts = parseAllowedHosts(env.ALLOWED_HOSTS, host);
  } catch (error) {
    problems.push((error as Error).message);
  }

  // On by default only in shared mode; a single-user instance on localhost needs no budget.
  const rateText = env.RATE_LIMIT_PER_MINUTE ?? '';
  const rateLimitPerMinute =
    rateText === '' ? (authTokens ? DEFAULT_RATE_LIMIT_PER_MINUTE : 0) : Number(rateText);
  if (rateText !== '' && (!/^\d+$/.test(rateText) || rateLimitPerMinute > 1_000_000)) {
    problems.push(
      `RATE_LIMIT_PER_MINUTE must be an integer 0..1000000 (0 turns it off), got ${JSON.stringify(rateText)}`,
    );
  }

  // On PostgreSQL the server works the shared job queue too unless JOBS_WORKER=0 (then only
  // `npm run worker` processes do); the embedded queue has no other worker, so it must be 1.
  const jobsWorkerText = env.JOBS_WORKER ?? '1';
  const jobsWorker = jobsWorkerText === '1';
  if (jobsWorkerText !== '0' && jobsWorkerText !== '1') {
    problems.push(`JOBS_WORKER must be 0 or 1, got ${JSON.stringify(jobsWorkerText)}`);
  } else if (!jobsWorker && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      'JOBS_WORKER=0 needs a PostgreSQL DATABASE_URL (with SQLite this server runs every job)',
    );
  }

  const computeLimits = computeLimitsFromEnv(env, problems);
  const shutdownDrainMs = drainMsFromEnv(env, problems);

  if (problems.length > 0)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    port,
    host,
    databaseUrl,
    logLevel,
    authTokens,
    allowedHosts,
    rateLimitPerMinute,
    computeLimits,
    shutdownDrainMs,
    jobsWorker,
  };
}

/** The URL a human can open; a wildcard bind is reached through localhost. */
export function publicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}
