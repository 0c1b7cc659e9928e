// Cross-checks of a campus's published MW against its published GPU counts: two facts that were
// published apart, so neither is the model's own output. For each year that states both, the
// GPUs become IT MW the way an accelerator phase does (phaseCapacities: per-GPU kW of the
// gpu-power.json reference system × count × the cluster adder), and then facility MW at the
// run's design-day PUE, the same factor that turns a published facility peak into IT MW. The
// difference is reported, never hidden or tuned away: large ones say the count, the MW or the
// reference system's max draw does not hold for that campus.
import { invalidInput } from '../errors.ts';
import { itKwPerGpu } from '../gpu-power.ts';
import type { CampusKind, CampusPhase, Confidence } from '../records.ts';
import { phaseCapacities } from './phases.ts';

export interface CrossCheckAccelerator {
  /** An id from gpu-power.json's accelerators or racks. */
  accelerator: string;
  /** gpu-power.json's name for it, e.g. 'H100 SXM5 80 GB', 'GB200 NVL72'. */
  name: string;
  /** GPUs. */
  count: number;
}

export interface DemandCrossCheck {
  year: number;
  /** GPUs of every accelerator published for the year. */
  gpuCount: number;
  /** The accelerator id, or the ids joined by ' + ' where a year lists several. */
  accelerator: string;
  accelerators: CrossCheckAccelerator[];
  /** Critical IT MW of those GPUs at their reference systems' max draw, with the cluster adder. */
  modelledItMw: number;
  /** The run's design-day (p99) PUE. */
  pueDesignPeak: number;
  modelledFacilityPeakMw: number;
  publishedFacilityMw: number;
  /** Modelled − published. */
  differenceMw: number;
  /** differenceMw / publishedFacilityMw. */
  differenceFraction: number;
  /** The lowest confidence among the counts and the published total. */
  confidence: Confidence;
  /** The arithmetic, and the published notes quoted. */
  note: string;
}

interface PublishedCount {
  /** Where it sits in the input, for errors: 'publishedAccelerators[2]'. */
  field: string;
  year: number;
  accelerator: string;
  count: number;
  note?: string;
  confidence?: Confidence;
}

