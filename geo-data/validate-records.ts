// Field checks for one record of each kind, beyond what the schema can say: provenance present,
// coordinates in range, phases well-formed, accelerators known. Each problem carries a
// JSON pointer into the record so validate.ts can drop schema errors that say the same thing.
export interface Problem {
  path: string;
  message: string;
}

type Rec = Record<string, unknown>;

const CONFIDENCES = ['high', 'medium', 'low'];
const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

// Campuses, sites and deals all lie in North America; outside this box is almost surely a
// swapped or mistyped coordinate (lat 14..72 spans Mexico to Alaska's North Slope).
const NORTH_AMERICA = { latMin: 14, latMax: 72, lonMin: -170, lonMax: -50 };

export const isObject = (v: unknown): v is Rec =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value as it appears in a message: numbers bare (NaN too), everything else as JSON. */
export const show = (v: unknown): string =>
  typeof v === 'number' || v === undefined ? String(v) : JSON.stringify(v);
const isPositive = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0;

export function checkConfidence(
  value: unknown,
  path: string,
  field: string,
  required = true,
): Problem[] {
  if (value === undefined) return required ? [{ path, message: `${field} is missing` }] : [];
  return CONFIDENCES.includes(value as string)
    ? []
    : [{ path, message: `${field} ${show(value)} is not one of high|medium|low` }];
}

/** `sources` (campus, deal: [{ publication }], design: [string]) must list at least one source. */
export function checkSources(sources: unknown, publicationOf: (s: unknown) => unknown): Problem[] {
  if (!Array.isArray(sources) || sources.length === 0) {
    return [{ path: '/sources', message: `sources ${show(sources)} is missing or empty` }];
  }
  return sources.flatMap((source, i) => {
    const publication = publicationOf(source);
    return typeof publication === 'string' && publication.trim() !== ''
      ? []
      : [{ path: `/sources/${i}`, message: `sources[${i}] ${show(source)} names no publication` }];
  });
}

function checkSource(source: unknown): Problem[] {
  return typeof source === 'string' && source.trim() !== ''
    ? []
    : [{ path: '/source', message: `source ${show(source)} is missing or empty` }];
}

/** Ids of gpu-power.json accelerators and racks: the ids a phase's `accelerator` may name. */
export function knownAccelerators(
  gpuPower: unknown,
  report: (message: string) => void,
): Set<string> {
  const ids = new Set<string>();
  for (const list of ['accelerators', 'racks']) {
    const entries = isObject(gpuPower) ? gpuPower[list] : undefined;
    if (!Array.isArray(entries)) {
      report(`file: ${list} ${show(entries)} is not an array`);
      continue;
    }
    entries.forEach((entry, i) => {
      const id = isObject(entry) ? entry.id : undefined;
      if (typeof id !== 'string' || id === '') report(`${list}[${i}]: id ${show(id)} is missing`);
      else if (ids.has(id)) report(`${list}[${i}]: id ${show(id)} is duplicated`);
      else ids.add(id);
    });
  }
  return ids;
}

