// The bundled datasets (geo-data/): campuses, candidate sites, supply deals and reactor designs.
// Read-only and identical for every user, so they carry an ETag of the data version and may
// be cached for a few minutes; a conditional GET answers 304.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Feature, FeatureCollection as GeoJsonCollection } from 'geojson';
import { Type, type Static } from 'typebox';
import { CAMPUS_KINDS, PLANT_FUELS, SITE_KINDS } from '../../models/records.ts';
import { HttpError } from '../plugins/errors.ts';
import { dataErrors, FeatureCollection, IdParams, PointFeature } from '../schemas/common.ts';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

// "minLon,minLat,maxLon,maxLat" in decimal degrees, as OGC API Features spells it.
const BBOX_PATTERN = '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$';

/** Filters of a point collection: kind (one of `kinds`), two-letter state, bounding box. */
const filterQuery = (kinds: readonly string[]) =>
  Type.Object(
    {
      ...(kinds.length > 0 ? { kind: Type.Optional(literals(kinds)) } : {}),
      state: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
      bbox: Type.Optional(Type.String({ pattern: BBOX_PATTERN })),
    },
    { additionalProperties: false },
  );
type Filter = { kind?: string; state?: string; bbox?: string };

/** The property a collection's `kind` filter reads: `kind`, or a plant's `primaryFuel`. */
type KindField = 'kind' | 'primaryFuel';

/** "minLon,minLat,maxLon,maxLat" → numbers; 400 naming querystring.bbox when inverted. */
export function parseBbox(text: string): [number, number, number, number] {
  const [minLon, minLat, maxLon, maxLat] = text.split(',').map(Number);
  if (minLon > maxLon || minLat > maxLat || Math.abs(minLat) > 90 || Math.abs(maxLat) > 90) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `Invalid querystring.bbox: ${JSON.stringify(text)} (want minLon,minLat,maxLon,maxLat with min ≤ max)`,
    );
  }
  return [minLon, minLat, maxLon, maxLat];
}

function filterCollection(
  collection: GeoJsonCollection,
  query: Filter,
  kindField: KindField = 'kind',
): GeoJsonCollection {
  if (!query.kind && !query.state && !query.bbox) return collection;
  const box = query.bbox ? parseBbox(query.bbox) : undefined;
  const features = collection.features.filter((feature: Feature) => {
    const props = feature.properties ?? {};
    if (query.kind && props[kindField] !== query.kind) return false;
    if (query.state && props.state !== query.state) return false;
    if (box && feature.geometry.type === 'Point') {
      const [lon, lat] = feature.geometry.coordinates;
      if (lon < box[0] || lat < box[1] || lon > box[2] || lat > box[3]) return false;
    }
    return true;
  });
  return { ...collection, features };
}

function findFeature(collection: GeoJsonCollection, what: string, id: string): Feature {
  const feature = collection.features.find((f) => f.id === id || f.properties?.id === id);
  if (!feature) throw new HttpError(404, 'NOT_FOUND', `No ${what} with id ${JSON.stringify(id)}`);
  return feature;
}

type Cached = (request: FastifyRequest, reply: FastifyReply) => boolean;

interface PointCollection {
  path: string;
  /** What one feature is called in messages: 'campus', 'site'. */
  what: string;
  kinds: readonly string[];
  kindField?: KindField;
  collection: GeoJsonCollection;
  summary: string;
}

/** GET <path>?kind=&state=&bbox= and GET <path>/:id for one bundled point collection. */
function registerPointCollection(app: FastifyInstance, cached: Cached, c: PointCollection): void {
  const Query = filterQuery(c.kinds);
  app.get<{ Querystring: Filter }>(
    c.path,
    {
      config: { public: true },
      schema: {
        tags: ['data'],
        summary: c.summary,
        querystring: Query,
        response: { 200: FeatureCollection, ...dataErrors },
      },
    },
    async (request, reply) =>
      cached(request, reply) ? reply : filterCollection(c.collection, request.query, c.kindField),
  );
  app.get<{ Params: Static<typeof IdParams> }>(
    `${c.path}/:id`,
    {
      config: { public: true },
      schema: {
        tags: ['data'],
        summary: `One ${c.what}`,
        params: IdParams,
        response: { 200: PointFeature, ...dataErrors },
      },
    },
    async (request, reply) =>
      cached(request, reply) ? reply : findFeature(c.collection, c.what, request.params.id),
  );
}

export default async function dataRoutes(app: FastifyInstance): Promise<void> {
  const etag = `"geo-${app.geoData.version}"`;
  // Answers 304 when the client already has this data version.
  const cached: Cached = (request, reply) => {
    reply.header('etag', etag).header('cache-control', 'public, max-age=300');
    if (request.headers['if-none-match'] === etag) {
      reply.status(304).send();
      return true;
    }
    return false;
  };
  const { raw, designs } = app.geoData;

  registerPointCollection(app, cached, {
    path: '/api/campuses',
    what: 'campus',
    kinds: CAMPUS_KINDS,
    collection: raw.campuses,
    summary: 'AI and fab campuses (GeoJSON); properties carry id, sources and confidence',
  });
  registerPointCollection(app, cached, {
    path: '/api/sites',
    what: 'site',
    kinds: SITE_KINDS,
    collection: raw.sites,
    summary:
      'Candidate reactor sites (GeoJSON): SMR projects, federal sites, curated nuclear and coal ' +
      'sites, every coal, gas and nuclear plant of 100 MW+ (NACEI, as of 2017) and shut-down ' +
      'reactor sites (GeoNuclearData, ODbL); each with its nearest ≥ 230 and ≥ 345 kV ' +
      'interconnection point',
  });
  registerPointCollection(app, cached, {
    path: '/api/plants',
    what: 'plant',
    kinds: PLANT_FUELS,
    kindField: 'primaryFuel',
    collection: raw.plants,
    summary:
      'Every power plant of 100 MW or more in the US, Canada and Mexico (NACEI, reference ' +
      'period 2017), MW by fuel; `kind` filters by primary fuel',
  });
  registerPointCollection(app, cached, {
    path: '/api/interconnections',
    what: 'interconnection point',
    kinds: [],
    collection: raw.interconnections,
    summary:
      'Known high-voltage interconnection points: EIA-860 2019 plants interconnected at ≥ 230 kV ' +
      '(plants at that voltage, a proxy for substations, which public data does not map)',
  });

  app.get(
    '/api/supply-deals',
    {
      config: { public: true },
      schema: {
        tags: ['data'],
        summary: 'Nuclear supply deals (PPAs, restarts, offtakes): supply, not campus load',
        response: { 200: FeatureCollection },
      },
    },
    async (request, reply) => (cached(request, reply) ? reply : raw.supplyDeals),
  );

  app.get(
    '/api/designs',
    {
      config: { public: true },
      schema: {
        tags: ['data'],
        summary: 'Reactor designs; every number is { value, basis: source | assumption, note }',
        response: { 200: Type.Object({ designs: Type.Array(Type.Unknown()) }) },
      },
    },
    async (request, reply) => (cached(request, reply) ? reply : { designs }),
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/designs/:id',
    {
      config: { public: true },
      schema: {
        tags: ['data'],
        summary: 'One reactor design',
        params: IdParams,
        response: { 200: Type.Unknown(), ...dataErrors },
      },
    },
    async (request, reply) => {
      if (cached(request, reply)) return reply;
      const design = designs.find((d) => d.id === request.params.id);
      if (!design)
        throw new HttpError(
          404,
          'NOT_FOUND',
          `No design with id ${JSON.stringify(request.params.id)}`,
        );
      return design;
    },
  );
}
