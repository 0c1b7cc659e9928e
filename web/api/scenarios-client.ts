// Typed calls for saved scenarios (server/routes/scenarios.ts) and evaluation. Every call goes
// through authorisedFetch, so a server with AUTH_TOKENS works the same; a 412 on PUT becomes a
// ConflictError carrying the version that won, so the caller can offer "reload theirs" or
// "save mine as a copy" without losing either.
import { ApiError, apiError, authorisedFetch, isAbort } from './client.ts';
import type {
  EvaluateRequest,
  EvaluateResponse,
  SavedScenario,
  ScenarioSaveInput,
  ScenarioList,
  ScenarioSummary,
  StaleVersionDetails,
} from './scenario-types.ts';

/** Someone else saved a newer version: `details.current` is theirs, in full. */
export class ConflictError extends ApiError {
  constructor(
    message: string,
    path: string,
    readonly details: StaleVersionDetails,
  ) {
    super(412, 'STALE_VERSION', message, path);
    this.name = 'ConflictError';
  }
}

export interface ScenariosClient {
  list(): Promise<ScenarioSummary[]>;
  get(id: string): Promise<{ scenario: SavedScenario; etag: string | null }>;
  create(input: ScenarioSaveInput): Promise<SavedScenario>;
  /** PUT with If-Match "v<version>"; throws ConflictError on 412. */
  update(id: string, version: number, input: ScenarioSaveInput): Promise<SavedScenario>;
  remove(id: string): Promise<void>;
  evaluateSaved(id: string, signal?: AbortSignal): Promise<EvaluateResponse>;
  evaluate(request: EvaluateRequest, signal?: AbortSignal): Promise<EvaluateResponse>;
}

/** The If-Match (and ETag) of a version: "v3". */
export const versionTag = (version: number): string => `"v${version}"`;

const isStale = (
  body: unknown,
): body is { error: { message: string; details: StaleVersionDetails } } => {
  const error = (body as { error?: { code?: unknown; details?: { current?: unknown } } } | null)
    ?.error;
  return error?.code === 'STALE_VERSION' && typeof error.details?.current === 'object';
};

export function createScenariosClient(fetchImpl: typeof fetch = fetch): ScenariosClient {
  async function call(
    path: string,
    init: RequestInit = {},
  ): Promise<{ response: Response; body: unknown }> {
    let response: Response;
    try {
      response = await authorisedFetch(
        path,
        {
          ...init,
          headers: {
            accept: 'application/json',
            ...(init.body ? { 'content-type': 'application/json' } : {}),
            ...(init.headers as Record<string, string> | undefined),
          },
        },
        fetchImpl,
      );
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw new ApiError(0, 'NETWORK', `no answer from the server (${String(cause)})`, path);
    }
    const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    init.signal?.throwIfAborted();
    if (response.status === 412 && isStale(body))
      throw new ConflictError(body.error.message, path, body.error.details);
    if (!response.ok) throw apiError(response, body, path);
    if (body === null && response.status !== 204)
      throw new ApiError(response.status, 'BAD_JSON', 'the answer was not JSON', path);
    return { response, body };
  }
  const json = (body: unknown) => JSON.stringify(body);
  const path = (id: string) => `/api/scenarios/${encodeURIComponent(id)}`;

  return {
    async list() {
      const { body } = await call('/api/scenarios');
      return (body as ScenarioList).scenarios;
    },
    async get(id) {
      const { response, body } = await call(path(id));
      return { scenario: body as SavedScenario, etag: response.headers.get('etag') };
    },
    async create(input) {
      const { body } = await call('/api/scenarios', { method: 'POST', body: json(input) });
      return body as SavedScenario;
    },
    async update(id, version, input) {
      const { body } = await call(path(id), {
        method: 'PUT',
        body: json(input),
        headers: { 'if-match': versionTag(version) },
      });
      return body as SavedScenario;
    },
    async remove(id) {
      await call(path(id), { method: 'DELETE' });
    },
    async evaluateSaved(id, signal) {
      const { body } = await call(`${path(id)}/evaluate`, { method: 'POST', signal });
      return body as EvaluateResponse;
    },
    async evaluate(request, signal) {
      const { body } = await call('/api/evaluate', { method: 'POST', body: json(request), signal });
      return body as EvaluateResponse;
    },
  };
}

/** The app's client (the page's fetch). */
export const scenariosClient: ScenariosClient = createScenariosClient();
