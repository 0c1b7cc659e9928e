// Keeps the map's placed reactors in step with the scenario: markers (draggable, badged),
// lines to the campus or interconnection point with "84 km · 1.2% loss" labels, and the EPZ
// ring of the hovered or selected placement. A drag redraws only its own line and distance
// (no server call) until the drop, which moves the placement and re-evaluates.
import type * as maplibregl from 'maplibre-gl';
import { greatCircleKm } from '../../../models/units.ts';
import { setSourceData, whenLoaded } from '../../map/create-map.ts';
import { PLACEMENT_EPZ_SOURCE, PLACEMENT_LINE_SOURCE } from '../../map/layers/placements.ts';
import { createReactorMarkers } from '../../map/reactor-markers.ts';
import { createDragLine } from '../../map/drag-line.ts';
import { movePlacement, removePlacement, type Placement } from '../../state/scenario.ts';
import type { AppState, Store } from '../../state/store.ts';
import { campusPoint } from './campus-point.ts';
import {
  epzRing,
  lineEnd,
  lineLabel,
  matchingDeployments,
  placementLines,
} from './placement-geometry.ts';
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

  // The dragged placement's line is drawn by the overlay (drag-line.ts), not the map.
  const isDragged = (p: Placement) => dragging !== null && p.key === dragging.key;
  const placementsNow = (state: AppState): Placement[] =>
    state.scenario.placements.filter((p) => !isDragged(p));
  const dragLine = createDragLine(map);

  const drawLines = (state: AppState) => {
    const all = state.scenario.placements;
    const matched = matchingDeployments(
      all,
      state.evaluation.resultRequest,
      state.evaluation.result?.deployments ?? null,
    );
    const shown = all.map((p, i) => ({ p, d: matched?.[i] })).filter(({ p }) => !isDragged(p));
    setSourceData(
      map,
      PLACEMENT_LINE_SOURCE,
      placementLines(
        shown.map(({ p }) => p),
        campusPoint(state),
        matched ? shown.map(({ d }) => d) : null,
        state.selectedPlacementKey,
      ),
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
      const state = store.get();
      if (!dragging) {
        // Once per drag: the map stops drawing this line and its ring.
        dragging = { key, ...at };
        drawLines(state);
        setSourceData(map, PLACEMENT_EPZ_SOURCE, epzRing(undefined, null));
      }
      dragging = { key, ...at };
      const campus = campusPoint(state);
      const index = state.scenario.placements.findIndex((p) => p.key === key);
      const placement = state.scenario.placements[index];
      if (!campus || !placement) return;
      const matched = matchingDeployments(
        state.scenario.placements,
        state.evaluation.resultRequest,
        state.evaluation.result?.deployments ?? null,
      );
      // Grid-connected: the line keeps its last interconnection point until re-evaluated.
      const end = lineEnd(placement, campus, matched?.[index]).at;
      const km = greatCircleKm(at.lat, at.lon, end.lat, end.lon);
      dragLine.show(at, end, lineLabel(km, null));
      hooks.dragDistance(key, km);
    },
    drop(key, at) {
      dragging = null;
      dragLine.hide();
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
