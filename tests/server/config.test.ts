import { describe, expect, it } from 'vitest';
import { loadConfig, publicUrl } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 on 127.0.0.1 with SQLite under data/', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.databaseUrl).toMatch(/^sqlite:.*data[/\\]planner\.db$/);
  });

  it('takes a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).databaseUrl).toBe(
      'postgres://u@h:5432/db',
    );
  });

  it('names every bad variable and its value at once', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
    ).toThrowError(
      /PORT must be an integer 0\.\.65535, got "eighty"[\s\S]*DATABASE_URL[\s\S]*"mysql:\/\/x"[\s\S]*LOG_LEVEL/,
    );
  });

  it('rejects a port above 65535', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrowError(/PORT/);
  });
});

describe('publicUrl', () => {
  it('shows a wildcard bind as localhost', () => {
    expect(publicUrl('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(publicUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
  });
});
