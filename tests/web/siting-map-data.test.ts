// The siting map data: geodesic rings that are the right size at any latitude, the features
// the siting layers read (rings, labels, the line to the nearest population centre), and the
// hex colour scale. Pure functions, no browser.
import { describe, expect, it } from 'vitest';
import { createExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LineString, Point } from 'geojson';
import { greatCircleKm, miToKm } from '../../models/units.ts';
import type { ScreenResponse, SiteCheckResponse } from '../../web/api/siting-types.ts';
import { destination, geodesicCircle } from '../../web/map/geodesic.ts';
import {
  HEX_EXCLUDED_COLOUR,
  HEX_SCORE_STOPS,
  sitingHexLayers,
} from '../../web/map/layers/siting.ts';
import {
  centreLabel,
  checkFeatures,
  hexCellSummary,
  hexFeatures,
  labelAnchor,
  screenFeatures,
} from '../../web/map/siting-features.ts';

const NAUGHTON = { lat: 41.76, lon: -110.6 };

const checkResult = (overrides: Partial<SiteCheckResponse> = {}): SiteCheckResponse => ({
  designId: 'bwrx-300',
  pass: true,
  checks: [],
  populationWithinMi: { '1': 0, '5': 2739, '10': 2739, '20': 2739, '50': 18702 },
  nearestPopulationCentre: {
    name: 'Logan',
    country: 'US',
    adminCode: 'UT',
    population: 50_371,
    distanceMi: 63.65,
    boundaryDistanceMi: 61.34,
    lat: 41.73549,
    lon: -111.83439,
  },
  epzMi: 0.25,
  populationSource: { vintage: '2020 Census block groups', contributing: ['2020 Census'] },
  worstSector: { radiusMi: 4, sector: 0, sectorName: 'N', population: 0, densityPerMi2: 0 },
  nearestInterconnection: { kv230: null, kv345: null },
  site: null,
  country: 'US',
  assumptions: [],
  ...overrides,
});

describe('geodesic circles', () => {
  it.each([0, 41.76, 70])('keeps every vertex 32.19 km (20 mi) from the centre at %f° N', (lat) => {
    const ring = geodesicCircle(-100, lat, miToKm(20));
    for (const [lon, vertexLat] of ring) {
      expect(greatCircleKm(lat, -100, vertexLat, lon)).toBeCloseTo(miToKm(20), 3);
    }
  });

  it('closes the ring on its first vertex', () => {
    const ring = geodesicCircle(-100, 40, 10, 12);
    expect(ring).toHaveLength(13);
    expect(ring.at(-1)).toEqual(ring[0]);
  });

  it('goes due north along bearing 0', () => {
    const [lon, lat] = destination(-100, 40, 0, 111.2);
    expect(lon).toBeCloseTo(-100, 9);
    expect(lat).toBeCloseTo(41, 2);
  });

  it('refuses a radius of 0 km, naming it', () => {
    expect(() => geodesicCircle(0, 0, 0)).toThrow(/Invalid circle radius: 0 km/);
  });
});

