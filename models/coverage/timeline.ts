// N-1 firmness and the 2024–2045 timeline (DESIGN.md "N-1", "Timeline"), deterministic: year Y's
// firm supply is the delivered netMwe online on 1 January of Y minus the worst single loss, the
// largest unit or the largest single line's transfer. A co-located deployment has no line to lose
// (switchyard only), so only its units count. Storage boost is not firm (netMwe only).
import type { RampYear } from '../demand.ts';

export interface FirmDeployment {
  codYear: number;
  units: number;
  /** One unit's delivered MW: netMwe × (1 − its line's loss). */
  unitDeliveredMw: number;
  /**
   * False for a co-located deployment (no line to trip) and for a double circuit, whose single
   * contingency is one circuit, which the other carries (NERC TPL-001's common-structure event
   * P7 is not N-1).
   */
  hasLine: boolean;
}

export interface NMinus1 {
  pass: boolean;
  /** max(largest online unit, largest online line's delivered transfer), MW. */
  contingencyMw: number;
  /** Online delivered MW minus the contingency, floored at 0. */
  firmSupplyMw: number;
}

export function nMinus1(
  deployments: readonly FirmDeployment[],
  year: number,
  peakMw: number,
): NMinus1 {
  let onlineMw = 0;
  let largestUnitMw = 0;
  let largestLineMw = 0;
  for (const d of deployments) {
    if (d.codYear > year || d.units <= 0) continue;
    const lineMw = d.units * d.unitDeliveredMw;
    onlineMw += lineMw;
    largestUnitMw = Math.max(largestUnitMw, d.unitDeliveredMw);
    if (d.hasLine) largestLineMw = Math.max(largestLineMw, lineMw);
  }
  const contingencyMw = Math.max(largestUnitMw, largestLineMw);
  const firmSupplyMw = Math.max(0, onlineMw - contingencyMw);
  return { pass: firmSupplyMw >= peakMw - 1e-9, contingencyMw, firmSupplyMw };
}

export interface TimelineYear {
  year: number;
  demandPeakMw: number;
  firmSupplyMw: number;
  gapMw: number;
  /** With options.years, each year in the range also gets its own Monte Carlo: */
  servedEnergyFraction?: number;
  servedEnergyFractionAfterBackup?: number;
  lossOfLoadHours?: number;
  lossOfLoadHoursAfterBackup?: number;
  deliveredCostUsdPerMwh?: number | null;
}

export function firmTimeline(
  deployments: readonly FirmDeployment[],
  ramp: readonly RampYear[],
): TimelineYear[] {
  return ramp.map(({ year, peakMw }) => {
    const { firmSupplyMw } = nMinus1(deployments, year, peakMw);
    return { year, demandPeakMw: peakMw, firmSupplyMw, gapMw: Math.max(0, peakMw - firmSupplyMw) };
  });
}
