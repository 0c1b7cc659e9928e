// POST /api/sites/check and the streamed POST /api/screen/stream. The stream reports progress
// (candidate sites, then grid cells in chunks) and ends with the same answer as /api/screen.
import { ApiError, apiError, authorisedFetch, isAbort, postJson } from './client.ts';
import type {
  ScreenProgress,
  ScreenRequest,
  ScreenResponse,
  SiteCheckRequest,
  SiteCheckResponse,
} from './siting-types.ts';
import { readEventStream } from './sse.ts';

const STREAM_PATH = '/api/screen/stream';

export const checkSite = (request: SiteCheckRequest, signal?: AbortSignal) =>
  postJson<SiteCheckResponse>('/api/sites/check', request, signal);

export async function screenStream(
  request: ScreenRequest,
  onProgress: (progress: ScreenProgress) => void,
  signal?: AbortSignal,
): Promise<ScreenResponse> {
  let response: Response;
  try {
    response = await authorisedFetch(STREAM_PATH, {
      method: 'POST',
      body: JSON.stringify(request),
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      signal,
    });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw new ApiError(0, 'NETWORK', `no answer from the server (${String(cause)})`, STREAM_PATH);
  }
  // Input errors answer 400/404 JSON before the stream starts.
  if (!response.ok || !response.body) {
    const body: unknown = await response.json().catch(() => null);
    throw apiError(response, body, STREAM_PATH);
  }
  // Filled by the event callback: a holder, so the compiler does not narrow it to null.
  const got: { result?: ScreenResponse; failure?: ApiError } = {};
  await readEventStream(response.body, ({ event, data }) => {
    const parsed = JSON.parse(data) as unknown;
    if (event === 'progress') onProgress(parsed as ScreenProgress);
    else if (event === 'result') got.result = parsed as ScreenResponse;
    else if (event === 'error') got.failure = apiError(response, parsed, STREAM_PATH);
  });
  signal?.throwIfAborted();
  if (got.failure) throw got.failure;
  if (!got.result) {
    throw new ApiError(
      response.status,
      'STREAM_ENDED',
      'the screen ended without a result',
      STREAM_PATH,
    );
  }
  return got.result;
}
