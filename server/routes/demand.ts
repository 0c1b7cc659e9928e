// POST /api/demand: a campus's hourly power draw for one year, with its statistics, PUE,
// training swing and ramp (DESIGN.md "Demand"). Thin: resolve the campus, call the model.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { demandForYear } from '../../models/demand.ts';
import { CampusInput } from '../schemas/campus.ts';
import { ErrorBody } from '../schemas/common.ts';
import { resolveCampusInput } from './resolve-campus.ts';

const DemandRequest = Type.Object(
  {
    campus: CampusInput,
    year: Type.Optional(Type.Integer({ minimum: 2024, maximum: 2045 })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
  },
  { additionalProperties: false },
);

const Mw = Type.Number();
const DemandResponse = Type.Object({
  year: Type.Integer(),
  seed: Type.Integer(),
  hourlyMw: Type.Array(Mw, { description: '8,760 hourly facility MW, local standard time' }),
  itHourlyMw: Type.Optional(Type.Array(Mw)),
  peakMw: Mw,
  itPeakMw: Mw,
  meanMw: Mw,
  loadFactor: Type.Number(),
  annualGwh: Type.Number(),
  p50Mw: Mw,
  p95Mw: Mw,
  p99Mw: Mw,
  loadDurationMw: Type.Array(Mw, { description: 'MW exceeded in 0%, 1%, …, 100% of hours' }),
  pueAnnual: Type.Number(),
  pueDesignPeak: Type.Number(),
  swing: Type.Object({ mw: Mw, flagged: Type.Boolean(), note: Type.String() }),
  ramp: Type.Array(Type.Object({ year: Type.Integer(), peakMw: Mw, annualGwh: Type.Number() })),
  assumptions: Type.Array(Type.String()),
});

export default async function demandRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: Static<typeof DemandRequest> }>(
    '/api/demand',
    {
      schema: {
        tags: ['models'],
        summary: "A campus's hourly demand for a year, with peak, load factor, PUE, swing and ramp",
        body: DemandRequest,
        response: { 200: DemandResponse, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const campus = resolveCampusInput(app.geoData, request.body.campus);
      const { year, seed } = request.body;
      return demandForYear(campus, { year, seed, gpuPower: app.geoData.gpuPower });
    },
  );
}
