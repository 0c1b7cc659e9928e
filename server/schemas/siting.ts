// TypeBox schemas of the siting routes (DESIGN.md "API": /api/sites/check, /api/screen). Field
// limits here answer 400 naming the field; rules that need the data (design ids, the grid's
// cell count) are checked by the route and the model.
import { Type, type Static, type TSchema } from 'typebox';
import { RADIUS_KM_RANGE } from '../../models/siting.ts';
import { CRITERIA, DEFAULT_WEIGHTS } from '../../models/siting/weights.ts';

const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

export const CampusRef = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    lat: Type.Optional(Lat),
    lon: Type.Optional(Lon),
  },
  {
    additionalProperties: true,
    description:
      'A bundled campus `{ id }` or a point `{ lat, lon }` (other campus fields are ignored).',
  },
);

export const SiteCheckRequest = Type.Object(
  {
    lat: Lat,
    lon: Lon,
    designId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Default: bwrx-300.' }),
    ),
    campus: Type.Optional(CampusRef),
  },
  { additionalProperties: false },
);
export type SiteCheckBody = Static<typeof SiteCheckRequest>;

export const SitingCheck = Type.Object({
  id: Type.String(),
  severity: Type.Union([Type.Literal('hard'), Type.Literal('advisory'), Type.Literal('info')]),
  pass: Nullable(Type.Boolean()),
  value: Type.Union([Type.Number(), Type.String(), Type.Null()]),
  limit: Nullable(Type.Number()),
  unit: Type.String(),
  note: Type.String(),
});

const InterconnectionRefSchema = Type.Object(
  {
    plantId: Type.String({ description: 'eia-<EIA plant code>: an id in /api/interconnections' }),
    name: Type.String(),
    kv: Type.Number(),
    km: Type.Number(),
  },
  { description: 'An EIA-860 2019 plant at that voltage: a proxy for a substation.' },
);

const People = Type.Number({
  description:
    'People: 2020 Census block groups (US, at their centres of population) + GeoNames places of 1,000+ (Canada, Mexico)',
});

export const SiteCheckResponse = Type.Object({
  designId: Type.String(),
  pass: Type.Boolean({ description: 'No hard check fails.' }),
  checks: Type.Array(SitingCheck),
  populationWithinMi: Type.Object({
    '1': People,
    '5': People,
    '10': People,
    '20': People,
    '50': People,
  }),
  populationSource: Type.Object(
    {
      vintage: Type.String({ description: 'Every population source and its vintage.' }),
      contributing: Type.Array(Type.String(), {
        description: 'The sources that counted people within 50 mi of this point.',
      }),
    },
    { description: 'Where every population figure here comes from.' },
  ),
  worstSector: Type.Object(
    {
      radiusMi: Type.Number(),
      sector: Type.Integer({ description: '0 = N (centred on north), clockwise to 15 = NNW.' }),
      sectorName: Type.String(),
      population: People,
      densityPerMi2: Type.Number({ description: 'Sector people / (π r² / 16).' }),
    },
    { description: 'The densest 22.5° sector × RG 4.7 radius (1–20 mi).' },
  ),
  nearestPopulationCentre: Nullable(
    Type.Object({
      name: Type.String(),
      country: Type.String(),
      adminCode: Type.String(),
      population: Type.Number(),
      distanceMi: Type.Number(),
      boundaryDistanceMi: Type.Number(),
      lat: Type.Number(),
      lon: Type.Number(),
    }),
  ),
  epzMi: Type.Number(),
  nearestInterconnection: Type.Object(
    { kv230: Nullable(InterconnectionRefSchema), kv345: Nullable(InterconnectionRefSchema) },
    { description: 'The nearest known interconnection points at ≥ 230 and ≥ 345 kV.' },
  ),
  site: Nullable(
    Type.Object(
      {
        id: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        distanceKm: Type.Number(),
        asOf: Type.String({ description: 'Data vintage of the site record.' }),
      },
      { description: 'The candidate site the point stands on (within 3 km), if any.' },
    ),
  ),
  country: Nullable(Type.String()),
  assumptions: Type.Array(Type.String()),
});

const Weight = Type.Number({ minimum: 0, maximum: 1000 });
const criterionObject = <T extends TSchema>(of: () => T) =>
  Object.fromEntries(CRITERIA.map((k) => [k, of()])) as Record<(typeof CRITERIA)[number], T>;

export const ScreenWeights = Type.Object(
  criterionObject(() => Type.Optional(Weight)),
  {
    additionalProperties: false,
    description: `Relative weights, each ≥ 0; defaults ${CRITERIA.map((k) => `${k} ${DEFAULT_WEIGHTS[k]}`).join(', ')}.`,
  },
);

export const ScreenRequest = Type.Object(
  {
    campus: CampusRef,
    designId: Type.String({ minLength: 1, maxLength: 100 }),
    radiusKm: Type.Number({ minimum: RADIUS_KM_RANGE.min, maximum: RADIUS_KM_RANGE.max }),
    weights: Type.Optional(ScreenWeights),
    cellKm: Type.Optional(
      Type.Number({
        minimum: 2,
        maximum: 100,
        description: 'Hexagon side, km (default radiusKm / 40); at most 20,000 cells.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ScreenBody = Static<typeof ScreenRequest>;

const Criteria = Type.Object(criterionObject(() => Type.Number()));

export const ScreenedSite = Type.Object({
  siteId: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  score: Type.Number({ minimum: 0, maximum: 100 }),
  excluded: Type.Boolean({ description: 'A hard check fails.' }),
  reasons: Type.Array(Type.String()),
  criteria: Type.Object({
    distanceKm: Type.Number(),
    routeKm: Type.Number(),
    lineKind: Type.String(),
    voltageKv: Nullable(Type.Number()),
    transmissionCapexUsd: Type.Number(),
    lossFraction: Type.Number(),
    worstDensityPerMi2: Type.Number(),
    worstDensityRadiusMi: Type.Number(),
    populationCentre: Nullable(
      Type.Object({
        name: Type.String(),
        population: Type.Number(),
        boundaryDistanceMi: Type.Number(),
        limitMi: Type.Number(),
      }),
    ),
    hazard: Type.String(),
    brownfield: Type.Boolean(),
    brownfieldDistanceKm: Nullable(Type.Number()),
    water: Type.String(),
    waterSource: Nullable(Type.String()),
    interconnection: Nullable(InterconnectionRefSchema),
    interconnection230: Nullable(InterconnectionRefSchema),
    scores: Criteria,
    points: Criteria,
  }),
});

export const ScreenResponse = Type.Object({
  designId: Type.String(),
  campus: Type.Object({ lat: Type.Number(), lon: Type.Number(), id: Type.Optional(Type.String()) }),
  sites: Type.Array(ScreenedSite, { description: 'Best first; excluded sites last.' }),
  grid: Type.Object(
    { type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Unknown()) },
    {
      description:
        'Hex polygons with properties { score, densityPerMi2, hazard, distanceKm, interconnectionKm }.',
    },
  ),
  weights: Criteria,
  cellKm: Type.Number(),
  assumptions: Type.Array(Type.String()),
});
export type ScreenReply = Static<typeof ScreenResponse>;

export const SCREEN_STREAM_DESCRIPTION =
  'Server-sent events: `event: progress` with `data: { done, total }` (candidate sites, then ' +
  'grid cells in chunks of 500), then one `event: result` whose data is the /api/screen answer; ' +
  'a failure after the stream starts is an `event: error` with the error body. Input errors ' +
  'answer 400/404 JSON before the stream starts.';
