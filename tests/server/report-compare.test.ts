// The comparison PDF and the streamed downloads (issue 11): two saved scenarios drawn side by
// side, read back with pdftotext and rendered with pdftoppm into test-results/; the event
// streams give progress in order and then the same file a plain download gives.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { parseSse } from '../../web/api/sse.ts';

const OUT = 'test-results';
const base = {
  campus: { id: 'xai-colossus-1' },
  options: { year: 2032, trials: 40, seed: 3, grid: { mode: 'islanded' as const } },
};
const fourBwrx = {
  ...base,
  name: 'Four BWRX-300 at Allen',
  deployments: [{ designId: 'bwrx-300', units: 4, lat: 35.0751, lon: -90.1626, codYear: 2031 }],
};
const natrium = {
  ...base,
  name: 'Natrium at Cumberland — 東京',
  deployments: [{ designId: 'natrium', units: 2, lat: 36.3903, lon: -87.6539, codYear: 2031 }],
};
const missing = '00000000-0000-4000-8000-000000000000';

function pdfText(pdf: Buffer, stem: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}/${stem}.pdf`;
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '60', '-png', file, `${OUT}/${stem}`]);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

describe('comparison report', () => {
  let app: FastifyInstance;
  let ids: string[];
  beforeAll(async () => {
    app = await testApp({ evaluationWorkers: 0 });
    ids = [];
    for (const s of [fourBwrx, natrium])
      ids.push((await app.inject({ method: 'POST', url: '/api/scenarios', payload: s })).json().id);
  });
  afterAll(async () => app?.close());

  it('draws both scenarios side by side: names, the table with deltas, the overlaid charts', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/report/compare',
      payload: { scenarioIds: ids },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''Comparison%20Four%20BWRX-300%20at%20Allen%20vs%20Natrium",
    );
    const text = pdfText(res.rawPayload, 'compare-report');
    expect(text).toContain('Comparison of 2 scenarios');
    expect(text).toContain('A. Four BWRX-300 at Allen');
    expect(text).toContain('B. Natrium at Cumberland — 東京');
    expect(text).toContain('Side by side');
    expect(text).toContain('Overlaid charts');
    expect(text).toContain('Timeline: peak demand against firm supply');
    expect(text).toContain('Load-duration curves');
    expect(text).toContain('A demand');
    expect(text).toContain('B supply');
    expect(text).toContain('Disclaimer');
    // Each scenario's served share, as the single evaluate answers it, appears in the table.
    for (const s of [fourBwrx, natrium]) {
      const { name: _name, ...body } = s;
      const answer = (
        await app.inject({ method: 'POST', url: '/api/evaluate', payload: body })
      ).json();
      const served = `${(answer.coverage.servedEnergyFraction * 100).toFixed(1)}%`;
      expect(text).toContain(served);
    }
    // B's figures carry their difference from A in words.
    expect(text).toMatch(/[+−]\d+(\.\d)? pts, (better|worse)/);
    const pages = Number(
      /Pages:\s+(\d+)/.exec(
        execFileSync('pdfinfo', [`${OUT}/compare-report.pdf`], { encoding: 'utf8' }),
      )?.[1],
    );
    expect(pages).toBeGreaterThanOrEqual(5);
  });

  it('refuses one scenario, repeats and unknown ids with the field named', async () => {
    const one = await app.inject({
      method: 'POST',
      url: '/api/report/compare',
      payload: { scenarioIds: [ids[0]] },
    });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.message).toContain('scenarioIds');
    const twice = await app.inject({
      method: 'POST',
      url: '/api/report/compare',
      payload: { scenarioIds: [ids[0], ids[0]] },
    });
    expect(twice.statusCode).toBe(400);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/report/compare',
      payload: { scenarioIds: [ids[0], missing] },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain(missing);
  });

  it('streams a comparison: evaluating each scenario, drawing each section, then the PDF', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/report/compare/stream',
      payload: { scenarioIds: ids },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const { events } = parseSse(res.body);
    const progress = events.filter((e) => e.event === 'progress').map((e) => JSON.parse(e.data));
    expect(progress[0]).toEqual({ stage: 'evaluating', done: 0, total: 2 });
    expect(progress).toContainEqual({ stage: 'evaluating', done: 2, total: 2 });
    const drawing = progress.filter((p) => p.stage === 'drawing');
    expect(drawing.map((p) => p.done)).toEqual(drawing.map((_, i) => i + 1));
    expect(drawing.at(-1).done).toBe(drawing.at(-1).total);
    const result = JSON.parse(events.at(-1)!.data);
    expect(events.at(-1)!.event).toBe('result');
    expect(result.filename).toBe(
      'Comparison Four BWRX-300 at Allen vs Natrium at Cumberland — 東京.pdf',
    );
    const pdf = Buffer.from(result.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('streams a single unsaved scenario as CSV and PDF, the same bytes as POST /api/report', async () => {
    const csvStream = await app.inject({
      method: 'POST',
      url: '/api/report/stream?format=csv',
      payload: fourBwrx,
    });
    const csv = await app.inject({
      method: 'POST',
      url: '/api/report?format=csv',
      payload: fourBwrx,
    });
    const events = parseSse(csvStream.body).events;
    const result = JSON.parse(events.at(-1)!.data);
    expect(result.contentType).toBe('text/csv; charset=utf-8');
    expect(result.filename).toBe('Four BWRX-300 at Allen.csv');
    expect(Buffer.from(result.base64, 'base64').toString('utf8')).toBe(csv.body);

    const pdfStream = await app.inject({
      method: 'POST',
      url: '/api/report/stream?format=pdf',
      payload: fourBwrx,
    });
    const pdfEvents = parseSse(pdfStream.body).events;
    const stages = pdfEvents.filter((e) => e.event === 'progress').map((e) => JSON.parse(e.data));
    expect(stages[0]).toEqual({ stage: 'evaluating', done: 0, total: 1 });
    expect(stages[1]).toEqual({ stage: 'evaluating', done: 1, total: 1 });
    expect(stages.slice(2).every((s) => s.stage === 'drawing')).toBe(true);
    expect(stages.at(-1)).toEqual({ stage: 'drawing', done: 9, total: 9 });
    const text = pdfText(
      Buffer.from(JSON.parse(pdfEvents.at(-1)!.data).base64, 'base64'),
      'stream-report',
    );
    expect(text).toContain('Four BWRX-300 at Allen');
  });

  it('answers a bad stream request 400 JSON before any event, and a failed evaluation as an error event', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/report/stream?format=pdf',
      payload: { ...fourBwrx, deployments: [{ ...fourBwrx.deployments[0], units: 0 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('units');
    const badFormat = await app.inject({
      method: 'POST',
      url: '/api/report/stream?format=docx',
      payload: fourBwrx,
    });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().error.message).toContain('format');
    const unknownCampus = await app.inject({
      method: 'POST',
      url: '/api/report/stream?format=pdf',
      payload: { ...fourBwrx, campus: { id: 'no-such-campus' } },
    });
    const last = parseSse(unknownCampus.body).events.at(-1)!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data).error.code).not.toBe('INTERNAL');
  });
});
