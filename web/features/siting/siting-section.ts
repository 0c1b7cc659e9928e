// Siting tab: a design, "Check a point" (arms the map; Esc cancels) or a click on a candidate
// site, then every check at that point; below it, the screen of the candidate sites around
// the chosen campus. The checks and the ranking run on the server.
import './siting.css';
import { ApiError, isAbort } from '../../api/client.ts';
import { checkSite, screenStream } from '../../api/siting-client.ts';
import type { CampusRef, SiteCheckResponse } from '../../api/siting-types.ts';
import { shortCampusName } from '../../map/campus-mw.ts';
import type { LngLat } from '../../map/placement.ts';
import type { AppState, Store } from '../../state/store.ts';
import { h, replaceChildren, scrollToTop } from '../../ui/dom.ts';
import { emptyState, skeleton } from '../panel/states.ts';
import { checkView, type CheckContext } from './check-view.ts';
import { createDesignPicker } from './design-picker.ts';
import { createScreenPanel, type ScreenCampus } from './screen-panel.ts';
import type { SitingMap } from './siting-map.ts';

export interface SitingActions {
  /** Arms map placement; returns the function that disarms it. */
  armPick(onPlace: (at: LngLat) => void, onCancel: () => void): () => void;
  sitingMap: SitingMap;
}

export interface SitingSection {
  element: HTMLElement;
  /** Checks a point (a clicked candidate site passes its name). */
  check(lat: number, lon: number, siteName?: string): void;
}

interface Checked {
  context: CheckContext;
  result: SiteCheckResponse;
}

function selectedCampus(state: AppState): ScreenCampus | null {
  if (state.campuses.status !== 'ready') return null;
  const f = state.campuses.data.features.find((c) => c.properties.id === state.selectedCampusId);
  if (!f) return null;
  const [lon, lat] = f.geometry.coordinates;
  const name = shortCampusName(f.properties.name);
  const ref: CampusRef = f.properties.userDrawn ? { lat, lon, name } : { id: f.properties.id };
  return { ref, name };
}

export function createSitingSection(store: Store, actions: SitingActions): SitingSection {
  const { sitingMap } = actions;
  const picker = createDesignPicker(store, () => {
    const c = shown?.context;
    if (c) void check(c.lat, c.lon, c.siteName, Boolean(c.onBack));
    screen.setContext(selectedCampus(store.get()), picker.designId(), picker.designName());
  });
  const pick = h(
    'button',
    { type: 'button', class: 'button', 'data-testid': 'siting-pick', 'aria-pressed': 'false' },
    'Check a point',
  );
  const slot = h('div', { class: 'check-slot', 'aria-live': 'polite' });
  let disarm: (() => void) | null = null;
  let shown: Checked | null = null;
  let inFlight: AbortController | null = null;
  let pending: CheckContext | null = null;
  let error: string | null = null;

  const setArmed = (armed: boolean) => {
    pick.setAttribute('aria-pressed', String(armed));
    pick.textContent = armed ? 'Click the map… (Esc)' : 'Check a point';
  };
  pick.addEventListener('click', () => {
    if (disarm) {
      disarm();
      disarm = null;
      return setArmed(false);
    }
    setArmed(true);
    disarm = actions.armPick(
      ({ lat, lng }) => {
        disarm = null;
        setArmed(false);
        check(lat, lng);
      },
      () => {
        disarm = null;
        setArmed(false);
      },
    );
  });

  function render(): void {
    if (!shown && pending) return replaceChildren(slot, skeleton(8, 'Checking the point…'));
    const errorBox = error
      ? h(
          'div',
          { class: 'error-state', role: 'alert', 'data-testid': 'siting-error' },
          h('p', { class: 'error-title' }, 'The siting check failed.'),
          h('p', {}, error),
          h('p', { class: 'muted' }, 'Check another point, or try again in a moment.'),
        )
      : null;
    if (!shown) {
      return replaceChildren(
        slot,
        errorBox ??
          emptyState(
            'No point checked yet',
            'Press "Check a point" and click the map, or click a candidate site while this tab is open. Every NRC screen then appears here with its value against its limit.',
          ),
      );
    }
    const view = checkView(shown.result, shown.context);
    view.classList.toggle('is-dimmed', pending !== null);
    view.classList.toggle('is-stale', Boolean(error));
    view.setAttribute('aria-busy', String(pending !== null));
    replaceChildren(slot, errorBox, view);
  }

  const backToScreen = () => scrollToTop(screen.element);

  async function check(lat: number, lon: number, siteName?: string, fromScreen = false) {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const onBack = fromScreen ? backToScreen : undefined;
    const context = { lat, lon, siteName, designName: picker.designName(), onBack };
    const campus = selectedCampus(store.get())?.ref;
    // The last answer stays, dimmed, until the new one arrives (UX.md "Loading").
    pending = context;
    render();
    try {
      const request = { lat, lon, designId: picker.designId(), campus };
      const result = await checkSite(request, controller.signal);
      if (controller.signal.aborted) return;
      shown = { context, result };
      error = null;
      sitingMap.showCheck({ lat, lon }, result);
    } catch (failure) {
      if (controller.signal.aborted || isAbort(failure)) return;
      error = failure instanceof ApiError ? failure.message : String(failure);
    }
    inFlight = null;
    pending = null;
    render();
    if (siteName) scrollToTop(slot);
  }

  const screen = createScreenPanel(
    (request, onProgress, signal) => screenStream(request, onProgress, signal),
    sitingMap,
    (site) => {
      sitingMap.flyTo(site.lon, site.lat);
      void check(site.lat, site.lon, site.name, true);
    },
  );

  store.subscribe((state, previous) => {
    if (
      state.selectedCampusId !== previous.selectedCampusId ||
      state.campuses !== previous.campuses
    )
      screen.setContext(selectedCampus(state), picker.designId(), picker.designName());
  });
  screen.setContext(selectedCampus(store.get()), picker.designId(), picker.designName());
  render();

  const element = h(
    'div',
    { class: 'section-inner siting' },
    h('label', { for: 'siting-design', class: 'field-label' }, 'Design'),
    h('div', { class: 'inline-row' }, picker.element, pick),
    h('h3', { class: 'siting-heading' }, 'Point check'),
    slot,
    screen.element,
  );
  return { element, check: (lat, lon, siteName) => void check(lat, lon, siteName) };
}
