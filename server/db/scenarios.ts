// Scenario repository: plain functions taking the database first; nothing here knows HTTP.
// Every read goes through toScenario, so SQLite and Postgres callers see identical shapes.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { dialectOf } from './database.ts';
import type { Database, ScenarioRow } from './schema.ts';

export interface Scenario {
  id: string;
  workspace: string;
  name: string;
  spec: unknown;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ScenarioSummary = Omit<Scenario, 'spec'>;

export type UpdateResult =
  | { status: 'updated'; scenario: Scenario }
  | { status: 'stale'; current: Scenario }
  | { status: 'not-found' };

type Db = Kysely<Database>;

function toJson(spec: unknown): string {
  const text = JSON.stringify(spec);
  if (text === undefined) throw new TypeError(`Scenario spec is not JSON: a ${typeof spec}`);
  return text;
}

// pg returns timestamptz as a Date; SQLite returns the ISO text we wrote.
function toIso(time: Date | string): string {
  return (time instanceof Date ? time : new Date(time)).toISOString();
}

function toSummary(row: Omit<ScenarioRow, 'spec'>): ScenarioSummary {
  return {
    id: row.id,
    workspace: row.workspace,
    name: row.name,
    version: Number(row.version),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

// Decide by dialect, not by typeof: a spec that is itself a JSON string comes back from
// jsonb as a JS string and must not be parsed twice.
function toScenario(db: Db, row: ScenarioRow): Scenario {
  const spec = dialectOf(db) === 'sqlite' ? JSON.parse(row.spec as string) : row.spec;
  return { ...toSummary(row), spec };
}

export async function createScenario(
  db: Db,
  input: { workspace: string; name: string; spec: unknown },
  now: Date = new Date(),
): Promise<Scenario> {
  const time = now.toISOString();
  const row = await db
    .insertInto('scenarios')
    .values({
      id: randomUUID(),
      workspace: input.workspace,
      name: input.name,
      spec: toJson(input.spec),
      version: 1,
      created_at: time,
      updated_at: time,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toScenario(db, row);
}

export async function getScenario(
  db: Db,
  workspace: string,
  id: string,
): Promise<Scenario | undefined> {
  const row = await db
    .selectFrom('scenarios')
    .selectAll()
    .where('id', '=', id)
    .where('workspace', '=', workspace)
    .executeTakeFirst();
  return row && toScenario(db, row);
}

export async function listScenarios(
  db: Db,
  workspace: string,
  { limit = 100, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<ScenarioSummary[]> {
  if (!Number.isSafeInteger(limit) || limit < 0 || !Number.isSafeInteger(offset) || offset < 0) {
    throw new RangeError(`limit and offset must be non-negative integers: ${limit}, ${offset}`);
  }
  const rows = await db
    .selectFrom('scenarios')
    .select(['id', 'workspace', 'name', 'version', 'created_at', 'updated_at'])
    .where('workspace', '=', workspace)
    // Ties on updated_at (same millisecond) still list in a stable order.
    .orderBy('updated_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toSummary);
}

/**
 * Optimistic concurrency: the UPDATE matches only the expected version, so two writers that
 * read the same version cannot both win. When nothing matched, a read in the same
 * transaction tells a stale version from a missing (or other workspace's) scenario.
 */
export async function updateScenario(
  db: Db,
  workspace: string,
  id: string,
  expectedVersion: number,
  changes: { name: string; spec: unknown },
  now: Date = new Date(),
): Promise<UpdateResult> {
  if (!Number.isSafeInteger(expectedVersion)) {
    throw new RangeError(`expectedVersion must be an integer: ${expectedVersion}`);
  }
  const spec = toJson(changes.spec);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('scenarios')
      .set((eb) => ({
        name: changes.name,
        spec,
        version: eb('version', '+', 1),
        updated_at: now.toISOString(),
      }))
      .where('id', '=', id)
      .where('workspace', '=', workspace)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (row) return { status: 'updated', scenario: toScenario(db, row) };
    const current = await getScenario(trx, workspace, id);
    return current ? { status: 'stale', current } : { status: 'not-found' };
  });
}

export async function deleteScenario(db: Db, workspace: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('scenarios')
    .where('id', '=', id)
    .where('workspace', '=', workspace)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
