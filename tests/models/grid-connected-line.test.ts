// Grid-connected gen-ties (issue 9 part 4): in connected mode each deployment's line runs to its
// nearest known interconnection point at ≥ 345 kV, not to the campus. The nearest point is found
// here by brute force over the bundled EIA-860 points, and the route length by MISO's 1.3 ×
// great-circle rule (DESIGN.md "Transmission"), independently of the engine's index.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { prepareEvaluation, type EvaluateInputs } from '../../models/scenario.ts';
import { greatCircleKm } from '../../models/units.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';

const geo = loadGeoData();
const data = evaluateDataOf(geo);
const campus = geo.campuses.find((c) => c.id === 'stargate-abilene')!;

function inputs(mode: 'islanded' | 'connected', lat: number, lon: number): EvaluateInputs {
  return {
    campus,
    deployments: [{ designId: 'bwrx-300', units: 2, lat, lon, codYear: 2031 }],
    options: { year: 2032, trials: 20, grid: { mode } },
  };
}

function bruteNearest(lat: number, lon: number, minKv: number) {
  let best = { id: '', km: Infinity };
  for (const p of geo.interconnections) {
    if (p.kv < minKv) continue;
    const km = greatCircleKm(lat, lon, p.lat, p.lon);
    if (km < best.km) best = { id: p.id, km };
  }
  return best;
}

describe('the gen-tie of a grid-connected deployment', () => {
  // Comanche Peak (TX), about 230 km east of Abilene: its own switchyard is at 345 kV.
  const site = geo.sites.find((s) => s.id === 'comanche-peak')!;

  it('runs to the campus when islanded', () => {
    const [d] = prepareEvaluation(inputs('islanded', site.lat, site.lon), data).deployments;
    expect(d.lineTo.kind).toBe('campus');
    expect(d.line.greatCircleKm).toBeCloseTo(
      greatCircleKm(site.lat, site.lon, campus.lat, campus.lon),
      6,
    );
  });

  it('runs to the nearest ≥ 345 kV point when connected, and costs that line, not the campus line', () => {
    const prepared = prepareEvaluation(inputs('connected', site.lat, site.lon), data);
    const [d] = prepared.deployments;
    const nearest = bruteNearest(site.lat, site.lon, 345);
    expect(d.lineTo.kind).toBe('interconnection');
    expect(d.lineTo.plantId).toBe(nearest.id);
    expect(d.lineTo.kv).toBeGreaterThanOrEqual(345);
    expect(d.line.greatCircleKm).toBeCloseTo(nearest.km, 6);
    expect(nearest.km).toBeLessThan(5);
    const islanded = prepareEvaluation(inputs('islanded', site.lat, site.lon), data).deployments[0];
    expect(d.line.capexUsd).toBeLessThan(islanded.line.capexUsd / 10);
    expect(prepared.assumptions.join(' ')).toMatch(/nearest known interconnection point/);
  });

  it('applies the 1.3 × route rule to a point far from any plant', () => {
    // Rural west Texas, 31.0 N 101.5 W: no plant at 345 kV on the spot.
    const [d] = prepareEvaluation(inputs('connected', 31.0, -101.5), data).deployments;
    const nearest = bruteNearest(31.0, -101.5, 345);
    expect(nearest.km).toBeGreaterThan(16);
    expect(d.line.routeKm).toBeCloseTo(1.3 * nearest.km, 6);
  });

  it('ties a deployment beside the campus in at the campus, which is itself on the grid', () => {
    // 5 km from Abilene's campus point, nearer than any ≥ 345 kV plant.
    const lat = campus.lat + 5 / 111.2;
    const nearest = bruteNearest(lat, campus.lon, 345);
    expect(nearest.km).toBeGreaterThan(5);
    const [d] = prepareEvaluation(inputs('connected', lat, campus.lon), data).deployments;
    expect(d.lineTo.kind).toBe('campus');
  });

  it('falls back to the campus line with a warning where EIA-860 knows no point (Ontario)', () => {
    const prepared = prepareEvaluation(
      { ...inputs('connected', 49.5, -86.5), campus: { ...campus, lat: 48.4, lon: -89.2 } },
      data,
    );
    expect(prepared.deployments[0].lineTo.kind).toBe('campus');
    expect(prepared.warnings.join(' ')).toMatch(
      /no interconnection point at ≥ 345 kV within 500 km/,
    );
  });
});
