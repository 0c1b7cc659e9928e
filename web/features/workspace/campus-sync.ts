// Opening a scenario selects its campus: a bundled one by id, or a drawn one, which is put
// back on the map (a drawn campus is part of the scenario and survives a reload with it).
import type { CampusFeature } from '../../api/client.ts';
import type { CampusRequest } from '../../api/scenario-types.ts';
import type { Store } from '../../state/store.ts';
import { drawnCampus } from '../campus/new-campus.ts';

/** The campus feature the scenario's campus names, adding a drawn one to the campuses. */
export function campusOfScenario(store: Store, campus: CampusRequest | null): CampusFeature | null {
  const { campuses } = store.get();
  if (!campus || campuses.status !== 'ready') return null;
  const features = campuses.data.features;
  if (campus.id) {
    const bundled = features.find((f) => f.properties.id === campus.id && !f.properties.userDrawn);
    if (bundled) return bundled;
  }
  if (typeof campus.lat !== 'number' || typeof campus.lon !== 'number') return null;
  const { lat, lon } = campus;
  const name = typeof campus.name === 'string' ? campus.name : 'Your campus';
  // The same drawn campus already on the map (reopened twice): reuse it.
  const existing = features.find(
    (f) =>
      f.properties.userDrawn &&
      f.properties.name === name &&
      f.geometry.coordinates[0] === lon &&
      f.geometry.coordinates[1] === lat,
  );
  if (existing) return existing;
  const feature = drawnCampus(name, { lng: lon, lat });
  feature.properties.phases = (campus.phases ?? []) as CampusFeature['properties']['phases'];
  if (campus.kind) feature.properties.kind = campus.kind;
  store.set({
    campuses: { status: 'ready', data: { ...campuses.data, features: [...features, feature] } },
  });
  return feature;
}
