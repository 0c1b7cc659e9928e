// Top-bar search: campuses, states, cities (GET /api/places), candidate sites, operators and
// owners. An accessible combobox (WAI-ARIA 1.2): suggestions appear as the user types in a
// role=listbox, arrows move the active option (aria-activedescendant), Enter or a click picks
// it and flies the map there, Escape closes. Matching and ranking live in match.ts (pure).
import { shortCampusName } from '../../map/campus-mw.ts';
import { SITE_KINDS } from '../../map/layers/sites.ts';
import type { SiteKind } from '../../../models/records.ts';
import type { AppState, Store } from '../../state/store.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { buildEntries, rankEntries, type SearchEntry, type StateInput } from './match.ts';

export type { SearchEntry } from './match.ts';

export function searchEntries(state: AppState, states: StateInput[] = []): SearchEntry[] {
  const ready = <T>(l: { status: string; data?: T }) => (l.status === 'ready' ? l.data : undefined);
  const campuses = ready(state.campuses)?.features ?? [];
  const sites = ready(state.sites)?.features ?? [];
  const places = ready(state.places)?.features ?? [];
  return buildEntries({
    campuses: campuses.map((f) => ({
      id: f.properties.id,
      name: f.properties.name,
      shortName: shortCampusName(f.properties.name),
      operator: f.properties.operator,
      city: f.properties.city,
      state: f.properties.state,
      coordinates: f.geometry.coordinates,
    })),
    sites: sites.map((f) => ({
      id: f.properties.id,
      name: f.properties.name,
      kindLabel: SITE_KINDS[f.properties.kind as SiteKind]?.label ?? f.properties.kind,
      owner: f.properties.owner,
      state: f.properties.state,
      coordinates: f.geometry.coordinates,
    })),
    places: places.map((f) => ({ ...f.properties, coordinates: f.geometry.coordinates })),
    states,
  });
}

const KIND_WORD: Record<SearchEntry['kind'], string> = {
  campus: 'Campus',
  state: 'State',
  place: 'City',
  site: 'Site',
};

export interface Search {
  element: HTMLElement;
  /** Adds the states (from the basemap labels, once they load). */
  setStates(states: StateInput[]): void;
}

export function createSearch(store: Store, onPick: (entry: SearchEntry) => void): Search {
  const listId = 'search-listbox';
  const input = h('input', {
    type: 'search',
    id: 'search',
    role: 'combobox',
    placeholder: 'Search campuses, cities, sites, operators, states',
    'aria-label': 'Search campuses, cities, sites, operators and states',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'search',
  });
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'search-list',
    'aria-label': 'Suggestions',
    hidden: true,
  });
  const status = h('span', { class: 'search-status', role: 'status', 'aria-live': 'polite' });

  let states: StateInput[] = [];
  let entries: SearchEntry[] = [];
  let shown: SearchEntry[] = [];
  let active = -1;
  const rebuild = () => (entries = searchEntries(store.get(), states));

  const setActive = (index: number) => {
    active = index;
    list.querySelectorAll('[role=option]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === active));
      if (i === active) option.scrollIntoView({ block: 'nearest' });
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const pick = (entry: SearchEntry) => {
    input.value = entry.name;
    close();
    status.textContent = '';
    onPick(entry);
  };
  const render = () => {
    const query = input.value.trim();
    shown = rankEntries(entries, query);
    replaceChildren(
      list,
      ...shown.map((entry, i) => {
        const option = h(
          'li',
          {
            id: `search-option-${i}`,
            role: 'option',
            class: 'search-option',
            'aria-selected': 'false',
            'data-testid': 'search-option',
            'data-kind': entry.kind,
            'data-id': entry.id,
          },
          h('span', { class: `search-kind search-kind-${entry.kind}` }, KIND_WORD[entry.kind]),
          h(
            'span',
            { class: 'search-text' },
            h('span', { class: 'search-name' }, entry.name),
            h('span', { class: 'search-detail' }, entry.detail),
          ),
        );
        // mousedown, not click: the input keeps focus and the list stays until the pick.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(entry);
        });
        return option;
      }),
    );
    const open = shown.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    setActive(-1);
    status.textContent =
      query && !open ? `Nothing matches “${query}”` : open ? `${shown.length} suggestions` : '';
    status.classList.toggle('is-empty', Boolean(query && !open));
  };

  input.addEventListener('input', render);
  input.addEventListener('focus', () => input.value.trim() && render());
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) render();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      // A site popup takes focus; without this the same Enter would press its close button.
      event.preventDefault();
      if (list.hidden) render();
      const entry = shown[active] ?? shown[0];
      if (entry) pick(entry);
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    }
  });
  store.subscribe((state, previous) => {
    if (
      state.campuses !== previous.campuses ||
      state.sites !== previous.sites ||
      state.places !== previous.places
    )
      rebuild();
  });
  rebuild();
  return {
    element: h('div', { class: 'search', role: 'search' }, input, list, status),
    setStates(next) {
      states = next;
      rebuild();
    },
  };
}
