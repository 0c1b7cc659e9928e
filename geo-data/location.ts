// Loads the capital-cost location multipliers (geo-data/economics/*.csv, see its README) and the
// us-atlas state polygons into the pure model's LocationData.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LocationData, StateShape } from '../models/economics/location.ts';

const require = createRequire(import.meta.url);
/** Rows the published table shifted: (State, City) as printed → the real state. */
const SHIFTED: Record<string, string> = {
  'New|Albuquerque': 'New Mexico',
  'New Mexico|New York': 'New York',
};

function multipliers(file: string): Record<string, number> {
  const text = readFileSync(
    fileURLToPath(new URL(`reference/economics/${file}`, import.meta.url)),
    'utf8',
  );
  const lines = text.trim().split(/\r?\n/).slice(1);
  const byState = new Map<string, number[]>();
  for (const line of lines) {
    // No field of these two tables holds a quoted comma.
    const [state, city, , variation] = line.split(',');
    const name = SHIFTED[`${state}|${city}`] ?? state;
    const list = byState.get(name) ?? [];
    list.push(Number(variation));
    byState.set(name, list);
  }
  return Object.fromEntries(
    [...byState].map(([s, v]) => [
      s,
      Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 1e4) / 1e4,
    ]),
  );
}

function bboxOf(polygons: number[][][][]): [number, number, number, number] {
  let w = 180;
  let s = 90;
  let e = -180;
  let n = -90;
  for (const p of polygons)
    for (const [lon, lat] of p[0]) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  return [w, s, e, n];
}

function states(): StateShape[] {
  const topology = require('us-atlas/states-10m.json') as Topology;
  const fc = feature(topology, topology.objects.states as GeometryCollection) as unknown as {
    features: Feature<Polygon | MultiPolygon, { name: string }>[];
  };
  return fc.features.map((f) => {
    const polygons =
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates]
        : (f.geometry.coordinates as number[][][][]);
    return { name: f.properties.name, bbox: bboxOf(polygons), polygons };
  });
}

let cached: LocationData | undefined;

export function loadLocationData(): LocationData {
  cached ??= {
    states: states(),
    smr: multipliers('smr-location-multipliers.csv'),
    large: multipliers('large-nuclear-location-multipliers.csv'),
    source:
      'EIA capital cost study state location multipliers (Sargent & Lundy for EIA), as tabulated ' +
      'in PyPSA-USA (MIT); state from the us-atlas 10m state polygons',
  };
  return cached;
}
