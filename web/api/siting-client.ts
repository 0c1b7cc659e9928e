// POST /api/sites/check and the streamed POST /api/screen/stream. The stream reports progress
// (candidate sites, then grid cells in chunks) and ends with the same answer as /api/screen.
import { postJson } from './client.ts';
import { postEventStream } from './post-stream.ts';
import type {
  ScreenProgress,
  ScreenRequest,
  ScreenResponse,
  SiteCheckRequest,
  SiteCheckResponse,
} from './siting-types.ts';

const STREAM_PATH = '/api/screen/stream';

export const checkSite = (request: SiteCheckRequest, signal?: AbortSignal) =>
  postJson<SiteCheckResponse>('/api/sites/check', request, signal);

export const screenStream = (
  request: ScreenRequest,
  onProgress: (progress: ScreenProgress) => void,
  signal?: AbortSignal,
): Promise<ScreenResponse> =>
  postEventStream<ScreenProgress, ScreenResponse>(STREAM_PATH, request, onProgress, signal);
