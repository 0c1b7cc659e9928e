// The legend: what each symbol means (shape, size and words, never colour alone) and a
// keyboard-reachable checkbox per layer group that shows or hides all of its layers.
import './legend.css';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SiteKind } from '../../../models/records.ts';
import { COVERAGE_COLOURS } from '../../map/layers/campuses.ts';
import { CAMPUS_SIZE_LEGEND_MW, campusRadiusPx } from '../../map/layers/campus-size.ts';
import { SITE_KINDS } from '../../map/layers/sites.ts';
import { siteIconCanvas } from '../../map/site-icons.ts';
import { inLayerGroup, type LayerGroup } from '../../map/style.ts';
import { formatMw } from '../../format.ts';
import { h } from '../../ui/dom.ts';

export function setGroupVisibility(map: MapLibreMap, group: LayerGroup, visible: boolean): void {
  for (const layerId of map.getLayersOrder()) {
    if (inLayerGroup(layerId, group)) {
      map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none');
    }
  }
}

export interface ToggleOptions {
  /** Whether the group starts shown (its layers' visibility must match); default true. */
  checked?: boolean;
  /** Called after each change, e.g. to load a layer's data the first time it is shown. */
  onChange?: (visible: boolean) => void;
}

export function groupToggle(
  map: MapLibreMap,
  group: LayerGroup,
  label: string,
  options: ToggleOptions = {},
): HTMLElement {
  const input = h('input', {
    type: 'checkbox',
    checked: options.checked ?? true,
    id: `layer-toggle-${group}`,
    'data-testid': `layer-toggle-${group}`,
  });
  input.addEventListener('change', () => {
    setGroupVisibility(map, group, input.checked);
    options.onChange?.(input.checked);
  });
  return h('label', { class: 'legend-toggle', for: input.id }, input, h('span', {}, label));
}

function campusSizeScale(): HTMLElement {
  const radii = CAMPUS_SIZE_LEGEND_MW.map((mw) => campusRadiusPx(mw));
  const items = CAMPUS_SIZE_LEGEND_MW.map((mw, i) => {
    const diameter = Math.ceil(radii[i] * 2);
    const swatch = h('span', {
      class: 'legend-circle',
      style: `width:${diameter}px;height:${diameter}px`,
      'aria-hidden': 'true',
    });
    return h('li', {}, h('span', { class: 'legend-circle-box' }, swatch), formatMw(mw));
  });
  return h('ul', { class: 'legend-sizes', 'aria-label': 'Campus circle sizes' }, ...items);
}

function coverageKey(): HTMLElement {
  const items = Object.values(COVERAGE_COLOURS).map(({ colour, shortLabel }) =>
    h('li', {}, h('span', { class: 'legend-swatch', style: `background:${colour}` }), shortLabel),
  );
  return h('ul', { class: 'legend-list legend-columns' }, ...items);
}

function siteKey(): HTMLElement {
  const items = (Object.keys(SITE_KINDS) as SiteKind[]).map((kind) => {
    const icon = siteIconCanvas(kind, 14, 2);
    icon.setAttribute('aria-hidden', 'true');
    const { label, shortLabel, minZoom } = SITE_KINDS[kind];
    const title = minZoom ? `${label}; shown from zoom ${minZoom}` : label;
    return h(
      'li',
      { title },
      icon,
      shortLabel,
      minZoom ? h('span', { class: 'muted' }, ' ⁺') : null,
    );
  });
  return h('ul', { class: 'legend-list legend-columns' }, ...items);
}

/** Below this window width the legend starts collapsed, so it does not cover the map. */
export const LEGEND_OPEN_MIN_WIDTH_PX = 1440;

/** Whether the legend starts expanded in a window this wide. */
export const legendStartsOpen = (windowWidth: number): boolean =>
  windowWidth >= LEGEND_OPEN_MIN_WIDTH_PX;

/**
 * Its summary is the toggle: a native <details> summary is in the tab order and opens with Enter
 * or Space; aria-expanded is kept for readers that do not announce it. Until the user toggles
 * it, the legend follows the window across the 1440 px line; after that it stays as they left it.
 */
function collapsible(summary: HTMLElement, body: HTMLElement): HTMLDetailsElement {
  const details = h('details', { class: 'legend', 'data-testid': 'legend' }, summary, body);
  const wide = window.matchMedia(`(min-width: ${LEGEND_OPEN_MIN_WIDTH_PX}px)`);
  let touched = false;
  let programmatic = false;
  const sync = () => summary.setAttribute('aria-expanded', String(details.open));
  const follow = () => {
    if (touched || details.open === wide.matches) return;
    programmatic = true;
    details.open = wide.matches;
  };
  programmatic = legendStartsOpen(window.innerWidth);
  details.open = programmatic;
  details.addEventListener('toggle', () => {
    if (!programmatic) touched = true;
    programmatic = false;
    sync();
  });
  wide.addEventListener('change', follow);
  sync();
  return details;
}

/** `extra` sections (e.g. the siting layers) follow the campus and site groups. */
export function createLegend(map: MapLibreMap, ...extra: HTMLElement[]): HTMLElement {
  return collapsible(
    h(
      'summary',
      {
        'data-testid': 'legend-toggle',
        'aria-label': 'Legend and layers: show or hide',
        title: 'Show or hide the legend and layer toggles',
      },
      'Legend and layers',
    ),
    h(
      'div',
      { class: 'legend-body' },
      h(
        'section',
        { class: 'legend-group' },
        groupToggle(map, 'campuses', 'AI campuses'),
        h('p', { class: 'legend-note' }, 'Circle area ∝ peak MW'),
        campusSizeScale(),
        h('p', { class: 'legend-note' }, 'Fill: share of load covered'),
        coverageKey(),
      ),
      h(
        'section',
        { class: 'legend-group' },
        groupToggle(map, 'placements', 'Placed reactors', {
          // The markers are HTML over the map, not layers: hide them with the lines.
          onChange: (visible) => map.getContainer().classList.toggle('hide-reactors', !visible),
        }),
        h(
          'ul',
          { class: 'legend-list' },
          h(
            'li',
            {},
            h('span', { class: 'legend-swatch legend-reactor', 'aria-hidden': 'true' }),
            'Reactor (badge: units)',
          ),
          h('li', {}, h('span', { class: 'legend-line', 'aria-hidden': 'true' }), 'Line to campus'),
          h(
            'li',
            {},
            h('span', { class: 'legend-line legend-line-dashed', 'aria-hidden': 'true' }),
            'Line to the grid (grid-connected)',
          ),
        ),
      ),
      h(
        'section',
        { class: 'legend-group' },
        groupToggle(map, 'sites', 'Candidate sites'),
        siteKey(),
        h('p', { class: 'legend-note' }, '⁺ coal and gas plants (2017) appear zoomed in'),
        h('div', { class: 'legend-spacer' }),
        groupToggle(map, 'basemap-labels', 'Place names'),
      ),
      ...extra,
    ),
  );
}
