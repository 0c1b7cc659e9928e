// The database as Kysely sees it. Column names are the SQL names (snake_case); the repository
// maps rows to the camelCase `Scenario` callers use, so no CamelCasePlugin is needed.
import type { ColumnType, Selectable } from 'kysely';

// Times are written as ISO text on both databases. SQLite hands the text back; pg parses
// timestamptz into a Date.
export type Timestamp = ColumnType<Date | string, string, string>;

// JSON is written stringified on both databases: better-sqlite3 cannot bind objects, and pg
// would bind a JS array as a Postgres array literal. SQLite hands back the text; pg the
// parsed jsonb value.
export type Json = ColumnType<unknown, string, string>;

export interface ScenariosTable {
  /** randomUUID() from node:crypto; text, so a malformed id is simply not found. */
  id: string;
  workspace: string;
  name: string;
  spec: Json;
  /** The optimisation the scenario was loaded from ({ request, result }); null if none. */
  optimisation: ColumnType<unknown, string | null | undefined, string | null>;
  /** Starts at 1 and grows by 1 on each update: the ETag for optimistic concurrency. */
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  scenarios: ScenariosTable;
}

export type ScenarioRow = Selectable<ScenariosTable>;
