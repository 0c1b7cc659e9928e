// A saved scenario carries the optimisation it was loaded from (issue 13 "Results are stored with
// the scenario"): the request and the result (without the best fleet's bulky evaluation) are
// saved, read back exactly, replaced or cleared by PUT, exported with the scenario and imported
// back, and validated at the edge, on both SQLite and PostgreSQL.
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobStatusBody } from '../../server/schemas/jobs.ts';
import type { OptimiseResult } from '../../server/schemas/optimise.ts';
import { testApp, useTestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/databases.ts';

const question = {
  campus: { id: 'xai-colossus-1' },
  year: 2032,
  target: { servedEnergyFraction: 0.99 },
  candidates: { siteIds: ['nacei-1512', 'nacei-0229'] },
  designs: ['bwrx-300', 'xe-100'],
  limits: { maxUnitsPerSite: 3, maxSites: 2 },
  options: { trials: 40, seed: 3, candidates: 4 },
};

/** A real optimiser answer, stored as the web app stores it: best without its evaluation. */
let stored: { request: typeof question; result: Record<string, unknown> };
let fullResult: OptimiseResult;

beforeAll(async () => {
  const app = await testApp();
  try {
    const res = await app.inject({ method: 'POST', url: '/api/optimise', payload: question });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json() as { jobId: string };
    const until = Date.now() + 120_000;
    let status: JobStatusBody;
    for (;;) {
      status = (await app.inject({ url: `/api/jobs/${jobId}` })).json() as JobStatusBody;
      if (status.state !== 'queued' && status.state !== 'running') break;
      if (Date.now() > until) throw new Error('optimisation did not finish in 120 s');
      await sleep(50);
    }
    expect(status.state).toBe('done');
    fullResult = status.result as OptimiseResult;
    expect(fullResult.best).not.toBeNull();
    const { evaluation: _evaluation, ...best } = fullResult.best!;
    stored = { request: question, result: { ...fullResult, best } };
  } finally {
    await app.close();
  }
}, 150_000);

describe.each(dialects)('scenario with an optimisation on %s', (dialect) => {
  const app = useTestApp(dialect);

  const scenarioOf = () => ({
    name: 'Colossus 1, optimised',
    campus: question.campus,
    deployments: fullResult.best!.deployments,
    options: { year: fullResult.best!.year },
  });
  const create = (body: object) =>
    app().inject({ method: 'POST', url: '/api/scenarios', payload: body });

  it('saves the optimisation with the scenario and reads it back identical', async () => {
    const res = await create({ ...scenarioOf(), optimisation: stored });
    expect(res.statusCode).toBe(201);
    expect(res.json().optimisation).toEqual(stored);
    const got = await app().inject({ url: `/api/scenarios/${res.json().id}` });
    expect(got.statusCode).toBe(200);
    // Byte for byte after a JSON round trip: every ranked fleet, the fronts and the counts.
    expect(got.json().optimisation).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(got.json().optimisation.result.ranked).toHaveLength(fullResult.ranked.length);
    expect(got.json().optimisation.result.best.evaluation).toBeUndefined();
    // The listing stays light: no spec, no optimisation.
    const list = (await app().inject({ url: '/api/scenarios' })).json().scenarios;
    expect(list.find((s: { id: string }) => s.id === res.json().id).optimisation).toBeUndefined();
  });

  it('a scenario saved without one has none, and PUT replaces or clears it', async () => {
    const plain = await create(scenarioOf());
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).not.toHaveProperty('optimisation');
    const id = plain.json().id as string;
    const put = (version: number, body: object) =>
      app().inject({
        method: 'PUT',
        url: `/api/scenarios/${id}`,
        headers: { 'if-match': `"v${version}"` },
        payload: body,
      });
    const added = await put(1, { ...scenarioOf(), optimisation: stored });
    expect(added.statusCode).toBe(200);
    expect((await app().inject({ url: `/api/scenarios/${id}` })).json().optimisation).toEqual(
      stored,
    );
    const cleared = await put(2, scenarioOf());
    expect(cleared.statusCode).toBe(200);
    expect((await app().inject({ url: `/api/scenarios/${id}` })).json()).not.toHaveProperty(
      'optimisation',
    );
  });

  it('export.json carries the optimisation, and importing it restores the same one', async () => {
    const saved = await create({ ...scenarioOf(), optimisation: stored });
    expect(saved.statusCode).toBe(201);
    const exported = await app().inject({ url: `/api/scenarios/${saved.json().id}/export.json` });
    expect(exported.statusCode).toBe(200);
    const file = exported.json();
    expect(file.optimisation).toEqual(JSON.parse(JSON.stringify(stored)));
    // Nothing of the saved copy's identity travels in the file.
    for (const key of ['id', 'workspace', 'version', 'createdAt', 'updatedAt'])
      expect(file).not.toHaveProperty(key);
    const imported = await create(file);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().id).not.toBe(saved.json().id);
    const back = (await app().inject({ url: `/api/scenarios/${imported.json().id}` })).json();
    expect(back.optimisation).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(back.deployments).toEqual(JSON.parse(JSON.stringify(scenarioOf().deployments)));
  });

  it('export.json of a scenario without an optimisation has none', async () => {
    const plain = await create(scenarioOf());
    const exported = await app().inject({ url: `/api/scenarios/${plain.json().id}/export.json` });
    expect(exported.statusCode).toBe(200);
    expect(exported.json()).not.toHaveProperty('optimisation');
  });

  it('400 naming the field for a bad optimisation, and nothing is saved', async () => {
    const before = (await app().inject({ url: '/api/scenarios' })).json().scenarios.length;
    const badCost = structuredClone(stored);
    (badCost.result.ranked as { deliveredCostUsdPerMwh: unknown }[])[0].deliveredCostUsdPerMwh =
      'cheap';
    const cases: [object, RegExp][] = [
      [badCost, /deliveredCostUsdPerMwh/],
      [{ ...stored, request: { ...question, designs: [] } }, /designs/],
      [{ request: question }, /result/],
      // The full evaluation is not stored: a client that sends it is told so.
      [{ ...stored, result: { ...stored.result, best: fullResult.best } }, /evaluation/],
      [{ ...stored, extra: 1 }, /extra/],
    ];
    for (const [optimisation, field] of cases) {
      const res = await create({ ...scenarioOf(), optimisation });
      expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
      expect(res.json().error.code).toBe('BAD_REQUEST');
      expect(res.json().error.message).toMatch(field);
    }
    expect((await app().inject({ url: '/api/scenarios' })).json().scenarios.length).toBe(before);
  });
});
