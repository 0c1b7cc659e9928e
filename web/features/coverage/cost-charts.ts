// What the delivered $/MWh is made of: the annual cost lines as bars ($M a year, credits and
// export revenue below zero), and the tornado: delivered $/MWh with one input at a time moved
// to its low and high value around the base.
import type { EvaluateResponse } from '../../api/scenario-types.ts';
import { hbarChart } from '../../charts/hbar-chart.ts';
import { formatUsdMillions, formatUsdPerMwh, formatWhole } from '../../format.ts';
import { costRows, tornadoRows } from './chart-data.ts';

const COST_BASIS: Record<string, string> = {
  reactorCapital: 'capital recovered over the plant life at the real WACC',
  reactorFixedOm: 'fixed O&M of the online units',
  reactorFuelAndVom: 'fuel and variable O&M of the energy dispatched',
  decommissioning: 'sinking fund toward decommissioning',
  taxCredit: 'ITC or PTC (negative: it lowers the cost)',
  lines: 'transmission lines, annualised',
  backupCapital: 'gas turbines and battery, annualised',
  gasFuel: 'gas burnt for backup, with variable O&M',
  gridImport: 'energy imported at the import price',
  gridExportRevenue: 'surplus exported at the export price (negative: revenue)',
};

export function costBreakdownSvg(result: EvaluateResponse, widthPx: number): SVGSVGElement {
  const { rows, totalUsd } = costRows(result.economics.annualUsd);
  const largest = [...rows].sort((a, b) => b.usd - a.usd)[0];
  return hbarChart({
    widthPx,
    className: 'chart-cov-costs',
    summary:
      `Annual cost ${formatUsdMillions(totalUsd)} a year in ${result.year}` +
      (largest ? `, largest line ${largest.label} at ${formatUsdMillions(largest.usd)}.` : '.'),
    rows: rows.map((row) => ({
      label: row.label,
      valueLabel: formatUsdMillions(row.usd),
      detail: `${row.label}: ${formatUsdMillions(row.usd)} a year (${COST_BASIS[row.key]}), ${result.year}`,
      segments: [{ from: 0, to: row.usd / 1e6, className: row.usd < 0 ? 'hbar-negative' : '' }],
    })),
    includeZero: true,
    xTitle: '$M a year',
    xFormat: (v) => formatWhole(v),
  });
}

export function tornadoSvg(result: EvaluateResponse, widthPx: number): SVGSVGElement | null {
  const bars = tornadoRows(result.economics.tornado);
  if (bars.length === 0) return null;
  const base = bars[0].baseUsdPerMwh;
  const widest = bars[0];
  return hbarChart({
    widthPx,
    className: 'chart-cov-tornado',
    summary:
      `Sensitivity of delivered cost, base ${formatUsdPerMwh(base)}: widest swing ${widest.label}, ` +
      `${formatUsdPerMwh(widest.lowUsdPerMwh)} at ${widest.lowInput} to ` +
      `${formatUsdPerMwh(widest.highUsdPerMwh)} at ${widest.highInput}.`,
    rows: bars.map((bar) => {
      const side = (usd: number) => (usd < base ? 'hbar-low' : 'hbar-high');
      return {
        label: bar.label,
        valueLabel: `${bar.lowInput}: $${formatWhole(bar.lowUsdPerMwh)} · ${bar.highInput}: $${formatWhole(bar.highUsdPerMwh)}`,
        detail:
          `${bar.label} ${bar.lowInput}: ${formatUsdPerMwh(bar.lowUsdPerMwh)}; ${bar.highInput}: ` +
          `${formatUsdPerMwh(bar.highUsdPerMwh)} (base ${formatUsdPerMwh(base)}, one input moved at a time)`,
        segments: [
          { from: base, to: bar.lowUsdPerMwh, className: side(bar.lowUsdPerMwh) },
          { from: base, to: bar.highUsdPerMwh, className: side(bar.highUsdPerMwh) },
        ],
      };
    }),
    reference: { value: base, label: `Base: ${formatUsdPerMwh(base)}` },
    xTitle: 'Delivered $/MWh',
    xFormat: (v) => `$${formatWhole(v)}`,
  });
}
