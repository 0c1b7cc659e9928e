// Where the scenario's campus stands: the selected campus feature's point (a bundled campus
// by id, or the one drawn on the map).
import type { AppState } from '../../state/store.ts';

export function campusPoint(
  state: Pick<AppState, 'campuses' | 'selectedCampusId'>,
): { lat: number; lon: number; id: string; name: string } | null {
  if (state.campuses.status !== 'ready' || !state.selectedCampusId) return null;
  const feature = state.campuses.data.features.find(
    (f) => f.properties.id === state.selectedCampusId,
  );
  if (!feature) return null;
  const [lon, lat] = feature.geometry.coordinates;
  return { lat, lon, id: feature.properties.id, name: feature.properties.name };
}
