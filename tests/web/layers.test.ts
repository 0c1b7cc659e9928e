// The map style is data: every layer function and the whole offline style must pass the
// MapLibre style spec, with prefixed unique ids and no glyph or sprite server. No browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  createExpression,
  validateStyleMin,
  type LayerSpecification,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Topology } from 'topojson-specification';
import { basemapStyle, buildBasemapData, buildCountyData } from '../../web/map/basemap.ts';
import { campusPlannedMw, shortCampusName } from '../../web/map/campus-mw.ts';
import { basemapLayers } from '../../web/map/layers/basemap-layers.ts';
import { campusLayers, CAMPUS_SOURCE } from '../../web/map/layers/campuses.ts';
import {
  campusRadius,
  campusRadiusPx,
  CAMPUS_SIZE_LEGEND_MW,
} from '../../web/map/layers/campus-size.ts';
import { siteLayers, SITE_SOURCE } from '../../web/map/layers/sites.ts';
import {
  sitingCheckLayers,
  sitingHexLayers,
  sitingScreenLayers,
  SITING_CHECK_SOURCE,
  SITING_HEX_SOURCE,
  SITING_SCREEN_SOURCE,
} from '../../web/map/layers/siting.ts';
import { inLayerGroup, plannerStyle } from '../../web/map/style.ts';

const require = createRequire(import.meta.url);
const topology = (module: string): Topology =>
  JSON.parse(readFileSync(require.resolve(module), 'utf8')) as Topology;
const basemapData = buildBasemapData({
  states: topology('us-atlas/states-10m.json'),
  countries: topology('world-atlas/countries-50m.json'),
});

const emptySource = {
  type: 'geojson' as const,
  data: { type: 'FeatureCollection' as const, features: [] },
};

/** A minimal style around some layers, with an empty GeoJSON source for each they use. */
function styleOf(layers: LayerSpecification[]): StyleSpecification {
  const sources = Object.fromEntries(
    layers.flatMap((layer) => ('source' in layer ? [[layer.source, emptySource]] : [])),
  );
  return { version: 8, sources, layers };
}

const messages = (style: StyleSpecification) => validateStyleMin(style).map((e) => e.message);