function checkPhase(phase: unknown, i: number, accelerators: Set<string>): Problem[] {
  const base = `/phases/${i}`;
  const name = `phases[${i}]`;
  if (!isObject(phase)) return [{ path: base, message: `${name} ${show(phase)} is not an object` }];
  const problems: Problem[] = [];
  if (typeof phase.start !== 'string' || !MONTH.test(phase.start)) {
    problems.push({
      path: `${base}/start`,
      message: `${name}.start ${show(phase.start)} is not 'YYYY-MM' with month 01..12`,
    });
  }
  const byAccelerator = phase.accelerator !== undefined || phase.count !== undefined;
  const set = [phase.itMw !== undefined, phase.facilityMw !== undefined, byAccelerator].filter(
    Boolean,
  ).length;
  if (set !== 1) {
    // A pseudo-path: this problem is about the phase as a whole, not one field.
    problems.push({
      path: `${base}/(load)`,
      message: `${name} sets ${set} of itMw, facilityMw, accelerator + count; exactly one is required`,
    });
  }
  for (const field of ['itMw', 'facilityMw'] as const) {
    if (phase[field] !== undefined && !isPositive(phase[field])) {
      problems.push({
        path: `${base}/${field}`,
        message: `${name}.${field} ${show(phase[field])} is not a positive number of MW`,
      });
    }
  }
  if (byAccelerator) {
    if (typeof phase.accelerator !== 'string' || !accelerators.has(phase.accelerator)) {
      problems.push({
        path: `${base}/accelerator`,
        message: `${name}.accelerator ${show(phase.accelerator)} is not an id in gpu-power.json accelerators or racks`,
      });
    }
    if (!Number.isInteger(phase.count) || (phase.count as number) < 1) {
      problems.push({
        path: `${base}/count`,
        message: `${name}.count ${show(phase.count)} is not a positive whole number of GPUs`,
      });
    }
  }
  if (
    phase.rampMonths !== undefined &&
    !(typeof phase.rampMonths === 'number' && phase.rampMonths >= 0)
  ) {
    problems.push({
      path: `${base}/rampMonths`,
      message: `${name}.rampMonths ${show(phase.rampMonths)} is not a number of months ≥ 0`,
    });
  }
  problems.push(
    ...checkConfidence(phase.confidence, `${base}/confidence`, `${name}.confidence`, false),
  );
  return problems;
}

function checkPublishedTotal(total: unknown, i: number): Problem[] {
  const base = `/publishedTotals/${i}`;
  const name = `publishedTotals[${i}]`;
  if (!isObject(total)) return [{ path: base, message: `${name} ${show(total)} is not an object` }];
  const problems = checkConfidence(total.confidence, `${base}/confidence`, `${name}.confidence`);
  if (total.facilityMw === undefined && total.itMw === undefined) {
    problems.push({ path: `${base}/(load)`, message: `${name} has neither facilityMw nor itMw` });
  }
  return problems;
}

/** A stated GPU count: a known accelerator, a whole count, its note and basis as provenance. */
function checkPublishedAccelerators(entry: unknown, i: number, accelerators: Set<string>) {
  const base = `/publishedAccelerators/${i}`;
  const name = `publishedAccelerators[${i}]`;
  if (!isObject(entry)) return [{ path: base, message: `${name} ${show(entry)} is not an object` }];
  const problems = checkConfidence(entry.confidence, `${base}/confidence`, `${name}.confidence`);
  if (typeof entry.accelerator !== 'string' || !accelerators.has(entry.accelerator)) {
    problems.push({
      path: `${base}/accelerator`,
      message: `${name}.accelerator ${show(entry.accelerator)} is not an id in gpu-power.json accelerators or racks`,
    });
  }
  if (!Number.isInteger(entry.count) || (entry.count as number) < 1) {
    problems.push({
      path: `${base}/count`,
      message: `${name}.count ${show(entry.count)} is not a positive whole number of GPUs`,
    });
  }
  for (const field of ['note', 'basis'] as const) {
    if (typeof entry[field] !== 'string' || entry[field].trim() === '') {
      problems.push({
        path: `${base}/${field}`,
        message: `${name}.${field} ${show(entry[field])} is missing or empty: a count needs its provenance`,
      });
    }
  }
  return problems;
}

export function checkCampus(campus: Rec, accelerators: Set<string>): Problem[] {
  const phases = Array.isArray(campus.phases) ? campus.phases : [];
  const totals = Array.isArray(campus.publishedTotals) ? campus.publishedTotals : [];
  const counts = Array.isArray(campus.publishedAccelerators) ? campus.publishedAccelerators : [];
  return [
    ...checkSources(campus.sources, (s) => (isObject(s) ? s.publication : undefined)),
    ...checkConfidence(campus.confidence, '/confidence', 'confidence'),
    ...checkConfidence(campus.coordConfidence, '/coordConfidence', 'coordConfidence', false),
    ...phases.flatMap((phase, i) => checkPhase(phase, i, accelerators)),
    ...totals.flatMap(checkPublishedTotal),
    ...counts.flatMap((entry, i) => checkPublishedAccelerators(entry, i, accelerators)),
  ];
}

