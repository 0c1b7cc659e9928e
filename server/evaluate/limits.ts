// The compute limits the evaluate and screen routes enforce (README "Limits and how to tune
// them"); server/config.ts reads them from the environment.
import { DEFAULT_BUDGETS, type ComputeBudgets } from './budget.ts';

export interface ComputeLimits extends ComputeBudgets {
  /** Evaluations computing at once; one more answers 503 OVERLOADED (EVALUATE_MAX_ACTIVE). */
  evaluateMaxActive: number;
  /** Screens running or queued at once; one more answers 503 (SCREEN_MAX_ACTIVE). */
  screenMaxActive: number;
  /** An evaluate or screen running longer answers 503 TIMEOUT (COMPUTE_TIMEOUT_MS). */
  computeTimeoutMs: number;
}

export const DEFAULT_LIMITS: ComputeLimits = {
  ...DEFAULT_BUDGETS,
  evaluateMaxActive: 8,
  screenMaxActive: 4,
  computeTimeoutMs: 30_000,
};

declare module 'fastify' {
  interface FastifyInstance {
    computeLimits: ComputeLimits;
  }
}
