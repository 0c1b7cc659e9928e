// Frozen: never edit once merged; fix mistakes in a new migration. It takes Kysely<any> and
// imports nothing from the app, so later schema changes cannot alter what it did.
/* eslint-disable @typescript-eslint/no-explicit-any -- Kysely<any>: a migration must not
   depend on today's Database interface. */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The only dialect differences: Postgres gets real jsonb and timestamptz columns, SQLite
// stores JSON and ISO-8601 times as text (it has no native types for either).
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const jsonType = postgres ? 'jsonb' : 'text';
  const timeType = postgres ? 'timestamptz' : 'text';

  await db.schema
    .createTable('scenarios')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('spec', jsonType, (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', timeType, (col) => col.notNull())
    .addColumn('updated_at', timeType, (col) => col.notNull())
    .addCheckConstraint('scenarios_version_positive', sql`version >= 1`)
    .execute();

  // Serves the per-workspace listing, newest updated first.
  await db.schema
    .createIndex('scenarios_workspace_updated_at_idx')
    .on('scenarios')
    .columns(['workspace', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scenarios').execute();
}