describe('map layers', () => {
  const groups: [string, LayerSpecification[]][] = [
    ['basemap', basemapLayers()],
    ['campuses', campusLayers()],
    ['campuses with a selection', campusLayers('stargate-abilene')],
    ['sites', siteLayers()],
    ['siting hexes', sitingHexLayers()],
    ['siting hexes at opacity 0.3', sitingHexLayers(0.3)],
    ['siting screen', sitingScreenLayers()],
    ['siting screen with a highlight', sitingScreenLayers('crane-tmi1')],
    ['siting check', sitingCheckLayers()],
  ];

  it.each(groups)('%s layers pass the style spec', (_name, layers) => {
    expect(messages(styleOf(layers))).toEqual([]);
  });

  it.each(groups)('%s layer ids carry their group prefix', (name, layers) => {
    const prefix = `${name.split(' ')[0]}-`;
    expect(layers.map((l) => l.id).filter((id) => !id.startsWith(prefix))).toEqual([]);
  });

  it('layer ids are unique across the whole style', () => {
    const ids = plannerStyle().layers.map((l) => l.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('campus, site and siting layers read the sources the style defines', () => {
    const style = plannerStyle();
    expect(Object.keys(style.sources)).toEqual(
      expect.arrayContaining([
        CAMPUS_SOURCE,
        SITE_SOURCE,
        SITING_HEX_SOURCE,
        SITING_SCREEN_SOURCE,
        SITING_CHECK_SOURCE,
      ]),
    );
  });

  it('draws the hexes under the place names and the checked point above the sites', () => {
    const ids = plannerStyle().layers.map((l) => l.id);
    expect(ids.indexOf('siting-hex-fill')).toBeLessThan(ids.indexOf('basemap-labels-state'));
    expect(ids.indexOf('siting-hex-fill')).toBeLessThan(ids.indexOf('campuses-circle'));
    expect(ids.indexOf('siting-check-point')).toBeGreaterThan(ids.indexOf('sites-symbol'));
  });

  it('puts the hex layers, and only them, in the siting-hexes legend group', () => {
    const ids = plannerStyle().layers.map((l) => l.id);
    expect(ids.filter((id) => inLayerGroup(id, 'siting-hexes'))).toEqual([
      'siting-hex-fill',
      'siting-hex-radius',
    ]);
  });
});

describe('offline basemap style', () => {
  it('passes the style spec with the real us-atlas and world-atlas data', () => {
    expect(messages(basemapStyle(basemapData))).toEqual([]);
  });

  it('passes the style spec as the full planner style, empty and with data', () => {
    expect(messages(plannerStyle())).toEqual([]);
    expect(messages(plannerStyle(basemapData))).toEqual([]);
  });

  it('names no glyph server and no sprite, so it works offline', () => {
    const style = plannerStyle(basemapData);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(plannerStyle())).not.toMatch(/https?:\/\//);
  });

  it('places a label for every state and the North American countries but not the US', () => {
    const names = basemapData.labels.features.map((f) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(['Texas', 'Alaska', 'Canada', 'Mexico', 'Cuba']));
    expect(names).not.toContain('United States of America');
    expect(names).not.toContain('France');
  });

  it('labels Michigan on its lower peninsula, not between the two', () => {
    const michigan = basemapData.labels.features.find((f) => f.properties.name === 'Michigan');
    const [lon, lat] = michigan!.geometry.coordinates;
    expect(lon).toBeGreaterThan(-86.5);
    expect(lon).toBeLessThan(-82.4);
    expect(lat).toBeGreaterThan(41.7);
    expect(lat).toBeLessThan(45.8);
  });

  it('gives each state label its postal code for small scales', () => {
    const texas = basemapData.labels.features.find((f) => f.properties.name === 'Texas');
    expect(texas?.properties.abbr).toBe('TX');
  });

  it('keeps land near North America only', () => {
    const names = basemapData.land.features.map((f) => (f.properties as { name: string }).name);
    expect(names).toEqual(expect.arrayContaining(['United States of America', 'Canada', 'Mexico']));
    expect(names).not.toContain('Russia');
    expect(names).not.toContain('Australia');
  });

  it('builds county lines and a county label for each county', () => {
    const counties = buildCountyData(topology('us-atlas/counties-10m.json'));
    expect(counties.countyLines.coordinates.length).toBeGreaterThan(1000);
    const names = counties.labels.features.map((f) => f.properties.name);
    expect(names).toContain('Taylor');
  });
});

describe('campus circle size', () => {
  const drawnRadiusPx = (plannedMw: number | null): number => {
    const parsed = createExpression(campusRadius(), 'circle-radius');
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    return parsed.value.evaluate({ zoom: 4 }, { type: 'Point', properties: { plannedMw } });
  };

  it.each([...CAMPUS_SIZE_LEGEND_MW])('draws %i MW at the radius the legend shows', (mw) => {
    expect(drawnRadiusPx(mw)).toBeCloseTo(campusRadiusPx(mw), 6);
  });

  it('draws a campus with no published MW at the small default radius', () => {
    expect(drawnRadiusPx(null)).toBe(campusRadiusPx(null));
    expect(campusRadiusPx(null)).toBeLessThan(campusRadiusPx(100));
  });

  it('grows the radius with the square root of MW, so circle area tracks MW', () => {
    const areaAbovePx = (mw: number) => (campusRadiusPx(mw) - campusRadiusPx(0)) ** 2;
    expect(areaAbovePx(4000) / areaAbovePx(1000)).toBeCloseTo(4, 6);
  });
});

describe('campus MW for the circle size', () => {
  const totals = [
    { year: 2025, facilityMw: 400, itMw: 200, confidence: 'medium' as const },
    { year: 2026, facilityMw: 1200, confidence: 'medium' as const },
  ];

  it('uses plannedPeakFacilityMw when it is published', () => {
    const mw = campusPlannedMw({
      plannedPeakFacilityMw: 1500,
      plannedPeakBasis: 'headline capacity',
      publishedTotals: totals,
    });
    expect(mw).toEqual({ mw: 1500, basis: 'headline capacity' });
  });

  it('falls back to the largest published total when the planned peak is null', () => {
    const mw = campusPlannedMw({ plannedPeakFacilityMw: null, publishedTotals: totals });
    expect(mw.mw).toBe(1200);
    expect(mw.basis).toMatch(/largest published total \(facility, 2026\)/);
  });

  it('counts a published IT total when it is the largest figure', () => {
    const mw = campusPlannedMw({
      publishedTotals: [{ year: 2026, itMw: 1000, confidence: 'low' }],
    });
    expect(mw).toEqual({ mw: 1000, basis: 'largest published total (IT, 2026)' });
  });

  it('returns null MW when nothing is published, so the layer draws its small default', () => {
    expect(campusPlannedMw({ plannedPeakFacilityMw: null, publishedTotals: [] }).mw).toBeNull();
  });

  it('shortens a campus name to what precedes its parenthesis', () => {
    expect(shortCampusName('Stargate I – Abilene (Crusoe / Lancium Clean Campus)')).toBe(
      'Stargate I – Abilene',
    );
  });
});
