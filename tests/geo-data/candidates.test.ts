// Candidate sites at national scale (issue 9): every coal, gas and nuclear plant of 100 MW+ in
// the North American table, every shut-down reactor site, the curated records winning within
// 3 km, and each site's nearest interconnection point. Checked against the vendored tables
// read here with their own parser, not through the build's readers.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { greatCircleKm } from '../../models/units.ts';

const REF = new URL('../../geo-data/reference/', import.meta.url);
const table = (path: string): Record<string, string>[] =>
  parse(
    path.endsWith('.gz')
      ? gunzipSync(readFileSync(new URL(path, REF)))
      : readFileSync(new URL(path, REF)),
    { columns: true, bom: true },
  );

const geo = loadGeoData();
const byId = new Map(geo.sites.map((s) => [s.id, s]));
const curated = JSON.parse(readFileSync(new URL('candidate-sites.json', REF), 'utf8')) as {
  id: string;
  lat: number;
  lon: number;
}[];
const plantRows = table('power-plants/plants-100mw-north-america.csv.gz');
const candidateRows = plantRows.filter((r) =>
  ['Coal', 'Natural Gas', 'Nuclear'].includes(r.primarySource),
);
const nearCurated = (lat: number, lon: number) =>
  curated.some((c) => greatCircleKm(c.lat, c.lon, lat, lon) <= 3);

describe('candidate sites from the plant table', () => {
  it('makes every coal, gas and nuclear plant of 100 MW+ a candidate unless a curated site is within 3 km', () => {
    expect(candidateRows.length).toBe(1327);
    let merged = 0;
    for (const row of candidateRows) {
      if (nearCurated(Number(row.lat), Number(row.lon))) {
        merged++;
        expect(byId.has(row.id), row.name).toBe(false);
      } else {
        expect(byId.get(row.id)?.name, row.id).toBe(row.name.trim());
      }
    }
    // Dozens of plants sit on a curated site (Allen, Cumberland, Comanche Peak, Palo Verde …).
    expect(merged).toBeGreaterThan(40);
    expect(geo.sites.length).toBeGreaterThan(1200);
  });

  it('keeps each plant’s MW by fuel, owner, voltage, water source and vintage from its row', () => {
    for (const row of candidateRows) {
      const site = byId.get(row.id);
      if (!site) continue;
      expect(site.owner).toBe(row.owner.trim());
      expect(site.mwByFuel?.coal ?? 0).toBe(Number(row.coalMw));
      expect(site.mwByFuel?.naturalGas ?? 0).toBe(Number(row.naturalGasMw));
      expect(site.gridVoltageKv).toBe(row.gridVoltageKv === '' ? null : Number(row.gridVoltageKv));
      expect(site.coolingWater).toBe(row.waterSource === '' ? null : row.waterSource);
      expect(site.asOf).toMatch(/^201[5-7]/);
      const expectedKind =
        row.primarySource === 'Coal'
          ? 'coal-plant'
          : row.primarySource === 'Natural Gas'
            ? 'gas-plant'
            : expect.stringMatching(/^(nuclear-plant|retired-nuclear)$/);
      expect(site.kind).toEqual(expectedKind);
    }
  });

  it('lets a curated site win within 3 km and gain the plant’s record', () => {
    const allen = byId.get('allen-memphis')!;
    expect(allen.kind).toBe('coal-retirement');
    expect(allen.plantId).toBe('nacei-0154');
    expect(allen.owner).toBe('Tennessee Valley Authority');
    // The curated water source is kept; the voltage comes from EIA-860 2019.
    expect(allen.coolingWater).toMatch(/Mississippi/);
    expect(allen.gridVoltageKv).toBe(161);
    expect(allen.asOf).toBe('2026');
    expect(geo.sites.find((s) => s.name === 'Allen Steam Plant')).toBeUndefined();
  });

  it('says the country of every site and carries a vintage on each', () => {
    for (const site of geo.sites) {
      expect(['US', 'CA', 'MX']).toContain(site.country);
      expect(site.asOf).toMatch(/^\d{4}/);
    }
    expect(byId.get('darlington-dnnp')?.country).toBe('CA');
    expect(geo.sites.some((s) => s.country === 'MX' && s.kind === 'gas-plant')).toBe(true);
  });
});

