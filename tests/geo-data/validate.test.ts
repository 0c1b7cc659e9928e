// The validator must report every bad record with its file, id, field and value. Each test
// reads its own copy of the bundled files, mutates it and validates it without touching disk.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GEO_DATA_DIR,
  GEO_DATA_FILE_NAMES,
  loadGeoData,
  readGeoDataFiles,
  type GeoDataFiles,
} from '../../geo-data/load.ts';
import { validateGeoData } from '../../geo-data/validate.ts';

const fresh = (): GeoDataFiles => readGeoDataFiles().files;

const byId = <T extends { id?: unknown }>(features: T[], id: string): T => {
  const found = features.find((f) => f.id === id);
  if (!found) throw new Error(`no record ${id}`);
  return found;
};

describe('validateGeoData', () => {
  it('finds no problem in the bundled geo-data', () => {
    expect(validateGeoData(fresh())).toEqual([]);
  });

  it('reports a site latitude outside -90..90 with the file, id, field and value', () => {
    const files = fresh();
    byId(files.sites.features, 'sequoyah').geometry.coordinates[1] = 95.2;
    expect(validateGeoData(files)).toContain(
      'sites.geojson: site "sequoyah": lat 95.2 is outside -90..90',
    );
  });

  it('reports a campus longitude outside the North-America box', () => {
    const files = fresh();
    byId(files.campuses.features, 'tsmc-arizona').geometry.coordinates[0] = 112.16;
    expect(validateGeoData(files)).toContain(
      'campuses.geojson: campus "tsmc-arizona": lon 112.16 is outside the North-America box -170..-50',
    );
  });

  it('reports a duplicate site id', () => {
    const files = fresh();
    files.sites.features.push(structuredClone(byId(files.sites.features, 'perry')));
    const problems = validateGeoData(files);
    expect(
      problems.filter((p) => p.startsWith('sites.geojson: site "perry": id "perry" is duplicated')),
    ).toHaveLength(1);
  });

  it('reports a campus with no sources', () => {
    const files = fresh();
    byId(files.campuses.features, 'stargate-abilene').properties.sources = [];
    expect(validateGeoData(files)).toContain(
      'campuses.geojson: campus "stargate-abilene": sources [] is missing or empty',
    );
  });

  it('reports a site whose source is empty', () => {
    const files = fresh();
    byId(files.sites.features, 'vogtle').properties.source = '';
    expect(validateGeoData(files)).toContain(
      'sites.geojson: site "vogtle": source "" is missing or empty',
    );
  });

  it('reports a design with no confidence', () => {
    const files = fresh();
    const design: Partial<GeoDataFiles['designs']['designs'][number]> = byId(
      files.designs.designs,
      'natrium',
    );
    delete design.confidence;
    expect(validateGeoData(files)).toContain(
      'designs.json: design "natrium": confidence is missing',
    );
  });

  it('reports a confidence that is not high, medium or low', () => {
    const files = fresh();
    (
      byId(files.supplyDeals.features, 'google-kairos-hermes2').properties as { confidence: string }
    ).confidence = 'certain';
    expect(validateGeoData(files)).toContain(
      'supply-deals.geojson: supply deal "google-kairos-hermes2": confidence "certain" is not one of high|medium|low',
    );
  });

  it('reports a phase start whose month is outside 01..12', () => {
    const files = fresh();
    byId(files.campuses.features, 'xai-colossus-1').properties.phases[1].start = '2025-13';
    expect(validateGeoData(files)).toContain(
      'campuses.geojson: campus "xai-colossus-1": phases[1].start "2025-13" is not \'YYYY-MM\' with month 01..12',
    );
  });

  it('reports a phase that gives both facilityMw and itMw', () => {
    const files = fresh();
    byId(files.campuses.features, 'xai-colossus-1').properties.phases[0].itMw = 120;
    expect(validateGeoData(files)).toContain(
      'campuses.geojson: campus "xai-colossus-1": phases[0] sets 2 of itMw, facilityMw, accelerator + count; exactly one is required',
    );
  });

  it('reports an accelerator that is not in gpu-power.json', () => {
    const files = fresh();
    byId(files.campuses.features, 'stargate-milam').properties.phases = [
      { start: '2027-01', accelerator: 'nvidia-gb900', count: 100_000 },
    ];
    expect(validateGeoData(files)).toContain(
      'campuses.geojson: campus "stargate-milam": phases[0].accelerator "nvidia-gb900" is not an id in gpu-power.json accelerators or racks',
    );
  });

  it('accepts a phase given as a gpu-power.json rack id and a GPU count', () => {
    const files = fresh();
    byId(files.campuses.features, 'stargate-milam').properties.phases = [
      { start: '2027-01', accelerator: 'nvidia-gb200-nvl72', count: 100_000 },
    ];
    expect(validateGeoData(files)).toEqual([]);
  });

  it('reports a published GPU count with an unknown accelerator, a fractional count and no note', () => {
    const files = fresh();
    const [count] = byId(files.campuses.features, 'xai-colossus-1').properties
      .publishedAccelerators!;
    Object.assign(count, { accelerator: 'nvidia-h1000', count: 100_000.5, note: '' });
    const problems = validateGeoData(files);
    const at = 'campuses.geojson: campus "xai-colossus-1": publishedAccelerators[0]';
    expect(problems).toEqual(
      expect.arrayContaining([
        `${at}.accelerator "nvidia-h1000" is not an id in gpu-power.json accelerators or racks`,
        `${at}.count 100000.5 is not a positive whole number of GPUs`,
        `${at}.note "" is missing or empty: a count needs its provenance`,
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('reports a design assumption whose note is empty', () => {
    const files = fresh();
    byId(files.designs.designs, 'xe-100').mttrHours.note = ' ';
    expect(validateGeoData(files)).toContain(
      'designs.json: design "xe-100": mttrHours.note " " is empty, but an assumption must say what it assumes',
    );
  });

  it('reports design numbers that are negative or not finite', () => {
    const files = fresh();
    const design = byId(files.designs.designs, 'arc-100');
    design.capitalCostUsdPerKw.value = -1;
    design.netMwe.value = Number.NaN;
    const problems = validateGeoData(files);
    expect(problems).toContain(
      'designs.json: design "arc-100": capitalCostUsdPerKw.value -1 is negative',
    );
    expect(problems).toContain(
      'designs.json: design "arc-100": netMwe.value NaN is not a finite number',
    );
  });

  it('reports a campus id that is also a supply deal', () => {
    const files = fresh();
    byId(files.supplyDeals.features, 'amazon-xenergy-cascade').id = 'coreweave-lancaster';
    byId(files.supplyDeals.features, 'coreweave-lancaster').properties.id = 'coreweave-lancaster';
    expect(validateGeoData(files)).toContain(
      'campuses.geojson: campus "coreweave-lancaster": id "coreweave-lancaster" is also a supply deal in supply-deals.geojson',
    );
  });

  it('reports more schema problems in one record than TypeBox buffers by default (8)', () => {
    const files = fresh();
    const site = byId(files.sites.features, 'clinton').properties as unknown as Record<
      string,
      unknown
    >;
    for (const field of [
      'name',
      'existingMw',
      'gridRegion',
      'notes',
      'state',
      'coordSource',
      'coolingWater',
      'existingMwBasis',
      'plannedNote',
      'kind',
    ]) {
      site[field] = field === 'existingMw' ? 'many' : 42;
    }
    expect(
      validateGeoData(files).filter((p) => p.startsWith('sites.geojson: site "clinton": ')),
    ).toHaveLength(10);
  });

  it('reports every problem at once, not just the first', () => {
    const files = fresh();
    byId(files.sites.features, 'cook').geometry.coordinates[1] = -91;
    byId(files.campuses.features, 'meta-hyperion').properties.phases[0].start = '2028-00';
    byId(files.designs.designs, 'bwrx-300').sources = [];
    byId(files.seismicZones.features, 'wasatch-front').properties.confidence = 'unsure' as 'low';
    const problems = validateGeoData(files);
    expect(problems).toEqual(
      expect.arrayContaining([
        'sites.geojson: site "cook": lat -91 is outside -90..90',
        'campuses.geojson: campus "meta-hyperion": phases[0].start "2028-00" is not \'YYYY-MM\' with month 01..12',
        'designs.json: design "bwrx-300": sources [] is missing or empty',
        'seismic-zones.geojson: zone "wasatch-front": confidence "unsure" is not one of high|medium|low',
      ]),
    );
    expect(problems).toHaveLength(4);
  });
});

describe('loadGeoData', () => {
  const withCopy = (use: (dir: string) => void): void => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-data-'));
    try {
      for (const name of Object.values(GEO_DATA_FILE_NAMES))
        cpSync(join(DEFAULT_GEO_DATA_DIR, name), join(dir, name));
      use(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('throws one error that lists every problem in the files', () => {
    withCopy((dir) => {
      const files = readGeoDataFiles(dir).files;
      byId(files.sites.features, 'perry').geometry.coordinates = [-81.14, 141.8];
      byId(files.campuses.features, 'tsmc-arizona').properties.confidence = 'sure' as 'high';
      writeFileSync(join(dir, 'sites.geojson'), JSON.stringify(files.sites));
      writeFileSync(join(dir, 'campuses.geojson'), JSON.stringify(files.campuses));
      expect(() => loadGeoData(dir)).toThrow(
        /2 problem\(s\):\n.*campus "tsmc-arizona": confidence "sure".*\n.*site "perry": lat 141.8 is outside -90..90/,
      );
    });
  });

  it('gives each record the lat and lon of its geometry', () => {
    const data = loadGeoData();
    const abilene = byId(data.campuses, 'stargate-abilene');
    expect([abilene.lon, abilene.lat]).toEqual(
      byId(data.raw.campuses.features, 'stargate-abilene').geometry.coordinates,
    );
  });

  it('versions the data with a short hash that changes when a byte changes', () => {
    withCopy((dir) => {
      const before = loadGeoData(dir).version;
      writeFileSync(join(dir, 'gpu-power.json'), `${readGeoDataFiles(dir).texts.gpuPower} `);
      expect(before).toMatch(/^[0-9a-f]{12}$/);
      expect(loadGeoData(dir).version).not.toBe(before);
    });
  });
});
