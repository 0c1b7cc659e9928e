// The bundled geo-data must be exactly what the build makes from the shared reference data,
// keep every record's provenance, and turn cumulative published totals into increments that
// add back up to them. The reference directory is present in CI, so nothing here is skipped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GEO_DATA_DIR, loadGeoData } from '../../geo-data/load.ts';
import { acceleratorIds } from '../../models/gpu-power.ts';
import { publishedAccelerators } from '../../scripts/geo-data/campus-accelerators.ts';
import { convertPhases } from '../../scripts/geo-data/build-campuses.ts';
import { buildGeoData, writeGeoDataFiles } from '../../scripts/geo-data/build.ts';
import { isSupplyKind } from '../../scripts/geo-data/campus-rules.ts';
import { laterBoundYear } from '../../scripts/geo-data/design-rules.ts';
import { defaultReferenceDir, readReference } from '../../scripts/geo-data/reference.ts';

const referenceDir = defaultReferenceDir();
const reference = () => readReference(referenceDir);
const provenance = (r: {
  id: string;
  sources?: unknown;
  source?: unknown;
  confidence: unknown;
}) => ({
  id: r.id,
  sources: r.sources ?? r.source,
  confidence: r.confidence,
});

describe('the geo-data build', () => {
  it('rebuilds into a temp directory byte for byte as committed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-data-build-'));
    try {
      const files = buildGeoData(referenceDir);
      writeGeoDataFiles(dir, files);
      for (const name of Object.keys(files)) {
        expect(readFileSync(join(dir, name), 'utf8'), name).toBe(
          readFileSync(join(DEFAULT_GEO_DATA_DIR, name), 'utf8'),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives identical bytes when run twice', () => {
    expect(buildGeoData(referenceDir)).toEqual(buildGeoData(referenceDir));
  });

  it('keeps gpu-power.json verbatim', () => {
    expect(readFileSync(join(DEFAULT_GEO_DATA_DIR, 'gpu-power.json'), 'utf8')).toBe(
      readFileSync(join(referenceDir, 'gpu-power.json'), 'utf8'),
    );
  });

  it('bundles 16 campuses, 3 supply deals, 1,352 sites (58 curated), 13 designs and 24 seismic zones', () => {
    const data = loadGeoData();
    expect({
      campuses: data.campuses.length,
      supplyDeals: data.supplyDeals.length,
      sites: data.sites.length,
      designs: data.designs.length,
      seismicZones: data.seismicZones.features.length,
    }).toEqual({ campuses: 16, supplyDeals: 3, sites: 1352, designs: 13, seismicZones: 24 });
  });

  it('keeps the id, sources and confidence of every reference campus and supply deal', () => {
    const data = loadGeoData();
    const bundled = [...data.campuses, ...data.supplyDeals].map(provenance);
    expect(bundled).toEqual(expect.arrayContaining(reference().campuses.map(provenance)));
    expect(bundled).toHaveLength(reference().campuses.length);
  });

  it('keeps the id, source and confidence of every reference site, in order, first', () => {
    const curated = reference().sites;
    expect(loadGeoData().sites.slice(0, curated.length).map(provenance)).toEqual(
      curated.map(provenance),
    );
  });

  it('keeps the id, sources and confidence of every reference design, in order', () => {
    expect(loadGeoData().designs.map(provenance)).toEqual(reference().designs.map(provenance));
  });

  it('keeps the id, source and confidence of every reference seismic zone, in order', () => {
    const zones = (collection: { features: unknown[] }) =>
      collection.features.map((f) =>
        provenance(
          (f as { properties: { id: string; source: string; confidence: string } }).properties,
        ),
      );
    expect(zones(loadGeoData().seismicZones)).toEqual(zones(reference().seismicZones));
  });

  it('serves the SUPPLY records as supply deals and never as campuses', () => {
    const data = loadGeoData();
    const supplyIds = reference()
      .campuses.filter((c) => isSupplyKind(c.kind))
      .map((c) => c.id);
    expect(supplyIds.sort()).toEqual([
      'amazon-xenergy-cascade',
      'google-kairos-hermes2',
      'microsoft-constellation-crane',
    ]);
    expect(data.supplyDeals.map((d) => d.id).sort()).toEqual(supplyIds);
    expect(data.campuses.filter((c) => supplyIds.includes(c.id))).toEqual([]);
  });

  it('turns cumulative totals into increments that add back up to each published total, per basis', () => {
    let checked = 0;
    for (const campus of loadGeoData().campuses) {
      for (const basis of ['facilityMw', 'itMw'] as const) {
        // A basis no phase uses (Abilene's 2025 IT figure) has no increments to add up.
        const increments = campus.phases.filter((p) => p[basis] !== undefined);
        if (increments.length === 0) continue;
        for (const total of campus.publishedTotals.filter((t) => t[basis] !== undefined)) {
          const sum = increments
            .filter((p) => Number(p.start.slice(0, 4)) <= total.year)
            .reduce((mw, p) => mw + p[basis]!, 0);
          expect(sum, `${campus.id} ${basis} ${total.year}`).toBeCloseTo(total[basis]!, 6);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(16);
  });

  it('starts each increment in January with a 6-month ramp, so the published year reaches its total', () => {
    const abilene = loadGeoData().campuses.find((c) => c.id === 'stargate-abilene')!;
    expect(
      abilene.phases.map(({ start, rampMonths, facilityMw, itMw }) => ({
        start,
        rampMonths,
        facilityMw,
        itMw,
      })),
    ).toEqual([
      { start: '2025-01', rampMonths: 6, facilityMw: 400, itMw: undefined },
      { start: '2026-01', rampMonths: 6, facilityMw: 800, itMw: undefined },
    ]);
    expect(abilene.publishedTotals[0]).toMatchObject({ year: 2025, facilityMw: 400, itMw: 200 });
  });

  it('converts a total published only in the other basis with the campus PUE, and says so', () => {
    const { phases, assumptions } = convertPhases(
      [
        { year: 2026, facilityMw: 115, note: 'first hall', confidence: 'medium' },
        { year: 2027, itMw: 500, note: 'campus IT', confidence: 'low' },
      ],
      1.15,
    );
    expect(phases.map((p) => [p.start, p.facilityMw, p.itMw])).toEqual([
      ['2026-01', 115, undefined],
      ['2027-01', 460, undefined],
    ]);
    expect(assumptions).toEqual([
      '2027 is published only as IT power; converted to 575 MW facility with pue 1.15 so all phases share one basis.',
    ]);
  });

  it('drops phases with no published MW and says so in assumptions', () => {
    const tsmc = loadGeoData().campuses.find((c) => c.id === 'tsmc-arizona')!;
    expect(tsmc.phases.map((p) => p.start)).toEqual(['2024-01']);
    expect(
      tsmc.assumptions.filter(
        (a) => a.startsWith('Reference phase 2027') || a.startsWith('Reference phase 2029'),
      ),
    ).toHaveLength(2);
  });

  it('gives a campus with no published MW no phases', () => {
    const fairwater = loadGeoData().campuses.find((c) => c.id === 'microsoft-fairwater-wi')!;
    expect(fairwater.phases).toEqual([]);
  });

  it('records the GPU counts the notes state, and only those, each quoting its note', () => {
    const notes = new Map(
      reference().campuses.flatMap((c) => c.phases.map((p) => [`${c.id} ${p.year}`, p.note])),
    );
    const counts = loadGeoData().campuses.flatMap((campus) =>
      (campus.publishedAccelerators ?? []).map((entry) => {
        expect(entry.note, `${campus.id} ${entry.year}`).toBe(
          notes.get(`${campus.id} ${entry.year}`),
        );
        return `${campus.id} ${entry.year}: ${entry.count} ${entry.accelerator}`;
      }),
    );
    expect(counts).toEqual([
      'stargate-abilene 2026: 400000 nvidia-gb200-nvl72',
      'xai-colossus-1 2024: 100000 nvidia-h100-sxm5',
      'xai-colossus-1 2025: 185000 nvidia-h100-sxm5',
      'xai-colossus-1 2025: 30000 nvidia-gb200-nvl72',
      'xai-colossus-2 2025: 110000 nvidia-gb200-nvl72',
    ]);
  });

  it('takes the midpoint of a published GPU range, says so and lowers the confidence', () => {
    const colossus = loadGeoData().campuses.find((c) => c.id === 'xai-colossus-1')!;
    const h100 = colossus.publishedAccelerators!.find(
      (e) => e.year === 2025 && e.accelerator === 'nvidia-h100-sxm5',
    )!;
    // "~200k-230k GPUs (H100/H200 + ~30k GB200)": (200,000 + 230,000) / 2 − 30,000.
    expect(h100.count).toBe(185_000);
    expect(h100.basis).toContain('midpoint (200,000 + 230,000) / 2 = 215,000');
    expect(h100.confidence).toBe('low');
  });

  it('stops the build when a note no longer states the count it reads', () => {
    const ref = structuredClone(reference().campuses.find((c) => c.id === 'xai-colossus-2')!);
    ref.phases[0].note = 'Broke ground Feb 2025; first phase.';
    const ids = new Set(acceleratorIds(reference().gpuPower));
    expect(() => publishedAccelerators(ref, ids)).toThrow(
      'campus "xai-colossus-2": the 2025 note no longer says "first 110k GB200 phase"',
    );
  });

  it('takes local standard time from the state and county, never from longitude', () => {
    const offsets = Object.fromEntries(loadGeoData().campuses.map((c) => [c.id, c.utcOffsetHours]));
    // round(lon / 15) would put Abilene (-99.7°) on -7 and New Carlisle (-86.5°) on -6.
    expect(offsets).toMatchObject({
      'stargate-abilene': -6,
      'aws-rainier-new-carlisle': -5,
      'stargate-dona-ana-jupiter': -7,
      'tsmc-arizona': -7,
    });
  });

  it('labels a net rating derived from gross × 0.95 as an assumption', () => {
    const us460 = loadGeoData().designs.find((d) => d.id === 'nuscale-us460')!;
    expect(us460.netMwe).toMatchObject({ value: 73.15, basis: 'assumption' });
  });

  it('derives Natrium storage as (peakMwe − netMwe) × peakDurationHours', () => {
    const natrium = loadGeoData().designs.find((d) => d.id === 'natrium')!;
    expect([natrium.peakMwe?.value, natrium.storageMwh?.value]).toEqual([500, 852.5]);
  });

  it('gives storage fields only to designs with storage', () => {
    expect(
      loadGeoData()
        .designs.filter((d) => d.storageMwh !== undefined)
        .map((d) => d.id),
    ).toEqual(['natrium']);
  });
});

describe('laterBoundYear', () => {
  it('reads the later bound of commercial-operation texts', () => {
    expect(
      [
        'early 2030s (vendor)',
        'end-2029/2030 (target)',
        '~2030-2031 (CP record; verify)',
        'late 2027-2028 (company)',
        'mid-2030s (UK govt)',
      ].map((text) => laterBoundYear(text)?.year),
    ).toEqual([2032, 2030, 2031, 2028, 2035]);
  });

  it('calls a single published year a single year, not a range', () => {
    expect(laterBoundYear('~2029 (SRC, subject to licensing)')).toEqual({
      year: 2029,
      range: false,
    });
  });
});
