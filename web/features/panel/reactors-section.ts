// Reactors tab (UX.md "Reactors"): pick a design (its key facts, every number tagged source or
// assumption), units and a COD year, then "Place on map" arms placement: the next map click
// places the deployment. Below, one row per placement, and the compare-sites tool.

import './reactors.css';
import { greatCircleKm } from '../../../models/units.ts';
import { campusPoint } from '../workspace/campus-point.ts';
import { matchingDeployments } from '../workspace/placement-geometry.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { AppState, Store } from '../../state/store.ts';
import { removePlacement, updatePlacement } from '../../state/scenario.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { designCard } from './design-card.ts';
import {
  createPlacementRow,
  COD_MAX,
  COD_MIN,
  UNITS_MAX,
  type PlacementRow,
} from './placement-row.ts';
import { emptyState, errorState, skeleton } from './states.ts';

export interface ReactorsActions {
  retryDesigns(): void;
  /** Arms map placement; returns the function that disarms it. */
  armPlacement(
    onPlace: (at: { lat: number; lon: number }) => void,
    onCancel: () => void,
  ): () => void;
  workspace: Workspace;
  /** Extra tools under the placements (compare sites). */
  tools?: HTMLElement;
}

export interface ReactorsSection {
  element: HTMLElement;
  showDragDistance(key: string, km: number): void;
  /** A candidate site was clicked: offer to place the chosen design × units there. */
  offerSite(site: { id: string; name: string; lat: number; lon: number }): void;
}

