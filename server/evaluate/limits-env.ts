// The compute limits from the environment (server/config.ts calls this): each a positive number
// in a range, or a problem naming the variable and the value.
import { DEFAULT_LIMITS, type ComputeLimits } from './limits.ts';

const VARIABLES: [keyof ComputeLimits, string, number, number][] = [
  ['evaluateMaxUnitTrialHours', 'EVALUATE_MAX_UNIT_TRIAL_HOURS', 1e6, 1e13],
  ['screenMaxCells', 'SCREEN_MAX_CELLS', 100, 20_000],
  ['evaluateMaxActive', 'EVALUATE_MAX_ACTIVE', 1, 1000],
  ['screenMaxActive', 'SCREEN_MAX_ACTIVE', 1, 1000],
  ['computeTimeoutMs', 'COMPUTE_TIMEOUT_MS', 100, 3_600_000],
];

export function computeLimitsFromEnv(
  env: Record<string, string | undefined>,
  problems: string[],
): ComputeLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name, min, max] of VARIABLES) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!/^\d+(\.\d+)?(e\d+)?$/i.test(text) || !(value >= min && value <= max)) {
      problems.push(`${name} must be a number ${min}..${max}, got ${JSON.stringify(text)}`);
    } else limits[key] = Math.floor(value);
  }
  return limits;
}

/** SHUTDOWN_DRAIN_MS: how long a closing server lets in-flight requests finish (default 10 s). */
export function drainMsFromEnv(
  env: Record<string, string | undefined>,
  problems: string[],
): number {
  const text = env.SHUTDOWN_DRAIN_MS ?? '10000';
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 600_000) {
    problems.push(`SHUTDOWN_DRAIN_MS must be an integer 0..600000, got ${JSON.stringify(text)}`);
    return 10_000;
  }
  return value;
}
