// The evaluate answer, exactly DESIGN.md `POST /api/evaluate` (the per-deployment `siting` field
// is added by the siting model later), and the prepared evaluation shipped to workers.
import type { CoverageMetrics, SimPlan, TimelineYear } from '../coverage.ts';
import type { RampYear } from '../demand.ts';
import type { TornadoBar } from '../economics.ts';
import type { DesignParams } from '../supply/design-params.ts';
import type { LineKind, LinePlan } from '../transmission.ts';

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
}

export interface EvaluateResult {
  year: number;
  demand: { peakMw: number; meanMw: number; annualGwh: number; loadFactor: number };
  supply: {
    nameplateMw: number;
    meanAvailableMw: number;
    capacityFactor: number;
    annualGwh: number;
  };
  coverage: CoverageMetrics;
  nMinus1: { pass: boolean; contingencyMw: number };
  deployments: EvaluateDeployment[];
  economics: {
    /** null when the fleet generates nothing in the year. */
    lcoeUsdPerMwh: number | null;
    /** null when nothing is served. */
    deliveredCostUsdPerMwh: number | null;
    capexUsd: number;
    transmissionCapexUsd: number;
    backupCapexUsd: number;
    tornado: TornadoBar[];
  };
  backup: { gasMw: number; batteryMw: number; batteryMwh: number };
  timeline: TimelineYear[];
  hourly: { demandMw: number[]; deliveredMw: number[] };
  assumptions: string[];
  warnings: string[];
}

/** One deployment as prepared: inputs resolved, design numbers and its line. */
export interface PreparedDeployment {
  designId: string;
  units: number;
  lat: number;
  lon: number;
  codYear: number;
  online: boolean;
  design: DesignParams;
  line: LinePlan;
  /** The line's rated transfer: units × peakMwe (netMwe without storage). */
  transferMw: number;
}

/** Everything deterministic of an evaluation: structured-clone-able (no functions or classes). */
export interface Prepared {
  year: number;
  trials: number;
  seed: number;
  targetReliability: number;
  campus: { lat: number; lon: number };
  demand: {
    peakMw: number;
    meanMw: number;
    annualGwh: number;
    loadFactor: number;
    swingMw: number;
    ramp: RampYear[];
  };
  deployments: PreparedDeployment[];
  sim: SimPlan;
  assumptions: string[];
  warnings: string[];
}
