// POST /api/sites/check, /api/screen and /api/screen/stream (DESIGN.md "Siting"). Thin:
// resolve the design and the campus, call models/siting.ts, reply. The stream variant yields
// to the event loop between chunks of cells, so a 20,000-cell grid does not stall the server.
import { sseEvent } from './sse-format.ts';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { GeoData } from '../../geo-data/load.ts';
import { invalidInput } from '../../models/errors.ts';
import type { Design } from '../../models/records.ts';
import {
  checkSite,
  createSitingData,
  type CampusPoint,
  type ScreenProgress,
  type SitingData,
} from '../../models/siting.ts';
import { checkScreenBudget } from '../evaluate/budget.ts';
import { createScreener } from '../evaluate/screener.ts';
import { registerShedding, requestSignal } from '../evaluate/shed.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody } from '../schemas/common.ts';
import {
  SCREEN_STREAM_DESCRIPTION,
  ScreenRequest,
  ScreenResponse,
  SiteCheckRequest,
  SiteCheckResponse,
  type ScreenBody,
  type SiteCheckBody,
} from '../schemas/siting.ts';

/** DESIGN.md `/api/sites/check`: designId is optional; this is the design then used. */
export const DEFAULT_SITING_DESIGN_ID = 'bwrx-300';
const errors = { 400: ErrorBody, 404: ErrorBody };

function findDesign(geoData: GeoData, designId: string): Design {
  const design = geoData.designs.find((d) => d.id === designId);
  if (!design) {
    const known = geoData.designs.map((d) => d.id).join(', ');
    throw invalidInput('designId', designId, `no such design; known: ${known}`);
  }
  return design;
}

/** `{ id }` is a bundled campus; `{ lat, lon }` (with or without an id) is that point. */
function campusPoint(geoData: GeoData, input: ScreenBody['campus']): CampusPoint {
  const bundled =
    input.id === undefined ? undefined : geoData.campuses.find((c) => c.id === input.id);
  const lat = input.lat ?? bundled?.lat;
  const lon = input.lon ?? bundled?.lon;
  if (lat === undefined || lon === undefined) {
    if (input.id !== undefined) {
      throw new HttpError(404, 'NOT_FOUND', `No campus with id ${JSON.stringify(input.id)}`);
    }
    throw invalidInput('campus', input, 'give { id } of a bundled campus or { lat, lon }');
  }
  return { lat, lon, id: input.id, name: input.name ?? bundled?.name };
}

const dataByGeo = new WeakMap<GeoData, SitingData>();
/** The siting model's data for this app, built once per loaded geo-data. */
export function sitingData(app: FastifyInstance): SitingData {
  let data = dataByGeo.get(app.geoData);
  if (!data) {
    const { seismicZones, sites, interconnections } = app.geoData;
    data = createSitingData({ population: app.population, seismicZones, sites, interconnections });
    dataByGeo.set(app.geoData, data);
  }
  return data;
}

export default async function sitingRoutes(app: FastifyInstance): Promise<void> {
  registerShedding(app);
  const limits = app.computeLimits;
  const screener = createScreener({
    geo: {
      seismicZones: app.geoData.seismicZones,
      sites: app.geoData.sites,
      interconnections: app.geoData.interconnections,
    },
    inlineData: () => sitingData(app),
    // An app that runs evaluations inline (tests) screens inline too.
    workers: app.evaluator.workers === 0 ? 0 : 1,
    maxActive: limits.screenMaxActive,
  });
  app.addHook('onListen', async () => screener.warm());
  app.addHook('onClose', async () => screener.close());
  /** Budget, campus and design checked here, before any work; the screen runs in the pool. */
  const screenTask = (body: ScreenBody, format: 'route' | 'stream') => {
    checkScreenBudget(body, limits);
    const campus = campusPoint(app.geoData, body.campus);
    return { body, campus, design: findDesign(app.geoData, body.designId), format };
  };
  app.post<{ Body: SiteCheckBody }>(
    '/api/sites/check',
    {
      schema: {
        tags: ['models'],
        summary: 'Every siting check at a point for a design (default bwrx-300), and to a campus',
        body: SiteCheckRequest,
        response: { 200: SiteCheckResponse, ...errors },
      },
    },
    async (request) => {
      const { lat, lon, designId = DEFAULT_SITING_DESIGN_ID } = request.body;
      const design = findDesign(app.geoData, designId);
      const campus = request.body.campus && campusPoint(app.geoData, request.body.campus);
      const result = checkSite(sitingData(app), { lat, lon, design, campus });
      const assumptions = request.body.designId
        ? result.assumptions
        : [`designId not given: ${DEFAULT_SITING_DESIGN_ID}.`, ...result.assumptions];
      return { designId, ...result, assumptions };
    },
  );

  app.post<{ Body: ScreenBody }>(
    '/api/screen',
    {
      schema: {
        tags: ['models'],
        summary: 'Rank the candidate sites for a campus and a design, with a suitability hex grid',
        description: `For progress on a large grid use POST /api/screen/stream. ${SCREEN_STREAM_DESCRIPTION}`,
        body: ScreenRequest,
        response: { 200: ScreenResponse, ...errors },
      },
    },
    async (request, reply) => {
      const task = screenTask(request.body, 'route');
      const signal = requestSignal(reply, limits.computeTimeoutMs, 'screen');
      const json = await screener.screen(task, { signal });
      // Already JSON (serialised in the worker with the response schema): sent as it is.
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  app.post<{ Body: ScreenBody }>(
    '/api/screen/stream',
    {
      schema: {
        tags: ['models'],
        summary: 'The /api/screen answer as server-sent events, with progress',
        description: SCREEN_STREAM_DESCRIPTION,
        body: ScreenRequest,
        produces: ['text/event-stream'],
        response: {
          200: Type.String({ description: SCREEN_STREAM_DESCRIPTION }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const task = screenTask(request.body, 'stream');
      const signal = requestSignal(reply, limits.computeTimeoutMs, 'screen');
      // Progress crosses from the worker as it comes; the stream waits for the first event, so
      // a bad input (found by the model's first step) still answers 400 JSON.
      const queue: string[] = [];
      let wake: (() => void) | null = null;
      let finished = false;
      let first: () => void = () => undefined;
      const firstEvent = new Promise<void>((resolve) => (first = resolve));
      const push = (text: string) => {
        queue.push(text);
        first();
        wake?.();
      };
      const result = screener
        .screen(task, { signal, onProgress: (p: ScreenProgress) => push(sseEvent('progress', p)) })
        .then(
          (json) => push(`event: result\ndata: ${json}\n\n`),
          (error: unknown) => {
            if (queue.length === 0) throw error;
            request.log.error({ err: error }, 'screen stream failed');
            push(
              sseEvent('error', {
                error: { code: 'INTERNAL', message: 'Screen failed; see the server log.' },
              }),
            );
          },
        )
        .finally(() => {
          finished = true;
          wake?.();
        });
      const next = () => new Promise<void>((resolve) => (wake = resolve));
      // The first event, or the error that becomes a JSON answer.
      await Promise.race([firstEvent, result]);
      async function* events(): AsyncGenerator<string> {
        while (true) {
          while (queue.length > 0) yield queue.shift() as string;
          if (finished) return;
          await next();
        }
      }
      reply.header('content-type', 'text/event-stream; charset=utf-8');
      reply.header('cache-control', 'no-cache');
      return reply.send(Readable.from(events()));
    },
  );
}
