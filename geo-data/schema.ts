// TypeBox schemas of every bundled record kind (DESIGN.md "Data records"). Each mirrors a type
// in models/records.ts; the assertions at the end fail the type-check if the two drift apart.
import { Type, type Static, type TSchema } from 'typebox';
import { PLANT_FUELS, SITE_KINDS } from '../models/records.ts';
import type {
  Campus,
  CampusPhase,
  CandidateSite,
  Design,
  InterconnectionPoint,
  InterconnectionRef,
  MwByFuel,
  PowerPlant,
  PublishedAccelerators,
  PublishedTotal,
  SeismicZoneProps,
  SourceRef,
  Sourced,
  SupplyDeal,
} from '../models/records.ts';

/** 'YYYY-MM' with month 01..12: a phase starts in the first hour of that month. */
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

const closed = { additionalProperties: false } as const;
const text = () => Type.String({ minLength: 1 });
const positiveMw = () => Type.Number({ exclusiveMinimum: 0 });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ConfidenceSchema = Type.Enum(['high', 'medium', 'low']);

export const SourceRefSchema = Type.Object(
  { publication: text(), date: Type.Optional(Type.String()) },
  closed,
);

export const CampusPhaseSchema = Type.Object(
  {
    start: Type.String({ pattern: MONTH_PATTERN }),
    rampMonths: Type.Optional(Type.Number({ minimum: 0 })),
    itMw: Type.Optional(positiveMw()),
    facilityMw: Type.Optional(positiveMw()),
    accelerator: Type.Optional(text()),
    count: Type.Optional(Type.Integer({ minimum: 1 })),
    note: Type.Optional(Type.String()),
    confidence: Type.Optional(ConfidenceSchema),
  },
  closed,
);

export const PublishedTotalSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    facilityMw: Type.Optional(positiveMw()),
    itMw: Type.Optional(positiveMw()),
    note: Type.Optional(Type.String()),
    confidence: ConfidenceSchema,
  },
  closed,
);

export const PublishedAcceleratorsSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    accelerator: text(),
    count: Type.Integer({ minimum: 1 }),
    note: text(),
    basis: text(),
    confidence: ConfidenceSchema,
  },
  closed,
);

const campusFields = {
  id: text(),
  name: text(),
  kind: Type.Enum(['ai-training', 'ai-inference', 'ai-mixed', 'fab']),
  // Standard time only; UTC−12 to UTC+14 are the offsets in use.
  utcOffsetHours: Type.Number({ minimum: -12, maximum: 14 }),
  // A fab has no PUE (1); 3 is far above any campus in gpu-power.json pue.designRanges.
  pue: Type.Number({ minimum: 1, maximum: 3 }),
  trainingShare: Type.Number({ minimum: 0, maximum: 1 }),
  phases: Type.Array(CampusPhaseSchema),
  publishedTotals: Type.Array(PublishedTotalSchema),
  publishedAccelerators: Type.Optional(Type.Array(PublishedAcceleratorsSchema)),
  operator: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  iso: Type.Optional(Type.String()),
  plannedPeakFacilityMw: Type.Optional(nullable(positiveMw())),
  plannedPeakBasis: Type.Optional(Type.String()),
  coordConfidence: Type.Optional(ConfidenceSchema),
  coordPrecision: Type.Optional(Type.String()),
  assumptions: Type.Array(text()),
  sources: Type.Array(SourceRefSchema, { minItems: 1 }),
  confidence: ConfidenceSchema,
};

const latLon = {
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
};

/** A campus as GeoJSON properties: the Campus record without lat/lon (geometry holds them). */
export const CampusPropertiesSchema = Type.Object(campusFields, closed);
export const CampusSchema = Type.Object({ ...campusFields, ...latLon }, closed);

const supplyDealFields = {
  id: text(),
  name: text(),
  kind: text(),
  supply: Type.Array(
    Type.Object(
      {
        year: Type.Integer({ minimum: 1990, maximum: 2100 }),
        supplyMw: positiveMw(),
        note: Type.Optional(Type.String()),
        confidence: Type.Optional(ConfidenceSchema),
      },
      closed,
    ),
  ),
  operator: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  iso: Type.Optional(Type.String()),
  coordConfidence: Type.Optional(ConfidenceSchema),
  coordPrecision: Type.Optional(Type.String()),
  sources: Type.Array(SourceRefSchema, { minItems: 1 }),
  confidence: ConfidenceSchema,
};

export const SupplyDealPropertiesSchema = Type.Object(supplyDealFields, closed);
export const SupplyDealSchema = Type.Object({ ...supplyDealFields, ...latLon }, closed);

export const SourcedSchema = Type.Object(
  { value: Type.Number(), basis: Type.Enum(['source', 'assumption']), note: Type.String() },
  closed,
);

