// Hovering a suitability hex shows what it was scored on (UX.md: a hover shows a small
// tooltip). Campus and site tooltips win where a symbol sits on a cell.
import * as maplibregl from 'maplibre-gl';
import type { GridCellProperties } from '../../api/siting-types.ts';
import { hexCellSummary } from '../../map/siting-features.ts';
import { isPlacing } from '../../map/placement.ts';
import { CAMPUS_HIT_LAYER, SITE_HIT_LAYER } from '../popups/popups.ts';

const HEX_LAYER = 'siting-hex-fill';

export function attachHexTooltip(map: maplibregl.Map): void {
  const tooltip = new maplibregl.Popup({
    className: 'map-tooltip',
    closeButton: false,
    closeOnClick: false,
    offset: 12,
    maxWidth: '260px',
  });
  map.on('mousemove', HEX_LAYER, (event) => {
    const cell = event.features?.[0]?.properties as GridCellProperties | undefined;
    const onSymbol = map.queryRenderedFeatures(event.point, {
      layers: [CAMPUS_HIT_LAYER, SITE_HIT_LAYER],
    }).length;
    if (!cell || onSymbol || isPlacing(map)) {
      tooltip.remove();
      return;
    }
    tooltip.setLngLat(event.lngLat).setText(hexCellSummary(cell)).addTo(map);
  });
  map.on('mouseleave', HEX_LAYER, () => tooltip.remove());
}
