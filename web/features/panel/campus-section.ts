// Campus tab: choose a campus and read its headline figures, each with its basis and source.
import type { CampusProperties } from '../../api/client.ts';
import { campusPlannedMw, shortCampusName } from '../../map/campus-mw.ts';
import { campusKindLabel, formatWhole, humanize } from '../../format.ts';
import type { AppState, Store } from '../../state/store.ts';
import { confidenceBadge, factRow, h, replaceChildren } from '../../ui/dom.ts';
import { publishedTotalsTable, sourcesList } from '../popups/popup-content.ts';
import { campusList } from './campus-list.ts';
import { emptyState, errorState, skeleton } from './states.ts';

const CHOOSE_PROMPT = {
  loading: 'Loading campuses…',
  ready: 'Choose a campus…',
  error: 'Campuses unavailable',
} as const;

export interface CampusActions {
  selectCampus(id: string): void;
  retry(): void;
}

function headline(campus: CampusProperties): HTMLElement {
  const planned = campusPlannedMw(campus);
  const place = [campus.city, campus.state].filter(Boolean).join(', ');
  const assumptions = campus.assumptions ?? [];
  return h(
    'article',
    { class: 'campus-headline', 'aria-live': 'polite' },
    h('h2', {}, shortCampusName(campus.name)),
    h('p', { class: 'muted' }, [campusKindLabel(campus.kind), place].filter(Boolean).join(' · ')),
    h(
      'div',
      { class: 'headline-figure' },
      h('span', { class: 'figure-label' }, 'Planned peak'),
      h(
        'span',
        { class: 'figure-value', 'data-testid': 'campus-peak-mw' },
        planned.mw === null ? 'not published' : formatWhole(planned.mw),
        planned.mw === null ? null : h('span', { class: 'figure-unit' }, ' MW'),
      ),
      h('span', { class: 'basis-note' }, `Basis: ${planned.basis}`),
    ),
    h(
      'dl',
      { class: 'facts' },
      campus.status ? factRow('Status', humanize(campus.status)) : null,
      campus.operator ? factRow('Operator', campus.operator) : null,
      factRow('Confidence', confidenceBadge(campus.confidence)),
    ),
    publishedTotalsTable(campus.publishedTotals ?? []),
    h('h3', { class: 'subhead' }, 'Sources'),
    sourcesList(campus.sources ?? []),
    assumptions.length > 0
      ? h(
          'details',
          { class: 'assumptions' },
          h('summary', {}, `Assumptions (${assumptions.length})`),
          h('ul', {}, ...assumptions.map((a) => h('li', {}, a))),
        )
      : null,
    emptyState(
      'Hourly load comes next',
      'Annual GWh, load factor, PUE and the ramp to the final year will appear here once the demand model is connected.',
    ),
  );
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
  const body = h('div', { class: 'campus-body' });
  const section = h(
    'div',
    { class: 'section-inner' },
    h('label', { for: 'campus-select', class: 'field-label' }, 'Campus'),
    select,
    body,
  );

  let shownCampuses: AppState['campuses'] | null = null;
  const render = (state: AppState) => {
    const { campuses, selectedCampusId } = state;
    if (campuses !== shownCampuses) {
      shownCampuses = campuses;
      const features = campuses.status === 'ready' ? campuses.data.features : [];
      const sorted = [...features].sort((a, b) =>
        a.properties.name.localeCompare(b.properties.name),
      );
      replaceChildren(
        select,
        h('option', { value: '' }, CHOOSE_PROMPT[campuses.status]),
        ...sorted.map((f) =>
          h(
            'option',
            { value: f.properties.id },
            `${shortCampusName(f.properties.name)} (${f.properties.state ?? '—'})`,
          ),
        ),
      );
      select.disabled = campuses.status !== 'ready';
    }
    select.value = selectedCampusId ?? '';

    if (campuses.status === 'loading')
      return replaceChildren(body, skeleton(6, 'Loading campuses…'));
    if (campuses.status === 'error')
      return replaceChildren(body, errorState('campuses', campuses.message, actions.retry));
    const campus = campuses.data.features.find(
      (f) => f.properties.id === selectedCampusId,
    )?.properties;
    replaceChildren(
      body,
      campus ? headline(campus) : campusList(campuses.data.features, actions.selectCampus),
    );
  };
  store.subscribe((state, previous) => {
    if (
      state.campuses !== previous.campuses ||
      state.selectedCampusId !== previous.selectedCampusId
    )
      render(state);
  });
  render(store.get());
  return section;
}
