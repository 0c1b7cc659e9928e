// TypeBox schemas of POST /api/demand (DESIGN.md "Demand"): the request, and the 200 answer,
// which is the model's DemandResult. The cross-check schema is proved equal to the model's type
// at compile time, so the two cannot drift apart.
import { Type, type Static } from 'typebox';
import type { DemandCrossCheck } from '../../models/demand.ts';
import { CampusInput } from './campus.ts';
import { Confidence } from './common.ts';

export const DemandRequest = Type.Object(
  {
    campus: CampusInput,
    year: Type.Optional(Type.Integer({ minimum: 2024, maximum: 2045 })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
  },
  { additionalProperties: false },
);
export type DemandBody = Static<typeof DemandRequest>;

const Mw = Type.Number();

export const DemandCrossCheckSchema = Type.Object(
  {
    year: Type.Integer(),
    gpuCount: Type.Integer({ description: 'GPUs of every accelerator published for the year.' }),
    accelerator: Type.String({ description: "The gpu-power.json id, or ids joined by ' + '." }),
    accelerators: Type.Array(
      Type.Object({ accelerator: Type.String(), name: Type.String(), count: Type.Integer() }),
    ),
    modelledItMw: Mw,
    pueDesignPeak: Type.Number(),
    modelledFacilityPeakMw: Mw,
    publishedFacilityMw: Mw,
    differenceMw: Type.Number({ description: 'Modelled − published facility MW.' }),
    differenceFraction: Type.Number({ description: 'differenceMw / publishedFacilityMw.' }),
    confidence: Confidence,
    note: Type.String({ description: 'The arithmetic, with the published notes quoted.' }),
  },
  {
    description:
      "A year's published GPU counts as facility MW (reference-system kW × count × cluster adder × design-day PUE) against the published facility MW.",
  },
);

export const DemandResponse = Type.Object({
  year: Type.Integer(),
  seed: Type.Integer(),
  hourlyMw: Type.Array(Mw, { description: '8,760 hourly facility MW, local standard time' }),
  itHourlyMw: Type.Optional(Type.Array(Mw)),
  peakMw: Mw,
  itPeakMw: Mw,
  meanMw: Mw,
  loadFactor: Type.Number(),
  annualGwh: Type.Number(),
  p50Mw: Mw,
  p95Mw: Mw,
  p99Mw: Mw,
  loadDurationMw: Type.Array(Mw, { description: 'MW exceeded in 0%, 1%, …, 100% of hours' }),
  pueAnnual: Type.Number(),
  pueDesignPeak: Type.Number(),
  swing: Type.Object({ mw: Mw, flagged: Type.Boolean(), note: Type.String() }),
  ramp: Type.Array(Type.Object({ year: Type.Integer(), peakMw: Mw, annualGwh: Type.Number() })),
  crossChecks: Type.Array(DemandCrossCheckSchema, {
    description: 'Published GPU counts against published facility MW, by year; [] when none.',
  }),
  assumptions: Type.Array(Type.String()),
});

// Compile-time proof that the schema describes exactly the model's cross-check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameCrossCheck: Same<Static<typeof DemandCrossCheckSchema>, DemandCrossCheck> = true;
