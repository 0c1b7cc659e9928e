// The PostgreSQL job queue (issue 13, team deployment), with real processes as a team runs
// them: a server (`node --import tsx server/server.ts`) and `npm run worker` processes
// (server/worker-main.ts) on one test database. Proved here:
// - two worker processes share one optimisation (both evaluate its candidates) and give the
//   same result JSON as one worker, bit for bit; the job's progress streams over SSE;
// - a job survives its server being killed (SIGKILL) mid-run: a new server takes it up, and it
//   finishes with the same result, never evaluating a candidate twice;
// - DELETE cancels a running job within a second, and no candidate evaluation starts after it
//   (read from the queue's own log of sub-jobs, by the database's clock).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatusBody } from '../../server/schemas/jobs.ts';
import type { OptimiseResult } from '../../server/schemas/optimise.ts';
import { testApp } from '../helpers/app.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { startWorker, type WorkerProcess } from '../helpers/worker-process.ts';

const root = resolve(import.meta.dirname, '..', '..');

type Question = Record<string, unknown>;
const fixture = (name: string): Question =>
  JSON.parse(readFileSync(resolve(root, `tests/fixtures/${name}.optimise.json`), 'utf8'));
/** Colossus 1 from three sites: a few seconds of Monte Carlo on one worker. */
const request = { ...fixture('colossus-1'), options: { trials: 400, seed: 3, candidates: 8 } };
/** Issue 13's benchmark question at more trials: minutes of work, cancelled long before it ends. */
const big = { ...fixture('colossus-2'), options: { trials: 1000, seed: 11 } };

async function submit(url: string, body: object): Promise<string> {
  const res = await fetch(`${url}/api/optimise`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { jobId: string }).jobId;
}

async function status(url: string, id: string): Promise<{ text: string; body: JobStatusBody }> {
  const res = await fetch(`${url}/api/jobs/${id}`);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return { text, body: JSON.parse(text) as JobStatusBody };
}

async function waitFor(
  url: string,
  id: string,
  until: (s: JobStatusBody) => boolean,
  timeoutMs = 120_000,
): Promise<JobStatusBody> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await status(url, id);
    if (until(body)) return body;
    if (Date.now() > end) throw new Error(`job ${id} still ${body.state} after ${timeoutMs} ms`);
    await sleep(50);
  }
}
const finished = (s: JobStatusBody) => ['done', 'failed', 'cancelled'].includes(s.state);

/** The result as the API sends it: its JSON text, to compare bit for bit. */
const resultText = (s: JobStatusBody) => JSON.stringify(s.result);

/** The event stream of a job, read to its end. */
async function readEvents(
  url: string,
  id: string,
): Promise<{ event: string; data: JobStatusBody }[]> {
  const res = await fetch(`${url}/api/jobs/${id}/events`);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const body = await res.text();
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? '',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as JobStatusBody,
    }));
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The one-worker answer, which every other run must equal. */
let reference: string | undefined;

