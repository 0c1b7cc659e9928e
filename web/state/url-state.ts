// What the address bar carries (issue 10 "Scenarios"): the open saved scenario by id, or, while
// nothing is saved, the campus and the whole unsaved spec; and always the map view. A link
// therefore reopens what was on screen. Pure: the caller passes location.search in and puts
// the answer into history.replaceState.
import type { ScenarioInput } from '../api/scenario-types.ts';

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface UrlState {
  /** A saved scenario's id. */
  scenarioId?: string;
  /** A bundled campus with nothing else unsaved: ?campus=<id>. */
  campusId?: string;
  /**
   * An unsaved spec (a drawn or edited campus, placed reactors), as base64url JSON in ?s=;
   * with scenarioId, the unsaved edits of that saved scenario.
   */
  spec?: Partial<ScenarioInput> & Pick<ScenarioInput, 'campus'>;
  view?: MapView;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CAMPUS_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** Rounds the view so the URL stays short: ~1 m at 5 decimals, zoom to 0.01. */
const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.scenarioId) params.set('scenario', state.scenarioId);
  // A saved scenario with unsaved edits carries them too, so the link shows what was on screen.
  if (state.spec) params.set('s', toBase64Url(JSON.stringify(state.spec)));
  else if (state.campusId && !state.scenarioId) params.set('campus', state.campusId);
  if (state.view) {
    const { lon, lat, zoom } = state.view;
    params.set('view', `${round(lon, 5)},${round(lat, 5)},${round(zoom, 2)}`);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

function parseView(text: string | null): MapView | undefined {
  if (!text) return undefined;
  const parts = text.split(',');
  // Number('') is 0: an empty part (",,") must not read as the view 0,0,0.
  if (parts.length !== 3 || parts.some((part) => part.trim() === '')) return undefined;
  const [lon, lat, zoom] = parts.map(Number);
  const ok =
    [lon, lat, zoom].every(Number.isFinite) &&
    Math.abs(lon) <= 180 &&
    Math.abs(lat) <= 90 &&
    zoom >= 0 &&
    zoom <= 22;
  return ok ? { lon, lat, zoom } : undefined;
}

function parseSpec(text: string | null): UrlState['spec'] {
  if (!text) return undefined;
  try {
    const spec: unknown = JSON.parse(fromBase64Url(text));
    const campus = (spec as { campus?: unknown } | null)?.campus;
    if (!campus || typeof campus !== 'object' || Array.isArray(campus)) return undefined;
    // The server validates the rest when it is evaluated or saved.
    return spec as UrlState['spec'];
  } catch {
    return undefined;
  }
}

/** Reads location.search; anything malformed is ignored rather than trusted. */
export function decodeUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const state: UrlState = {};
  const scenario = params.get('scenario');
  if (scenario && UUID.test(scenario)) state.scenarioId = scenario.toLowerCase();
  const spec = parseSpec(params.get('s'));
  if (spec) state.spec = spec;
  const campus = params.get('campus');
  if (campus && CAMPUS_ID.test(campus) && !state.scenarioId && !state.spec) state.campusId = campus;
  const view = parseView(params.get('view'));
  if (view) state.view = view;
  return state;
}
