// The evaluate answer (DESIGN.md `POST /api/evaluate`; the per-deployment `siting` field is added
// by the siting model later), and the prepared evaluation shipped to workers.
import type { LineEnd } from './line-end.ts';
import type {
  AfterBackupMetrics,
  CoverageMetrics,
  GridFlows,
  SimPlan,
  TimelineYear,
} from '../coverage.ts';
import type { RampYear } from '../demand.ts';
import type { TornadoBar } from '../economics.ts';
import type { DesignParams } from '../supply/design-params.ts';
import type { LineKind, LinePlan } from '../transmission.ts';
import type { ValidOptions } from './inputs.ts';

export interface EvaluateDeployment {
  designId: string;
  units: number;
  /** Great-circle distance from the deployment to the campus. */
  distanceKm: number;
  voltageKv: number | null;
  lossFraction: number;
  transmissionCapexUsd: number;
  codYear: number;
  lineKind: LineKind;
  /** Where the line runs (campus, or the nearest ≥ 345 kV interconnection point when connected). */
  lineTo: Omit<LineEnd, 'noPointKnown'>;
  circuits: 1 | 2;
  /** Sustained outages a year of the line (null when co-located) and its long-run availability. */
  lineOutagesPerYear: number | null;
  lineAvailability: number;
  /** US state of the site (null outside the US) and its capital-cost location multiplier. */
  state: string | null;
  locationMultiplier: number;
  /** All units' capital, by build order (FOAK premium, learning) × location. */
  capexUsd: number;
  /** Capital of each unit in build order, USD per kW. */
  unitCapitalUsdPerKw: number[];
  /** Within 3 km of a coal site: energy-community tax-credit bonus (when credits are on). */
  energyCommunity: boolean;
  /** Lifetime expected availability over the plan period: (1 − FOR)(1 − planned share). */
  lifetimeAvailability: number;
  /** This deployment's own LCOE at its lifetime availability. */
  lcoeUsdPerMwh: number;
}

export interface ScheduledOutage {
  deployment: number;
  unit: number;
  kind: 'refuelling' | 'maintenance';
  /** ISO dates on the 365-day model calendar; end is exclusive. */
  start: string;
  end: string;
}

export interface ScheduleYear {
  /** The October–May season ending in this year. */
  year: number;
  planYear: number;
  outages: ScheduledOutage[];
}

export interface EvaluateResult {
  year: number;
  demand: { peakMw: number; meanMw: number; annualGwh: number; loadFactor: number };
  supply: {
    nameplateMw: number;
    meanAvailableMw: number;
    capacityFactor: number;
    annualGwh: number;
    /** Mean MWh a year the reactors sent to the campus's loads, battery and export. */
    dispatchedMwh: number;
    /** Mean MWh a year of reactor output nobody could take (islanded surplus, export cap). */
    curtailedMwh: number;
    /** Mean MWh a year lost to line outages (the reactor was up, the line was not). */
    lineOutageMwh: number;
  };
  /** The reactors alone (with their own storage). */
  coverage: CoverageMetrics;
  /** After battery, gas and grid in the chosen order. */
  afterBackup: AfterBackupMetrics & { vollUsdPerMwh: number; unservedCostUsd: number };
  grid: GridFlows & {
    mode: 'islanded' | 'connected';
    importLimitMw: number;
    importCostUsd: number;
    exportRevenueUsd: number;
  };
  nMinus1: { pass: boolean; contingencyMw: number };
  deployments: EvaluateDeployment[];
  economics: {
    /** The fleet's LCOE at its lifetime availability; null when the fleet has no capacity. */
    lcoeUsdPerMwh: number | null;
    /** null when nothing is served. */
    deliveredCostUsdPerMwh: number | null;
    capexUsd: number;
    transmissionCapexUsd: number;
    backupCapexUsd: number;
    /** Annual costs by part, USD a year (the evaluated year's online fleet). */
    annualUsd: {
      reactorCapital: number;
      reactorFixedOm: number;
      reactorFuelAndVom: number;
      decommissioning: number;
      taxCredit: number;
      lines: number;
      backupCapital: number;
      gasFuel: number;
      gridImport: number;
      gridExportRevenue: number;
    };
    taxCredit: 'none' | 'itc' | 'ptc';
    tornado: TornadoBar[];
  };
  backup: {
    gasMw: number;
    gasSized: boolean;
    batteryMw: number;
    batteryMwh: number;
    order: ('battery' | 'gas' | 'grid')[];
  };
  planPeriodYears: number;
  schedule: ScheduleYear[];
  timeline: TimelineYear[];
  hourly: { demandMw: number[]; deliveredMw: number[] };
  assumptions: string[];
  warnings: string[];
}

/** One deployment as prepared: inputs resolved, design numbers, its line and its capital. */
export interface PreparedDeployment {
  designId: string;
  units: number;
  lat: number;
  lon: number;
  codYear: number;
  online: boolean;
  circuits: 1 | 2;
  design: DesignParams;
  line: LinePlan;
  /** Where the line runs: the campus, or (grid-connected) the nearest interconnection point. */
  lineTo: LineEnd;
  /** The line's rated transfer: units × peakMwe (netMwe without storage). */
  transferMw: number;
  state: string | null;
  locationMultiplier: number;
  /** Build order n (1-based, per design across the evaluation) of each unit. */
  buildOrder: number[];
  capitalCostKind: 'project-budget' | 'vendor-target' | 'default';
  energyCommunity: boolean;
  /** Mean planned share of the deployment's units over the plan period. */
  plannedShare: number;
}

/** A year's Monte Carlo and what sized it. */
export interface YearSim {
  year: number;
  sim: SimPlan;
  demand: {
    peakMw: number;
    meanMw: number;
    annualGwh: number;
    loadFactor: number;
    swingMw: number;
  };
  gasMw: number;
  gasSized: boolean;
  batteryMw: number;
  batteryMwh: number;
  importLimitMw: number;
}

/** Everything deterministic of an evaluation: structured-clone-able (no functions or classes). */
export interface Prepared {
  year: number;
  trials: number;
  seed: number;
  targetReliability: number;
  campus: { lat: number; lon: number };
  ramp: RampYear[];
  deployments: PreparedDeployment[];
  /** The evaluated year. */
  main: YearSim;
  /** options.years: one per year of the range. */
  sweep: YearSim[];
  planPeriodYears: number;
  schedule: ScheduleYear[];
  options: Omit<ValidOptions, 'assumptions'>;
  assumptions: string[];
  warnings: string[];
}
