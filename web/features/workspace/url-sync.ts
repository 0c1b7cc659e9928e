// Puts the open scenario and the map view into the address bar (replaceState: no history entry
// per edit): the saved id, and while there are unsaved changes the spec itself, so a link
// always reopens what was on screen.
import type * as maplibregl from 'maplibre-gl';
import { saveStateOf, scenarioInput, type WorkspaceScenario } from '../../state/scenario.ts';
import type { Store } from '../../state/store.ts';
import { encodeUrlState, type UrlState } from '../../state/url-state.ts';

export function urlStateOf(
  scenario: WorkspaceScenario,
  savedKey: string | null,
  view: UrlState['view'],
): UrlState {
  const unsaved = saveStateOf(scenario, savedKey) !== 'saved';
  const input = scenarioInput(scenario);
  const state: UrlState = { view };
  if (scenario.id) state.scenarioId = scenario.id;
  if (unsaved && input) state.spec = input;
  else if (unsaved && scenario.campus) {
    const bare = Object.keys(scenario.campus).length === 1 && scenario.campus.id;
    if (bare) state.campusId = scenario.campus.id;
    else state.spec = { name: scenario.name, campus: scenario.campus };
  }
  return state;
}

export function attachUrlSync(map: maplibregl.Map, store: Store): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { scenario, savedKey } = store.get();
      const { lng, lat } = map.getCenter();
      const query = encodeUrlState(
        urlStateOf(scenario, savedKey, { lon: lng, lat, zoom: map.getZoom() }),
      );
      const next = `${location.pathname}${query}${location.hash}`;
      if (next !== `${location.pathname}${location.search}${location.hash}`)
        history.replaceState(history.state, '', next);
    }, 100);
  };
  map.on('moveend', write);
  store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario || state.savedKey !== previous.savedKey) write();
  });
}
