// Configuration from the environment, validated once at start-up (DESIGN.md "Configuration").
// A bad value stops the server with a message naming the variable and the value.
import { resolve } from 'node:path';
import { parseAuthTokens } from './plugins/auth.ts';

export interface Config {
  port: number;
  host: string;
  /** `sqlite:/path/file.db` or `postgres://user@host:port/db`. */
  databaseUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** token → workspace; null in single-user mode. */
  authTokens: Map<string, string> | null;
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

  if (problems.length > 0)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return { port, host, databaseUrl, logLevel, authTokens };
}

/** The URL a human can open; a wildcard bind is reached through localhost. */
export function publicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}
