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
import { basemapStyle } from '../../web/map/basemap.ts';
import { buildBasemapData, buildCountyData } from '../../web/map/basemap-build.ts';
import { campusPlannedMw, shortCampusName } from '../../web/map/campus-mw.ts';
import { basemapLayers } from '../../web/map/layers/basemap-layers.ts';
import { campusLayers, CAMPUS_SOURCE } from '../../web/map/layers/campuses.ts';
import {
  campusRadius,
  campusRadiusPx,
  CAMPUS_SIZE_LEGEND_MW,
} from '../../web/map/layers/campus-size.ts';
import {
  interconnectionLabel,
  interconnectionLayers,
  INTERCONNECTION_SOURCE,
  voltageClassKv,
} from '../../web/map/layers/interconnections.ts';
import { placeLayers, PLACE_SOURCE, PLACE_TIERS } from '../../web/map/layers/places.ts';
import {
  plantLayers,
  plantRadiusPx,
  plantSource,
  PLANT_FUELS_STYLE,
  PLANT_SOURCE,
} from '../../web/map/layers/plants.ts';
import {
  populationDensityLayers,
  POPULATION_DENSITY_SOURCE,
} from '../../web/map/layers/population.ts';
import { siteLayers, SITE_KINDS, SITE_SOURCE } from '../../web/map/layers/sites.ts';
import { PLANT_FUELS, SITE_KINDS as RECORD_SITE_KINDS } from '../../models/records.ts';
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
    ['plants', plantLayers()],
    ['plants shown', plantLayers(true)],
    ['interconnections', interconnectionLayers()],
    ['interconnections shown', interconnectionLayers(true)],
    ['population-density', populationDensityLayers()],
    ['population-density shown at opacity 0.4', populationDensityLayers(true, 0.4)],
    ['places', placeLayers()],
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

  it('the new national layers read sources the style defines, plants clustered', () => {
    const style = plannerStyle();
    expect(Object.keys(style.sources)).toEqual(
      expect.arrayContaining([
        PLANT_SOURCE,
        INTERCONNECTION_SOURCE,
        POPULATION_DENSITY_SOURCE,
        PLACE_SOURCE,
      ]),
    );
    expect(style.sources[PLANT_SOURCE]).toMatchObject({ type: 'geojson', cluster: true });
    expect(
      messages({ version: 8, sources: { [PLANT_SOURCE]: plantSource() }, layers: plantLayers() }),
    ).toEqual([]);
  });

  it('starts plants, interconnection points and population heat hidden, city names shown', () => {
    const style = plannerStyle();
    const visibility = (group: Parameters<typeof inLayerGroup>[1]) =>
      style.layers
        .filter((l) => inLayerGroup(l.id, group))
        .map((l) => (l.layout as { visibility?: string } | undefined)?.visibility ?? 'visible');
    for (const group of ['plants', 'interconnections', 'population-density'] as const) {
      expect(visibility(group).length).toBeGreaterThan(0);
      expect(new Set(visibility(group))).toEqual(new Set(['none']));
    }
    expect(new Set(visibility('places'))).toEqual(new Set(['visible']));
  });

  it('gives every site kind its own shape and colour, and every plant fuel a colour', () => {
    expect(Object.keys(SITE_KINDS).sort()).toEqual([...RECORD_SITE_KINDS].sort());
    const kinds = Object.values(SITE_KINDS);
    expect(new Set(kinds.map((k) => k.shape)).size).toBe(kinds.length);
    expect(new Set(kinds.map((k) => k.colour)).size).toBe(kinds.length);
    expect(Object.keys(PLANT_FUELS_STYLE).sort()).toEqual([...PLANT_FUELS].sort());
    expect(plantRadiusPx(400)).toBeCloseTo(2 * plantRadiusPx(100));
  });

  it('draws the many coal and gas plants only from closer zooms, the curated sites always', () => {
    const layers = siteLayers();
    const byId = (id: string) => layers.find((l) => l.id === id)!;
    expect(byId('sites-symbol').minzoom).toBeUndefined();
    expect(byId('sites-symbol-coal').minzoom).toBeGreaterThan(4);
    expect(byId('sites-symbol-gas').minzoom).toBeGreaterThan(byId('sites-symbol-coal').minzoom!);
  });

  it('names interconnection points as plants, a proxy for a substation, by voltage class', () => {
    expect(interconnectionLabel(345)).toBe('EIA-860 2019 plant at 345 kV (proxy for a substation)');
    expect([230, 240, 345, 480, 500, 525, 765, 800].map(voltageClassKv)).toEqual([
      230, 230, 345, 345, 500, 500, 765, 765,
    ]);
  });

  it('names every place of 10,000+ by campus zoom, big places first and above the sites', () => {
    expect(PLACE_TIERS.at(-1)).toMatchObject({ minPopulation: 10_000, minZoom: 8 });
    const ids = plannerStyle().layers.map((l) => l.id);
    expect(ids.indexOf('places-label-1m')).toBeGreaterThan(ids.indexOf('places-label-10k'));
    expect(ids.indexOf('places-label-10k')).toBeGreaterThan(ids.indexOf('sites-label'));
    expect(ids.indexOf('population-density-heat')).toBeLessThan(
      ids.indexOf('basemap-labels-state'),
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
