// The 2xx answers of /api/scenarios (DESIGN.md "Scenarios"): a saved scenario is the request it
// was saved from (ScenarioInput) plus its id, version (the ETag) and times; the list carries the
// same without the spec. The web app imports these Static<> types.
import { Type, type Static } from 'typebox';
import { ScenarioInput } from './evaluate.ts';
import { OptimiseRequest, OptimiseResult } from './optimise.ts';

// The optimiser's best fleet without its full evaluation (hourly arrays, hundreds of kB): the
// saved scenario's own evaluation is recomputed from its deployments, and the Optimise panel
// shows the ranked fleets and the Pareto front, which the rest of the result carries.
const StoredBest = Type.Object(
  Type.Omit(OptimiseResult.properties.best.anyOf[0], ['evaluation']).properties,
  {
    additionalProperties: false,
  },
);

/** OptimiseResult as a scenario stores it: `best` keeps its year and deployments only. */
export const StoredOptimiseResult = Type.Object({
  ...Type.Omit(OptimiseResult, ['best']).properties,
  best: Type.Union([StoredBest, Type.Null()]),
});
export type StoredOptimiseResultBody = Static<typeof StoredOptimiseResult>;

/** The optimisation a scenario was loaded from: the question and its answer, reopened as is. */
export const ScenarioOptimisation = Type.Object(
  { request: OptimiseRequest, result: StoredOptimiseResult },
  { additionalProperties: false },
);
export type ScenarioOptimisationBody = Static<typeof ScenarioOptimisation>;

/** The body of POST/PUT /api/scenarios: a scenario, optionally with its optimisation. */
export const ScenarioSaveInput = Type.Object(
  { ...ScenarioInput.properties, optimisation: Type.Optional(ScenarioOptimisation) },
  { additionalProperties: false },
);
export type ScenarioSaveInputBody = Static<typeof ScenarioSaveInput>;

/** GET /api/scenarios/:id/export.json: exactly a body POST /api/scenarios imports again. */
export const ScenarioExport = Type.Object(ScenarioSaveInput.properties, {
  additionalProperties: false,
  description: 'A saved scenario and its optimisation, as POST /api/scenarios takes it',
});
export type ScenarioExportBody = Static<typeof ScenarioExport>;

const SummaryFields = {
  id: Type.String({ format: 'uuid' }),
  workspace: Type.String(),
  name: Type.String(),
  version: Type.Integer({ minimum: 1, description: 'Sent as the ETag "v<version>"' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

export const ScenarioSummary = Type.Object(SummaryFields);
export type ScenarioSummaryBody = Static<typeof ScenarioSummary>;

export const ScenarioResponse = Type.Object(
  { ...ScenarioSaveInput.properties, ...SummaryFields },
  { $id: 'ScenarioResponse', description: 'A saved scenario; its ETag is "v<version>"' },
);
export type ScenarioResponseBody = Static<typeof ScenarioResponse>;

export const ScenarioList = Type.Object({ scenarios: Type.Array(ScenarioSummary) });
export type ScenarioListBody = Static<typeof ScenarioList>;

/** details of a 412 STALE_VERSION: the version and scenario that won, so nothing is lost. */
export interface StaleVersionDetails {
  currentVersion: number;
  current: ScenarioResponseBody;
}
