// The optimiser's request checked against the data, cheaply enough for the route to run on the
// event loop before queueing (issue 13): the campus resolves, the designs and listed sites are
// known, the year range is valid and some design can be online by its end. A bad request throws
// a 4xx ModelError/HttpError naming the field. What needs the siting screens (the best hexes,
// every candidate failing a hard check) is left to planOptimise in the job.
import type { GeoData } from '../../geo-data/load.ts';
import { validateCampusSpec } from '../../models/demand.ts';
import { ModelError } from '../../models/errors.ts';
import type { EvaluateData } from '../../models/scenario.ts';
import { designParams } from '../../models/supply/design-params.ts';
import { resolveCampusInput } from '../routes/resolve-campus.ts';
import { OPTIMISE_LIMITS, type OptimiseRequest } from '../schemas/optimise.ts';
import { listedSites, type CandidateSite } from './candidates.ts';

export interface ValidationContext {
  geoData: GeoData;
  data: EvaluateData;
}

/** The years to search: the one given, a range, or (earliest year) from the first COD on. */
function studyYears(request: OptimiseRequest, earliestCod: number): number[] {
  const y = request.year;
  let from: number;
  let to: number;
  if (typeof y === 'number') {
    to = y;
    from =
      request.objective === 'earliestYear'
        ? Math.max(earliestCod, y - OPTIMISE_LIMITS.yearSpanMax + 1)
        : y;
  } else {
    ({ from, to } = y);
    if (from > to)
      throw new ModelError('INVALID_INPUT', `Invalid year.to: ${to} is before year.from ${from}.`, {
        field: 'year.to',
        value: to,
      });
    if (to - from + 1 > OPTIMISE_LIMITS.yearSpanMax)
      throw new ModelError(
        'INVALID_INPUT',
        `Invalid year.to: ${from}–${to} spans ${to - from + 1} years, more than the ` +
          `${OPTIMISE_LIMITS.yearSpanMax} a search may.`,
        { field: 'year.to', value: to },
      );
  }
  const first = Math.min(to, Math.max(from, earliestCod));
  if (earliestCod > to)
    throw new ModelError(
      'UNANSWERABLE',
      `None of the designs can be online by ${to}: each one's earliest COD is later.`,
      { field: 'designs' },
    );
  const years: number[] = [];
  for (let year = first; year <= to; year += 1) years.push(year);
  return years;
}

export function validateOptimiseRequest(request: OptimiseRequest, ctx: ValidationContext) {
  const { geoData, data } = ctx;
  const campus = resolveCampusInput(geoData, request.campus as Record<string, unknown>);
  // The engine's own campus check (a drawn campus's phases), as each evaluation would run it.
  validateCampusSpec(campus, data.gpuPower);
  const campusPoint = {
    lat: (campus as { lat: number }).lat,
    lon: (campus as { lon: number }).lon,
    name: (campus as { name?: string }).name,
  };
  const records = request.designs.map((id, i) => {
    const record = data.designs.find((d) => d.id === id);
    if (!record)
      throw new ModelError(
        'INVALID_INPUT',
        `Invalid designs[${i}]: "${id.slice(0, 100)}" is not a bundled design.`,
        { field: `designs[${i}]` },
      );
    return record;
  });
  const params = records.map(designParams);
  const years = studyYears(request, Math.min(...params.map((d) => d.earliestCodYear)));
  /** Listed ids or a radius: known now; null for hexes, which need the suitability screen. */
  const listed: CandidateSite[] | null = listedSites(request, geoData, campusPoint);
  if (listed?.length === 0) throw noCandidateSite();
  return { campus, campusPoint, records, params, years, listed };
}

export function noCandidateSite(): ModelError {
  return new ModelError(
    'UNANSWERABLE',
    'No candidate site: widen candidates.radiusKm, list candidates.siteIds or ask for hexes.',
    { field: 'candidates' },
  );
}
