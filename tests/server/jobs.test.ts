// The job layer (issue 13, "Jobs"): a registered job kind is submitted, polled over GET
// /api/jobs/:id until done with its progress seen, cancelled with DELETE (a running job stops
// within a second, a queued one never runs), and streamed over SSE; failures keep the
// standard error shape without leaking internals, and a full queue answers OVERLOADED.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelError } from '../../models/errors.ts';
import { ShedError } from '../../server/evaluate/shed.ts';
import { createJobQueue, type JobContext } from '../../server/jobs/queue.ts';
import type { JobStatusBody } from '../../server/schemas/jobs.ts';
import { testApp } from '../helpers/app.ts';

interface SleepInput {
  steps: number;
  stepMs: number;
  failWith?: 'model' | 'internal';
}

/** What the test handler saw: which inputs started, and which observed the abort. */
let started: SleepInput[];
let aborted: { input: SleepInput; atMs: number }[];

async function sleepJob(input: SleepInput, ctx: JobContext): Promise<{ slept: number }> {
  started.push(input);
  for (let step = 0; step < input.steps; step += 1) {
    ctx.progress({ done: step, total: input.steps, stage: 'sleeping' });
    try {
      await sleep(input.stepMs, undefined, { signal: ctx.signal });
    } catch (error) {
      aborted.push({ input, atMs: Date.now() });
      throw error;
    }
  }
  if (input.failWith === 'model') throw new ModelError('UNANSWERABLE', 'No fleet meets 0.999');
  if (input.failWith === 'internal') {
    throw new Error('secret at /srv/app/server/optimise/search.ts:42');
  }
  ctx.progress({ done: input.steps, total: input.steps, stage: 'sleeping' });
  return { slept: input.steps * input.stepMs };
}

let app: FastifyInstance;
beforeEach(async () => {
  started = [];
  aborted = [];
  app = await testApp({ evaluationWorkers: 0 });
  app.jobs.register('test-sleep', sleepJob);
});
afterEach(async () => {
  await app.close();
});

const getJob = async (id: string) => app.inject({ url: `/api/jobs/${id}` });

async function pollUntilFinished(id: string, timeoutMs = 5000) {
  const seen: JobStatusBody[] = [];
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const response = await getJob(id);
    expect(response.statusCode).toBe(200);
    const status = response.json<JobStatusBody>();
    seen.push(status);
    if (['done', 'failed', 'cancelled'].includes(status.state)) return seen;
    await sleep(10);
  }
  throw new Error(`job ${id} did not finish in ${timeoutMs} ms`);
}

async function waitForState(id: string, state: string) {
  const until = Date.now() + 2000;
  while (Date.now() < until) {
    if ((await app.jobs.get(id))?.state === state) return;
    await sleep(5);
  }
  throw new Error(`job ${id} never reached ${state}`);
}