export function createReactorsSection(store: Store, actions: ReactorsActions): ReactorsSection {
  const designSelect = h('select', { id: 'design-select', 'data-testid': 'design-select' });
  const units = h('input', {
    id: 'units-input',
    'data-testid': 'units-input',
    type: 'number',
    min: '1',
    max: String(UNITS_MAX),
    step: '1',
    value: String(store.get().placementUnits),
  });
  const cod = h('input', {
    id: 'cod-input',
    'data-testid': 'cod-input',
    type: 'number',
    min: String(COD_MIN),
    max: String(COD_MAX),
    step: '1',
    placeholder: 'earliest',
    title: "Empty: the design's earliest realistic year",
  });
  const fieldError = h('p', {
    class: 'field-error',
    role: 'alert',
    hidden: true,
    id: 'placement-field-error',
  });
  const place = h(
    'button',
    {
      type: 'button',
      class: 'button button-primary',
      'data-testid': 'place-mode',
      'aria-pressed': 'false',
    },
    'Place on map',
  );
  const card = h('div', { class: 'design-card-slot' });
  const offer = h('div', { class: 'site-offer', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted placement-status', role: 'status' });
  const list = h('ol', { class: 'placement-list', 'data-testid': 'placement-list' });
  const allDesigns = h('div', {});
  const body = h('div', { class: 'reactors-body' });

  const invalid = (message: string | null, input?: HTMLInputElement) => {
    fieldError.hidden = message === null;
    fieldError.textContent = message ?? '';
    for (const field of [units, cod]) {
      field.removeAttribute('aria-invalid');
      field.removeAttribute('aria-describedby');
    }
    if (input && message) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', fieldError.id);
    }
    place.disabled = message !== null;
  };
  units.addEventListener('input', () => {
    const value = Number(units.value);
    if (!Number.isInteger(value) || value < 1 || value > UNITS_MAX)
      return invalid(`Units must be a whole number 1–${UNITS_MAX}`, units);
    invalid(null);
    store.set({ placementUnits: value });
  });
  cod.addEventListener('input', () => {
    if (cod.value.trim() === '') {
      invalid(null);
      return store.set({ placementCodYear: null });
    }
    const value = Number(cod.value);
    if (!Number.isInteger(value) || value < COD_MIN || value > COD_MAX)
      return invalid(
        `COD year must be ${COD_MIN}–${COD_MAX}, or empty for the design's earliest realistic year`,
        cod,
      );
    invalid(null);
    store.set({ placementCodYear: value });
  });
  designSelect.addEventListener('change', () =>
    store.set({ selectedDesignId: designSelect.value || null }),
  );

  let disarm: (() => void) | null = null;
  const setArmed = (armed: boolean) => {
    place.setAttribute('aria-pressed', String(armed));
    place.textContent = armed ? 'Click the map… (Esc cancels)' : 'Place on map';
  };
  place.addEventListener('click', () => {
    if (disarm) {
      disarm();
      disarm = null;
      return setArmed(false);
    }
    if (!store.get().selectedDesignId) return;
    setArmed(true);
    disarm = actions.armPlacement(
      (at) => {
        disarm = null;
        setArmed(false);
        actions.workspace.placeAt(at);
      },
      () => {
        disarm = null;
        setArmed(false);
      },
    );
  });

  const rows = new Map<string, PlacementRow>();
  const edit = actions.workspace.edit;
  const rowHooks = {
    setUnits: (key: string, value: number) =>
      edit((s) => updatePlacement(s, key, { units: value })),
    setCodYear: (key: string, value: number | undefined) =>
      edit((s) => updatePlacement(s, key, { codYear: value })),
    remove: (key: string) => {
      edit((s) => removePlacement(s, key));
      if (store.get().selectedPlacementKey === key) store.set({ selectedPlacementKey: null });
    },
    select: (key: string) => store.set({ selectedPlacementKey: key }),
  };

  const renderPlacements = (state: AppState) => {
    const { scenario, evaluation, designs, selectedPlacementKey } = state;
    const designList = designs.status === 'ready' ? designs.data : [];
    const matched = matchingDeployments(
      scenario.placements,
      evaluation.resultRequest,
      evaluation.result?.deployments ?? null,
    );
    const campus = campusPoint(state);
    const keep = new Set(scenario.placements.map((p) => p.key));
    for (const key of rows.keys()) if (!keep.has(key)) rows.delete(key);
    const elements = scenario.placements.map((placement, i) => {
      let row = rows.get(placement.key);
      if (!row) {
        row = createPlacementRow(placement.key, rowHooks);
        rows.set(placement.key, row);
      }
      const pendingKm = campus
        ? greatCircleKm(placement.lat, placement.lon, campus.lat, campus.lon)
        : null;
      row.update(
        placement,
        designList.find((d) => d.id === placement.designId),
        matched?.[i],
        placement.key === selectedPlacementKey,
        pendingKm,
      );
      return row.element;
    });
    replaceChildren(list, ...elements);
    const count = scenario.placements.length;
    status.textContent =
      count === 0
        ? ''
        : `${count} placement${count === 1 ? '' : 's'}, ${scenario.placements.reduce((n, p) => n + p.units, 0)} units.`;
    list.hidden = count === 0;
  };

  const renderDesigns = (state: AppState) => {
    const { designs, selectedDesignId } = state;
    if (designs.status === 'loading')
      return replaceChildren(body, skeleton(8, 'Loading reactor designs…'));
    if (designs.status === 'error')
      return replaceChildren(
        body,
        errorState('reactor designs', designs.message, actions.retryDesigns),
      );
    replaceChildren(
      designSelect,
      h('option', { value: '' }, 'Choose a design…'),
      ...designs.data.map((d) => h('option', { value: d.id }, `${d.name} (${d.vendor})`)),
    );
    designSelect.value = selectedDesignId ?? '';
    replaceChildren(
      allDesigns,
      h(
        'details',
        { class: 'all-designs' },
        h('summary', {}, `All ${designs.data.length} designs side by side`),
        h('ul', { class: 'design-list' }, ...designs.data.map(designCard)),
      ),
    );
    replaceChildren(
      body,
      h(
        'div',
        { class: 'placement-controls' },
        h('label', { for: 'design-select', class: 'field-label' }, 'Design'),
        designSelect,
        card,
        h(
          'div',
          { class: 'inline-row placement-inputs' },
          h('label', { for: 'units-input', class: 'field-label' }, 'Units', units),
          h('label', { for: 'cod-input', class: 'field-label' }, 'COD year', cod),
          place,
        ),
        fieldError,
      ),
      offer,
      h('h3', { class: 'subhead' }, 'Placements'),
      emptyNote,
      status,
      list,
      actions.tools ?? null,
      allDesigns,
    );
    renderCard(state);
  };

  const emptyNote = emptyState(
    'No reactors placed yet',
    'Choose a design and a number of units, then press "Place on map" and click where the plant would stand (or click a candidate site and choose "place here").',
  );
  const renderCard = (state: AppState) => {
    const design =
      state.designs.status === 'ready'
        ? state.designs.data.find((d) => d.id === state.selectedDesignId)
        : undefined;
    replaceChildren(
      card,
      design
        ? h('ul', { class: 'design-list' }, designCard(design))
        : h('p', { class: 'muted' }, 'Choose a design to see its key facts.'),
    );
    place.disabled = !design || !fieldError.hidden;
    place.title = design ? '' : 'Choose a design first';
  };

  store.subscribe((state, previous) => {
    if (state.designs !== previous.designs) renderDesigns(state);
    else if (state.selectedDesignId !== previous.selectedDesignId) {
      designSelect.value = state.selectedDesignId ?? '';
      renderCard(state);
    }
    if (
      state.designs !== previous.designs ||
      state.scenario.placements !== previous.scenario.placements ||
      state.scenario.campus !== previous.scenario.campus ||
      state.evaluation !== previous.evaluation ||
      state.selectedPlacementKey !== previous.selectedPlacementKey
    ) {
      renderPlacements(state);
      emptyNote.hidden = state.scenario.placements.length > 0;
    }
  });
  renderDesigns(store.get());
  renderPlacements(store.get());
  emptyNote.hidden = store.get().scenario.placements.length > 0;

  return {
    element: h('div', { class: 'section-inner' }, body),
    showDragDistance: (key, km) => rows.get(key)?.showDragDistance(km),
    offerSite(site) {
      const { selectedDesignId, placementUnits, designs } = store.get();
      const design =
        designs.status === 'ready'
          ? designs.data.find((d) => d.id === selectedDesignId)
          : undefined;
      const placeHere = h(
        'button',
        {
          type: 'button',
          class: 'button button-primary',
          'data-testid': 'place-here',
          disabled: !design,
        },
        design ? `Place ${placementUnits} × ${design.name} here` : 'Choose a design to place here',
      );
      const dismiss = h('button', { type: 'button', class: 'button button-quiet' }, 'Dismiss');
      placeHere.addEventListener('click', () => {
        actions.workspace.placeAt({ lat: site.lat, lon: site.lon }, site.id);
        replaceChildren(offer);
      });
      dismiss.addEventListener('click', () => replaceChildren(offer));
      replaceChildren(
        offer,
        h('p', {}, h('strong', {}, site.name), ' (candidate site)'),
        h('div', { class: 'inline-row' }, placeHere, dismiss),
      );
    },
  };
}
