// Hover tooltip (the name) and click popup (key figures) for campuses, candidate sites, power
// plants and interconnection points; a click on a plant cluster zooms into it. A popup opens
// away from the selection (popup-placement.ts) and closes when the selected campus changes:
// the app calls closeAllPopups(map, selectedCampusId) and setPopupAvoid(map, points).
import './popups.css';
import * as maplibregl from 'maplibre-gl';
import type {
  CampusProperties,
  InterconnectionProperties,
  PlantProperties,
  SiteProperties,
} from '../../api/client.ts';
import { interconnectionLabel } from '../../map/layers/interconnections.ts';
import { PLANT_SOURCE } from '../../map/layers/plants.ts';
import { SITE_SYMBOL_LAYERS } from '../../map/layers/sites.ts';
import { isPlacing } from '../../map/placement.ts';
import {
  campusPopupContent,
  interconnectionPopupContent,
  plantPopupContent,
  sitePopupContent,
} from './popup-content.ts';
import { anchorAway } from './popup-placement.ts';

export const CAMPUS_HIT_LAYER = 'campuses-circle';
/** The main site layer (curated and nuclear sites); SITE_HIT_LAYERS adds coal and gas plants. */
export const SITE_HIT_LAYER = 'sites-symbol';
export const SITE_HIT_LAYERS = SITE_SYMBOL_LAYERS;
export const PLANT_HIT_LAYER = 'plants-circle';
export const PLANT_CLUSTER_LAYER = 'plants-cluster';
export const INTERCONNECTION_HIT_LAYER = 'interconnections-circle';

export interface PopupLookups {
  /** Full records by id: rendered features carry nested properties as JSON strings. */
  campus(id: string): CampusProperties | undefined;
  site(id: string): SiteProperties | undefined;
  plant(id: string): PlantProperties | undefined;
  interconnection(id: string): InterconnectionProperties | undefined;
  onCampusClick(id: string): void;
}

const featureId = (feature: maplibregl.MapGeoJSONFeature): string =>
  String(feature.properties?.id ?? feature.id ?? '');

const pointOf = (feature: maplibregl.MapGeoJSONFeature): maplibregl.LngLatLike =>
  feature.geometry.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : [0, 0];

interface MapPopups {
  open: Set<{ popup: maplibregl.Popup; campusId?: string }>;
  /** The selected campus and its placements: popups open away from them. */
  avoid: maplibregl.LngLatLike[];
}
const registry = new WeakMap<maplibregl.Map, MapPopups>();
const popupsOf = (map: maplibregl.Map): MapPopups => {
  let entry = registry.get(map);
  if (!entry) registry.set(map, (entry = { open: new Set(), avoid: [] }));
  return entry;
};

/**
 * Closes every click popup on the map. Call it when the selected campus changes; a popup about
 * `keepCampusId` itself (the campus just clicked) stays.
 */
export function closeAllPopups(map: maplibregl.Map, keepCampusId?: string | null): void {
  for (const entry of [...popupsOf(map).open]) {
    if (keepCampusId == null || entry.campusId !== keepCampusId) entry.popup.remove();
  }
}

/** The points popups must not cover: the selected campus and its placements. */
export function setPopupAvoid(map: maplibregl.Map, points: maplibregl.LngLatLike[]): void {
  popupsOf(map).avoid = points;
}

/** Opens a click popup at `at`, anchored so it covers none of the avoided points. */
function openPopup(
  map: maplibregl.Map,
  at: maplibregl.LngLatLike,
  content: HTMLElement,
  options: { maxWidth?: string; campusId?: string } = {},
): maplibregl.Popup {
  const state = popupsOf(map);
  const canvas = map.getCanvas();
  const anchor = anchorAway(
    map.project(at),
    state.avoid.map((p) => map.project(p)),
    { width: canvas.clientWidth, height: canvas.clientHeight },
  );
  const popup = new maplibregl.Popup({
    className: 'map-popup',
    maxWidth: options.maxWidth ?? '340px',
    offset: 10,
    ...(anchor ? { anchor } : {}),
  });
  const entry = { popup, campusId: options.campusId };
  state.open.add(entry);
  popup.on('close', () => state.open.delete(entry));
  if (anchor) popup.addClassName(`popup-away-${anchor}`);
  return popup.setLngLat(at).setDOMContent(content).addTo(map);
}

export function showSitePopup(
  map: maplibregl.Map,
  site: SiteProperties,
  at: maplibregl.LngLatLike,
): maplibregl.Popup {
  return openPopup(map, at, sitePopupContent(site));
}

function tooltipText(feature: maplibregl.MapGeoJSONFeature): string {
  const name = String(feature.properties?.name ?? '');
  if (feature.layer.id === INTERCONNECTION_HIT_LAYER)
    return `${name}: ${interconnectionLabel(Number(feature.properties?.kv))}`;
  if (feature.layer.id === PLANT_CLUSTER_LAYER)
    return `${String(feature.properties?.point_count ?? '')} plants · zoom in`;
  return name;
}

export function attachPopups(map: maplibregl.Map, lookups: PopupLookups): void {
  const tooltip = new maplibregl.Popup({
    className: 'map-tooltip',
    closeButton: false,
    closeOnClick: false,
    offset: 14,
  });

  const hoverLayers = [
    CAMPUS_HIT_LAYER,
    ...SITE_HIT_LAYERS,
    PLANT_HIT_LAYER,
    PLANT_CLUSTER_LAYER,
    INTERCONNECTION_HIT_LAYER,
  ];
  for (const layer of hoverLayers) {
    map.on('mousemove', layer, (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      map.getCanvas().style.cursor = 'pointer';
      tooltip.setLngLat(pointOf(feature)).setText(tooltipText(feature)).addTo(map);
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
      tooltip.remove();
    });
  }

  map.on('click', (event) => {
    // While placement is armed the click places something; it must not also open a popup.
    if (isPlacing(map)) return;
    const layers = [...SITE_HIT_LAYERS, CAMPUS_HIT_LAYER, ...hoverLayers.slice(-3)].filter(
      (id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none',
    );
    const [hit] = map.queryRenderedFeatures(event.point, { layers });
    if (!hit) return;
    tooltip.remove();
    const id = featureId(hit);
    const layer = hit.layer.id;
    if (layer === CAMPUS_HIT_LAYER) {
      const campus = lookups.campus(id);
      if (!campus) return;
      lookups.onCampusClick(id);
      openPopup(map, pointOf(hit), campusPopupContent(campus), { maxWidth: '360px', campusId: id });
    } else if (layer === PLANT_CLUSTER_LAYER) {
      const source = map.getSource<maplibregl.GeoJSONSource>(PLANT_SOURCE);
      void source
        ?.getClusterExpansionZoom(Number(hit.properties?.cluster_id))
        .then((zoom) => map.easeTo({ center: pointOf(hit), zoom }));
    } else if (layer === PLANT_HIT_LAYER) {
      const plant = lookups.plant(id);
      if (plant) openPopup(map, pointOf(hit), plantPopupContent(plant));
    } else if (layer === INTERCONNECTION_HIT_LAYER) {
      const point = lookups.interconnection(id);
      if (point) openPopup(map, pointOf(hit), interconnectionPopupContent(point));
    } else {
      const site = lookups.site(id);
      if (site) showSitePopup(map, site, pointOf(hit));
    }
  });
}