describe('shut-down reactor sites (GeoNuclearData, ODbL)', () => {
  const units = table('nuclear-units/geonucleardata-reactors.csv').filter((u) =>
    ['US', 'CA'].includes(u.CountryCode),
  );
  const retired = geo.sites.filter((s) => s.kind === 'retired-nuclear');

  it('marks Indian Point, San Onofre, Zion and Rancho Seco retired, with their last year', () => {
    const named = (re: RegExp) => retired.filter((s) => re.test(s.name));
    expect(named(/Indian Point/).length).toBeGreaterThanOrEqual(1);
    expect(named(/Indian Point/).every((s) => s.retirementYear === 2021)).toBe(true);
    expect(named(/San Onofre/)).toHaveLength(1);
    expect(named(/^Zion/)[0]?.retirementYear).toBe(1998);
    // Rancho Seco's site now holds SMUD's Cosumnes gas plant: that record says what stood there.
    expect(geo.sites.some((s) => /Rancho Seco-1/.test(s.notes ?? ''))).toBe(true);
    for (const s of retired) expect(s.source).toMatch(/GeoNuclearData/);
  });

  it('never retires a site with an operating unit within 5 km', () => {
    const operating = units.filter((u) => u.Status === 'Operational');
    for (const site of retired) {
      const live = operating.find(
        (u) => greatCircleKm(Number(u.Latitude), Number(u.Longitude), site.lat, site.lon) <= 5,
      );
      expect(live?.Name, site.name).toBeUndefined();
    }
    // Dresden-1 is shut, units 2 and 3 run: the site stays an operating plant.
    expect(geo.sites.find((s) => /Dresden/.test(s.name) && s.state === 'IL')?.kind).toBe(
      'nuclear-plant',
    );
  });
});

describe('nearest interconnection points (EIA-860 2019 plants at ≥ 230 kV)', () => {
  const points = table('power-plants/eia860-plants-2019.csv.gz')
    .map((r) => ({
      id: `eia-${r.eiaPlantCode}`,
      lat: Number(r.lat),
      lon: Number(r.lon),
      kv: Number(r.gridVoltageKv),
    }))
    .filter((p) => p.kv >= 230 && !(p.lat === 0 && p.lon === 0) && Number.isFinite(p.lat));

  it('serves 1,866 points, the table’s plants at 230 kV or more', () => {
    expect(geo.interconnections).toHaveLength(1866);
    expect(points).toHaveLength(1866);
    expect(geo.interconnections.filter((p) => p.kv >= 345)).toHaveLength(
      points.filter((p) => p.kv >= 345).length,
    );
  });

  it('gives each site the same nearest point as a brute-force search', () => {
    const sample = geo.sites.filter((_, i) => i % 23 === 0);
    for (const site of sample) {
      for (const [minKv, got] of [
        [230, site.nearestInterconnection],
        [345, site.nearestInterconnection345],
      ] as const) {
        let bestKm = Infinity;
        for (const p of points) {
          if (p.kv < minKv) continue;
          bestKm = Math.min(bestKm, greatCircleKm(site.lat, site.lon, p.lat, p.lon));
        }
        expect(got!.km, `${site.id} ≥${minKv}`).toBeCloseTo(bestKm, 1);
        expect(got!.kv).toBeGreaterThanOrEqual(minKv);
      }
    }
  });

  it('puts a plant interconnected at 500 kV at 0 km from its own point', () => {
    const paloVerde = byId.get('palo-verde')!;
    expect(paloVerde.gridVoltageKv).toBe(500);
    expect(paloVerde.nearestInterconnection345!.km).toBeLessThan(3);
  });
});

describe('the project carries its sources', () => {
  it('reads nothing from a shared folder outside the repository', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (['node_modules', 'dist', 'data', 'test-results', '.git', 'reference'].includes(name))
          continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|mjs|js|json)$/.test(name) && name !== 'package-lock.json') {
          if (/\.\.\/shared|shared\/reference-data/.test(readFileSync(path, 'utf8')))
            offenders.push(path.slice(root.length));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
