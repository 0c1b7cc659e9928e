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
      `backup gas${r.backup.gasSized ? ' (sized)' : ''} / battery`,
      `${fmt(r.backup.gasMw)} MW / ${fmt(r.backup.batteryMw)} MW, ${fmt(r.backup.batteryMwh)} MWh`,
    ],
    [
      'served after backup',
      `${pct(r.afterBackup.servedEnergyFraction, 3)}, ${fmt(r.afterBackup.lossOfLoadHours, 1)} h/yr unserved`,
    ],
    [
      'energy by source',
      `reactors ${fmt(r.afterBackup.energyBySourceMwh.reactors / 1000)} GWh, battery ` +
        `${fmt(r.afterBackup.energyBySourceMwh.battery)} MWh, gas ` +
        `${fmt(r.afterBackup.energyBySourceMwh.gas)} MWh, grid ${fmt(r.afterBackup.energyBySourceMwh.grid)} MWh`,
    ],
    [
      'unserved cost',
      `$${fmt(r.afterBackup.unservedCostUsd / 1e6, 1)}M/yr at $${fmt(r.afterBackup.vollUsdPerMwh)}/MWh`,
    ],
    [
      `grid (${r.grid.mode})`,
      r.grid.mode === 'connected'
        ? `import ${fmt(r.grid.importMwh)} MWh (peak ${fmt(r.grid.peakImportMw)} MW), export ${fmt(r.grid.exportMwh)} MWh`
        : 'islanded',
    ],
    ['curtailed', `${fmt(r.supply.curtailedMwh / 1000)} GWh/yr`],
    ['plan period', `${r.planPeriodYears} years`],
    ['LCOE (lifetime)', `$${fmt(r.economics.lcoeUsdPerMwh, 1)}/MWh`],
    ['delivered cost', `$${fmt(r.economics.deliveredCostUsdPerMwh, 1)}/MWh`],
    ['reactor capital', `$${fmt(r.economics.capexUsd / 1e9, 2)}B`],
  ]);
  const lines = table([
    [
      'design',
      'units',
      'state',
      'km',
      'kV',
      'circuits',
      'loss',
      'line avail.',
      'line capex',
      '$/kW by unit',
    ],
    ...r.deployments.map((d) => [
      d.designId,
      d.units,
      d.state ?? '—',
      fmt(d.distanceKm),
      d.voltageKv == null ? '—' : String(d.voltageKv),
      d.circuits,
      pct(d.lossFraction, 2),
      pct(d.lineAvailability, 3),
      `$${fmt(d.transmissionCapexUsd / 1e6)}M`,
      d.unitCapitalUsdPerKw.map((c) => fmt(c)).join(' '),
    ]),
  ]);
  const years = r.timeline.filter((t) => t.servedEnergyFraction !== undefined);
  const sweep = years.length
    ? '\n\n' +
      table([
        ['year', 'peak MW', 'firm MW', 'served', 'after backup', 'LOLH', 'delivered $/MWh'],
        ...years.map((t) => [
          t.year,
          fmt(t.demandPeakMw),
          fmt(t.firmSupplyMw),
          pct(t.servedEnergyFraction ?? 0),
          pct(t.servedEnergyFractionAfterBackup ?? 0, 3),
          fmt(t.lossOfLoadHours, 1),
          fmt(t.deliveredCostUsdPerMwh ?? null, 1),
        ]),
      ])
    : '';
  const warnings = r.warnings.length
    ? `\nwarnings:\n${r.warnings.map((w) => `  - ${w}`).join('\n')}`
    : '';
  return `${headline}\n\n${lines}${sweep}${warnings}`;
}