export function checkSupplyDeal(deal: Rec): Problem[] {
  const supply = Array.isArray(deal.supply) ? deal.supply : [];
  return [
    ...checkSources(deal.sources, (s) => (isObject(s) ? s.publication : undefined)),
    ...checkConfidence(deal.confidence, '/confidence', 'confidence'),
    ...supply.flatMap((entry, i) =>
      isObject(entry)
        ? checkConfidence(
            entry.confidence,
            `/supply/${i}/confidence`,
            `supply[${i}].confidence`,
            false,
          )
        : [],
    ),
  ];
}

export function checkSite(site: Rec): Problem[] {
  return [
    ...checkSource(site.source),
    ...checkConfidence(site.confidence, '/confidence', 'confidence'),
    ...checkConfidence(site.coordConfidence, '/coordConfidence', 'coordConfidence', false),
  ];
}

/** Every vertex in range; only the first bad vertex is reported, so one bad ring is one line. */
function checkZoneGeometry(geometry: unknown): Problem[] {
  const positions: unknown[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node) && node.length > 0 && !Array.isArray(node[0])) positions.push(node);
    else if (Array.isArray(node)) node.forEach(collect);
  };
  collect(isObject(geometry) ? geometry.coordinates : undefined);
  const bad = positions.find((p) => {
    const [lon, lat] = p as number[];
    return !(
      Number.isFinite(lon) &&
      Number.isFinite(lat) &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180
    );
  });
  return bad === undefined
    ? []
    : [
        {
          path: '/geometry/coordinates/(vertex)',
          message: `geometry vertex ${show(bad)} is not a [lon, lat] inside -180..180, -90..90`,
        },
      ];
}

export function checkSeismicZone(feature: Rec): Problem[] {
  const props = isObject(feature.properties) ? feature.properties : {};
  const problems = [
    ...checkZoneGeometry(feature.geometry),
    ...checkSource(props.source).map((p) => ({ ...p, path: `/properties${p.path}` })),
    ...checkConfidence(props.confidence, '/properties/confidence', 'confidence'),
  ];
  if (feature.id !== props.id) {
    problems.push({
      path: '/id',
      message: `feature id ${show(feature.id)} differs from properties.id ${show(props.id)}`,
    });
  }
  const pga = props.pga2in50g;
  if (Array.isArray(pga) && pga.length === 2 && (pga[0] as number) > (pga[1] as number)) {
    problems.push({
      path: '/properties/pga2in50g',
      message: `pga2in50g ${show(pga)} has its low bound above its high bound`,
    });
  }
  return problems;
}

/** Coordinates of a Point feature, and feature id against properties.id. */
export function checkPointFeature(feature: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const coordinates = isObject(feature.geometry) ? feature.geometry.coordinates : undefined;
  const path = '/geometry/coordinates';
  if (
    !Array.isArray(coordinates) ||
    coordinates.length !== 2 ||
    !coordinates.every(Number.isFinite)
  ) {
    problems.push({
      path,
      message: `geometry.coordinates ${show(coordinates)} is not a finite [lon, lat] pair`,
    });
  } else {
    const [lon, lat] = coordinates as number[];
    const { latMin, latMax, lonMin, lonMax } = NORTH_AMERICA;
    if (lat < -90 || lat > 90)
      problems.push({ path: `${path}/1`, message: `lat ${lat} is outside -90..90` });
    else if (lat < latMin || lat > latMax)
      problems.push({
        path: `${path}/1`,
        message: `lat ${lat} is outside the North-America box ${latMin}..${latMax}`,
      });
    if (lon < -180 || lon > 180)
      problems.push({ path: `${path}/0`, message: `lon ${lon} is outside -180..180` });
    else if (lon < lonMin || lon > lonMax)
      problems.push({
        path: `${path}/0`,
        message: `lon ${lon} is outside the North-America box ${lonMin}..${lonMax}`,
      });
  }
  const propertiesId = isObject(feature.properties) ? feature.properties.id : undefined;
  if (feature.id !== propertiesId) {
    problems.push({
      path: '/id',
      message: `feature id ${show(feature.id)} differs from properties.id ${show(propertiesId)}`,
    });
  }
  return problems;
}
