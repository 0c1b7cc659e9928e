// The hourly data of an evaluation as CSV (issue 11): one header row and 8,760 rows, one per
// hour of the model year. Pure data, units in the column names:
//   hour                      0-based index of the hour in the model year
//   local_standard_time       ISO 8601 with the campus's standard-time offset, no DST; hour 0 is
//                             1 January 00:00 and 29 February is skipped (models/calendar.ts)
//   campus_demand_mw          result.hourly.demandMw
//   delivered_supply_mw_mean  reactor supply delivered to the campus, mean across trials
//                             (result.hourly.deliveredMw)
//   served_mw                 min(demand, delivered)
//   shortfall_mw              demand − served
//   surplus_mw                delivered − served
//   dep<n>_<design>_x<units>_mw_est, one per deployment: an ESTIMATE of that deployment's share
//                             of delivered supply. The model keeps only the fleet's delivered
//                             series, so it is split in proportion to each deployment's
//                             nameplate × lifetimeAvailability × (1 − lossFraction); a
//                             deployment's own outages are not in its column.
// Values are in MW rounded to 0.1 kW (4 decimals); served, shortfall and surplus are computed
// from the rounded demand and delivered, so served + shortfall = demand exactly as written.
import { MONTH_START_DAY } from '../../models/calendar.ts';
import type { Design } from '../../models/records.ts';
import type { EvaluateResponseBody } from '../schemas/evaluate-result.ts';

const SCALE = 1e4;
const HOURS = 8760;

export interface CsvInput {
  result: Pick<EvaluateResponseBody, 'year' | 'hourly' | 'deployments'>;
  /** The campus's local standard time offset, hours (may be fractional, e.g. 5.5). */
  utcOffsetHours: number;
  designs: readonly Pick<Design, 'id' | 'netMwe'>[];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "+05:30", "-06:00", "+00:00". */
export function offsetSuffix(hours: number): string {
  const sign = hours < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(hours) * 60);
  return `${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** The 365 dates of a model year, "YYYY-MM-DD". */
function modelYearDates(year: number): string[] {
  const dates: string[] = [];
  const yyyy = String(year).padStart(4, '0');
  for (let month = 0; month < 12; month += 1) {
    const days = (MONTH_START_DAY[month + 1] ?? 365) - MONTH_START_DAY[month];
    for (let day = 1; day <= days; day += 1) dates.push(`${yyyy}-${pad2(month + 1)}-${pad2(day)}`);
  }
  return dates;
}

/** The column name of a deployment's estimated share: `dep1_bwrx-300_x4_mw_est`. */
export function deploymentColumn(index: number, designId: string, units: number): string {
  const id = designId.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return `dep${index + 1}_${id}_x${units}_mw_est`;
}

/** Each deployment's share of delivered supply (sums to 1; equal shares if all weights are 0). */
export function deploymentShares(input: CsvInput): number[] {
  const weights = input.result.deployments.map((d) => {
    const netMwe = input.designs.find((x) => x.id === d.designId)?.netMwe.value ?? 0;
    return Math.max(0, netMwe * d.units * d.lifetimeAvailability * (1 - d.lossFraction));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? w / total : 1 / weights.length));
}

export function buildCsv(input: CsvInput): string {
  const { result } = input;
  const { demandMw, deliveredMw } = result.hourly;
  const shares = deploymentShares(input);
  const header = [
    'hour',
    'local_standard_time',
    'campus_demand_mw',
    'delivered_supply_mw_mean',
    'served_mw',
    'shortfall_mw',
    'surplus_mw',
    ...result.deployments.map((d, i) => deploymentColumn(i, d.designId, d.units)),
  ].join(',');
  const dates = modelYearDates(result.year);
  const offset = offsetSuffix(input.utcOffsetHours);
  const times: string[] = [];
  for (let h = 0; h < 24; h += 1) times.push(`T${pad2(h)}:00:00${offset}`);
  const lines = new Array<string>(HOURS + 2);
  lines[0] = header;
  for (let i = 0; i < HOURS; i += 1) {
    // Integers of 0.1 kW: the differences below are exact.
    const demand = Math.round((demandMw[i] ?? 0) * SCALE);
    const delivered = Math.round((deliveredMw[i] ?? 0) * SCALE);
    const served = demand < delivered ? demand : delivered;
    let line = `${i},${dates[(i / 24) | 0]}${times[i % 24]},${demand / SCALE},${delivered / SCALE},${served / SCALE},${(demand - served) / SCALE},${(delivered - served) / SCALE}`;
    for (const share of shares) line += `,${Math.round(delivered * share) / SCALE}`;
    lines[i + 1] = line;
  }
  lines[HOURS + 1] = '';
  return lines.join('\n');
}
