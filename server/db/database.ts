import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface AppDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Which database a Kysely instance talks to, read from its adapter. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

function openSqlite(location: string): Kysely<Database> {
  const memory = location === ':memory:';
  const file = memory ? location : resolve(location);
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL lets readers proceed while one writer commits; busy_timeout (ms) makes a second
  // process wait for the write lock instead of failing at once with SQLITE_BUSY.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

function openPostgres(url: string): { db: Kysely<Database>; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, admin kill) makes the pool emit 'error';
  // unheard, that crashes the process. The pool has already discarded the client and the
  // next query reconnects, so a warning is enough; a real outage surfaces as a query error.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  // pool.end() resolves before its clients' sockets close; wait for each 'end' so a caller
  // that drops the database right after close() does not kill connections still closing.
  const clients = new Set<pg.PoolClient>();
  pool.on('connect', (client) => {
    clients.add(client);
    client.once('end', () => clients.delete(client));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    async close() {
      const ended = [...clients].map((client) => new Promise((done) => client.once('end', done)));
      await db.destroy();
      await Promise.all(ended);
    },
  };
}

type Opened = { db: Kysely<Database>; dialect: DialectName; close(): Promise<void> };

function open(url: string): Opened {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    const location = url.slice('sqlite:'.length);
    if (location === '') throw new Error('Database URL "sqlite:" needs a file path or :memory:');
    const db = openSqlite(location);
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    return { ...openPostgres(url), dialect: 'postgres' };
  }
  // Name only the scheme: the rest of a URL may hold a password.
  const found = scheme ? `scheme "${scheme}:"` : 'no scheme';
  throw new Error(
    `Unsupported database URL: ${found}; ` +
      'expected sqlite:<path>, sqlite::memory:, postgres:// or postgresql://',
  );
}

/**
 * Opens the database a URL names and migrates it to the latest schema.
 * `sqlite:/abs/file.db`, `sqlite:relative/file.db` (from the cwd; the directory is created),
 * `sqlite::memory:`, `postgres://…` or `postgresql://…`.
 */
export async function createDatabase(url: string): Promise<AppDatabase> {
  const opened = open(url);
  try {
    await migrateToLatest(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}
