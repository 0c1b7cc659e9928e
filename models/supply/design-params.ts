// The numbers of a design record the supply model uses (DESIGN.md "Supply"), read once from the
// `{ value, basis, note }` fields, with the derived quantities: MTTF from GADS FOR, intervals in
// days, storage energy and the long-run expected availability.
import type { Design, Sourced } from '../records.ts';
import { DAYS_PER_MONTH } from '../units.ts';

/** One planned maintenance outage a year; a "year" of 12 mean months (365.28 days). */
export const DAYS_PER_PLANNING_YEAR = 12 * DAYS_PER_MONTH;

export interface DesignParams {
  designId: string;
  name: string;
  fuelClass: string;
  netMwe: number;
  /** Turbine peak with the storage boost; netMwe for a design without storage. */
  peakMwe: number;
  /** (peakMwe − netMwe) × peakDurationHours (DESIGN.md "Storage"); 0 without storage. */
  storageMwh: number;
  refuelIntervalDays: number;
  refuelOutageDays: number;
  maintenanceDaysPerYear: number;
  forcedOutageRate: number;
  mttrHours: number;
  /** MTTF = MTTR·(1 − FOR)/FOR; Infinity when FOR = 0 (the unit never fails). */
  mttfHours: number;
  /** Long-run planned-outage share: refuel days / interval days + maintenance days / 365.28. */
  plannedFraction: number;
  /** (1 − FOR) × (1 − plannedFraction). */
  expectedAvailability: number;
  capacityFactor: number;
  earliestCodYear: number;
  capitalCostUsdPerKw: number;
  fixedOmUsdPerKwYr: number;
  fuelUsdPerMwh: number;
  variableOmUsdPerMwh: number;
}

/** GADS: FOR = FOH / (FOH + SH), so mean up time / mean down time = (1 − FOR) / FOR. */
export function mttfHoursOf(forcedOutageRate: number, mttrHours: number): number {
  return forcedOutageRate > 0
    ? (mttrHours * (1 - forcedOutageRate)) / forcedOutageRate
    : Number.POSITIVE_INFINITY;
}

export function expectedAvailability(forcedOutageRate: number, plannedFraction: number): number {
  return (1 - forcedOutageRate) * (1 - plannedFraction);
}

export function designParams(design: Design): DesignParams {
  const netMwe = design.netMwe.value;
  const peak = design.peakMwe?.value;
  const duration = design.peakDurationHours?.value;
  const hasStorage = peak !== undefined && duration !== undefined && peak > netMwe && duration > 0;
  const refuelIntervalDays = design.refuelIntervalMonths.value * DAYS_PER_MONTH;
  const refuelOutageDays = design.refuelOutageDays.value;
  const maintenanceDaysPerYear = design.maintenanceDaysPerYear.value;
  const forcedOutageRate = design.forcedOutageRate.value;
  const mttrHours = design.mttrHours.value;
  const plannedFraction =
    (refuelOutageDays > 0 ? refuelOutageDays / refuelIntervalDays : 0) +
    maintenanceDaysPerYear / DAYS_PER_PLANNING_YEAR;
  return {
    designId: design.id,
    name: design.name,
    fuelClass: design.fuelClass,
    netMwe,
    peakMwe: hasStorage ? peak : netMwe,
    storageMwh: hasStorage ? (peak - netMwe) * duration : 0,
    refuelIntervalDays,
    refuelOutageDays,
    maintenanceDaysPerYear,
    forcedOutageRate,
    mttrHours,
    mttfHours: mttfHoursOf(forcedOutageRate, mttrHours),
    plannedFraction,
    expectedAvailability: expectedAvailability(forcedOutageRate, plannedFraction),
    capacityFactor: design.capacityFactor.value,
    earliestCodYear: design.earliestCodYear.value,
    capitalCostUsdPerKw: design.capitalCostUsdPerKw.value,
    fixedOmUsdPerKwYr: design.fixedOmUsdPerKwYr.value,
    fuelUsdPerMwh: design.fuelUsdPerMwh.value,
    variableOmUsdPerMwh: design.variableOmUsdPerMwh.value,
  };
}

const USED_FIELDS = [
  'netMwe',
  'peakMwe',
  'peakDurationHours',
  'refuelIntervalMonths',
  'refuelOutageDays',
  'maintenanceDaysPerYear',
  'forcedOutageRate',
  'mttrHours',
  'capacityFactor',
  'earliestCodYear',
  'capitalCostUsdPerKw',
  'fixedOmUsdPerKwYr',
  'fuelUsdPerMwh',
  'variableOmUsdPerMwh',
] as const;

/** Every assumption-basis number of a design the evaluation uses, in words. */
export function designAssumptionNotes(design: Design): string[] {
  const notes: string[] = [];
  for (const key of USED_FIELDS) {
    const field = design[key] as Sourced | undefined;
    if (field && field.basis === 'assumption') {
      notes.push(`${design.id} ${key} = ${field.value} (assumption: ${field.note})`);
    }
  }
  const params = designParams(design);
  const given = design.storageMwh?.value;
  if (params.storageMwh > 0 && given !== undefined && Math.abs(given - params.storageMwh) > 1e-6) {
    notes.push(
      `${design.id} storage: ${params.storageMwh} MWh = (peakMwe − netMwe) × peakDurationHours ` +
        `(DESIGN.md), not the record's ${given} MWh.`,
    );
  }
  return notes;
}
