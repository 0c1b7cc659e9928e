// A scenario evaluated for a report: the request, the evaluate answer (the same JSON the API
// sends, from the cache when it is there), the campus it resolved to and the designs it uses.
// The CSV and GeoJSON exports are built from this; the PDF has its own buildReportInput.
import type { FastifyInstance } from 'fastify';
import type { Design } from '../../models/records.ts';
import { evaluateJson } from '../routes/evaluate.ts';
import { resolveCampusInput } from '../routes/resolve-campus.ts';
import type { EvaluateRequestBody } from '../schemas/evaluate.ts';
import type { EvaluateResponseBody } from '../schemas/evaluate-result.ts';

export interface EvaluatedCampus {
  id?: string;
  name: string;
  lat: number;
  lon: number;
  /** Local standard time offset; as the demand model defaults it when the campus has none. */
  utcOffsetHours: number;
  state?: string | null;
}

export interface Evaluated {
  name: string;
  request: EvaluateRequestBody;
  result: EvaluateResponseBody;
  campus: EvaluatedCampus;
  designs: Design[];
}

export function evaluatedCampus(app: FastifyInstance, body: EvaluateRequestBody): EvaluatedCampus {
  const spec = resolveCampusInput(app.geoData, body.campus) as {
    id?: string;
    name?: string;
    lat: number;
    lon: number;
    utcOffsetHours?: number;
    state?: string | null;
  };
  return {
    ...(spec.id === undefined ? {} : { id: spec.id }),
    name: spec.name ?? spec.id ?? `campus at ${spec.lat}, ${spec.lon}`,
    lat: spec.lat,
    lon: spec.lon,
    // models/demand/spec.ts: round(lon / 15) when not given (+ 0 turns −0 into 0).
    utcOffsetHours: spec.utcOffsetHours ?? Math.round(spec.lon / 15) + 0,
    state: spec.state ?? null,
  };
}

export async function evaluateScenario(
  app: FastifyInstance,
  name: string,
  body: EvaluateRequestBody,
): Promise<Evaluated> {
  const request: EvaluateRequestBody = {
    campus: body.campus,
    deployments: body.deployments,
    ...(body.options === undefined ? {} : { options: body.options }),
  };
  const campus = evaluatedCampus(app, request);
  const { json } = await evaluateJson(app, request);
  const result = JSON.parse(json) as EvaluateResponseBody;
  const ids = new Set(request.deployments.map((d) => d.designId));
  const designs = app.geoData.designs.filter((d) => ids.has(d.id));
  return { name, request, result, campus, designs };
}
