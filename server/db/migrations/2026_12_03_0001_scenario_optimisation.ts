// Frozen: never edit once merged; fix mistakes in a new migration. It takes Kysely<any> and
// imports nothing from the app, so later schema changes cannot alter what it did.
/* eslint-disable @typescript-eslint/no-explicit-any -- Kysely<any>: a migration must not
   depend on today's Database interface. */
import { PostgresAdapter, type Kysely } from 'kysely';

// The optimisation a scenario was loaded from (issue 13): its request and result as JSON, null
// for a scenario placed by hand. Postgres stores jsonb, SQLite text, as for `spec`.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('scenarios')
    .addColumn('optimisation', postgres ? 'jsonb' : 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scenarios').dropColumn('optimisation').execute();
}
