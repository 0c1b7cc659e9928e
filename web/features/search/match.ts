// Search matching and ranking, pure (tests/web/search.test.ts): what an entry is called, what
// else finds it (operator or owner, city, state code and name, the owner's initials: "TVA"),
// and how a query ranks the matches: campuses always first, then candidate sites, then places
// (bigger first) and states, each by how well the query matches.
import type { Position } from 'geojson';

export type SearchKind = 'campus' | 'state' | 'place' | 'site';

export interface SearchEntry {
  kind: SearchKind;
  /** Unique within its kind: a campus or site id, "place:Memphis:TN:US", "state:TN". */
  id: string;
  name: string;
  /** One line under the name: what it is and where. */
  detail: string;
  coordinates: Position;
  /** Other words that find it: operator or owner, city, state code and name. */
  keywords: string[];
  /** Orders places of equal match: bigger first. */
  population?: number;
}

/** The best suggestions a query shows. */
export const MAX_SUGGESTIONS = 8;

/** Campuses first (what a planner is looking for), then candidate sites, then places and states. */
const KIND_RANK: Record<SearchKind, number> = { campus: 0, site: 1, place: 2, state: 2 };

/** Lower case, no accents, punctuation as spaces: "Doña Ana" → "dona ana". */
export const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "Tennessee Valley Authority" → "tva": initials of a name of three words or more. */
export function initials(text: string): string | null {
  const words = normalize(text)
    .split(' ')
    .filter((w) => w && !['of', 'and', 'the', 'de', 'la', 'del', 'y'].includes(w));
  return words.length >= 3 ? words.map((w) => w[0]).join('') : null;
}

/**
 * How well `q` (normalized) matches `text`: 4 the whole text, 3 its start, 2 the start of a
 * word, 1 anywhere (queries of 3+ characters only), 0 not at all.
 */
export function matchLevel(text: string, q: string): number {
  const t = normalize(text);
  if (!q || !t) return 0;
  if (t === q) return 4;
  if (t.startsWith(q)) return 3;
  if (` ${t}`.includes(` ${q}`)) return 2;
  return q.length >= 3 && t.includes(q) ? 1 : 0;
}

/** The entry's score for a query, 0 when it does not match: name counts above keywords. */
export function scoreEntry(entry: SearchEntry, q: string): number {
  const byName = matchLevel(entry.name, q);
  let byKeyword = 0;
  for (const keyword of entry.keywords) {
    byKeyword = Math.max(byKeyword, matchLevel(keyword, q));
    const abbreviation = initials(keyword);
    if (abbreviation === q) byKeyword = Math.max(byKeyword, 3);
  }
  // A keyword that is matched whole (a state code, a city) is as good as a name's start.
  return Math.max(byName * 2, byKeyword === 4 ? 6 : byKeyword);
}

/** The matches of a query, best first, at most `limit`. */
export function rankEntries(
  entries: readonly SearchEntry[],
  query: string,
  limit = MAX_SUGGESTIONS,
): SearchEntry[] {
  const q = normalize(query);
  if (!q) return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const score = scoreEntry(entry, q);
    if (score > 0) scored.push({ entry, score });
  }
  scored.sort(
    (a, b) =>
      KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind] ||
      b.score - a.score ||
      (b.entry.population ?? 0) - (a.entry.population ?? 0) ||
      a.entry.name.localeCompare(b.entry.name),
  );
  return scored.slice(0, limit).map((s) => s.entry);
}

/** The single best match (Enter with no suggestion chosen). */
export const findEntry = (entries: readonly SearchEntry[], query: string) =>
  rankEntries(entries, query, 1)[0];

// --- Building entries from the app's data -------------------------------------------------

export interface CampusInput {
  id: string;
  /** The record's full name: "xAI Colossus 2 – Tulane Rd (Whitehaven) + Southaven MS …". */
  name: string;
  /** What the map labels it and the suggestion shows ("Stargate I – Abilene"); default name. */
  shortName?: string;
  operator?: string;
  city?: string;
  state?: string;
  coordinates: Position;
}
export interface SiteInput {
  id: string;
  name: string;
  kindLabel: string;
  owner?: string;
  state?: string;
  coordinates: Position;
}
export interface PlaceInput {
  name: string;
  adminCode: string;
  country: string;
  population: number;
  coordinates: Position;
}
export interface StateInput {
  /** USPS code. */
  code: string;
  name: string;
  coordinates: Position;
}

const POPULATION = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const COUNTRY_NAMES: Record<string, string> = { US: 'USA', CA: 'Canada', MX: 'Mexico' };

/** Operators are written "Crusoe (builder/operator); Oracle (…)": each company is a keyword. */
export const operatorNames = (operator: string | undefined): string[] =>
  operator
    ? operator
        .replace(/\([^)]*\)/g, ' ')
        .split(/[;+/,]|\band\b/)
        .map((part) => part.trim())
        .filter(Boolean)
    : [];

export function buildEntries(input: {
  campuses: CampusInput[];
  sites: SiteInput[];
  places: PlaceInput[];
  states: StateInput[];
}): SearchEntry[] {
  const stateName = new Map(input.states.map((s) => [s.code, s.name]));
  const stateWords = (code: string | undefined) =>
    code ? [code, stateName.get(code) ?? ''].filter(Boolean) : [];
  const campuses = input.campuses.map((c): SearchEntry => ({
    kind: 'campus',
    id: c.id,
    name: c.shortName ?? c.name,
    detail: `AI campus · ${[c.city?.split('(')[0].trim(), c.state].filter(Boolean).join(', ')}`,
    coordinates: c.coordinates,
    keywords: [
      ...(c.shortName && c.shortName !== c.name ? [c.name] : []),
      ...operatorNames(c.operator),
      ...(c.city ? c.city.split(/[/(]/).map((s) => s.trim()) : []),
      ...stateWords(c.state),
    ].filter(Boolean),
  }));
  const states = input.states.map((s): SearchEntry => ({
    kind: 'state',
    id: `state:${s.code}`,
    name: s.name,
    detail: `State · ${s.code}`,
    coordinates: s.coordinates,
    keywords: [s.code],
  }));
  const places = input.places.map((p): SearchEntry => {
    const where = p.country === 'US' ? `${p.adminCode}, USA` : COUNTRY_NAMES[p.country];
    return {
      kind: 'place',
      id: `place:${p.name}:${p.adminCode}:${p.country}`,
      name: p.name,
      detail: `City · ${where} · ${POPULATION.format(p.population)} people`,
      coordinates: p.coordinates,
      // A city is found by its name; a state code would list every town in the state.
      keywords: [],
      population: p.population,
    };
  });
  const sites = input.sites.map((s): SearchEntry => ({
    kind: 'site',
    id: s.id,
    name: s.name,
    detail: `${s.kindLabel}${s.state ? ` · ${s.state}` : ''}`,
    coordinates: s.coordinates,
    keywords: [...(s.owner ? [s.owner] : []), ...stateWords(s.state)],
  }));
  return [...campuses, ...states, ...places, ...sites];
}
