// Live coverage (issue 10): every change re-evaluates after a short debounce; a newer change
// cancels the requests of the older one, and an answer to an older change is never shown.
// Progressive: a quick answer at few trials is shown first, then the full answer replaces it
// (a quick answer that arrives after the full one is dropped). The last good result stays
// while loading and after an error (marked stale), as UX.md "Loading" and "Error" ask.
import { ApiError, isAbort } from '../../api/client.ts';
import type { EvaluateRequest, EvaluateResponse } from '../../api/scenario-types.ts';

/** Covers typing a number or a run of drags; short enough to feel live. */
export const EVALUATE_DEBOUNCE_MS = 150;
/** The quick answer's trials: ~50 ms on one worker, enough to show the figure's size. */
export const QUICK_TRIALS = 50;
/** The server's default trials (models/scenario/inputs.ts DEFAULT_TRIALS, DESIGN.md). */
export const DEFAULT_FULL_TRIALS = 500;

export type Quality = 'quick' | 'full';

export interface EvaluationState {
  /** The last good answer; null before the first one (or when there is nothing to evaluate). */
  result: EvaluateResponse | null;
  /** The request `result` answers, and at how many trials. */
  resultRequest: EvaluateRequest | null;
  quality: Quality | null;
  /** A request for the latest inputs is out (debounced or in flight). */
  loading: boolean;
  /** The quick answer is shown and the full one is on its way. */
  refining: boolean;
  /** What the latest run failed with, in the server's words (the result is then stale). */
  error: string | null;
  /** The shown result answers older inputs than the latest. */
  stale: boolean;
  /** No campus or no reactor yet: the coverage tab says how to place one. */
  empty: boolean;
}

export type FetchEvaluate = (
  request: EvaluateRequest,
  signal: AbortSignal,
) => Promise<EvaluateResponse>;

export interface EvaluationController {
  /** Evaluates `request` after `delayMs`; null: nothing to evaluate. */
  run(request: EvaluateRequest | null, delayMs?: number): void;
  cancel(): void;
  get(): EvaluationState;
}

export const idleEvaluation = (): EvaluationState => ({
  result: null,
  resultRequest: null,
  quality: null,
  loading: false,
  refining: false,
  error: null,
  stale: false,
  empty: true,
});

const trialsOf = (request: EvaluateRequest) => request.options?.trials ?? DEFAULT_FULL_TRIALS;

/** The quick version of a request, or null when the full one is already as quick. */
export function quickRequest(request: EvaluateRequest): EvaluateRequest | null {
  if (trialsOf(request) <= QUICK_TRIALS) return null;
  return { ...request, options: { ...request.options, trials: QUICK_TRIALS } };
}

export function createEvaluationController(
  fetchEvaluate: FetchEvaluate,
  onChange: (state: EvaluationState) => void,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
  now: () => number = Date.now,
): EvaluationController {
  let state = idleEvaluation();
  // A change after a quiet spell (a click, a drop) goes at once; changes that follow it within
  // the debounce (typing, a run of edits) wait until the input pauses.
  let lastRunAt = -Infinity;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controllers: AbortController[] = [];

  const set = (patch: Partial<EvaluationState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };
  const cancel = () => {
    generation += 1;
    timers.clearTimeout(timer);
    for (const controller of controllers) controller.abort();
    controllers = [];
  };

  function launch(request: EvaluateRequest, mine: number): void {
    const quick = quickRequest(request);
    let fullDone = false;
    const send = (body: EvaluateRequest, quality: Quality) => {
      const controller = new AbortController();
      controllers.push(controller);
      fetchEvaluate(body, controller.signal).then(
        (result) => {
          if (mine !== generation) return;
          if (quality === 'full') fullDone = true;
          else if (fullDone) return; // the full answer is already shown
          const refining = quality === 'quick';
          set({
            result,
            resultRequest: request,
            quality,
            loading: refining,
            refining,
            error: null,
            stale: false,
            empty: false,
          });
        },
        (error: unknown) => {
          if (mine !== generation || isAbort(error)) return;
          // A failed quick answer waits for the full one; a failed full answer ends the run.
          if (quality === 'quick' && !fullDone) return;
          cancel();
          set({
            loading: false,
            refining: false,
            error: error instanceof ApiError ? error.message : String(error),
            stale: state.result !== null,
          });
        },
      );
    };
    if (quick) send(quick, 'quick');
    send(request, 'full');
  }

  return {
    run(request, delayMs = EVALUATE_DEBOUNCE_MS) {
      cancel();
      if (request === null) {
        set(idleEvaluation());
        return;
      }
      const mine = generation;
      set({ loading: true, refining: false, empty: false, stale: state.result !== null });
      const quiet = now() - lastRunAt >= delayMs;
      lastRunAt = now();
      timer = timers.setTimeout(() => launch(request, mine), quiet ? 0 : delayMs);
    },
    cancel() {
      cancel();
      if (state.loading) set({ loading: false, refining: false });
    },
    get: () => state,
  };
}