describe('GET /api/jobs/:id', () => {
  it('shows a submitted job running with progress, then done with its result', async () => {
    const { id } = await app.jobs.submit('test-sleep', { steps: 5, stepMs: 30 });
    const seen = await pollUntilFinished(id);
    const last = seen.at(-1) as JobStatusBody;
    expect(last).toMatchObject({
      id,
      kind: 'test-sleep',
      state: 'done',
      progress: { done: 5, total: 5, stage: 'sleeping' },
      result: { slept: 150 },
      cancelRequested: false,
    });
    expect(Date.parse(last.createdAt)).toBeLessThanOrEqual(Date.parse(last.startedAt as string));
    expect(Date.parse(last.startedAt as string)).toBeLessThanOrEqual(
      Date.parse(last.finishedAt as string),
    );
    const midway = seen.filter((s) => s.state === 'running' && s.progress.done > 0);
    expect(midway.length).toBeGreaterThan(0);
    expect(midway[0].progress.total).toBe(5);
    expect(midway[0]).not.toHaveProperty('result');
  });

  it('answers 404 in the standard shape, naming the id, for an unknown job', async () => {
    const id = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
    const response = await getJob(id);
    expect(response.statusCode).toBe(404);
    const body = response.json();
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining(id) } });
    expect((await app.inject({ method: 'DELETE', url: `/api/jobs/${id}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/jobs/${id}/events` })).statusCode).toBe(404);
  });

  it('answers 400 for an id that is not a uuid', async () => {
    const response = await getJob('not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBeTypeOf('string');
  });

  it('a failing job is failed with its model error, or a generic one that leaks nothing', async () => {
    const model = await app.jobs.submit('test-sleep', { steps: 1, stepMs: 1, failWith: 'model' });
    const internal = await app.jobs.submit('test-sleep', {
      steps: 1,
      stepMs: 1,
      failWith: 'internal',
    });
    const modelStatus = (await pollUntilFinished(model.id)).at(-1);
    expect(modelStatus).toMatchObject({
      state: 'failed',
      error: { code: 'UNANSWERABLE', message: 'No fleet meets 0.999' },
    });
    const internalResponse = await getJob(internal.id);
    await pollUntilFinished(internal.id);
    const text = (await getJob(internal.id)).body;
    expect(JSON.parse(text)).toMatchObject({
      state: 'failed',
      error: { code: 'INTERNAL', message: 'The job failed.' },
    });
    expect(JSON.parse(text)).not.toHaveProperty('result');
    expect(text).not.toMatch(/secret|search\.ts|\/srv/);
    expect(internalResponse.statusCode).toBe(200);
  });

  it("hides a workspace's job from another workspace", async () => {
    const tokens = new Map([
      ['token-of-alice-0123456789', 'alice'],
      ['token-of-bob-000123456789', 'bob'],
    ]);
    const authed = await testApp({ evaluationWorkers: 0, authTokens: tokens });
    try {
      authed.jobs.register('test-sleep', sleepJob);
      const { id } = await authed.jobs.submit(
        'test-sleep',
        { steps: 1, stepMs: 1 },
        { owner: 'alice' },
      );
      const as = (token: string) =>
        authed.inject({ url: `/api/jobs/${id}`, headers: { authorization: `Bearer ${token}` } });
      expect((await authed.inject({ url: `/api/jobs/${id}` })).statusCode).toBe(401);
      expect((await as('token-of-alice-0123456789')).statusCode).toBe(200);
      const bob = await as('token-of-bob-000123456789');
      expect(bob.statusCode).toBe(404);
      expect(bob.json().error.code).toBe('NOT_FOUND');
    } finally {
      await authed.close();
    }
  });
});

describe('DELETE /api/jobs/:id', () => {
  it('stops a running job within a second; the handler saw the abort and the state is cancelled', async () => {
    const { id } = await app.jobs.submit('test-sleep', { steps: 1, stepMs: 60_000 });
    await waitForState(id, 'running');
    const askedAt = Date.now();
    const response = await app.inject({ method: 'DELETE', url: `/api/jobs/${id}` });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ id, cancelRequested: true });
    const final = (await pollUntilFinished(id, 1000)).at(-1) as JobStatusBody;
    expect(final.state).toBe('cancelled');
    expect(final).not.toHaveProperty('result');
    expect(aborted).toHaveLength(1);
    expect(aborted[0].atMs - askedAt).toBeLessThan(1000);
    expect(Date.parse(final.finishedAt as string) - askedAt).toBeLessThan(1000);
  });

  it('drops the result of a job that returns after it was cancelled', async () => {
    let release: () => void = () => undefined;
    app.jobs.register('ignores-signal', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { answer: 42 };
    });
    const { id } = await app.jobs.submit('ignores-signal', {});
    await waitForState(id, 'running');
    expect((await app.inject({ method: 'DELETE', url: `/api/jobs/${id}` })).json().state).toBe(
      'running',
    );
    release();
    const final = (await pollUntilFinished(id)).at(-1);
    expect(final?.state).toBe('cancelled');
    expect(final).not.toHaveProperty('result');
  });

  it('cancels a queued job at once, and it never runs', async () => {
    const first = await app.jobs.submit('test-sleep', { steps: 2, stepMs: 40 });
    const queuedInput = { steps: 1, stepMs: 1 };
    const second = await app.jobs.submit('test-sleep', queuedInput);
    expect((await app.jobs.get(second.id))?.state).toBe('queued');
    const response = await app.inject({ method: 'DELETE', url: `/api/jobs/${second.id}` });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ state: 'cancelled', cancelRequested: true });
    expect((await pollUntilFinished(first.id)).at(-1)?.state).toBe('done');
    await sleep(20);
    expect(started).not.toContain(queuedInput);
    expect((await app.jobs.get(second.id))?.startedAt).toBeUndefined();
  });

  it('answers 409 CONFLICT for a job already finished', async () => {
    const { id } = await app.jobs.submit('test-sleep', { steps: 1, stepMs: 1 });
    await pollUntilFinished(id);
    const response = await app.inject({ method: 'DELETE', url: `/api/jobs/${id}` });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: { code: 'CONFLICT', message: expect.stringContaining(id) },
    });
    expect((await getJob(id)).json().state).toBe('done');
  });
});

/** Parses an event-stream body into its events. */
function events(body: string): { event: string; data: JobStatusBody }[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      return { event, data: JSON.parse(data) as JobStatusBody };
    });
}

