// The PDF siting report (issue 11): drawn from a seed scenario, then read back with poppler's
// pdftotext and pdfinfo, and rendered with pdftoppm into test-results/ to be looked at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import {
  DATA_SOURCES,
  buildReportInput,
  formatMw,
  formatPercent,
  renderReportPdf,
  verdictSentence,
  type ReportInput,
} from '../../server/reports/pdf.ts';
import type { EvaluateRequestBody } from '../../server/schemas/evaluate.ts';

const OUT = 'test-results';
const GENERATED_AT = new Date('2026-12-01T09:30:00Z');

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/colossus-allen.scenario.json', import.meta.url), 'utf8'),
) as EvaluateRequestBody & { name: string };
const { name: fixtureName, ...fixtureBody } = fixture;

/** Colossus 1 on three sites: BWRX-300 at Allen, Xe-100 at Plum Point, Natrium at Cumberland. */
export const THREE_SITES: EvaluateRequestBody = {
  campus: { id: 'xai-colossus-1' },
  deployments: [
    { designId: 'bwrx-300', units: 2, lat: 35.0751, lon: -90.1626, codYear: 2031 },
    {
      designId: 'xe-100',
      units: 4,
      lat: 35.6644,
      lon: -89.9489,
      codYear: 2033,
      siteId: 'nacei-1512',
    },
    { designId: 'natrium', units: 1, lat: 36.3903, lon: -87.6539, codYear: 2035, circuits: 2 },
  ],
  options: { year: 2034, trials: 100, seed: 7, grid: { mode: 'connected' } },
};

/** Writes the PDF and returns its text as pdftotext lays it out, whitespace folded. */
function pdfText(pdf: Buffer, stem: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}/${stem}.pdf`;
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const folded = (text: string) => text.replace(/\s+/g, ' ');
const pages = (stem: string) =>
  Number(
    /Pages:\s+(\d+)/.exec(
      execFileSync('pdfinfo', [`${OUT}/${stem}.pdf`], { encoding: 'utf8' }),
    )?.[1],
  );

let app: FastifyInstance;
beforeEach(async () => {
  app = await testApp();
});
afterEach(async () => {
  await app.close();
});

describe('PDF siting report', () => {
  it('names the scenario, the designs, the coverage and MW figures, over at least six pages', async () => {
    const input = await buildReportInput(app, fixtureName, fixtureBody, GENERATED_AT);
    const text = folded(pdfText(await renderReportPdf(input), 'report-colossus'));
    expect(text).toContain(fixtureName);
    expect(text).toContain('BWRX-300');
    expect(text).toContain(formatPercent(input.result.coverage.servedEnergyFraction));
    expect(text).toContain(formatMw(input.result.demand.peakMw));
    expect(text).toContain(formatMw(input.result.supply.nameplateMw));
    expect(text).toContain('not a licensing analysis');
    expect(pages('report-colossus')).toBeGreaterThanOrEqual(6);
  });

  it('lists every data source it names for the inputs', async () => {
    const input = await buildReportInput(app, fixtureName, fixtureBody, GENERATED_AT);
    const text = folded(pdfText(await renderReportPdf(input), 'report-sources'));
    for (const source of DATA_SOURCES) expect(text).toContain(source.name);
    expect(text).toContain('Census 2020');
  });

  it('draws a three-deployment scenario with every design and the bridge sentence', async () => {
    const input = await buildReportInput(app, 'Colossus on three sites', THREE_SITES, GENERATED_AT);
    const progress: number[] = [];
    const pdf = await renderReportPdf(input, (done, total) => progress.push(done / total));
    const text = folded(pdfText(pdf, 'report-three-sites'));
    for (const name of ['BWRX-300', 'Xe-100', 'Natrium']) expect(text).toContain(name);
    expect(text).toMatch(/\d MW of bridge power needed until 20\d\d\./);
    expect(text).toContain('Plum Point Energy Station');
    expect(progress[progress.length - 1]).toBe(1);
    expect(pages('report-three-sites')).toBeGreaterThanOrEqual(8);
  });

  it('draws a name with markup as text', async () => {
    const name = '<script>alert(1)</script>';
    const input = await buildReportInput(app, name, fixtureBody, GENERATED_AT);
    expect(folded(pdfText(await renderReportPdf(input), 'report-script'))).toContain(name);
  });

  it('draws accented and CJK names as text', async () => {
    const name = 'Centrale Évry – 東京キャンパス';
    const input = await buildReportInput(app, name, fixtureBody, GENERATED_AT);
    const text = folded(pdfText(await renderReportPdf(input), 'report-unicode'));
    expect(text).toContain('Centrale Évry');
    expect(text).toContain('東京キャンパス');
  });

  it('gives the same bytes for the same input', async () => {
    const input: ReportInput = await buildReportInput(app, fixtureName, fixtureBody, GENERATED_AT);
    const [a, b] = [await renderReportPdf(input), await renderReportPdf(input)];
    expect(a.equals(b)).toBe(true);
  });
});

describe('verdict sentence', () => {
  const year = (y: number, demandPeakMw: number, firmSupplyMw: number) => ({
    year: y,
    demandPeakMw,
    firmSupplyMw,
    gapMw: Math.max(0, demandPeakMw - firmSupplyMw),
  });
  const base = {
    campusName: 'Colossus',
    designName: (id: string) => (id === 'bwrx-300' ? 'BWRX-300' : id),
    siteNames: ['Clinch River'],
  };
  const deployment = { designId: 'bwrx-300', units: 4, codYear: 2031 };

  it('gives the bridge power needed before the fleet arrives', () => {
    const result = {
      year: 2032,
      coverage: { servedEnergyFraction: 0.978 },
      timeline: [
        year(2029, 150, 0),
        year(2030, 212, 0),
        year(2031, 250, 1200),
        year(2032, 300, 1200),
      ],
      deployments: [deployment],
    } as unknown as Parameters<typeof verdictSentence>[0]['result'];
    expect(verdictSentence({ ...base, result })).toBe(
      "4 × BWRX-300 at Clinch River cover 97.8% of Colossus's 2032 load; 212 MW of bridge power needed until 2031.",
    );
  });

  it('says so when firm supply meets the peak every year', () => {
    const result = {
      year: 2032,
      coverage: { servedEnergyFraction: 1 },
      timeline: [year(2031, 250, 1200), year(2032, 1_300, 1_300)],
      deployments: [deployment],
    } as unknown as Parameters<typeof verdictSentence>[0]['result'];
    expect(verdictSentence({ ...base, result })).toMatch(/meets the peak in every year/);
  });
});
