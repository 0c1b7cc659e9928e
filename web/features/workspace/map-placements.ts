// Keeps the map's placed reactors in step with the scenario: markers (draggable, badged),
// lines to the campus or interconnection point with "84 km · 1.2% loss" labels, and the EPZ
// ring of the hovered or selected placement. A drag redraws only its own line and distance
// (no server call) until the drop, which moves the placement and re-evaluates.
import type * as maplibregl from 'maplibre-gl';
import { greatCircleKm } from '../../../models/units.ts';
import { setSourceData, whenLoaded } from '../../map/create-map.ts';
import { PLACEMENT_EPZ_SOURCE, PLACEMENT_LINE_SOURCE } from '../../map/layers/placements.ts';
import { createReactorMarkers } from '../../map/reactor-markers.ts';
import { movePlacement, removePlacement, type Placement } from '../../state/scenario.ts';
import type { AppState, Store } from '../../state/store.ts';
import { campusPoint } from './campus-point.ts';
import { epzRing, matchingDeployments, placementLines } from './placement-geometry.ts';
import type { Workspace } from './workspace.ts';

export interface MapPlacementHooks {
  /** While dragging: the distance under the pointer, for the placement's row. */
  dragDistance(key: string, km: number): void;
}

export function attachMapPlacements(
  map: maplibregl.Map,
  store: Store,
  workspace: Workspace,
  hooks: MapPlacementHooks,
): void {
  let hoverKey: string | null = null;
  let dragging: { key: string; lat: number; lon: number } | null = null;

  const designOf = (state: AppState, designId: string) =>
    state.designs.status === 'ready'
      ? state.designs.data.find((d) => d.id === designId)
      : undefined;

  const placementsNow = (state: AppState): Placement[] =>
    state.scenario.placements.map((p) =>
      dragging && p.key === dragging.key ? { ...p, lat: dragging.lat, lon: dragging.lon } : p,
    );

  const drawLines = (state: AppState) => {
    const placements = placementsNow(state);
    const matched = matchingDeployments(
      placements,
      state.evaluation.resultRequest,
      state.evaluation.result?.deployments ?? null,
    );
    setSourceData(
      map,
      PLACEMENT_LINE_SOURCE,
      placementLines(placements, campusPoint(state), matched, state.selectedPlacementKey),
    );
  };
  const drawEpz = (state: AppState) => {
    const key = hoverKey ?? state.selectedPlacementKey;
    const placement = placementsNow(state).find((p) => p.key === key);
    const epz = placement ? designOf(state, placement.designId)?.epzMi.value : null;
    setSourceData(
      map,
      PLACEMENT_EPZ_SOURCE,
      epzRing(placement, typeof epz === 'number' ? epz : null),
    );
  };

  const markers = createReactorMarkers(map, {
    select: (key) => store.set({ selectedPlacementKey: key }),
    hover(key) {
      hoverKey = key;
      drawEpz(store.get());
    },
    drag(key, at) {
      dragging = { key, ...at };
      const state = store.get();
      drawLines(state);
      drawEpz(state);
      const campus = campusPoint(state);
      if (campus) hooks.dragDistance(key, greatCircleKm(at.lat, at.lon, campus.lat, campus.lon));
    },
    drop(key, at) {
      dragging = null;
      workspace.edit((s) => movePlacement(s, key, at.lat, at.lon));
      store.set({ selectedPlacementKey: key });
    },
    remove(key) {
      workspace.edit((s) => removePlacement(s, key));
      if (store.get().selectedPlacementKey === key) store.set({ selectedPlacementKey: null });
    },
    describe(placement) {
      const name = designOf(store.get(), placement.designId)?.name ?? placement.designId;
      return `${placement.units} × ${name}`;
    },
  });

  void whenLoaded(map).then(() => {
    const redraw = (state: AppState) => {
      markers.sync(state.scenario.placements, state.selectedPlacementKey);
      drawLines(state);
      drawEpz(state);
    };
    redraw(store.get());
    store.subscribe((state, previous) => {
      if (
        state.scenario.placements !== previous.scenario.placements ||
        state.evaluation !== previous.evaluation ||
        state.selectedPlacementKey !== previous.selectedPlacementKey ||
        state.selectedCampusId !== previous.selectedCampusId ||
        state.campuses !== previous.campuses ||
        state.designs !== previous.designs
      )
        redraw(state);
    });
  });
}
