// Placement mode (UX.md "The map"): the cursor turns to a crosshair and a hint says what the
// next click does; that click hands back its point, and Escape cancels.
import './placement.css';
import type * as maplibregl from 'maplibre-gl';

/** Set on the map container while placement is armed; popups ignore clicks meanwhile. */
export const PLACING_CLASS = 'is-placing';

export const isPlacing = (map: maplibregl.Map): boolean =>
  map.getContainer().classList.contains(PLACING_CLASS);

export interface LngLat {
  lng: number;
  lat: number;
}

/** Arms placement; returns the function that disarms it without a callback. */
export function armPlacement(
  map: maplibregl.Map,
  hint: string,
  onPlace: (at: LngLat) => void,
  onCancel: () => void,
): () => void {
  const container = map.getContainer();
  const note = document.createElement('div');
  note.className = 'placement-hint';
  note.setAttribute('role', 'status');
  note.textContent = hint;
  container.append(note);
  container.classList.add(PLACING_CLASS);

  const disarm = () => {
    map.off('click', click);
    document.removeEventListener('keydown', key);
    container.classList.remove(PLACING_CLASS);
    note.remove();
  };
  const click = (event: maplibregl.MapMouseEvent) => {
    disarm();
    onPlace({ lng: event.lngLat.lng, lat: event.lngLat.lat });
  };
  const key = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    disarm();
    onCancel();
  };
  map.on('click', click);
  document.addEventListener('keydown', key);
  return disarm;
}