describe('checked-point features', () => {
  const kinds = (result: SiteCheckResponse) =>
    checkFeatures(NAUGHTON, result).features.map((f) => f.properties?.kind);

  it('draws the 20 mi RG 4.7 ring and the design EPZ ring, each labelled', () => {
    const features = checkFeatures(NAUGHTON, checkResult()).features;
    const labels = features.filter((f) => f.properties?.kind === 'ring-label');
    expect(labels.map((f) => f.properties?.label)).toEqual([
      '20 mi · RG 4.7 density',
      'EPZ 0.25 mi',
    ]);
    const epzLabel = labels[1].geometry as Point;
    const [lon, lat] = epzLabel.coordinates;
    expect(greatCircleKm(NAUGHTON.lat, NAUGHTON.lon, lat, lon)).toBeCloseTo(miToKm(0.25), 4);
  });

  it('runs a line to the nearest population centre, labelled with its boundary distance', () => {
    const features = checkFeatures(NAUGHTON, checkResult()).features;
    const line = features.find((f) => f.properties?.kind === 'centre-line');
    const centre = features.find((f) => f.properties?.kind === 'centre');
    expect((line?.geometry as LineString).coordinates.at(-1)).toEqual([-111.83439, 41.73549]);
    expect(centre?.properties?.label).toBe('Logan · 61.3 mi to boundary');
  });

  it('puts the centre label across the line: below Logan, to the right of a town due north', () => {
    const centre = checkFeatures(NAUGHTON, checkResult()).features.find(
      (f) => f.properties?.kind === 'centre',
    );
    expect(centre?.properties?.anchor).toBe('top');
    expect(labelAnchor(NAUGHTON, { lon: -110.6, lat: 42.5 })).toBe('left');
  });

  it('formats the label as the issue shows it', () => {
    expect(centreLabel('Alamogordo', 2)).toBe('Alamogordo · 2.0 mi to boundary');
  });

  it('draws no line when no population centre is within reach', () => {
    expect(kinds(checkResult({ nearestPopulationCentre: null }))).not.toContain('centre-line');
  });

  it('labels the point with the verdict in words', () => {
    const point = (pass: boolean) =>
      checkFeatures(NAUGHTON, checkResult({ pass })).features.find(
        (f) => f.properties?.kind === 'point',
      )?.properties?.label;
    expect(point(true)).toBe('Passes hard checks');
    expect(point(false)).toBe('Fails a hard check');
  });
});

describe('screen features', () => {
  it('numbers the sites from 1 in the order given', () => {
    const site = (siteId: string) =>
      ({ siteId, lat: 40, lon: -76, score: 50, excluded: false }) as never;
    const ranks = screenFeatures([site('a'), site('b')]).features.map((f) => [
      f.properties?.siteId,
      f.properties?.rank,
    ]);
    expect(ranks).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('adds the screen radius as a line after the hex cells', () => {
    const response = {
      campus: { lat: 40, lon: -76 },
      grid: { type: 'FeatureCollection', features: [] },
    } as unknown as ScreenResponse;
    const [edge] = hexFeatures(response, 150).features;
    expect(edge.geometry.type).toBe('LineString');
  });
});

describe('hex colour', () => {
  const colourAt = (score: number): string => {
    const fill = sitingHexLayers()[0];
    if (fill.type !== 'fill') throw new Error('first hex layer is not a fill');
    const spec = latest.paint_fill['fill-color'];
    const parsed = createExpression(fill.paint?.['fill-color'], 'fill-color', spec as never);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const feature = { type: 'Polygon', properties: { score } } as never;
    const { r, g, b } = parsed.value.evaluate({ zoom: 6 }, feature) as {
      r: number;
      g: number;
      b: number;
    };
    const hex = (x: number) =>
      Math.round(x * 255)
        .toString(16)
        .padStart(2, '0');
    return `#${hex(r)}${hex(g)}${hex(b)}`;
  };

  it('draws an excluded cell (score 0) grey, and each stop its ColorBrewer colour', () => {
    expect(colourAt(0)).toBe(HEX_EXCLUDED_COLOUR);
    for (const [score, colour] of HEX_SCORE_STOPS.slice(1)) expect(colourAt(score)).toBe(colour);
  });
});

describe('hex cell summary', () => {
  it('gives the score and what it was scored on, with units', () => {
    const cell = {
      score: 64.25,
      densityPerMi2: 1234.5,
      hazard: 'very-high' as const,
      distanceKm: 42.1,
      interconnectionKm: 12.3,
    };
    expect(hexCellSummary(cell)).toBe(
      'Score 64.3 of 100 · 1,234.5 persons/mi² (2020 Census) · very high seismic hazard · 42 km to the campus · 12 km to a ≥ 345 kV plant',
    );
  });

  it('says "Excluded" for a cell scored 0', () => {
    const cell = { score: 0, densityPerMi2: 900, hazard: 'low' as const, distanceKm: 5 };
    expect(hexCellSummary({ ...cell, interconnectionKm: null })).toMatch(/^Excluded · 900 persons/);
  });
});
