// The Coverage charts' numbers with no DOM: week windows, duration curves, the year reduced to
// buckets, the timeline gap and reactor arrivals, the cost breakdown and tornado rows. Pure, so
// the panel, the compare view and a PDF report draw the same figures from the same answer.
import { HOURS_PER_WEEK, type Pair } from '../../charts/geometry.ts';
import { downsample, durationPoints, sortedDescending } from '../../charts/series.ts';
import type { EvaluateResponse } from '../../api/scenario-types.ts';

export const WEEKS = 52;
export const HOURS_PER_YEAR = 8760;

/** First hour of week `week` (1–52) of the year; out-of-range weeks are clamped. */
export function weekStartHour(week: number): number {
  const w = Math.min(WEEKS, Math.max(1, Math.round(week)));
  return (w - 1) * HOURS_PER_WEEK;
}

/** The week (1–52) an hour falls in; hours of 31 December past week 52 count as week 52. */
export const weekOfHour = (hour: number): number =>
  Math.min(WEEKS, Math.floor(Math.max(0, hour) / HOURS_PER_WEEK) + 1);

/** The 168 hours from `start` as [hour of the week, MW]. */
export const weekPoints = (hourly: ArrayLike<number>, start: number): Pair[] =>
  Array.from(hourly)
    .slice(start, start + HOURS_PER_WEEK)
    .map((mw, i) => [i, mw] as const);

/** Demand and delivered supply each sorted high to low, sampled at shares of hours (%). */
export function durationCurves(
  hourly: { demandMw: ArrayLike<number>; deliveredMw: ArrayLike<number> },
  samples = 200,
): { demand: Pair[]; delivered: Pair[] } {
  return {
    demand: durationPoints(sortedDescending(hourly.demandMw), samples),
    delivered: durationPoints(sortedDescending(hourly.deliveredMw), samples),
  };
}

export interface YearView {
  /** x: the bucket's middle hour. */
  demandMean: Pair[];
  deliveredMean: Pair[];
  deliveredMin: Pair[];
  deliveredMax: Pair[];
  demandMax: number[];
  /** First hour of each bucket and one past its last. */
  spans: Pair[];
}

/** Hours [from, to) of the year in at most `maxBuckets` buckets: means, and supply's range. */
export function yearView(
  hourly: { demandMw: ArrayLike<number>; deliveredMw: ArrayLike<number> },
  window: Pair,
  maxBuckets: number,
): YearView {
  const demand = downsample(hourly.demandMw, window[0], window[1], maxBuckets);
  const delivered = downsample(hourly.deliveredMw, window[0], window[1], maxBuckets);
  const mid = (b: { start: number; end: number }) => (b.start + b.end) / 2;
  return {
    demandMean: demand.map((b) => [mid(b), b.mean] as const),
    deliveredMean: delivered.map((b) => [mid(b), b.mean] as const),
    deliveredMin: delivered.map((b) => [mid(b), b.min] as const),
    deliveredMax: delivered.map((b) => [mid(b), b.max] as const),
    demandMax: demand.map((b) => b.max),
    spans: demand.map((b) => [b.start, b.end] as const),
  };
}

type TimelineYear = Pick<
  EvaluateResponse['timeline'][number],
  'year' | 'demandPeakMw' | 'firmSupplyMw' | 'gapMw'
>;

export interface TimelineSeries {
  demand: Pair[];
  supply: Pair[];
  /** The gap's lower edge: supply where it falls short, else demand (no gap drawn there). */
  gapLower: Pair[];
  worst: { year: number; gapMw: number } | null;
  /** First year from which firm supply meets the peak every year after; null: never. */
  coveredFrom: number | null;
}

export function timelineSeries(years: readonly TimelineYear[]): TimelineSeries {
  let worst: TimelineSeries['worst'] = null;
  let coveredFrom: number | null = null;
  for (const row of years) {
    if (row.gapMw > 0 && (!worst || row.gapMw > worst.gapMw)) {
      worst = { year: row.year, gapMw: row.gapMw };
    }
    if (row.gapMw > 0) coveredFrom = null;
    else coveredFrom ??= row.year;
  }
  return {
    demand: years.map((r) => [r.year, r.demandPeakMw] as const),
    supply: years.map((r) => [r.year, r.firmSupplyMw] as const),
    gapLower: years.map((r) => [r.year, Math.min(r.demandPeakMw, r.firmSupplyMw)] as const),
    worst,
    coveredFrom,
  };
}

export interface Arrival {
  year: number;
  units: number;
  designs: string[];
}

/** Reactor arrivals by commercial-operation year: units and designs coming online, in order. */
export function arrivals(
  deployments: readonly { codYear: number; units: number; designId: string }[],
): Arrival[] {
  const byYear = new Map<number, Arrival>();
  for (const d of deployments) {
    const row = byYear.get(d.codYear) ?? { year: d.codYear, units: 0, designs: [] };
    row.units += d.units;
    if (!row.designs.includes(d.designId)) row.designs.push(d.designId);
    byYear.set(d.codYear, row);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

type Annual = EvaluateResponse['economics']['annualUsd'];

/** The annual cost lines in the order a planner reads them; revenue counts against cost. */
export const COST_PARTS: readonly [keyof Annual, string, 1 | -1][] = [
  ['reactorCapital', 'Reactor capital', 1],
  ['reactorFixedOm', 'Reactor fixed O&M', 1],
  ['reactorFuelAndVom', 'Fuel and variable O&M', 1],
  ['decommissioning', 'Decommissioning fund', 1],
  ['taxCredit', 'Tax credit', 1],
  ['lines', 'Transmission lines', 1],
  ['backupCapital', 'Backup capital', 1],
  ['gasFuel', 'Gas fuel', 1],
  ['gridImport', 'Grid imports', 1],
  ['gridExportRevenue', 'Grid export revenue', -1],
];

export interface CostRow {
  key: keyof Annual;
  label: string;
  /** Signed: credits and revenue are negative. */
  usd: number;
}

/** The non-zero annual costs, signed, and their total (what the delivered $/MWh divides). */
export function costRows(annual: Annual): { rows: CostRow[]; totalUsd: number } {
  const rows = COST_PARTS.map(([key, label, sign]) => ({ key, label, usd: sign * annual[key] }));
  const totalUsd = rows.reduce((sum, row) => sum + row.usd, 0);
  return { rows: rows.filter((row) => row.usd !== 0), totalUsd };
}

type Tornado = EvaluateResponse['economics']['tornado'];

/** Tornado bars with finite costs at both ends (nothing served gives none), widest first. */
export const tornadoRows = (bars: Tornado): Tornado =>
  bars.filter(
    (b) =>
      Number.isFinite(b.lowUsdPerMwh) &&
      Number.isFinite(b.highUsdPerMwh) &&
      Number.isFinite(b.baseUsdPerMwh),
  );
