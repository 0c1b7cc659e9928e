// Top-bar search by name over campuses and candidate sites; picking one flies the map to it.
import type { Position } from 'geojson';
import { shortCampusName } from '../../map/campus-mw.ts';
import { SITE_KINDS } from '../../map/layers/sites.ts';
import type { SiteKind } from '../../../models/records.ts';
import type { AppState, Store } from '../../state/store.ts';
import { h, replaceChildren } from '../../ui/dom.ts';

export interface SearchEntry {
  kind: 'campus' | 'site';
  id: string;
  name: string;
  detail: string;
  coordinates: Position;
}

export function searchEntries(state: AppState): SearchEntry[] {
  const campuses =
    state.campuses.status === 'ready'
      ? state.campuses.data.features.map((f) => ({
          kind: 'campus' as const,
          id: f.properties.id,
          name: shortCampusName(f.properties.name),
          detail: `AI campus · ${f.properties.state ?? ''}`,
          coordinates: f.geometry.coordinates,
        }))
      : [];
  const sites =
    state.sites.status === 'ready'
      ? state.sites.data.features.map((f) => ({
          kind: 'site' as const,
          id: f.properties.id,
          name: f.properties.name,
          detail: `${SITE_KINDS[f.properties.kind as SiteKind]?.label ?? f.properties.kind} · ${f.properties.state ?? ''}`,
          coordinates: f.geometry.coordinates,
        }))
      : [];
  return [...campuses, ...sites];
}

/** Exact name first, then names starting with the query, then names containing it. */
export function findEntry(entries: SearchEntry[], query: string): SearchEntry | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  const name = (e: SearchEntry) => e.name.toLowerCase();
  return (
    entries.find((e) => name(e) === q) ??
    entries.find((e) => name(e).startsWith(q)) ??
    entries.find((e) => name(e).includes(q))
  );
}

export function createSearch(store: Store, onPick: (entry: SearchEntry) => void): HTMLElement {
  const input = h('input', {
    type: 'search',
    id: 'search',
    list: 'search-options',
    placeholder: 'Search campuses and sites',
    'aria-label': 'Search campuses and sites by name',
    autocomplete: 'off',
    'data-testid': 'search',
  });
  const options = h('datalist', { id: 'search-options' });
  const status = h('span', { class: 'search-status', role: 'status', 'aria-live': 'polite' });

  let entries: SearchEntry[] = [];
  const refresh = (state: AppState) => {
    entries = searchEntries(state);
    replaceChildren(
      options,
      ...entries.map((e) => h('option', { value: e.name, label: e.detail })),
    );
  };
  // Enter and the change event both fire for one pick: act once per typed value.
  let handled = '';
  const pick = () => {
    if (input.value === handled) return;
    handled = input.value;
    const entry = findEntry(entries, input.value);
    status.textContent =
      entry || !input.value.trim() ? '' : `No campus or site matches “${input.value.trim()}”`;
    if (entry) onPick(entry);
  };
  input.addEventListener('input', () => (handled = ''));
  input.addEventListener('change', pick);
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    // A site popup takes focus; without this the same Enter would press its close button.
    event.preventDefault();
    pick();
  });
  store.subscribe((state, previous) => {
    if (state.campuses !== previous.campuses || state.sites !== previous.sites) refresh(state);
  });
  refresh(store.get());
  return h('div', { class: 'search', role: 'search' }, input, options, status);
}
