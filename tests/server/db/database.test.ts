import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AppDatabase } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { StaticMigrationProvider } from '../../../server/db/migrations/index.ts';
import { openTestDatabase } from '../../helpers/databases.ts';

// Everything a test opens is closed and removed here, pass or fail.
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smr-planner-db-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(url: string): Promise<AppDatabase> {
  const database = await createDatabase(url);
  cleanups.push(() => database.close());
  return database;
}

describe('createDatabase', () => {
  it('creates the missing directory and file of an absolute sqlite: path', async () => {
    const file = join(tempDir(), 'nested', 'deeper', 'planner.db');
    const database = await open(`sqlite:${file}`);
    expect(database.dialect).toBe('sqlite');
    expect(existsSync(file)).toBe(true);
  });

  it('resolves a relative sqlite: path from the working directory', async () => {
    const file = join(tempDir(), 'relative', 'planner.db');
    await open(`sqlite:${relative(process.cwd(), file)}`);
    expect(existsSync(file)).toBe(true);
  });

  it('sets WAL, foreign keys and a 5 s busy timeout on SQLite', async () => {
    const { db } = await open(`sqlite:${join(tempDir(), 'pragmas.db')}`);
    const pragma = async (name: string) =>
      Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
  });

  it('opens and migrates sqlite::memory:', async () => {
    const { db, dialect } = await open('sqlite::memory:');
    expect(dialect).toBe('sqlite');
    expect(await db.selectFrom('scenarios').selectAll().execute()).toEqual([]);
  });

  it('rejects an unknown scheme, naming it', async () => {
    await expect(createDatabase('mysql://x')).rejects.toThrow(/"mysql:"/);
  });

  it('detects postgres:// and postgresql:// as postgres', async () => {
    const database = await openTestDatabase('postgres');
    cleanups.push(() => database.drop());
    expect(database.dialect).toBe('postgres');
    const again = await open(database.url.replace(/^postgres:/, 'postgresql:'));
    expect(again.dialect).toBe('postgres');
  });
});

describe('migrateToLatest', () => {
  it('names the migration that failed', async () => {
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }),
    });
    cleanups.push(() => db.destroy());
    const broken = new StaticMigrationProvider({
      '2000_01_01_0001_broken': {
        async up(kysely) {
          await sql`not valid sql`.execute(kysely);
        },
      },
    });
    await expect(migrateToLatest(db, broken)).rejects.toThrow(
      /migration "2000_01_01_0001_broken" failed: .*syntax error/,
    );
  });
});
