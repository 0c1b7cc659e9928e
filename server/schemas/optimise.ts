// The optimiser's request and result (issue 13, `POST /api/optimise`). The answer arrives as a
// job (server/schemas/jobs.ts); its `result` has the OptimiseResult shape.
import { Type, type Static } from 'typebox';
import { CampusInput } from './campus.ts';
import { GridOptions, LIMITS as EVALUATE_LIMITS } from './evaluate.ts';
import { ModelEvaluateResult } from './evaluate-result.ts';

export const OPTIMISE_OBJECTIVES = ['deliveredCost', 'annualisedCost', 'earliestYear'] as const;

export const OPTIMISE_LIMITS = {
  radiusKmMax: 2000,
  siteIdsMax: 50,
  designsMax: 8,
  maxUnitsPerSiteMax: 12,
  maxSitesMax: 6,
  candidatesMax: 40,
  /** Free placement: the best-scoring hexes of the suitability grid that pass every hard check. */
  hexesMax: 30,
  /** A range of study years searched one by one. */
  yearSpanMax: 12,
  /** Search trials per candidate: the Monte Carlo check of each of the best K. */
  trialsMax: 2000,
} as const;
const O = OPTIMISE_LIMITS;

export const OptimiseTarget = Type.Union([
  Type.Object(
    { servedEnergyFraction: Type.Number({ exclusiveMinimum: 0, maximum: 1 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { lossOfLoadHours: Type.Number({ minimum: 0, maximum: 8760 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      firmMw: Type.Union([
        Type.Literal('peak'),
        Type.Number({ exclusiveMinimum: 0, maximum: 1e6 }),
      ]),
      nMinus1: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
]);

export const OptimiseCandidates = Type.Union([
  Type.Object(
    { radiusKm: Type.Number({ exclusiveMinimum: 0, maximum: O.radiusKmMax }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      siteIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        minItems: 1,
        maxItems: O.siteIdsMax,
        uniqueItems: true,
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      /** How many hexes: the best-scoring cells (POST /api/screen's grid), spread apart. */
      hexes: Type.Integer({ minimum: 1, maximum: O.hexesMax }),
      /** The grid's radius around the campus; default 400 km. */
      radiusKm: Type.Optional(Type.Number({ minimum: 10, maximum: 1500 })),
    },
    { additionalProperties: false },
  ),
]);

const StudyYear = Type.Integer({ minimum: 2024, maximum: 2045 });
/** One study year, or a range searched year by year (each year's own demand and designs). */
export const OptimiseYear = Type.Union([
  StudyYear,
  Type.Object({ from: StudyYear, to: StudyYear }, { additionalProperties: false }),
]);

export const OptimiseRequest = Type.Object(
  {
    campus: CampusInput,
    year: OptimiseYear,
    target: OptimiseTarget,
    candidates: OptimiseCandidates,
    designs: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), {
      minItems: 1,
      maxItems: O.designsMax,
      uniqueItems: true,
    }),
    limits: Type.Optional(
      Type.Object(
        {
          maxUnitsPerSite: Type.Optional(
            Type.Integer({ minimum: 1, maximum: O.maxUnitsPerSiteMax }),
          ),
          maxSites: Type.Optional(Type.Integer({ minimum: 1, maximum: O.maxSitesMax })),
          budgetUsd: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e13 })),
        },
        { additionalProperties: false },
      ),
    ),
    objective: Type.Optional(
      Type.Union([
        Type.Literal(OPTIMISE_OBJECTIVES[0]),
        Type.Literal(OPTIMISE_OBJECTIVES[1]),
        Type.Literal(OPTIMISE_OBJECTIVES[2]),
      ]),
    ),
    options: Type.Optional(
      Type.Object(
        {
          trials: Type.Optional(
            Type.Integer({ minimum: EVALUATE_LIMITS.trialsMin, maximum: O.trialsMax }),
          ),
          seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
          grid: Type.Optional(GridOptions),
          /** K: fleets from the relaxation checked with the Monte Carlo each round (default 20). */
          candidates: Type.Optional(Type.Integer({ minimum: 1, maximum: O.candidatesMax })),
          /**
           * 'none' (default): the reactors meet the target alone. 'gas': each fleet gets gas
           * backup sized by the engine's rule (the reactors' shortfall at the target quantile
           * of trial-hours), and smaller reactor fleets are tried with more gas.
           */
          backup: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('gas')])),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type OptimiseRequest = Static<typeof OptimiseRequest>;

export const OptimiseDeployment = Type.Object({
  designId: Type.String(),
  units: Type.Integer(),
  lat: Type.Number(),
  lon: Type.Number(),
  siteId: Type.String(),
});

export const RankedFleet = Type.Object({
  /** The study year the fleet was sized and checked for. */
  year: Type.Integer(),
  deployments: Type.Array(OptimiseDeployment),
  deliveredCostUsdPerMwh: Type.Number(),
  servedEnergyFraction: Type.Number(),
  meetsTarget: Type.Boolean(),
  /** Gas backup sized for the fleet (0 without options.backup 'gas'). */
  backupGasMw: Type.Number(),
  reason: Type.String(),
});
export type RankedFleet = Static<typeof RankedFleet>;

/** A candidate site left out for some designs because a hard siting check fails there. */
export const SiteExclusion = Type.Object({
  siteId: Type.String(),
  designIds: Type.Array(Type.String()),
  /** The failing hard checks' ids (as POST /api/sites/check names them). */
  checkIds: Type.Array(Type.String()),
  reason: Type.String(),
});
export type SiteExclusion = Static<typeof SiteExclusion>;

export const OptimiseResult = Type.Object({
  /** The cheapest fleet meeting the target in the Monte Carlo; null when none did. */
  best: Type.Union([
    Type.Object({
      year: Type.Integer(),
      deployments: Type.Array(OptimiseDeployment),
      evaluation: ModelEvaluateResult,
    }),
    Type.Null(),
  ]),
  pareto: Type.Array(
    Type.Object({
      year: Type.Integer(),
      deployments: Type.Array(OptimiseDeployment),
      deliveredCostUsdPerMwh: Type.Number(),
      servedEnergyFraction: Type.Number(),
    }),
  ),
  ranked: Type.Array(RankedFleet),
  /**
   * Cost against the year of first full coverage: for each study year searched, the cheapest
   * fleet meeting the target then, kept when no earlier year's is as cheap.
   */
  paretoByYear: Type.Array(
    Type.Object({
      year: Type.Integer(),
      deployments: Type.Array(OptimiseDeployment),
      deliveredCostUsdPerMwh: Type.Number(),
    }),
  ),
  /** Each study year searched: the cheapest delivered cost meeting the target, or null. */
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      bestDeliveredCostUsdPerMwh: Type.Union([Type.Number(), Type.Null()]),
      evaluatedCount: Type.Integer(),
    }),
  ),
  evaluatedCount: Type.Integer(),
  candidateSiteCount: Type.Integer(),
  /** Candidate sites (per design) that failed a hard siting check, so were never proposed. */
  excludedSites: Type.Array(SiteExclusion),
});
export type OptimiseResult = Static<typeof OptimiseResult>;
