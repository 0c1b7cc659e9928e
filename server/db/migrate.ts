import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { StaticMigrationProvider } from './migrations/index.ts';

/**
 * Brings the schema up to the newest migration. Safe to run again: applied migrations are
 * recorded in kysely_migration and skipped. Throws naming the migration that failed.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  provider: MigrationProvider = new StaticMigrationProvider(),
): Promise<void> {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  if (error === undefined) return;

  const reason = error instanceof Error ? error.message : String(error);
  const failed = results.find((result) => result.status === 'Error');
  // Without a failed result the Migrator stopped before running any migration (connection,
  // lock table, or a recorded migration missing from the provider).
  const what = failed ? `migration "${failed.migrationName}" failed` : 'migration did not start';
  throw new Error(`Database ${what}: ${reason}`, { cause: error });
}
