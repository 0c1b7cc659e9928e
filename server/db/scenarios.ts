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
  /** The optimisation it was loaded from (request and result), or null. */
  optimisation: unknown;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ScenarioSummary = Omit<Scenario, 'spec' | 'optimisation'>;

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

function toSummary(row: Omit<ScenarioRow, 'spec' | 'optimisation'>): ScenarioSummary {
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
  const sqlite = dialectOf(db) === 'sqlite';
  const spec = sqlite ? JSON.parse(row.spec as string) : row.spec;
  const stored = row.optimisation ?? null;
  const optimisation = sqlite && stored !== null ? JSON.parse(stored as string) : stored;
  return { ...toSummary(row), spec, optimisation };
}

const optimisationJson = (optimisation: unknown): string | null =>
  optimisation === undefined || optimisation === null ? null : toJson(optimisation);

export async function createScenario(
  db: Db,
  input: { workspace: string; name: string; spec: unknown; optimisation?: unknown },
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
      optimisation: optimisationJson(input.optimisation),
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
 * The versions a write may replace: one version, any of a list (If-Match "v1", "v2"), or any
 * version at all (If-Match: *). An empty list matches nothing: the write answers stale.
 */
export type ExpectedVersion = number | readonly number[] | '*';

export type DeleteResult =
  { status: 'deleted' } | { status: 'stale'; current: Scenario } | { status: 'not-found' };

/** The largest version the integer column holds (PostgreSQL integer, 2^31 - 1). */
export const MAX_VERSION = 2_147_483_647;

function expectedList(expected: ExpectedVersion): readonly number[] | '*' {
  const list = expected === '*' ? expected : typeof expected === 'number' ? [expected] : expected;
  if (list === '*') return list;
  if (!list.every(Number.isSafeInteger)) {
    throw new RangeError(`expected versions must be integers: ${list.join(', ')}`);
  }
  // No stored version lies outside 1..MAX_VERSION, and PostgreSQL refuses a bigger integer
  // parameter outright: such a version simply matches nothing.
  return list.filter((v) => v >= 1 && v <= MAX_VERSION);
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
  expectedVersion: ExpectedVersion,
  /** A replacement: an absent optimisation clears the stored one. */
  changes: { name: string; spec: unknown; optimisation?: unknown },
  now: Date = new Date(),
): Promise<UpdateResult> {
  const expected = expectedList(expectedVersion);
  const spec = toJson(changes.spec);
  const optimisation = optimisationJson(changes.optimisation);
  return db.transaction().execute(async (trx) => {
    // `version IN ()` is not SQL: an empty list matches nothing, so skip the UPDATE.
    const row =
      expected !== '*' && expected.length === 0
        ? undefined
        : await trx
            .updateTable('scenarios')
            .set((eb) => ({
              name: changes.name,
              spec,
              optimisation,
              version: eb('version', '+', 1),
              updated_at: now.toISOString(),
            }))
            .where('id', '=', id)
            .where('workspace', '=', workspace)
            .$if(expected !== '*', (qb) => qb.where('version', 'in', expected as number[]))
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

/** DELETE with If-Match: like updateScenario, only the expected version is deleted. */
export async function deleteScenarioIf(
  db: Db,
  workspace: string,
  id: string,
  expectedVersion: ExpectedVersion,
): Promise<DeleteResult> {
  const expected = expectedList(expectedVersion);
  return db.transaction().execute(async (trx) => {
    if (expected === '*' || expected.length > 0) {
      const result = await trx
        .deleteFrom('scenarios')
        .where('id', '=', id)
        .where('workspace', '=', workspace)
        .$if(expected !== '*', (qb) => qb.where('version', 'in', expected as number[]))
        .executeTakeFirst();
      if (result.numDeletedRows > 0n) return { status: 'deleted' };
    }
    const current = await getScenario(trx, workspace, id);
    return current ? { status: 'stale', current } : { status: 'not-found' };
  });
}
