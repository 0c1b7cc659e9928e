// TypeBox schemas of the population map routes: the Census density grid and the named places.
import { Type, type Static } from 'typebox';

/** Grid cell sizes the density route offers, degrees; the default keeps the answer < 1 MB. */
export const DENSITY_CELL_DEGREES = [0.1, 0.2, 0.3, 0.5] as const;
export const DEFAULT_DENSITY_CELL_DEG = 0.3;

const BBOX_PATTERN = '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$';

export const DensityQuery = Type.Object(
  {
    cellDeg: Type.Optional(
      Type.Union(
        DENSITY_CELL_DEGREES.map((d) => Type.Literal(d)),
        {
          description: `Grid cell size, degrees (default ${DEFAULT_DENSITY_CELL_DEG})`,
        },
      ),
    ),
    bbox: Type.Optional(
      Type.String({ pattern: BBOX_PATTERN, description: 'minLon,minLat,maxLon,maxLat' }),
    ),
  },
  { additionalProperties: false },
);
export type DensityQuery = Static<typeof DensityQuery>;

const Point = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
});

export const DensityCell = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Point,
  properties: Type.Object({
    /** People whose block-group centre of population falls in the cell. */
    population: Type.Integer({ minimum: 1 }),
    /** population ÷ the cell's area (square miles, on the sphere). */
    densityPerMi2: Type.Number({ minimum: 0 }),
  }),
});

export const DensityCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  cellDeg: Type.Number(),
  /** People counted (all cells, before any bbox). */
  population: Type.Integer(),
  source: Type.String(),
  features: Type.Array(DensityCell),
});
export type DensityCollection = Static<typeof DensityCollection>;

export const PlacesQuery = Type.Object(
  {
    minPopulation: Type.Optional(
      Type.Integer({
        minimum: 1000,
        maximum: 10_000_000,
        description: 'Smallest place to list (default 10,000; the data starts at 1,000)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PlacesQuery = Static<typeof PlacesQuery>;

export const PlaceFeature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Point,
  properties: Type.Object({
    name: Type.String(),
    /** GeoNames admin-1 code: the US state ('TN'), a Canadian or Mexican numeric code. */
    adminCode: Type.String(),
    country: Type.Union([Type.Literal('US'), Type.Literal('CA'), Type.Literal('MX')]),
    population: Type.Integer(),
  }),
});

export const PlaceCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  minPopulation: Type.Integer(),
  source: Type.String(),
  features: Type.Array(PlaceFeature),
});
export type PlaceCollection = Static<typeof PlaceCollection>;
