// Hover tooltip (the name) and click popup (key figures) for campuses and sites.
import './popups.css';
import * as maplibregl from 'maplibre-gl';
import type { CampusProperties, SiteProperties } from '../../api/client.ts';
import { isPlacing } from '../../map/placement.ts';
import { campusPopupContent, sitePopupContent } from './popup-content.ts';

export const CAMPUS_HIT_LAYER = 'campuses-circle';
export const SITE_HIT_LAYER = 'sites-symbol';

export interface PopupLookups {
  /** Full records by id: rendered features carry nested properties as JSON strings. */
  campus(id: string): CampusProperties | undefined;
  site(id: string): SiteProperties | undefined;
  onCampusClick(id: string): void;
}

const featureId = (feature: maplibregl.MapGeoJSONFeature): string =>
  String(feature.properties?.id ?? feature.id ?? '');

const pointOf = (feature: maplibregl.MapGeoJSONFeature): maplibregl.LngLatLike =>
  feature.geometry.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : [0, 0];

export function showSitePopup(
  map: maplibregl.Map,
  site: SiteProperties,
  at: maplibregl.LngLatLike,
): maplibregl.Popup {
  return new maplibregl.Popup({ className: 'map-popup', maxWidth: '340px', offset: 10 })
    .setLngLat(at)
    .setDOMContent(sitePopupContent(site))
    .addTo(map);
}

export function attachPopups(map: maplibregl.Map, lookups: PopupLookups): void {
  const tooltip = new maplibregl.Popup({
    className: 'map-tooltip',
    closeButton: false,
    closeOnClick: false,
    offset: 14,
  });

  for (const layer of [CAMPUS_HIT_LAYER, SITE_HIT_LAYER]) {
    map.on('mousemove', layer, (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      map.getCanvas().style.cursor = 'pointer';
      tooltip
        .setLngLat(pointOf(feature))
        .setText(String(feature.properties?.name ?? ''))
        .addTo(map);
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
      tooltip.remove();
    });
  }

  map.on('click', (event) => {
    // While placement is armed the click places something; it must not also open a popup.
    if (isPlacing(map)) return;
    const [hit] = map.queryRenderedFeatures(event.point, {
      layers: [SITE_HIT_LAYER, CAMPUS_HIT_LAYER],
    });
    if (!hit) return;
    tooltip.remove();
    const id = featureId(hit);
    if (hit.layer.id === CAMPUS_HIT_LAYER) {
      const campus = lookups.campus(id);
      if (!campus) return;
      lookups.onCampusClick(id);
      new maplibregl.Popup({ className: 'map-popup', maxWidth: '360px', offset: 12 })
        .setLngLat(pointOf(hit))
        .setDOMContent(campusPopupContent(campus))
        .addTo(map);
    } else {
      const site = lookups.site(id);
      if (site) showSitePopup(map, site, pointOf(hit));
    }
  });
}
