// The headline of an evaluation as a terminal table: the answer first, then what sits behind it.
import type { EvaluateResult } from '../../models/scenario.ts';
import { fmt, pct, table } from './table.ts';

export function resultTable(r: EvaluateResult): string {
  const headline = table([
    ['metric', 'value'],
    ['year', String(r.year)],
    ['campus peak', `${fmt(r.demand.peakMw)} MW`],
    ['campus energy', `${fmt(r.demand.annualGwh)} GWh`],
    ['fleet nameplate', `${fmt(r.supply.nameplateMw)} MW`],
    [
      'served energy',
      `${pct(r.coverage.servedEnergyFraction)} (P05 ${pct(r.coverage.servedEnergyFractionP05)})`,
    ],
    ['reliability', pct(r.coverage.reliability, 2)],
    ['loss-of-load hours', `${fmt(r.coverage.lossOfLoadHours, 1)} h/yr`],
    ['firm capacity', `${fmt(r.coverage.firmCapacityMw)} MW`],
    ['N-1', r.nMinus1.pass ? 'pass' : 'fail'],
    [
      'backup gas / battery',
      `${fmt(r.backup.gasMw)} MW / ${fmt(r.backup.batteryMw)} MW, ${fmt(r.backup.batteryMwh)} MWh`,
    ],
    ['LCOE', `$${fmt(r.economics.lcoeUsdPerMwh, 1)}/MWh`],
    ['delivered cost', `$${fmt(r.economics.deliveredCostUsdPerMwh, 1)}/MWh`],
  ]);
  const lines = table([
    ['design', 'units', 'km', 'kV', 'loss', 'line capex'],
    ...r.deployments.map((d) => [
      d.designId,
      d.units,
      fmt(d.distanceKm),
      d.voltageKv == null ? '—' : String(d.voltageKv),
      pct(d.lossFraction, 2),
      `$${fmt(d.transmissionCapexUsd / 1e6)}M`,
    ]),
  ]);
  const warnings = r.warnings.length
    ? `\nwarnings:\n${r.warnings.map((w) => `  - ${w}`).join('\n')}`
    : '';
  return `${headline}\n\n${lines}${warnings}`;
}