export const DesignSchema = Type.Object(
  {
    id: text(),
    name: text(),
    vendor: text(),
    type: text(),
    typeDetail: Type.Optional(Type.String()),
    scale: Type.Enum(['micro', 'smr', 'large-lwr']),
    fuelClass: text(),
    onlineRefuelling: Type.Boolean(),
    dryCoolingCapable: Type.Boolean(),
    netMwe: SourcedSchema,
    grossMwe: Type.Optional(SourcedSchema),
    thermalMwt: Type.Optional(SourcedSchema),
    peakMwe: Type.Optional(SourcedSchema),
    peakDurationHours: Type.Optional(SourcedSchema),
    storageMwh: Type.Optional(SourcedSchema),
    refuelIntervalMonths: SourcedSchema,
    refuelOutageDays: SourcedSchema,
    maintenanceDaysPerYear: SourcedSchema,
    forcedOutageRate: SourcedSchema,
    mttrHours: SourcedSchema,
    capacityFactor: SourcedSchema,
    earliestCodYear: SourcedSchema,
    eabMi: SourcedSchema,
    lpzMi: SourcedSchema,
    epzMi: SourcedSchema,
    capitalCostUsdPerKw: SourcedSchema,
    capitalCostKind: Type.Union([
      Type.Literal('project-budget'),
      Type.Literal('vendor-target'),
      Type.Literal('default'),
    ]),
    fixedOmUsdPerKwYr: SourcedSchema,
    fuelUsdPerMwh: SourcedSchema,
    variableOmUsdPerMwh: SourcedSchema,
    cooling: Type.String(),
    epzClaim: Type.String(),
    typicalPlant: Type.Optional(Type.String()),
    foakProject: Type.Optional(Type.String()),
    licensing: Type.Optional(Type.Record(Type.String(), nullable(Type.String()))),
    sources: Type.Array(text(), { minItems: 1 }),
    confidence: ConfidenceSchema,
  },
  closed,
);

export const DesignsFileSchema = Type.Object({ designs: Type.Array(DesignSchema) }, closed);

const CountrySchema = Type.Enum(['US', 'CA', 'MX']);
const kvOrNull = () => nullable(Type.Number({ exclusiveMinimum: 0 }));

export const PlantFuelSchema = Type.Enum(PLANT_FUELS);
/** MW by fuel: each key a fuel of the plant table, each value above 0. */
export const MwByFuelSchema = Type.Partial(
  Type.Object(
    Object.fromEntries(PLANT_FUELS.map((f) => [f, positiveMw()])) as Record<
      (typeof PLANT_FUELS)[number],
      ReturnType<typeof positiveMw>
    >,
    closed,
  ),
);

export const InterconnectionRefSchema = Type.Object(
  {
    plantId: text(),
    name: text(),
    kv: Type.Number({ minimum: 230 }),
    km: Type.Number({ minimum: 0 }),
  },
  closed,
);

const siteFields = {
  id: text(),
  name: text(),
  kind: Type.Enum(SITE_KINDS),
  state: Type.Optional(Type.String()),
  existingMw: Type.Number({ minimum: 0 }),
  existingMwBasis: Type.Optional(nullable(Type.String())),
  plannedMw: Type.Optional(nullable(Type.Number({ minimum: 0 }))),
  plannedMaxMw: Type.Optional(nullable(Type.Number({ minimum: 0 }))),
  plannedPeakMw: Type.Optional(nullable(Type.Number({ minimum: 0 }))),
  plannedNote: Type.Optional(Type.String()),
  retirementYear: Type.Optional(nullable(Type.Union([Type.Number(), Type.String()]))),
  coolingWater: nullable(Type.String()),
  gridRegion: text(),
  notes: Type.Optional(Type.String()),
  coordSource: Type.Optional(Type.String()),
  coordConfidence: Type.Optional(ConfidenceSchema),
  country: CountrySchema,
  owner: Type.Optional(Type.String()),
  mwByFuel: Type.Optional(MwByFuelSchema),
  gridVoltageKv: kvOrNull(),
  nearestInterconnection: nullable(InterconnectionRefSchema),
  nearestInterconnection345: nullable(InterconnectionRefSchema),
  plantId: Type.Optional(text()),
  eiaPlantCode: Type.Optional(Type.Integer({ minimum: 1 })),
  asOf: text(),
  source: text(),
  confidence: ConfidenceSchema,
};

const plantFields = {
  id: text(),
  name: text(),
  country: CountrySchema,
  state: text(),
  owner: Type.String(),
  totalMw: Type.Number({ minimum: 100 }),
  primaryFuel: PlantFuelSchema,
  mwByFuel: MwByFuelSchema,
  gridVoltageKv: kvOrNull(),
  waterSource: nullable(text()),
  balancingAuthority: nullable(text()),
  nercRegion: nullable(text()),
  eiaPlantCode: nullable(Type.Integer({ minimum: 1 })),
  asOf: text(),
  source: text(),
};
export const PlantPropertiesSchema = Type.Object(plantFields, closed);
export const PowerPlantSchema = Type.Object({ ...plantFields, ...latLon }, closed);

