// The optimiser over HTTP (issue 13): POST /api/optimise queues a job, GET /api/jobs/:id is
// polled until it finishes (simpler and sturdier than holding an event stream open through
// proxies), DELETE /api/jobs/:id cancels. The wire shapes are server/schemas' Static<> types.
import type { Static } from 'typebox';
import type {
  OptimiseRequest as OptimiseRequestSchema,
  OptimiseResult as OptimiseResultSchema,
} from '../../../server/schemas/optimise.ts';
import type { JobStatusBody } from '../../../server/schemas/jobs.ts';
import type {
  ScenarioOptimisationBody,
  StoredOptimiseResultBody,
} from '../../../server/schemas/scenario.ts';
import { apiError, authorisedFetch, getJson, postJson } from '../../api/client.ts';

export type OptimiseRequest = Static<typeof OptimiseRequestSchema>;
export type OptimiseResult = Static<typeof OptimiseResultSchema>;
export type RankedFleet = OptimiseResult['ranked'][number];
export type OptimiseDeployment = RankedFleet['deployments'][number];
export type OptimiseObjective = NonNullable<OptimiseRequest['objective']>;
/** The result as a saved scenario keeps it: the best fleet without its full evaluation. */
export type StoredOptimiseResult = StoredOptimiseResultBody;
export type ScenarioOptimisation = ScenarioOptimisationBody;

/** Drops the best fleet's evaluation (hourly arrays, hundreds of kB): nothing shown needs it. */
export function storedResult(result: OptimiseResult): StoredOptimiseResult {
  if (!result.best) return { ...result, best: null };
  const { evaluation: _evaluation, ...best } = result.best;
  return { ...result, best };
}

/** The job's status with the optimiser's result typed. */
export type OptimiseJob = Omit<JobStatusBody, 'result'> & { result?: OptimiseResult };

/** How often the job is asked for its progress: quick enough for a live bar, light on the server. */
export const POLL_MS = 250;

const FINISHED = new Set(['done', 'failed', 'cancelled']);
export const isFinished = (job: OptimiseJob): boolean => FINISHED.has(job.state);

export const startOptimise = (request: OptimiseRequest) =>
  postJson<{ jobId: string; statusUrl: string }>('/api/optimise', request);

export const jobStatus = (jobId: string) => getJson<OptimiseJob>(`/api/jobs/${jobId}`);

export async function cancelJob(jobId: string): Promise<void> {
  const path = `/api/jobs/${jobId}`;
  const response = await authorisedFetch(path, { method: 'DELETE' });
  if (!response.ok) throw apiError(response, await response.json().catch(() => null), path);
}

/** Polls the job until it finishes, handing each status over; `stopped()` ends it early. */
export async function watchJob(
  jobId: string,
  onStatus: (job: OptimiseJob) => void,
  stopped: () => boolean,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<OptimiseJob | null> {
  for (;;) {
    if (stopped()) return null;
    const job = await jobStatus(jobId);
    if (stopped()) return null;
    onStatus(job);
    if (isFinished(job)) return job;
    await sleep(POLL_MS);
  }
}
