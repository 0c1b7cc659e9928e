// POST /api/optimise checks only what is cheap on the event loop (issue 13 review): the
// suitability screen a hexes request needs, and the hard siting check of each site × design,
// run in the job, never on the route. The siting module is wrapped to count its calls, and the
// counts are read at the moment the route hands the request to the queue.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as siting from '../../models/siting.ts';
import type { JobStatusBody } from '../../server/schemas/jobs.ts';
import type { OptimiseResult } from '../../server/schemas/optimise.ts';
import { testApp } from '../helpers/app.ts';

vi.mock('../../models/siting.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../models/siting.ts')>();
  return { ...real, screen: vi.fn(real.screen), checkSite: vi.fn(real.checkSite) };
});

let app: FastifyInstance;
/** The siting calls made before each submit reached the queue. */
const atSubmit: { screen: number; checkSite: number }[] = [];
beforeAll(async () => {
  app = await testApp();
  const submit = app.jobs.submit.bind(app.jobs);
  vi.spyOn(app.jobs, 'submit').mockImplementation((...args) => {
    atSubmit.push({
      screen: vi.mocked(siting.screen).mock.calls.length,
      checkSite: vi.mocked(siting.checkSite).mock.calls.length,
    });
    return submit(...args);
  });
});
afterAll(async () => {
  await app.close();
});

async function finished(id: string): Promise<JobStatusBody> {
  const until = Date.now() + 90_000;
  for (;;) {
    const status = (await app.inject({ url: `/api/jobs/${id}` })).json() as JobStatusBody;
    if (status.state !== 'queued' && status.state !== 'running') return status;
    if (Date.now() > until) throw new Error(`job ${id} still ${status.state}`);
    await sleep(25);
  }
}

const hexes = {
  campus: { id: 'xai-colossus-1' },
  year: 2032,
  target: { servedEnergyFraction: 0.99 },
  candidates: { hexes: 3, radiusKm: 150 },
  designs: ['bwrx-300'],
  limits: { maxUnitsPerSite: 3, maxSites: 2 },
  options: { trials: 20, seed: 3, candidates: 2 },
};

describe('POST /api/optimise leaves the siting screens to the job', () => {
  it('answers 202 to a hexes request before any screen or siting check runs', async () => {
    vi.mocked(siting.screen).mockClear();
    vi.mocked(siting.checkSite).mockClear();
    atSubmit.length = 0;
    const res = await app.inject({ method: 'POST', url: '/api/optimise', payload: hexes });
    expect(res.statusCode).toBe(202);
    expect(atSubmit).toEqual([{ screen: 0, checkSite: 0 }]);
    // The job does run the screen (so the counters are live) and answers at hexes.
    const status = await finished((res.json() as { jobId: string }).jobId);
    expect(status.state).toBe('done');
    expect(vi.mocked(siting.screen).mock.calls.length).toBeGreaterThan(0);
    const result = status.result as OptimiseResult;
    expect(result.ranked.length).toBeGreaterThan(0);
    for (const d of result.ranked.flatMap((f) => f.deployments)) expect(d.siteId).toMatch(/^hex:/);
  }, 120_000);

  it('still refuses a bad design at once, before queueing', async () => {
    atSubmit.length = 0;
    const res = await app.inject({
      method: 'POST',
      url: '/api/optimise',
      payload: { ...hexes, designs: ['no-such-design'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/designs\[0\]/);
    expect(atSubmit).toEqual([]);
  });
});