describe('PostgreSQL job queue: one server, N workers, one database', () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    // The server computes nothing itself here: the workers do all of it.
    server = await startServerProcess({ env: { DATABASE_URL: database.url, JOBS_WORKER: '0' } });
    workers.push(await startWorker(database.url));
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await server?.stop();
    await database?.drop();
  });

  it('two worker processes share one job and give the same result JSON as one', async () => {
    const url = server!.url;
    const t1 = performance.now();
    const one = await submit(url, request);
    const events = readEvents(url, one);
    const first = await waitFor(url, one, finished);
    const oneMs = performance.now() - t1;
    expect(first.state, JSON.stringify(first.error)).toBe('done');
    const result = first.result as OptimiseResult;
    expect(result.best).not.toBeNull();
    expect(result.evaluatedCount).toBeGreaterThanOrEqual(4);
    reference = resultText(first);
    // Progress streamed over SSE from the server, though a worker process computed it.
    const stream = await events;
    expect(stream.at(-1)).toMatchObject({ event: 'done', data: { id: one, state: 'done' } });
    const dones = stream.filter((e) => e.event === 'progress').map((e) => e.data.progress.done);
    expect(dones.some((d) => d > 0)).toBe(true);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));

    // The same question again on two fresh workers (no evaluation cached in either process),
    // the stored evaluations forgotten.
    await workers.shift()!.stop();
    await query(database.url, 'TRUNCATE planner_queue.evaluations');
    workers.push(...(await Promise.all([startWorker(database.url), startWorker(database.url)])));
    const t2 = performance.now();
    const two = await submit(url, request);
    const second = await waitFor(url, two, finished);
    const twoMs = performance.now() - t2;
    expect(second.state).toBe('done');
    expect(resultText(second)).toBe(reference);
    const by = await query<{ process_id: string; n: number }>(
      database.url,
      `SELECT process_id, count(*)::int AS n FROM planner_queue.subjobs
        WHERE job_id = $1 AND outcome = 'done' GROUP BY process_id`,
      [two],
    );
    const ids = by.map((r) => Number(r.process_id)).sort();
    expect(ids).toEqual(workers.map((w) => w.processId).sort());
    expect(by.reduce((n, r) => n + r.n, 0)).toBe(result.evaluatedCount);
    console.log(
      `optimise job: one worker ${oneMs.toFixed(0)} ms, two workers ${twoMs.toFixed(0)} ms ` +
        `(${by.map((r) => `${r.n}`).join(' + ')} evaluations)`,
    );
  }, 240_000);

  it('the embedded (SQLite, in-process) queue gives the same result JSON', async () => {
    expect(reference).toBeDefined();
    const app = await testApp();
    try {
      const res = await app.inject({ method: 'POST', url: '/api/optimise', payload: request });
      expect(res.statusCode).toBe(202);
      const { jobId } = res.json() as { jobId: string };
      let body: JobStatusBody;
      for (;;) {
        body = (await app.inject({ url: `/api/jobs/${jobId}` })).json() as JobStatusBody;
        if (finished(body)) break;
        await sleep(50);
      }
      expect(body.state).toBe('done');
      expect(resultText(body)).toBe(reference);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('DELETE cancels a running job within a second and no evaluation starts after it', async () => {
    const url = server!.url;
    const id = await submit(url, big);
    await waitFor(url, id, (s) => s.state === 'running' && s.progress.done >= 1);
    await sleep(300); // both workers mid-way through a candidate's Monte Carlo
    const asked = performance.now();
    const del = await fetch(`${url}/api/jobs/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(202);
    expect(((await del.json()) as JobStatusBody).cancelRequested).toBe(true);
    const final = await waitFor(url, id, (s) => s.state !== 'running', 5000);
    const latencyMs = performance.now() - asked;
    expect(final.state).toBe('cancelled');
    expect(final).not.toHaveProperty('result');
    expect(latencyMs).toBeLessThan(1000);
    // Give any worker time to start one more evaluation, were it going to.
    await sleep(1500);
    const [job] = await query<{ at: Date }>(
      database.url,
      'SELECT cancel_requested_at AS at FROM planner_queue.jobs WHERE id = $1',
      [id],
    );
    const subjobs = await query<{ started_at: Date; finished_at: Date | null; outcome: string }>(
      database.url,
      'SELECT started_at, finished_at, outcome FROM planner_queue.subjobs WHERE job_id = $1',
      [id],
    );
    expect(subjobs.length).toBeGreaterThan(0);
    expect(subjobs.filter((s) => s.started_at >= job.at)).toEqual([]);
    // The evaluations running at the cancel stopped (aborted), none is still running.
    expect(subjobs.filter((s) => s.finished_at === null)).toEqual([]);
    const queuedLeft = await query<{ n: number }>(
      database.url,
      `SELECT count(*)::int AS n FROM graphile_worker.jobs
        WHERE task_identifier = 'planner_evaluate' AND key LIKE 'eval:' || $1 || ':%'`,
      [id],
    );
    expect(queuedLeft[0].n).toBe(0);
    console.log(
      `cancel: cancelled ${latencyMs.toFixed(0)} ms after DELETE; ${subjobs.length} evaluations ` +
        `started before it (${subjobs.filter((s) => s.outcome === 'aborted').length} aborted)`,
    );
  }, 120_000);
});

describe('PostgreSQL job queue: a job survives a server restart', () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('a server killed mid-job: the next server finishes it with the same result', async () => {
    // The server works the queue itself (JOBS_WORKER defaults to 1): no other worker.
    const env = { DATABASE_URL: database.url };
    server = await startServerProcess({ env });
    const id = await submit(server.url, request);
    const before = await waitFor(
      server.url,
      id,
      (s) => finished(s) || (s.state === 'running' && s.progress.done >= 2),
    );
    expect(before.state).toBe('running');
    process.kill(-(server.child.pid as number), 'SIGKILL');
    await new Promise((done) => server!.child.once('exit', done));
    const killedAt = performance.now();
    const evaluatedBefore = await query<{ n: number }>(
      database.url,
      'SELECT count(*)::int AS n FROM planner_queue.evaluations',
    );
    expect(evaluatedBefore[0].n).toBeGreaterThanOrEqual(2);

    server = await startServerProcess({ env });
    const startedMs = performance.now() - killedAt;
    const final = await waitFor(server.url, id, finished);
    const finishedMs = performance.now() - killedAt;
    expect(final.state).toBe('done');
    expect(final.createdAt).toBe(before.createdAt);
    // The answer of an uninterrupted run (the first describe's one-worker run) bit for bit.
    expect(reference).toBeDefined();
    expect(resultText(final)).toBe(reference);
    // Resumed, not restarted: no candidate was evaluated to the end twice.
    const twice = await query<{ key: string }>(
      database.url,
      `SELECT key FROM planner_queue.subjobs WHERE job_id = $1 AND outcome = 'done'
        GROUP BY key HAVING count(*) > 1`,
      [id],
    );
    expect(twice).toEqual([]);
    const runs = await query<{ process_id: string; n: number }>(
      database.url,
      `SELECT process_id, count(*)::int AS n FROM planner_queue.subjobs
        WHERE job_id = $1 AND outcome = 'done' GROUP BY process_id ORDER BY min(started_at)`,
      [id],
    );
    expect(runs).toHaveLength(2);
    console.log(
      `restart: killed after ${evaluatedBefore[0].n} evaluations; new server up in ` +
        `${startedMs.toFixed(0)} ms, job done ${finishedMs.toFixed(0)} ms after the kill ` +
        `(${runs.map((r) => r.n).join(' before, ')} after)`,
    );
  }, 240_000);
});
