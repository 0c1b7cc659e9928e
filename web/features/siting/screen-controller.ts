// Runs the streamed screen: a newer request cancels the one in flight, weight changes wait
// ~300 ms so a dragged slider sends one request, progress drives the bar, and the last good
// result stays (dimmed while loading, marked stale after an error) as UX.md "States" asks.
import { ApiError } from '../../api/client.ts';
import { createLatestRequest } from '../../api/latest-request.ts';
import type {
  ScreenProgress,
  ScreenRequest,
  ScreenResponse,
  ScreenWeights,
} from '../../api/siting-types.ts';
import { rerank, type RankedSite } from './rerank.ts';

/** Long enough to cover a slider drag or a few arrow-key presses. */
export const WEIGHT_DEBOUNCE_MS = 300;

export interface ScreenState {
  /** The last good answer, and the request that produced it. */
  result: { response: ScreenResponse; request: ScreenRequest } | null;
  /** The answer's sites re-ranked under the current weights (instantly, as sliders move). */
  ranked: RankedSite[];
  loading: boolean;
  /** The request in flight changes more than the weights: the table is old, so dim it. */
  tableStale: boolean;
  progress: ScreenProgress | null;
  error: string | null;
}

export type FetchScreen = (
  request: ScreenRequest,
  onProgress: (progress: ScreenProgress) => void,
  signal: AbortSignal,
) => Promise<ScreenResponse>;

export interface ScreenController {
  run(request: ScreenRequest): void;
  /** Re-ranks the table at once, then asks the server again for the hexes. */
  reweight(weights: ScreenWeights): void;
  /** Forgets the result (another campus was chosen). */
  reset(): void;
  get(): ScreenState;
}

const idle = (): ScreenState => ({
  result: null,
  ranked: [],
  loading: false,
  tableStale: false,
  progress: null,
  error: null,
});

const sameButWeights = (a: ScreenRequest, b: ScreenRequest): boolean =>
  JSON.stringify({ ...a, weights: null }) === JSON.stringify({ ...b, weights: null });

export function createScreenController(
  fetchScreen: FetchScreen,
  onChange: (state: ScreenState) => void,
): ScreenController {
  let state = idle();
  let latest: ScreenRequest | null = null;
  const pending = createLatestRequest();

  const set = (patch: Partial<ScreenState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };

  function send(request: ScreenRequest, signal: AbortSignal): Promise<ScreenResponse> {
    return fetchScreen(request, (progress) => !signal.aborted && set({ progress }), signal);
  }

  function start(request: ScreenRequest, delayMs: number): void {
    latest = request;
    const tableStale = !state.result || !sameButWeights(state.result.request, request);
    set({ loading: true, tableStale, progress: null });
    pending.start(
      delayMs,
      (signal) => send(request, signal),
      (response) => {
        const ranked = rerank(response.sites, response.weights);
        set({ result: { response, request }, ranked, loading: false, progress: null, error: null });
      },
      (error) => {
        const message = error instanceof ApiError ? error.message : String(error);
        set({ loading: false, progress: null, error: message });
      },
    );
  }

  return {
    run: (request) => start(request, 0),
    reweight(weights) {
      if (!latest) return;
      if (state.result) set({ ranked: rerank(state.result.response.sites, weights) });
      start({ ...latest, weights }, WEIGHT_DEBOUNCE_MS);
    },
    reset() {
      pending.cancel();
      latest = null;
      state = idle();
      onChange(state);
    },
    get: () => state,
  };
}