describe('GET /api/jobs/:id/events', () => {
  it('streams progress events with the status, then one done event with the final status', async () => {
    const { id } = await app.jobs.submit('test-sleep', { steps: 4, stepMs: 20 });
    const response = await app.inject({ url: `/api/jobs/${id}/events` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    const stream = events(response.body);
    const last = stream.at(-1);
    expect(last?.event).toBe('done');
    expect(last?.data).toMatchObject({ id, state: 'done', result: { slept: 80 } });
    expect(stream.filter((e) => e.event === 'done')).toHaveLength(1);
    const progress = stream.slice(0, -1);
    expect(progress.every((e) => e.event === 'progress')).toBe(true);
    expect(progress.map((e) => e.data.progress.done)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(progress.every((e) => e.data.id === id && e.data.state !== 'done')).toBe(true);
  });

  it('sends only done for a job already finished, and done with cancelled when cancelled', async () => {
    const finished = await app.jobs.submit('test-sleep', { steps: 1, stepMs: 1 });
    await pollUntilFinished(finished.id);
    const once = events((await app.inject({ url: `/api/jobs/${finished.id}/events` })).body);
    expect(once.map((e) => e.event)).toEqual(['done']);

    const long = await app.jobs.submit('test-sleep', { steps: 1, stepMs: 60_000 });
    await waitForState(long.id, 'running');
    setTimeout(() => void app.jobs.cancel(long.id), 50);
    const stream = events((await app.inject({ url: `/api/jobs/${long.id}/events` })).body);
    expect(stream[0]).toMatchObject({ event: 'progress', data: { state: 'running' } });
    expect(stream.at(-1)).toMatchObject({ event: 'done', data: { state: 'cancelled' } });
  });
});

describe('createJobQueue', () => {
  it('answers OVERLOADED with a Retry-After past maxQueued, and takes jobs again once drained', async () => {
    const queue = createJobQueue({ maxQueued: 2 });
    queue.register('test-sleep', sleepJob);
    const running = await queue.submit('test-sleep', { steps: 1, stepMs: 30 });
    await queue.submit('test-sleep', { steps: 1, stepMs: 1 });
    await queue.submit('test-sleep', { steps: 1, stepMs: 1 });
    const thrown: unknown = await queue
      .submit('test-sleep', { steps: 1, stepMs: 1 })
      .catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(ShedError);
    expect(thrown).toMatchObject({ statusCode: 503, code: 'OVERLOADED' });
    expect((thrown as ShedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((await queue.get(running.id))?.state).toBe('running');
    await sleep(100);
    await expect(queue.submit('test-sleep', { steps: 1, stepMs: 1 })).resolves.toHaveProperty('id');
    await queue.close();
  });

  it('runs `concurrency` jobs at once, in the order submitted', async () => {
    const queue = createJobQueue({ concurrency: 2 });
    queue.register('test-sleep', sleepJob);
    const ids: string[] = [];
    for (const n of [1, 2, 3])
      ids.push((await queue.submit('test-sleep', { steps: 1, stepMs: 40 * n })).id);
    await sleep(5);
    expect(await Promise.all(ids.map(async (id) => (await queue.get(id))?.state))).toEqual([
      'running',
      'running',
      'queued',
    ]);
    await queue.close();
  });

  it('keeps the most recently read finished jobs, up to keepFinished', async () => {
    const queue = createJobQueue({ keepFinished: 2 });
    queue.register('test-sleep', sleepJob);
    const ids: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const { id } = await queue.submit('test-sleep', { steps: 0, stepMs: 0 });
      ids.push(id);
      await sleep(5);
      if (n === 1) await queue.get(ids[0]);
    }
    expect((await queue.get(ids[0]))?.state).toBe('done');
    expect(await queue.get(ids[1])).toBeUndefined();
    expect((await queue.get(ids[2]))?.state).toBe('done');
    await queue.close();
  });

  it('close cancels queued and running jobs, waits for the handlers, and refuses new ones', async () => {
    const queue = createJobQueue();
    queue.register('test-sleep', sleepJob);
    const running = await queue.submit('test-sleep', { steps: 1, stepMs: 60_000 });
    const queued = await queue.submit('test-sleep', { steps: 1, stepMs: 1 });
    await sleep(5);
    await queue.close();
    expect((await queue.get(running.id))?.state).toBe('cancelled');
    expect((await queue.get(queued.id))?.state).toBe('cancelled');
    expect(aborted).toHaveLength(1);
    await expect(queue.submit('test-sleep', { steps: 1, stepMs: 1 })).rejects.toThrow(ShedError);
  });
});
