// The wire shapes of /api/evaluate and /api/scenarios as the web app sends and reads them:
// the Static<> types of server/schemas, never restated here.
import type { EvaluateRequestBody, ScenarioInputBody } from '../../server/schemas/evaluate.ts';
import type { EvaluateResponseBody } from '../../server/schemas/evaluate-result.ts';
import type {
  ScenarioListBody,
  ScenarioOptimisationBody,
  ScenarioResponseBody,
  ScenarioSaveInputBody,
  ScenarioSummaryBody,
  StaleVersionDetails,
} from '../../server/schemas/scenario.ts';

export type EvaluateRequest = EvaluateRequestBody;
export type EvaluateResponse = EvaluateResponseBody;
export type DeploymentInput = EvaluateRequestBody['deployments'][number];
export type EvaluateOptionsInput = NonNullable<EvaluateRequestBody['options']>;
export type GridOptionsInput = NonNullable<EvaluateOptionsInput['grid']>;
export type BackupOptionsInput = NonNullable<EvaluateOptionsInput['backup']>;
export type CampusRequest = EvaluateRequestBody['campus'];
export type DeploymentResult = EvaluateResponseBody['deployments'][number];
export type ScenarioInput = ScenarioInputBody;
/** POST/PUT /api/scenarios: a scenario and, if it came from the optimiser, its optimisation. */
export type ScenarioSaveInput = ScenarioSaveInputBody;
export type ScenarioOptimisation = ScenarioOptimisationBody;
export type SavedScenario = ScenarioResponseBody;
export type ScenarioSummary = ScenarioSummaryBody;
export type ScenarioList = ScenarioListBody;
export type { StaleVersionDetails };
