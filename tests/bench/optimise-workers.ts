// `npm run bench` (part): issue 13's benchmark question on the PostgreSQL job queue, run by one
// and then by two `npm run worker` processes (a server with JOBS_WORKER=0 takes the request), on
// a fresh database each. Prints the wall time of each and the ratio, and checks the two answers
// are the same JSON (the result must not depend on how many workers ran it).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startServerProcess } from '../helpers/server-process.ts';
import { startWorker, type WorkerProcess } from '../helpers/worker-process.ts';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Issue 13's benchmark question, as optimise-bench.ts asks it. */
const request = JSON.parse(
  readFileSync(new URL('../fixtures/colossus-2.optimise.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function run(workerCount: number): Promise<{ ms: number; result: string }> {
  const name = `bench_${randomUUID().replaceAll('-', '')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const server = await startServerProcess({ env: { DATABASE_URL: databaseUrl, JOBS_WORKER: '0' } });
  const workers: WorkerProcess[] = [];
  try {
    for (let i = 0; i < workerCount; i += 1) workers.push(await startWorker(databaseUrl));
    const started = performance.now();
    const res = await fetch(`${server.url}/api/optimise`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (res.status !== 202)
      throw new Error(`POST /api/optimise: ${res.status} ${await res.text()}`);
    const { jobId } = (await res.json()) as { jobId: string };
    for (;;) {
      const status = (await (await fetch(`${server.url}/api/jobs/${jobId}`)).json()) as {
        state: string;
        result?: unknown;
      };
      if (status.state === 'done') {
        return { ms: performance.now() - started, result: JSON.stringify(status.result) };
      }
      if (status.state === 'failed' || status.state === 'cancelled')
        throw new Error(`job ${status.state}`);
      await sleep(50);
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await server.stop();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const one = await run(1);
const two = await run(2);
console.log(
  `optimiser on PostgreSQL, Colossus 2 (400 km, 3 designs, ≤ 8 units, 500 trials): ` +
    `1 worker ${one.ms.toFixed(0)} ms, 2 workers ${two.ms.toFixed(0)} ms ` +
    `(2/1 = ${(two.ms / one.ms).toFixed(2)}); same result: ${one.result === two.result}`,
);
if (one.result !== two.result) process.exitCode = 1;
