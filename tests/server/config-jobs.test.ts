// JOBS_WORKER (issue 13): on PostgreSQL the server may leave the computing to `npm run worker`
// processes; the value is validated at start-up like every other variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

const pg = 'postgres://planner@db.example.org:5432/planner';

describe('JOBS_WORKER', () => {
  it('defaults to working the queue, and 0 turns it off on PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: pg }).jobsWorker).toBe(true);
    expect(loadConfig({ DATABASE_URL: pg, JOBS_WORKER: '1' }).jobsWorker).toBe(true);
    expect(loadConfig({ DATABASE_URL: pg, JOBS_WORKER: '0' }).jobsWorker).toBe(false);
    expect(loadConfig({}).jobsWorker).toBe(true);
  });

  it('refuses any other value, naming the variable and the value', () => {
    expect(() => loadConfig({ DATABASE_URL: pg, JOBS_WORKER: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: pg, JOBS_WORKER: 'yes' })).toThrow(
      /JOBS_WORKER must be 0 or 1, got "yes"/,
    );
  });

  it('refuses 0 with SQLite, whose jobs only this server can run', () => {
    expect(() => loadConfig({ DATABASE_URL: 'sqlite::memory:', JOBS_WORKER: '0' })).toThrow(
      /JOBS_WORKER=0 needs a PostgreSQL DATABASE_URL/,
    );
  });
});
