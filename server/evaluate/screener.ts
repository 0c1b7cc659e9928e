// Runs screens off the event loop (issue 12: a 20,000-cell screen took 1.6 s on it), in a pool
// of its own so a screen never holds up the evaluations' worker. Bounded: one screen more than
// `maxActive` running or queued answers 503 OVERLOADED. `workers: 0` runs inline (tests).
import type { ScreenProgress, SitingData } from '../../models/siting.ts';
import { abortError, WorkerPool } from './pool.ts';
import { runScreen, type ScreenGeo, type ScreenTask } from './screen-task.ts';
import { ShedError } from './shed.ts';
import { unwrap, type TaskOutcome } from './tasks.ts';

export interface ScreenerOptions {
  geo: ScreenGeo;
  /** The inline path's data (the app's, with its population index). */
  inlineData: () => SitingData;
  workers: number;
  maxActive: number;
}

export interface Screener {
  /** The answer as JSON text; progress as the model yields it. */
  screen(
    task: ScreenTask,
    options?: { signal?: AbortSignal; onProgress?: (progress: ScreenProgress) => void },
  ): Promise<string>;
  /** Builds the worker's population index now, so the first screen does not wait. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export function createScreener(options: ScreenerOptions): Screener {
  let pool: WorkerPool<ScreenTask | 'warm', TaskOutcome> | null = null;
  // Started at the first screen (or warm): most test apps never screen.
  const poolOf = () =>
    (pool ??= new WorkerPool(
      new URL('./screen-worker.ts', import.meta.url),
      options.workers,
      options.geo,
    ));
  let active = 0;
  return {
    async screen(task, { signal, onProgress } = {}) {
      if (active >= options.maxActive) {
        throw new ShedError(
          'OVERLOADED',
          `${active} screens are running or queued, the most this server takes at once ` +
            '(SCREEN_MAX_ACTIVE); retry after the Retry-After seconds.',
          2,
        );
      }
      if (signal?.aborted) throw abortError(signal);
      active += 1;
      try {
        if (options.workers === 0) {
          return unwrap<string>(runScreen(task, options.inlineData(), (p) => onProgress?.(p)));
        }
        const outcome = await poolOf().run(task, {
          signal,
          onProgress: (p) => onProgress?.(p as ScreenProgress),
        });
        return unwrap<string>(outcome);
      } finally {
        active -= 1;
      }
    },
    async warm() {
      if (options.workers > 0) await poolOf().run('warm');
    },
    async close() {
      await pool?.close();
    },
  };
}
