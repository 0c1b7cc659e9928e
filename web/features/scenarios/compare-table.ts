// The comparison table's content, without a DOM: one row per headline metric, one cell per
// scenario, and for each cell whether it differs from the first scenario's, by how much in
// words ("+2.1 pts") and whether that is better or worse. A cell differs when its shown text
// differs, so rounding noise never lights a cell up.
import type { EvaluateResponse } from '../../api/scenario-types.ts';
import { formatGwh, formatMw, formatPercent, formatUsdCompact, formatWhole } from '../../format.ts';
import { deploymentsSummary } from './scenario-format.ts';

type Value = number | boolean | string | null;
export type Better = 'higher' | 'lower' | null;

interface Metric {
  id: string;
  label: string;
  /** What the tooltip says the figure is. */
  note: string;
  value(result: EvaluateResponse, designName: (id: string) => string): Value;
  format(value: number): string;
  /** The difference in words, signed: "+2.1 pts". */
  delta(difference: number): string;
  better: Better;
}

export interface CompareCell {
  text: string;
  /** null while the scenario is being evaluated or when it failed. */
  value: Value;
  pending: boolean;
  differs: boolean;
  delta: string | null;
  verdict: 'better' | 'worse' | null;
}

export interface CompareRow {
  id: string;
  label: string;
  note: string;
  cells: CompareCell[];
}

const sign = (x: number) => (x < 0 ? '−' : '+');
const ONE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signed = (x: number, format: (v: number) => string) => `${sign(x)}${format(Math.abs(x))}`;
const usdPerMwh = (v: number) => `$${ONE.format(v)}/MWh`;
const hours = (v: number) => `${formatWhole(v)} h`;
const gwh = (mwh: number) => formatGwh(mwh / 1000);
const share = (pick: (r: EvaluateResponse) => number, label: string, id: string, note: string) =>
  ({
    id,
    label,
    note,
    value: pick,
    format: formatPercent,
    delta: (d) => `${signed(d * 100, (v) => ONE.format(v))} pts`,
    better: 'higher',
  }) satisfies Metric;
const numeric = (
  id: string,
  label: string,
  note: string,
  value: (r: EvaluateResponse) => number | null,
  format: (v: number) => string,
  better: Better,
): Metric => ({ id, label, note, value, format, delta: (d) => signed(d, format), better });

export const METRICS: readonly Metric[] = [
  numeric('year', 'Year', 'The evaluated year', (r) => r.year, String, null),
  share(
    (r) => r.coverage.servedEnergyFraction,
    'Served by reactors',
    'served',
    'Share of the year’s energy the reactors serve (mean over trials)',
  ),
  share(
    (r) => r.coverage.servedEnergyFractionP05,
    'Served, P05',
    'p05',
    'Served share in a bad year: 5th percentile over trials',
  ),
  share(
    (r) => r.afterBackup.servedEnergyFraction,
    'Served with backup',
    'served-backup',
    'Served share after battery, gas and grid',
  ),
  numeric(
    'firm',
    'Firm capacity',
    'MW available at the target reliability',
    (r) => r.coverage.firmCapacityMw,
    formatMw,
    'higher',
  ),
  numeric(
    'lolh',
    'Loss-of-load hours',
    'Hours a year the reactors fall short (mean over trials)',
    (r) => r.coverage.lossOfLoadHours,
    hours,
    'lower',
  ),
  {
    id: 'n1',
    label: 'N-1',
    note: 'Load still served with the largest unit out',
    value: (r) => r.nMinus1.pass,
    format: String,
    delta: () => 'changed',
    better: 'higher',
  },
  numeric(
    'gas',
    'Backup gas',
    'Gas turbine MW in the plan',
    (r) => r.backup.gasMw,
    formatMw,
    'lower',
  ),
  numeric(
    'grid',
    'Grid import',
    'Energy imported from the grid a year',
    (r) => r.grid.importMwh,
    gwh,
    'lower',
  ),
  numeric(
    'lcoe',
    'LCOE',
    'Reactors’ levelised cost, 2025 USD',
    (r) => r.economics.lcoeUsdPerMwh,
    usdPerMwh,
    'lower',
  ),
  numeric(
    'delivered',
    'Delivered cost',
    'All-in cost per MWh delivered to the campus',
    (r) => r.economics.deliveredCostUsdPerMwh,
    usdPerMwh,
    'lower',
  ),
  numeric(
    'capex',
    'Capital cost',
    'Reactors, lines and backup, 2025 USD',
    (r) => r.economics.capexUsd,
    formatUsdCompact,
    'lower',
  ),
  numeric(
    'nameplate',
    'Nameplate',
    'Reactor net MWe placed',
    (r) => r.supply.nameplateMw,
    formatMw,
    null,
  ),
  {
    id: 'deployments',
    label: 'Deployments',
    note: 'Units × design (commercial-operation year)',
    value: (r, designName) => deploymentsSummary(r.deployments, designName),
    format: String,
    delta: () => 'differs',
    better: null,
  },
];

const textOf = (metric: Metric, value: Value): string =>
  value === null
    ? 'n/a'
    : typeof value === 'boolean'
      ? value
        ? 'pass'
        : 'fail'
      : typeof value === 'number'
        ? metric.format(value)
        : value;

function cell(
  metric: Metric,
  result: EvaluateResponse | null,
  first: CompareCell | null,
  designName: (id: string) => string,
) {
  if (!result)
    return { text: '', value: null, pending: true, differs: false, delta: null, verdict: null };
  const value = metric.value(result, designName);
  const text = textOf(metric, value);
  const base = first && !first.pending ? first : null;
  const differs = base !== null && text !== base.text;
  let delta: string | null = null;
  let verdict: CompareCell['verdict'] = null;
  if (differs && base) {
    if (typeof value === 'number' && typeof base.value === 'number') {
      delta = metric.delta(value - base.value);
      if (metric.better)
        verdict = value > base.value === (metric.better === 'higher') ? 'better' : 'worse';
    } else if (typeof value === 'boolean' && typeof base.value === 'boolean') {
      delta = `was ${textOf(metric, base.value)}`;
      verdict = value ? 'better' : 'worse';
    } else delta = value === null || base.value === null ? 'n/a' : metric.delta(0);
  }
  return { text, value, pending: false, differs, delta, verdict } satisfies CompareCell;
}

/** The table for the results in column order; null: that scenario's answer is not in yet. */
export function compareRows(
  results: readonly (EvaluateResponse | null)[],
  designName: (id: string) => string = (id) => id,
): CompareRow[] {
  return METRICS.map((metric) => {
    const first = results[0] ? cell(metric, results[0], null, designName) : null;
    const cells = results.map((result, i) =>
      i === 0 && first ? first : cell(metric, result, first, designName),
    );
    return { id: metric.id, label: metric.label, note: metric.note, cells };
  });
}
