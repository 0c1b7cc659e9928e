// POST /api/demand: a campus's hourly power draw for one year, with its statistics, PUE,
// training swing, ramp and cross-checks against published GPU counts (DESIGN.md "Demand").
// Thin: resolve the campus, call the model.
import type { FastifyInstance } from 'fastify';
import { demandForYear } from '../../models/demand.ts';
import { ErrorBody } from '../schemas/common.ts';
import { DemandRequest, DemandResponse, type DemandBody } from '../schemas/demand.ts';
import { resolveCampusInput } from './resolve-campus.ts';

export default async function demandRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: DemandBody }>(
    '/api/demand',
    {
      schema: {
        tags: ['models'],
        summary:
          "A campus's hourly demand for a year, with peak, load factor, PUE, swing, ramp and cross-checks",
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
