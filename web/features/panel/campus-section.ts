// Campus tab: choose a campus (or draw a new one on the map), then read its modelled demand and
// published figures. Edits to a campus are kept per campus for the session.
import type { CampusFeature } from '../../api/client.ts';
import { shortCampusName } from '../../map/campus-mw.ts';
import type { AppState, Store } from '../../state/store.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { createCampusView, type CampusView } from '../campus/campus-view.ts';
import { draftFromCampus, type CampusDraft } from '../campus/draft.ts';
import type { DemandRequest } from '../../api/demand-types.ts';
import type { CampusRequest } from '../../api/scenario-types.ts';
import { createNewCampus, type NewCampusHooks } from '../campus/new-campus.ts';
import { campusList } from './campus-list.ts';
import { errorState, skeleton } from './states.ts';

const CHOOSE_PROMPT = {
  loading: 'Loading campuses…',
  ready: 'Choose a campus…',
  error: 'Campuses unavailable',
} as const;

export interface CampusActions {
  selectCampus(id: string): void;
  retry(): void;
  armCampusPlacement: NewCampusHooks['arm'];
  /** Each demand request of the campus in view: the scenario evaluates that campus. */
  campusRequest(request: DemandRequest | null): void;
}

/**
 * The draft for a campus: the scenario's own campus fields when it was saved with edits (an
 * opened scenario shows its phases, not the bundled ones), else the campus as published.
 */
function draftFor(feature: CampusFeature, campus: CampusRequest | null): CampusDraft {
  const [lon, lat] = feature.geometry.coordinates;
  const edits =
    campus && (campus.id === feature.properties.id || (feature.properties.userDrawn && !campus.id))
      ? campus
      : null;
  const edited = edits !== null && Object.keys(edits).some((k) => k !== 'id');
  if (!edits || !edited) return draftFromCampus(feature.properties, lon, lat);
  const merged = { ...feature.properties, ...(edits as Partial<CampusFeature['properties']>) };
  const draft = draftFromCampus(merged, lon, lat);
  if (typeof edits.pue === 'number') draft.pue = edits.pue;
  if (typeof edits.trainingShare === 'number') draft.trainingShare = edits.trainingShare;
  draft.edited = !feature.properties.userDrawn;
  return draft;
}

function campusOptions(features: CampusFeature[]): HTMLElement[] {
  const option = (f: CampusFeature, suffix: string) =>
    h('option', { value: f.properties.id }, `${shortCampusName(f.properties.name)}${suffix}`);
  const byName = (a: CampusFeature, b: CampusFeature) =>
    a.properties.name.localeCompare(b.properties.name);
  const bundled = features.filter((f) => !f.properties.userDrawn).sort(byName);
  const drawn = features.filter((f) => f.properties.userDrawn).sort(byName);
  const options: HTMLElement[] = bundled.map((f) => option(f, ` (${f.properties.state ?? '—'})`));
  if (drawn.length > 0) {
    options.push(h('optgroup', { label: 'Your campuses' }, ...drawn.map((f) => option(f, ''))));
  }
  return options;
}

export function createCampusSection(store: Store, actions: CampusActions): HTMLElement {
  const select = h('select', {
    id: 'campus-select',
    'data-testid': 'campus-select',
    disabled: true,
  });
  select.addEventListener('change', () => {
    if (select.value) actions.selectCampus(select.value);
  });
  const drafts = new Map<string, CampusDraft>();
  const newCampus = createNewCampus({
    arm: actions.armCampusPlacement,
    create(feature) {
      const { campuses } = store.get();
      if (campuses.status !== 'ready') return;
      const data = { ...campuses.data, features: [...campuses.data.features, feature] };
      store.set({ campuses: { status: 'ready', data } });
      actions.selectCampus(feature.properties.id);
    },
  });
  const body = h('div', { class: 'campus-body' });
  const section = h(
    'div',
    { class: 'section-inner' },
    h('label', { for: 'campus-select', class: 'field-label' }, 'Campus'),
    h('div', { class: 'inline-row' }, select, newCampus.button),
    newCampus.slot,
    body,
  );

  const setPeak = (id: string, peakMw: number) =>
    store.set({ modelledPeakMw: { ...store.get().modelledPeakMw, [id]: peakMw } });

  let shownCampuses: AppState['campuses'] | null = null;
  let shownEpoch = store.get().scenarioEpoch;
  let view: { feature: CampusFeature; view: CampusView } | null = null;
  const render = (state: AppState) => {
    const { campuses, selectedCampusId } = state;
    if (campuses !== shownCampuses) {
      shownCampuses = campuses;
      const features = campuses.status === 'ready' ? campuses.data.features : [];
      replaceChildren(
        select,
        h('option', { value: '' }, CHOOSE_PROMPT[campuses.status]),
        ...campusOptions(features),
      );
      select.disabled = campuses.status !== 'ready';
    }
    select.value = selectedCampusId ?? '';

    const feature =
      campuses.status === 'ready'
        ? campuses.data.features.find((f) => f.properties.id === selectedCampusId)
        : undefined;
    // An opened scenario brings its own campus edits: forget the session's drafts.
    const reopened = state.scenarioEpoch !== shownEpoch;
    if (reopened) {
      shownEpoch = state.scenarioEpoch;
      drafts.clear();
    }
    if (view && view.feature === feature && !reopened) return;
    view?.view.destroy();
    view = null;
    if (campuses.status === 'loading')
      return replaceChildren(body, skeleton(6, 'Loading campuses…'));
    if (campuses.status === 'error')
      return replaceChildren(body, errorState('campuses', campuses.message, actions.retry));
    if (!feature)
      return replaceChildren(body, campusList(campuses.data.features, actions.selectCampus));
    const id = feature.properties.id;
    const draft = drafts.get(id) ?? draftFor(feature, state.scenario.campus);
    drafts.set(id, draft);
    view = { feature, view: createCampusView(feature, draft, setPeak, actions.campusRequest) };
    replaceChildren(body, view.view.element);
    // A new campus starts at its name, not at the scroll position of the last one.
    section.closest('.tabpanels')?.scrollTo({ top: 0 });
  };
  store.subscribe((state, previous) => {
    if (
      state.campuses !== previous.campuses ||
      state.selectedCampusId !== previous.selectedCampusId ||
      state.scenarioEpoch !== previous.scenarioEpoch
    )
      render(state);
  });
  render(store.get());
  return section;
}
