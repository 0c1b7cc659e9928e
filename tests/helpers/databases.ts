// Opens a fresh, migrated database of either dialect for one test file, so parallel workers
// never share state. PostgreSQL comes from TEST_DATABASE_URL only: DATABASE_URL belongs to
// the app and must never be touched by tests.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createDatabase, type AppDatabase } from '../../server/db/database.ts';

export const dialects = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof dialects)[number];

export type TestDatabase = AppDatabase & { url: string; drop(): Promise<void> };

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

// A missing server is a failure, never a skip: skipped Postgres tests would hide real bugs.
async function withAdmin(run: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL is not reachable at ${redact(adminUrl)} (${reason}). ` +
        'Start it or point TEST_DATABASE_URL at a server where the user may CREATE DATABASE.',
      { cause: error },
    );
  }
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

async function openSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'smr-planner-db-'));
  const url = `sqlite:${join(dir, 'test.db')}`;
  const database = await createDatabase(url);
  return {
    ...database,
    url,
    async drop() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<TestDatabase> {
  // Lower-case letters, digits and _ only, so the name needs no quoting rules beyond "".
  const name = `t_${process.pid}_${randomUUID().slice(0, 8)}`;
  await withAdmin(async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  // FORCE (PostgreSQL 13+) ends any connection a failed test left open.
  const dropDatabase = () =>
    withAdmin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  let database: AppDatabase;
  try {
    database = await createDatabase(url);
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  return {
    ...database,
    url,
    async drop() {
      await database.close();
      await dropDatabase();
    },
  };
}

export async function openTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  return dialect === 'sqlite' ? openSqlite() : openPostgres();
}

/**
 * Runs `setUp` before the describe block's tests; if it throws, every test fails with the reason
 * (a failed beforeAll would otherwise leave them reported as skipped).
 */
export function beforeAllOrFail(setUp: () => Promise<void>): void {
  let failure: unknown;
  beforeAll(async () => {
    try {
      await setUp();
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(() => {
    if (failure !== undefined) throw failure;
  });
}

/**
 * One database per describe block: opened before its tests, dropped after them; if opening
 * fails, every test fails with the reason.
 */
export function useTestDatabase(dialect: TestDialect): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAllOrFail(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (database === undefined) throw new Error(`The ${dialect} test database is not open`);
    return database;
  };
}
