// Placed reactors as HTML markers (UX.md "The map"): a distinct reactor symbol with its unit
// count as a badge, draggable, selectable by click or keyboard, deletable with Delete. The
// marker set follows the scenario's placements by key: existing markers move, new ones are
// added, removed ones go.
import * as maplibregl from 'maplibre-gl';
import type { Placement } from '../state/scenario.ts';
import './reactor-markers.css';

export interface ReactorMarkerHooks {
  select(key: string): void;
  hover(key: string | null): void;
  /** While dragging: every pointer move (draw only, no server call). */
  drag(key: string, at: { lat: number; lon: number }): void;
  /** Dropped: the placement moves there (re-evaluates). */
  drop(key: string, at: { lat: number; lon: number }): void;
  remove(key: string): void;
  /** A label for screen readers and the tooltip, e.g. "4 × BWRX-300". */
  describe(placement: Placement): string;
}

export interface ReactorMarkers {
  sync(placements: readonly Placement[], selectedKey: string | null): void;
}

function markerElement(key: string, hooks: ReactorMarkerHooks): HTMLElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'reactor-marker';
  element.dataset.testid = 'reactor-marker';
  element.dataset.key = key;
  element.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="3"/>' +
    '<path d="M12 3a9 9 0 0 1 7.8 4.5L14.6 10.5A3 3 0 0 0 12 9zM4.2 7.5A9 9 0 0 1 12 3v6a3 3 0 0 0-2.6 1.5z' +
    'M12 21a9 9 0 0 1-7.8-4.5l5.2-3a3 3 0 0 0 5.2 0l5.2 3A9 9 0 0 1 12 21z"/></svg>' +
    '<span class="reactor-badge"></span>';
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    hooks.select(key);
  });
  element.addEventListener('mouseenter', () => hooks.hover(key));
  element.addEventListener('mouseleave', () => hooks.hover(null));
  element.addEventListener('focus', () => hooks.hover(key));
  element.addEventListener('blur', () => hooks.hover(null));
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      hooks.remove(key);
    }
  });
  return element;
}

export function createReactorMarkers(
  map: maplibregl.Map,
  hooks: ReactorMarkerHooks,
): ReactorMarkers {
  const markers = new Map<string, maplibregl.Marker>();
  const create = (placement: Placement) => {
    const marker = new maplibregl.Marker({
      element: markerElement(placement.key, hooks),
      draggable: true,
      anchor: 'center',
    })
      .setLngLat([placement.lon, placement.lat])
      .addTo(map);
    const at = () => {
      const { lng, lat } = marker.getLngLat();
      return { lat, lon: lng };
    };
    marker.on('drag', () => hooks.drag(placement.key, at()));
    marker.on('dragend', () => hooks.drop(placement.key, at()));
    markers.set(placement.key, marker);
    return marker;
  };
  return {
    sync(placements, selectedKey) {
      const keep = new Set(placements.map((p) => p.key));
      for (const [key, marker] of markers) {
        if (!keep.has(key)) {
          marker.remove();
          markers.delete(key);
        }
      }
      for (const placement of placements) {
        const marker = markers.get(placement.key) ?? create(placement);
        const { lng, lat } = marker.getLngLat();
        if (lng !== placement.lon || lat !== placement.lat)
          marker.setLngLat([placement.lon, placement.lat]);
        const element = marker.getElement();
        const label = hooks.describe(placement);
        element.setAttribute('aria-label', `${label}: drag to move, Delete to remove`);
        element.title = label;
        element.classList.toggle('is-selected', placement.key === selectedKey);
        const badge = element.querySelector('.reactor-badge');
        if (badge) badge.textContent = String(placement.units);
      }
    },
  };
}