interface PublishedFacility {
  year: number;
  facilityMw: number;
  confidence?: Confidence;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const CONFIDENCES: readonly Confidence[] = ['low', 'medium', 'high'];
const confidenceOf = (value: unknown): Confidence | undefined =>
  CONFIDENCES.includes(value as Confidence) ? (value as Confidence) : undefined;
const lowest = (values: (Confidence | undefined)[]): Confidence =>
  CONFIDENCES.find((c) => values.includes(c)) ?? 'low';
const round = (x: number, digits = 1): string => String(Number(x.toFixed(digits)));
/** 100000 → '100,000' (no locale: the model's words must not depend on the host). */
const whole = (x: number): string => String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A campus's `publishedAccelerators`, checked: a bad entry is a 400 naming the field. */
function publishedCounts(campus: Json): PublishedCount[] {
  const raw = campus.publishedAccelerators;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalidInput('publishedAccelerators', raw, 'must be an array');
  return raw.map((entry: unknown, i) => {
    const at = `publishedAccelerators[${i}]`;
    if (!isObject(entry)) throw invalidInput(at, entry, 'must be an object');
    if (!Number.isSafeInteger(entry.year)) {
      throw invalidInput(`${at}.year`, entry.year, 'must be a whole year');
    }
    if (typeof entry.accelerator !== 'string') {
      throw invalidInput(`${at}.accelerator`, entry.accelerator, 'must be a gpu-power.json id');
    }
    if (!Number.isSafeInteger(entry.count) || (entry.count as number) < 1) {
      throw invalidInput(`${at}.count`, entry.count, 'must be a whole number of GPUs ≥ 1');
    }
    return {
      field: at,
      year: entry.year as number,
      accelerator: entry.accelerator,
      count: entry.count as number,
      note: typeof entry.note === 'string' ? entry.note : undefined,
      confidence: confidenceOf(entry.confidence),
    };
  });
}

/** Published facility totals by year; IT-only totals are not facility power and are skipped. */
function publishedFacility(campus: Json): Map<number, PublishedFacility> {
  const totals = Array.isArray(campus.publishedTotals) ? campus.publishedTotals : [];
  const byYear = new Map<number, PublishedFacility>();
  for (const total of totals) {
    if (!isObject(total) || !Number.isSafeInteger(total.year)) continue;
    const mw = total.facilityMw;
    if (typeof mw !== 'number' || !Number.isFinite(mw) || mw <= 0) continue;
    const year = total.year as number;
    byYear.set(year, { year, facilityMw: mw, confidence: confidenceOf(total.confidence) });
  }
  return byYear;
}

function nameOf(gpuPower: unknown, id: string): string {
  const lists = isObject(gpuPower) ? [gpuPower.racks, gpuPower.accelerators] : [];
  for (const list of lists) {
    const found = Array.isArray(list) ? list.find((r) => isObject(r) && r.id === id) : undefined;
    if (isObject(found) && typeof found.name === 'string') return found.name;
  }
  return id;
}

function crossCheckYear(
  counts: PublishedCount[],
  total: PublishedFacility,
  kind: CampusKind,
  pueDesignPeak: number,
  gpuPower: unknown,
): DemandCrossCheck {
  const year = total.year;
  // Checked first, so an id without published power is a 400 naming the published count.
  const powers = counts.map((c) => itKwPerGpu(gpuPower, c.accelerator, `${c.field}.accelerator`));
  // The counts as accelerator phases, so IT MW comes from the model's own phase arithmetic.
  const phases: CampusPhase[] = counts.map((c) => ({
    start: `${year}-01`,
    accelerator: c.accelerator,
    count: c.count,
  }));
  const capacities = phaseCapacities(phases, kind, pueDesignPeak, gpuPower);
  const modelledItMw = capacities.reduce((mw, phase) => mw + phase.capacityMw, 0);
  const modelledFacilityPeakMw = modelledItMw * pueDesignPeak;
  const differenceMw = modelledFacilityPeakMw - total.facilityMw;
  const differenceFraction = differenceMw / total.facilityMw;
  const parts = counts.map(
    (c, i) =>
      `${whole(c.count)} × ${c.accelerator} (${powers[i].basis}) = ${round(capacities[i].capacityMw)} MW IT`,
  );
  const notes = [...new Set(counts.map((c) => c.note).filter((n): n is string => Boolean(n)))];
  const sign = differenceFraction >= 0 ? '+' : '−';
  const together = counts.length > 1 ? ` = ${round(modelledItMw)} MW IT` : '';
  const note =
    `${year}: ${parts.join(' + ')}${together}, at reference-system max draw; × design-day PUE ` +
    `${round(pueDesignPeak, 3)} = ${round(modelledFacilityPeakMw)} MW facility against ` +
    `${round(total.facilityMw)} MW published: ${sign}${round(Math.abs(differenceMw))} MW ` +
    `(${sign}${round(Math.abs(differenceFraction) * 100)}%). Published: ${notes.map((n) => `"${n}"`).join(' ')}`;
  return {
    year,
    gpuCount: counts.reduce((n, c) => n + c.count, 0),
    accelerator: counts.map((c) => c.accelerator).join(' + '),
    accelerators: counts.map((c) => ({
      accelerator: c.accelerator,
      name: nameOf(gpuPower, c.accelerator),
      count: c.count,
    })),
    modelledItMw,
    pueDesignPeak,
    modelledFacilityPeakMw,
    publishedFacilityMw: total.facilityMw,
    differenceMw,
    differenceFraction,
    confidence: lowest([...counts.map((c) => c.confidence), total.confidence]),
    note,
  };
}

/**
 * One cross-check for each year in which `campus` publishes both GPU counts
 * (`publishedAccelerators`) and a facility MW (`publishedTotals`), oldest first; [] for a fab
 * (no PUE) or a campus that publishes no counts. `pueDesignPeak` is the run's design-day PUE.
 */
export function demandCrossChecks(
  campus: unknown,
  kind: CampusKind,
  pueDesignPeak: number,
  gpuPower: unknown,
): DemandCrossCheck[] {
  if (kind === 'fab' || !isObject(campus)) return [];
  const counts = publishedCounts(campus);
  const totals = publishedFacility(campus);
  const years = [...new Set(counts.map((c) => c.year))].filter((y) => totals.has(y));
  return years
    .sort((a, b) => a - b)
    .map((year) =>
      crossCheckYear(
        counts.filter((c) => c.year === year),
        totals.get(year)!,
        kind,
        pueDesignPeak,
        gpuPower,
      ),
    );
}
