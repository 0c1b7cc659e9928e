// The 2xx answers of /api/scenarios (DESIGN.md "Scenarios"): a saved scenario is the request it
// was saved from (ScenarioInput) plus its id, version (the ETag) and times; the list carries the
// same without the spec. The web app imports these Static<> types.
import { Type, type Static } from 'typebox';
import { ScenarioInput } from './evaluate.ts';

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
  { ...ScenarioInput.properties, ...SummaryFields },
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
