// The PDF siting report (issue 11): a scenario's evaluate answer drawn as vectors with pdfkit,
// no browser. The sections live in server/reports/pdf/, one file each.
import type { FastifyInstance } from 'fastify';
import type { EvaluateRequestBody } from '../schemas/evaluate.ts';
import type { EvaluateResponseBody } from '../schemas/evaluate-result.ts';
import { evaluateJson } from '../routes/evaluate.ts';
import { resolveCampusInput } from '../routes/resolve-campus.ts';
import { drawChrome, finish, newReport, type Report } from './pdf/layout.ts';
import { titlePage } from './pdf/title-page.ts';
import { mapPage } from './pdf/map-page.ts';
import { demandSection } from './pdf/demand.ts';
import { supplySection } from './pdf/supply.ts';
import { sitingSection } from './pdf/siting.ts';
import { economicsSection } from './pdf/economics.ts';
import { assumptionsSection } from './pdf/assumptions.ts';
import { disclaimerSection } from './pdf/disclaimer.ts';
import type { ReportInput } from './pdf/input.ts';

export type { ReportInput } from './pdf/input.ts';
export { verdictSentence } from './pdf/verdict.ts';
export { DATA_SOURCES, MODEL_LIMITS } from './pdf/sources.ts';
export { pct as formatPercent, mw as formatMw } from './pdf/format.ts';

const SECTIONS = [
  titlePage,
  mapPage,
  demandSection,
  supplySection,
  sitingSection,
  economicsSection,
  assumptionsSection,
  (r: Parameters<typeof disclaimerSection>[0]) => disclaimerSection(r),
] as const;

/**
 * Draws `sections` of `input` in order and returns the PDF's bytes; `onProgress(done, total)`
 * after each section and at the end. The single and the comparison report both use it.
 */
export async function renderSections<T>(
  title: string,
  generatedAt: Date,
  sections: readonly ((r: Report, input: T) => void)[],
  input: T,
  onProgress?: (done: number, total: number) => void,
): Promise<Buffer> {
  const report = newReport(title, generatedAt);
  const total = sections.length + 1;
  let done = 0;
  for (const draw of sections) {
    draw(report, input);
    onProgress?.(++done, total);
    // Let a progress event (SSE, a progress bar) go out between sections.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  drawChrome(report);
  const bytes = await finish(report);
  onProgress?.(total, total);
  return bytes;
}

/** The report's bytes; `onProgress(done, total)` after each section and at the end. */
export const renderReportPdf = (
  input: ReportInput,
  onProgress?: (done: number, total: number) => void,
): Promise<Buffer> => renderSections(input.name, input.generatedAt, SECTIONS, input, onProgress);

const SITE_MATCH_KM = 3;

function nearestSiteName(
  app: FastifyInstance,
  lat: number,
  lon: number,
  siteId?: string,
): string | null {
  const sites = app.geoData.sites;
  if (siteId) return sites.find((s) => s.id === siteId)?.name ?? null;
  // The same 3 km the siting check uses to say a point stands on a candidate site.
  let best: { name: string; km: number } | null = null;
  for (const s of sites) {
    const dLat = ((s.lat - lat) * Math.PI) / 180;
    const dLon = ((s.lon - lon) * Math.PI) / 180;
    const a =
      Math.sin(dLat / 2) ** 2 +
      Math.cos((lat * Math.PI) / 180) * Math.cos((s.lat * Math.PI) / 180) * Math.sin(dLon / 2) ** 2;
    const km = 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    if (km <= SITE_MATCH_KM && (!best || km < best.km)) best = { name: s.name, km };
  }
  return best?.name ?? null;
}

/** Evaluates the scenario (cached or in the pool) and gathers what the report draws. */
export async function buildReportInput(
  app: FastifyInstance,
  name: string,
  body: EvaluateRequestBody,
  now: Date = new Date(),
): Promise<ReportInput> {
  const spec = resolveCampusInput(app.geoData, body.campus) as unknown as {
    id?: string;
    name?: string;
    lat: number;
    lon: number;
    state?: string | null;
  };
  const { json } = await evaluateJson(app, body);
  const result = JSON.parse(json) as EvaluateResponseBody;
  return {
    name,
    request: body,
    result,
    campus: {
      id: spec.id,
      name: spec.name ?? 'Drawn campus',
      lat: spec.lat,
      lon: spec.lon,
      state: spec.state ?? null,
    },
    designs: app.geoData.designs,
    generatedAt: now,
    siteNames: body.deployments.map((d) => nearestSiteName(app, d.lat, d.lon, d.siteId)),
  };
}
