// The map side of the Siting tab: fills the siting sources, frames a new result, dims the hexes
// while a screen loads, highlights the site under the pointer in the ranked table, and keeps
// the hex opacity the legend's slider sets.
import type * as maplibregl from 'maplibre-gl';
import type { ScreenResponse, SiteCheckResponse } from '../../api/siting-types.ts';
import { setSourceData } from '../../map/create-map.ts';
import { geodesicCircle } from '../../map/geodesic.ts';
import {
  HEX_DEFAULT_OPACITY,
  screenHighlightFilter,
  SITING_CHECK_SOURCE,
  SITING_HEX_SOURCE,
  SITING_SCREEN_SOURCE,
} from '../../map/layers/siting.ts';
import {
  checkFeatures,
  EMPTY_COLLECTION,
  hexFeatures,
  RG47_RING_MI,
  screenFeatures,
} from '../../map/siting-features.ts';
import { miToKm } from '../../../models/units.ts';
import type { RankedSite } from './rerank.ts';
import type { ScreenMap } from './screen-panel.ts';

/** Below this zoom (regional scale) a new check zooms in so its 20 mi ring can be read. */
const FRAME_BELOW_ZOOM = 6.5;
/** A site opened from the ranked table: its 20 mi ring fills about half of the map. */
export const SITE_ZOOM = 8.5;
/** Hexes fade to this share of their opacity while a new grid is computed. */
const LOADING_DIM = 0.4;
/** Frame the nearest population centre too when it is this close, miles. */
const FRAME_CENTRE_WITHIN_MI = 80;

export interface SitingMap extends ScreenMap {
  showCheck(at: { lat: number; lon: number } | null, result: SiteCheckResponse | null): void;
  flyTo(lon: number, lat: number): void;
  setHexOpacity(opacity: number): void;
  /** Called the first time siting data reaches the map (the legend then shows its entry). */
  onFirstData(listener: () => void): void;
}

function bounds(points: number[][]): maplibregl.LngLatBoundsLike {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

export function createSitingMap(map: maplibregl.Map): SitingMap {
  const ready = new Promise<void>((resolve) =>
    map.loaded() ? resolve() : map.once('load', () => resolve()),
  );
  const later = (work: () => void) => void ready.then(work);
  let opacity = HEX_DEFAULT_OPACITY;
  let loading = false;
  let shownGrid: ScreenResponse | null = null;
  let framedScreen = '';
  let firstData: (() => void) | null = null;
  const announce = () => {
    firstData?.();
    firstData = null;
  };
  const paintHexes = () =>
    later(() =>
      map.setPaintProperty(
        'siting-hex-fill',
        'fill-opacity',
        opacity * (loading ? LOADING_DIM : 1),
      ),
    );

  return {
    showCheck(at, result) {
      later(() => {
        if (!at || !result) return setSourceData(map, SITING_CHECK_SOURCE, EMPTY_COLLECTION);
        setSourceData(map, SITING_CHECK_SOURCE, checkFeatures(at, result));
        announce();
        if (map.getZoom() >= FRAME_BELOW_ZOOM || map.isMoving()) return;
        const ring = geodesicCircle(at.lon, at.lat, miToKm(RG47_RING_MI), 16);
        const centre = result.nearestPopulationCentre;
        const near = centre && centre.boundaryDistanceMi <= FRAME_CENTRE_WITHIN_MI;
        const points = near ? [...ring, [centre.lon, centre.lat]] : ring;
        // Wide side padding: the centre's label hangs up to ~120 px either side of its dot.
        const padding = { top: 60, bottom: 60, left: 130, right: 130 };
        map.fitBounds(bounds(points), { padding, maxZoom: 10, duration: 800 });
      });
    },
    showScreen(ranked: RankedSite[] | null, response: ScreenResponse | null, radiusKm: number) {
      later(() => {
        setSourceData(
          map,
          SITING_SCREEN_SOURCE,
          ranked ? screenFeatures(ranked) : EMPTY_COLLECTION,
        );
        if (response === shownGrid) return;
        shownGrid = response;
        if (!response) {
          framedScreen = '';
          return setSourceData(map, SITING_HEX_SOURCE, EMPTY_COLLECTION);
        }
        setSourceData(map, SITING_HEX_SOURCE, hexFeatures(response, radiusKm));
        announce();
        const { lat, lon } = response.campus;
        const key = `${lat},${lon},${radiusKm}`;
        if (key === framedScreen) return;
        framedScreen = key;
        map.fitBounds(bounds(geodesicCircle(lon, lat, radiusKm, 32)), {
          padding: 40,
          duration: 800,
        });
      });
    },
    setScreenLoading(value) {
      if (value === loading) return;
      loading = value;
      paintHexes();
    },
    highlight(siteId) {
      later(() => map.setFilter('siting-screen-highlight', screenHighlightFilter(siteId)));
    },
    flyTo(lon, lat) {
      map.flyTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), SITE_ZOOM) });
    },
    setHexOpacity(value) {
      opacity = value;
      paintHexes();
    },
    onFirstData(listener) {
      firstData = listener;
    },
  };
}