const interconnectionFields = {
  id: text(),
  name: text(),
  kv: Type.Number({ minimum: 230 }),
  state: text(),
  balancingAuthority: nullable(text()),
  transmissionOwner: nullable(text()),
  asOf: text(),
  source: text(),
};
export const InterconnectionPropertiesSchema = Type.Object(interconnectionFields, closed);
export const InterconnectionPointSchema = Type.Object(
  { ...interconnectionFields, ...latLon },
  closed,
);

export const SitePropertiesSchema = Type.Object(siteFields, closed);
export const CandidateSiteSchema = Type.Object({ ...siteFields, ...latLon }, closed);

export const SeismicZonePropsSchema = Type.Object(
  {
    id: text(),
    name: text(),
    hazard: Type.Enum(['very-high', 'high', 'moderate']),
    pga2in50g: Type.Tuple([Type.Number({ minimum: 0 }), Type.Number({ minimum: 0 })]),
    basis: Type.String(),
    source: text(),
    confidence: ConfidenceSchema,
  },
  closed,
);

const position = () => Type.Tuple([Type.Number(), Type.Number()]);
const polygonRings = () => Type.Array(Type.Array(position(), { minItems: 4 }), { minItems: 1 });

/** A GeoJSON Point feature whose `id` repeats `properties.id`. */
export function PointFeatureSchema<T extends TSchema>(properties: T) {
  return Type.Object(
    {
      type: Type.Literal('Feature'),
      id: text(),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: position() }, closed),
      properties,
    },
    closed,
  );
}

export function FeatureCollectionSchema<T extends TSchema>(feature: T) {
  return Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(feature) });
}

export const CampusFeatureSchema = PointFeatureSchema(CampusPropertiesSchema);
export const SupplyDealFeatureSchema = PointFeatureSchema(SupplyDealPropertiesSchema);
export const SiteFeatureSchema = PointFeatureSchema(SitePropertiesSchema);
export const PlantFeatureSchema = PointFeatureSchema(PlantPropertiesSchema);
export const InterconnectionFeatureSchema = PointFeatureSchema(InterconnectionPropertiesSchema);
export const SeismicZoneFeatureSchema = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: text(),
    geometry: Type.Union([
      Type.Object({ type: Type.Literal('Polygon'), coordinates: polygonRings() }, closed),
      Type.Object(
        { type: Type.Literal('MultiPolygon'), coordinates: Type.Array(polygonRings()) },
        closed,
      ),
    ]),
    properties: SeismicZonePropsSchema,
  },
  closed,
);

export const CampusCollectionSchema = FeatureCollectionSchema(CampusFeatureSchema);
export const SupplyDealCollectionSchema = FeatureCollectionSchema(SupplyDealFeatureSchema);
export const SiteCollectionSchema = FeatureCollectionSchema(SiteFeatureSchema);
export const PlantCollectionSchema = FeatureCollectionSchema(PlantFeatureSchema);
export const InterconnectionCollectionSchema = FeatureCollectionSchema(
  InterconnectionFeatureSchema,
);
export const SeismicZoneCollectionSchema = FeatureCollectionSchema(SeismicZoneFeatureSchema);

// Compile-time proof that each schema describes exactly its record type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameSourceRef: Same<Static<typeof SourceRefSchema>, SourceRef> = true;
const _samePhase: Same<Static<typeof CampusPhaseSchema>, CampusPhase> = true;
const _sameTotal: Same<Static<typeof PublishedTotalSchema>, PublishedTotal> = true;
const _sameAccelerators: Same<
  Static<typeof PublishedAcceleratorsSchema>,
  PublishedAccelerators
> = true;
const _sameCampus: Same<Static<typeof CampusSchema>, Campus> = true;
const _sameDeal: Same<Static<typeof SupplyDealSchema>, SupplyDeal> = true;
const _sameSourced: Same<Static<typeof SourcedSchema>, Sourced> = true;
const _sameDesign: Same<Static<typeof DesignSchema>, Design> = true;
const _sameSite: Same<Static<typeof CandidateSiteSchema>, CandidateSite> = true;
const _sameMwByFuel: Same<Static<typeof MwByFuelSchema>, MwByFuel> = true;
const _sameRef: Same<Static<typeof InterconnectionRefSchema>, InterconnectionRef> = true;
const _samePlant: Same<Static<typeof PowerPlantSchema>, PowerPlant> = true;
const _samePoint: Same<Static<typeof InterconnectionPointSchema>, InterconnectionPoint> = true;
const _sameZone: Same<Static<typeof SeismicZonePropsSchema>, SeismicZoneProps> = true;
