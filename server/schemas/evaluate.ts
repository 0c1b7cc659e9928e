// The evaluate request (DESIGN.md `POST /api/evaluate`) and a scenario (the same plus a name).
// Limits mirror the model's and answer 400 naming the field; the model re-checks what needs data.
import { Type, type Static } from 'typebox';
import {
  DISPATCH_SOURCES,
  EVALUATE_LIMITS as L,
  GRID_MODES,
  TAX_CREDITS,
} from '../../models/scenario.ts';
import { CampusInput } from './campus.ts';

export const LIMITS = {
  deployments: 20,
  unitsPerDeployment: 100,
  trialsMin: 20,
  trialsMax: 5000,
} as const;

export const Deployment = Type.Object(
  {
    designId: Type.String({ minLength: 1, maxLength: 80 }),
    units: Type.Integer({ minimum: 1, maximum: LIMITS.unitsPerDeployment }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    codYear: Type.Optional(Type.Integer({ minimum: 2024, maximum: 2045 })),
    circuits: Type.Optional(
      Type.Union([Type.Literal(1), Type.Literal(2)], {
        description: '1: single circuit (default); 2: double circuit, each carrying the transfer',
      }),
    ),
    siteId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'The candidate site it was placed on, if any (GET /api/sites); informational',
      }),
    ),
  },
  { additionalProperties: false },
);

const Price = Type.Number({ minimum: L.priceUsdPerMwhMin, maximum: L.priceUsdPerMwhMax });
const Mw = Type.Number({ minimum: 0, maximum: L.mwMax });

export const GridOptions = Type.Object(
  {
    mode: Type.Enum(GRID_MODES),
    importLimitMw: Type.Optional(Mw),
    importPriceUsdPerMwh: Type.Optional(Price),
    exportPriceUsdPerMwh: Type.Optional(Price),
    availability: Type.Optional(Type.Number({ minimum: L.gridAvailabilityMin, maximum: 1 })),
  },
  { additionalProperties: false },
);

export const BackupOptions = Type.Object(
  {
    gas: Type.Optional(
      Type.Object(
        {
          mw: Type.Optional(Mw),
          forcedOutageRate: Type.Optional(
            Type.Number({ minimum: 0, maximum: L.forcedOutageRateMax }),
          ),
          heatRateMmbtuPerMwh: Type.Optional(
            Type.Number({ minimum: L.heatRateMin, maximum: L.heatRateMax }),
          ),
          fuelPriceUsdPerMmbtu: Type.Optional(Type.Number({ minimum: 0, maximum: L.fuelPriceMax })),
        },
        { additionalProperties: false },
      ),
    ),
    battery: Type.Optional(
      Type.Object(
        {
          mw: Type.Optional(Mw),
          mwh: Type.Optional(Type.Number({ minimum: 0, maximum: L.mwhMax })),
          roundTripEfficiency: Type.Optional(
            Type.Number({ minimum: L.roundTripEfficiencyMin, maximum: 1 }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    order: Type.Optional(
      Type.Array(Type.Enum(DISPATCH_SOURCES), {
        minItems: 3,
        maxItems: 3,
        uniqueItems: true,
        description: 'Dispatch order after the reactors, e.g. ["battery", "gas", "grid"]',
      }),
    ),
  },
  { additionalProperties: false },
);

export const EconomicsOptions = Type.Object(
  {
    waccReal: Type.Optional(Type.Number({ minimum: 0, maximum: L.waccRealMax })),
    foakPremium: Type.Optional(
      Type.Number({ minimum: L.foakPremiumMin, maximum: L.foakPremiumMax }),
    ),
    learningRate: Type.Optional(Type.Number({ minimum: 0, maximum: L.learningRateMax })),
    taxCredit: Type.Optional(Type.Enum(TAX_CREDITS)),
  },
  { additionalProperties: false },
);

export const EvaluateOptions = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2024, maximum: 2045 })),
    trials: Type.Optional(Type.Integer({ minimum: LIMITS.trialsMin, maximum: LIMITS.trialsMax })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
    targetReliability: Type.Optional(Type.Number({ minimum: 0.5, maximum: 0.99999 })),
    years: Type.Optional(
      Type.Tuple(
        [
          Type.Integer({ minimum: L.yearMin, maximum: L.yearMax }),
          Type.Integer({ minimum: L.yearMin, maximum: L.yearMax }),
        ],
        { description: '[from, to]: each year gets its own Monte Carlo in the timeline' },
      ),
    ),
    grid: Type.Optional(GridOptions),
    backup: Type.Optional(BackupOptions),
    vollUsdPerMwh: Type.Optional(Type.Number({ minimum: 0, maximum: L.vollUsdPerMwhMax })),
    economics: Type.Optional(EconomicsOptions),
  },
  { additionalProperties: false },
);

const evaluateFields = {
  campus: CampusInput,
  deployments: Type.Array(Deployment, { minItems: 1, maxItems: LIMITS.deployments }),
  options: Type.Optional(EvaluateOptions),
};

export const EvaluateRequest = Type.Object(evaluateFields, { additionalProperties: false });
export type EvaluateRequestBody = Static<typeof EvaluateRequest>;

export const ScenarioInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), ...evaluateFields },
  { additionalProperties: false },
);
export type ScenarioInputBody = Static<typeof ScenarioInput>;
