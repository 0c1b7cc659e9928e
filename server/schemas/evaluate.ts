// The evaluate request (DESIGN.md `POST /api/evaluate`) and a scenario (the same plus a name).
// Limits mirror the model's and answer 400 naming the field; the model re-checks what needs data.
import { Type, type Static } from 'typebox';
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
  },
  { additionalProperties: false },
);

export const EvaluateOptions = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2024, maximum: 2045 })),
    trials: Type.Optional(Type.Integer({ minimum: LIMITS.trialsMin, maximum: LIMITS.trialsMax })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
    targetReliability: Type.Optional(Type.Number({ minimum: 0.5, maximum: 0.99999 })),
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
