// The 200 answer of POST /api/evaluate and POST /api/scenarios/:id/evaluate (DESIGN.md "API"),
// as TypeBox: the same shape as the model's EvaluateResult (a compile-time check below keeps them
// equal) plus each deployment's siting checks, which the route adds.
import { Type, type Static } from 'typebox';
import { TORNADO_PARAMETERS } from '../../models/economics.ts';
import {
  DISPATCH_SOURCES,
  GRID_MODES,
  TAX_CREDITS,
  type EvaluateResult,
} from '../../models/scenario.ts';
import { SitingCheck } from './siting.ts';

const N = Type.Number();
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const Hourly = Type.Array(Type.Number(), { minItems: 8760, maxItems: 8760 });

const Coverage = Type.Object({
  servedEnergyFraction: N,
  servedEnergyFractionP05: N,
  unservedMwh: N,
  lossOfLoadHours: N,
  hoursFullyServedFraction: N,
  reliability: N,
  firmCapacityMw: N,
  surplusMwh: N,
  p95ShortfallMw: N,
});

const AfterBackup = Type.Object({
  servedEnergyFraction: N,
  servedEnergyFractionP05: N,
  unservedMwh: N,
  lossOfLoadHours: N,
  reliability: N,
  energyBySourceMwh: Type.Object({ reactors: N, battery: N, gas: N, grid: N }),
  vollUsdPerMwh: N,
  unservedCostUsd: N,
});

const Grid = Type.Object({
  mode: Type.Enum(GRID_MODES),
  importLimitMw: N,
  importMwh: N,
  exportMwh: N,
  peakImportMw: N,
  importCostUsd: N,
  exportRevenueUsd: N,
});

const LineKind = Type.Enum(['co-located', 'gen-tie', 'ac', 'hvdc'] as const);

const DeploymentFields = {
  designId: Type.String(),
  units: Type.Integer(),
  distanceKm: N,
  voltageKv: NullableNumber,
  lossFraction: N,
  transmissionCapexUsd: N,
  codYear: Type.Integer(),
  lineKind: LineKind,
  lineTo: Type.Object(
    {
      kind: Type.Union([Type.Literal('campus'), Type.Literal('interconnection')]),
      plantId: Type.Union([Type.String(), Type.Null()], {
        description:
          'EIA-860 plant id (eia-<code>) of the interconnection point; null at the campus',
      }),
      name: Type.Union([Type.String(), Type.Null()]),
      kv: NullableNumber,
      lat: N,
      lon: N,
    },
    {
      description:
        'Where the line runs: the campus (islanded), or the nearest EIA-860 plant at ≥ 345 kV (grid-connected)',
    },
  ),
  circuits: Type.Union([Type.Literal(1), Type.Literal(2)]),
  lineOutagesPerYear: NullableNumber,
  lineAvailability: N,
  state: Type.Union([Type.String(), Type.Null()]),
  locationMultiplier: N,
  capexUsd: N,
  unitCapitalUsdPerKw: Type.Array(N),
  energyCommunity: Type.Boolean(),
  lifetimeAvailability: N,
  lcoeUsdPerMwh: N,
};

const TornadoBar = Type.Object({
  parameter: Type.Enum(TORNADO_PARAMETERS),
  label: Type.String(),
  lowInput: Type.String(),
  highInput: Type.String(),
  lowUsdPerMwh: N,
  highUsdPerMwh: N,
  baseUsdPerMwh: N,
});

const Economics = Type.Object({
  lcoeUsdPerMwh: NullableNumber,
  deliveredCostUsdPerMwh: NullableNumber,
  capexUsd: N,
  transmissionCapexUsd: N,
  backupCapexUsd: N,
  annualUsd: Type.Object({
    reactorCapital: N,
    reactorFixedOm: N,
    reactorFuelAndVom: N,
    decommissioning: N,
    taxCredit: N,
    lines: N,
    backupCapital: N,
    gasFuel: N,
    gridImport: N,
    gridExportRevenue: N,
  }),
  taxCredit: Type.Enum(TAX_CREDITS),
  tornado: Type.Array(TornadoBar),
});

const TimelineYear = Type.Object({
  year: Type.Integer(),
  demandPeakMw: N,
  firmSupplyMw: N,
  gapMw: N,
  servedEnergyFraction: Type.Optional(N),
  servedEnergyFractionAfterBackup: Type.Optional(N),
  lossOfLoadHours: Type.Optional(N),
  lossOfLoadHoursAfterBackup: Type.Optional(N),
  deliveredCostUsdPerMwh: Type.Optional(NullableNumber),
});

const ScheduleYear = Type.Object({
  year: Type.Integer(),
  planYear: Type.Integer(),
  outages: Type.Array(
    Type.Object({
      deployment: Type.Integer(),
      unit: Type.Integer(),
      kind: Type.Enum(['refuelling', 'maintenance'] as const),
      start: Type.String({ format: 'date' }),
      end: Type.String({ format: 'date' }),
    }),
  ),
});

const resultFields = {
  year: Type.Integer(),
  demand: Type.Object({ peakMw: N, meanMw: N, annualGwh: N, loadFactor: N }),
  supply: Type.Object({
    nameplateMw: N,
    meanAvailableMw: N,
    capacityFactor: N,
    annualGwh: N,
    dispatchedMwh: N,
    curtailedMwh: N,
    lineOutageMwh: N,
  }),
  coverage: Coverage,
  afterBackup: AfterBackup,
  grid: Grid,
  nMinus1: Type.Object({ pass: Type.Boolean(), contingencyMw: N }),
  economics: Economics,
  backup: Type.Object({
    gasMw: N,
    gasSized: Type.Boolean(),
    batteryMw: N,
    batteryMwh: N,
    order: Type.Array(Type.Enum(DISPATCH_SOURCES)),
  }),
  planPeriodYears: Type.Integer(),
  schedule: Type.Array(ScheduleYear),
  timeline: Type.Array(TimelineYear),
  hourly: Type.Object({ demandMw: Hourly, deliveredMw: Hourly }),
  assumptions: Type.Array(Type.String()),
  warnings: Type.Array(Type.String()),
};

/** The model's answer, without the route's siting. */
export const ModelEvaluateResult = Type.Object({
  ...resultFields,
  deployments: Type.Array(Type.Object(DeploymentFields)),
});

const Siting = Type.Union([
  Type.Object({ pass: Type.Boolean(), checks: Type.Array(SitingCheck) }),
  Type.Null(),
]);

export const EvaluateResponse = Type.Object(
  {
    ...resultFields,
    deployments: Type.Array(Type.Object({ ...DeploymentFields, siting: Siting })),
  },
  { $id: 'EvaluateResponse', description: 'Coverage, backup, grid, economics and timeline' },
);
export type EvaluateResponseBody = Static<typeof EvaluateResponse>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameResult: Same<Static<typeof ModelEvaluateResult>, EvaluateResult> = true;
void _sameResult;
