// A POST answered with server-sent events: `progress` events while the server works, then one
// `result` or one `error` (the API's error shape). Input errors answer 4xx JSON before the
// stream starts. The screen and the report downloads both stream this way.
import { ApiError, apiError, authorisedFetch, isAbort } from './client.ts';
import { readEventStream } from './sse.ts';

export async function postEventStream<Progress, Result>(
  path: string,
  body: unknown,
  onProgress: (progress: Progress) => void,
  signal?: AbortSignal,
): Promise<Result> {
  let response: Response;
  try {
    response = await authorisedFetch(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      signal,
    });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw new ApiError(0, 'NETWORK', `no answer from the server (${String(cause)})`, path);
  }
  if (!response.ok || !response.body) {
    const parsed: unknown = await response.json().catch(() => null);
    throw apiError(response, parsed, path);
  }
  // Filled by the event callback: a holder, so the compiler does not narrow it to null.
  const got: { result?: Result; failure?: ApiError } = {};
  await readEventStream(response.body, ({ event, data }) => {
    const parsed = JSON.parse(data) as unknown;
    if (event === 'progress') onProgress(parsed as Progress);
    else if (event === 'result') got.result = parsed as Result;
    else if (event === 'error') got.failure = apiError(response, parsed, path);
  });
  signal?.throwIfAborted();
  if (got.failure) throw got.failure;
  if (!got.result)
    throw new ApiError(response.status, 'STREAM_ENDED', 'the answer ended without a result', path);
  return got.result;
}
