// Validates the bundled datasets and reports EVERY problem, each naming the file, the record,
// the field and the value (electricitymaps-style: list every bad record, then fail).
import { Compile } from 'typebox/compile';
import type { GeoDataFiles } from './load.ts';
import {
  CampusFeatureSchema,
  DesignSchema,
  SeismicZoneFeatureSchema,
  SiteFeatureSchema,
  PlantFeatureSchema,
  InterconnectionFeatureSchema,
  SupplyDealFeatureSchema,
} from './schema.ts';
import { checkDesign } from './validate-designs.ts';
import {
  checkCampus,
  checkPointFeature,
  checkSeismicZone,
  checkSite,
  checkSupplyDeal,
  isObject,
  knownAccelerators,
  show,
  type Problem,
} from './validate-records.ts';
import { schemaProblems, type Compiled } from './validate-schema.ts';

/** The data files, in the order their bytes enter the version hash (load.ts). */
export const GEO_DATA_FILE_NAMES = {
  campuses: 'campuses.geojson',
  supplyDeals: 'supply-deals.geojson',
  sites: 'sites.geojson',
  designs: 'designs.json',
  seismicZones: 'seismic-zones.geojson',
  gpuPower: 'gpu-power.json',
  plants: 'plants.geojson',
  interconnections: 'interconnections.geojson',
} as const;

export type GeoDataKey = keyof typeof GEO_DATA_FILE_NAMES;

const FILE = GEO_DATA_FILE_NAMES;

interface Dataset {
  key: GeoDataKey;
  noun: string;
  records: unknown[];
  schema: Compiled;
  /** Field checks on one record; paths are JSON pointers into the record. */
  check: (record: Record<string, unknown>) => Problem[];
}

/** Field checks on a feature's properties, re-rooted under /properties. */
const onProperties =
  (check: (props: Record<string, unknown>) => Problem[]) =>
  (feature: Record<string, unknown>): Problem[] => [
    ...checkPointFeature(feature),
    ...(isObject(feature.properties) ? check(feature.properties) : []).map((p) => ({
      ...p,
      path: `/properties${p.path}`,
    })),
  ];

const recordId = (record: unknown): unknown =>
  isObject(record) ? (isObject(record.properties) ? record.properties.id : record.id) : undefined;

function validateDataset(dataset: Dataset): string[] {
  const file = FILE[dataset.key];
  const messages: string[] = [];
  const seen = new Map<string, number[]>();
  dataset.records.forEach((record, index) => {
    const id = recordId(record);
    const label =
      typeof id === 'string' && id !== ''
        ? `${dataset.noun} ${show(id)}`
        : `${dataset.noun} #${index}`;
    if (typeof id === 'string') seen.set(id, [...(seen.get(id) ?? []), index]);
    if (!isObject(record)) {
      messages.push(`${file}: ${label}: record ${show(record)} is not an object`);
      return;
    }
    const explicit = dataset.check(record);
    // A schema error under a path a field check already reported would say the same twice.
    const covered = (path: string) =>
      explicit.some((p) => path === p.path || path.startsWith(`${p.path}/`));
    const fromSchema = schemaProblems(dataset.schema, record).filter((p) => !covered(p.path));
    for (const problem of [...explicit, ...fromSchema])
      messages.push(`${file}: ${label}: ${problem.message}`);
  });
  for (const [id, indexes] of seen) {
    if (indexes.length > 1) {
      messages.push(
        `${file}: ${dataset.noun} ${show(id)}: id ${show(id)} is duplicated (records #${indexes.join(', #')})`,
      );
    }
  }
  return messages;
}

/** The records of a FeatureCollection, or a problem when the wrapper itself is wrong. */
function features(key: GeoDataKey, collection: unknown, messages: string[]): unknown[] {
  if (
    isObject(collection) &&
    collection.type === 'FeatureCollection' &&
    Array.isArray(collection.features)
  ) {
    return collection.features;
  }
  messages.push(`${FILE[key]}: file: not a GeoJSON FeatureCollection with a features array`);
  return [];
}

const compiled = {
  campus: Compile(CampusFeatureSchema),
  supplyDeal: Compile(SupplyDealFeatureSchema),
  site: Compile(SiteFeatureSchema),
  plant: Compile(PlantFeatureSchema),
  interconnection: Compile(InterconnectionFeatureSchema),
  design: Compile(DesignSchema),
  zone: Compile(SeismicZoneFeatureSchema),
};

export function validateGeoData(data: GeoDataFiles): string[] {
  const messages: string[] = [];
  const accelerators = knownAccelerators(data.gpuPower, (m) =>
    messages.push(`${FILE.gpuPower}: ${m}`),
  );
  const designs =
    isObject(data.designs) && Array.isArray(data.designs.designs) ? data.designs.designs : null;
  if (!designs) messages.push(`${FILE.designs}: file: not an object with a designs array`);
  const campuses = features('campuses', data.campuses, messages);
  const supplyDeals = features('supplyDeals', data.supplyDeals, messages);
  const datasets: Dataset[] = [
    {
      key: 'campuses',
      noun: 'campus',
      records: campuses,
      schema: compiled.campus,
      check: onProperties((c) => checkCampus(c, accelerators)),
    },
    {
      key: 'supplyDeals',
      noun: 'supply deal',
      records: supplyDeals,
      schema: compiled.supplyDeal,
      check: onProperties(checkSupplyDeal),
    },
    {
      key: 'sites',
      noun: 'site',
      records: features('sites', data.sites, messages),
      schema: compiled.site,
      check: onProperties(checkSite),
    },
    {
      key: 'plants',
      noun: 'plant',
      records: features('plants', data.plants, messages),
      schema: compiled.plant,
      check: checkPointFeature,
    },
    {
      key: 'interconnections',
      noun: 'interconnection point',
      records: features('interconnections', data.interconnections, messages),
      schema: compiled.interconnection,
      check: checkPointFeature,
    },
    {
      key: 'designs',
      noun: 'design',
      records: designs ?? [],
      schema: compiled.design,
      check: checkDesign,
    },
    {
      key: 'seismicZones',
      noun: 'zone',
      records: features('seismicZones', data.seismicZones, messages),
      schema: compiled.zone,
      check: checkSeismicZone,
    },
  ];
  for (const dataset of datasets) messages.push(...validateDataset(dataset));

  // DESIGN.md: supply deals are not campuses, so no id may be both.
  const dealIds = new Set(supplyDeals.map(recordId));
  for (const id of campuses.map(recordId)) {
    if (dealIds.has(id))
      messages.push(
        `${FILE.campuses}: campus ${show(id)}: id ${show(id)} is also a supply deal in ${FILE.supplyDeals}`,
      );
  }
  return messages;
}
