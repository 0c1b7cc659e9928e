// Runs /api/demand for the campus in view: edits wait ~250 ms so typing sends one request, a
// newer request cancels the one in flight, and the last good result stays (dimmed while
// loading, marked stale after an error) as UX.md "Loading" and "Error" ask.
import { ApiError } from '../../api/client.ts';
import { createLatestRequest } from '../../api/latest-request.ts';
import type { DemandRequest, DemandResponse } from '../../api/demand-types.ts';

/** Long enough to cover typing a number, short enough to feel live. */
export const EDIT_DEBOUNCE_MS = 250;

export interface DemandState {
  /** The last good result for this campus; null before the first one. */
  result: DemandResponse | null;
  loading: boolean;
  /** What the latest run failed with, in the server's words; the result is then stale. */
  error: string | null;
  /** No phase to model (none published or none complete): invite the user to enter one. */
  needsPhases: boolean;
}

export type FetchDemand = (request: DemandRequest, signal: AbortSignal) => Promise<DemandResponse>;

export interface DemandController {
  /** Models `request` after `delayMs`; null means there is nothing to model yet. */
  run(request: DemandRequest | null, delayMs?: number): void;
  /** Forgets everything (another campus was chosen). */
  reset(): void;
  get(): DemandState;
}

const idle = (): DemandState => ({ result: null, loading: false, error: null, needsPhases: false });

export function createDemandController(
  fetchDemand: FetchDemand,
  onChange: (state: DemandState) => void,
): DemandController {
  let state = idle();
  const latest = createLatestRequest();

  const set = (patch: Partial<DemandState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };
  const succeeded = (result: DemandResponse) =>
    set({ result, loading: false, error: null, needsPhases: false });
  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'NO_PUBLISHED_LOAD') {
      set({ result: null, loading: false, error: null, needsPhases: true });
    } else {
      set({ loading: false, error: error instanceof ApiError ? error.message : String(error) });
    }
  };

  return {
    run(request, delayMs = 0) {
      latest.cancel();
      if (request === null) {
        set({ result: null, loading: false, error: null, needsPhases: true });
        return;
      }
      set({ loading: true, needsPhases: false });
      latest.start(delayMs, (signal) => fetchDemand(request, signal), succeeded, failed);
    },
    reset() {
      latest.cancel();
      state = idle();
    },
    get: () => state,
  };
}
