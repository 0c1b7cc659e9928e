// The refuelling stagger (DESIGN.md "Refuelling"). Hand-worked: the anchor is 1 October 2023
// 00:00 = day 273 of 2023; a BWRX-300 outage lasts 25 days every 24 × 30.44 = 730.56 days, and
// unit k at a site starts k × (25 + 14) = 39k days after the anchor.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import {
  clusterSites,
  designParams,
  fleetSchedule,
  planDeployments,
  plannedPairs,
  seriesOutagesInYear,
  SUMMER_END_HOUR,
  SUMMER_START_HOUR,
  unitOutagesInYear,
  type Outage,
} from '../../models/supply.ts';

const { designs } = loadGeoData();
const design = (id: string) => {
  const found = designs.find((d) => d.id === id);
  if (!found) throw new Error(`no design ${id}`);
  return found;
};
const site = { lat: 35.9, lon: -84.3 };
const YEARS = Array.from({ length: 2045 - 2030 + 1 }, (_, i) => 2030 + i);

/** True when [a, b) of the year overlaps 1 June 00:00 – 1 October 00:00 of that year. */
const inSummer = (o: Outage) => o.startHour < SUMMER_END_HOUR && o.endHour > SUMMER_START_HOUR;
const overlaps = (a: Outage, b: Outage) => a.startHour < b.endHour && b.startHour < a.endHour;

function schedule(designId: string, units: number, year: number) {
  const plan = planDeployments([{ designId, units, ...site, codYear: 2030 }], designs);
  return fleetSchedule(plan.deployments, year);
}

describe('the first outages of a site', () => {
  it('start 39 days apart from 1 October 2023 for BWRX-300 slots 0..3', () => {
    const p = designParams(design('bwrx-300'));
    const refuel = { kind: 'refuelling' as const, outageDays: 25, intervalDays: 730.56 };
    // In 2023's own hours: slot 0 starts day 273 (hour 6552); slot 3 starts 117 days later, day
    // 390 = day 25 of 2024 (hour 600 of 2024).
    expect(seriesOutagesInYear(0, refuel, 2023)[0]).toMatchObject({
      startHour: 6552,
      endHour: 7152,
    });
    expect(seriesOutagesInYear(3, refuel, 2024)[0]).toMatchObject({
      startHour: 600,
      endHour: 1200,
    });
    expect(unitOutagesInYear(1, p, 2023)[0].startHour).toBe((273 + 39) * 24);
  });

  it('moves an outage that would touch the summer earlier, to end on 1 June', () => {
    // Slot 6: 6 × 39 = 234 days after the anchor is day 273 + 234 − 365 = 142 of 2024 (23 May);
    // + 25 days ends on day 167, past 1 June (day 151), so it moves to days 126–151.
    const refuel = { kind: 'refuelling' as const, outageDays: 25, intervalDays: 730.56 };
    expect(seriesOutagesInYear(6, refuel, 2024)).toEqual([
      { kind: 'refuelling', startHour: 126 * 24, endHour: 151 * 24, inSummer: false },
    ]);
  });

  it('repeats one interval after the previous actual start, whatever year is evaluated', () => {
    // Slot 0 in 2031: 4 intervals after the anchor, 273 + 4 × 730.56 = 3,195.24 days from
    // 1 January 2023, i.e. day 275.24 of 2031 (hour 6,605.76, rounded to 6,606).
    const p = designParams(design('bwrx-300'));
    expect(unitOutagesInYear(0, p, 2031)).toEqual([
      { kind: 'refuelling', startHour: 6606, endHour: 7206, inSummer: false },
    ]);
    expect(unitOutagesInYear(0, p, 2030)).toEqual([]);
  });
});

describe('four units at one site', () => {
  for (const designId of ['bwrx-300', 'natrium', 'xe-100', 'nuscale-us460']) {
    it(`never overlap and never touch 1 June–30 September (${designId}, 2030–2045)`, () => {
      for (const year of YEARS) {
        const s = schedule(designId, 4, year);
        const outages = s.units.flatMap((u) => u.outages.map((o) => ({ o, unit: u.unit })));
        for (const { o } of outages) expect(inSummer(o), `${designId} ${year}`).toBe(false);
        for (const a of outages) {
          for (const b of outages) {
            if (a.unit !== b.unit) expect(overlaps(a.o, b.o), `${designId} ${year}`).toBe(false);
          }
        }
        expect(s.warnings).toEqual([]);
      }
    });
  }
});

describe('adding a unit', () => {
  it('does not move the other units’ outages', () => {
    for (const year of YEARS) {
      const three = schedule('bwrx-300', 3, year).units.map((u) => u.outages);
      const four = schedule('bwrx-300', 4, year).units.map((u) => u.outages);
      expect(four.slice(0, 3)).toEqual(three);
    }
  });

  it('in a new deployment within 5 km joins the site after its units', () => {
    const plan = planDeployments(
      [
        { designId: 'bwrx-300', units: 2, ...site, codYear: 2030 },
        { designId: 'natrium', units: 1, lat: site.lat + 0.02, lon: site.lon, codYear: 2030 },
      ],
      designs,
    );
    // 0.02° of latitude is 2.2 km: one site, the natrium unit takes slot 2.
    expect(plan.deployments.map((d) => [d.site, d.firstSlot])).toEqual([
      [0, 0],
      [0, 2],
    ]);
  });
});

describe('overlaps that cannot be avoided', () => {
  it('are kept and warned about: 8 BWRX-300 at one site in 2030', () => {
    // Slots 6 and 7 would start on days 142 and 181 of an even year; both move to days 126–151
    // and slot 5 (days ~104–130) overlaps them.
    const s = schedule('bwrx-300', 8, 2030);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/Refuelling overlap at the site of deployments\[0\] in 2030/);
    const six = s.units[6].outages[0];
    expect([six.startHour / 24, six.endHour / 24]).toEqual([126, 151]);
  });
});

describe('an 18-month cycle', () => {
  it('drifts into overlaps that are warned about, never hidden (4 × AP1000, 2030–2045)', () => {
    // 547.92-day intervals alternate autumn and spring starts; spring ones that would reach June
    // move earlier and close up on the unit before, so some years overlap.
    let warned = 0;
    for (const year of YEARS) {
      const s = schedule('ap1000-reference', 4, year);
      const outages = s.units.flatMap((u) => u.outages.map((o) => ({ o, unit: u.unit })));
      const overlap = outages.some((a) =>
        outages.some((b) => a.unit !== b.unit && overlaps(a.o, b.o)),
      );
      expect(s.warnings.length > 0, `${year}`).toBe(overlap);
      if (overlap) warned += 1;
    }
    expect(warned).toBeGreaterThan(0);
  });
});

describe('on-line refuelled designs', () => {
  it('take one 14-day maintenance outage a year, staggered by 28 days', () => {
    const p = designParams(design('xe-100'));
    // Interval 12 × 30.44 = 365.28 days; slot 1 starts 28 days after slot 0.
    const [a] = unitOutagesInYear(0, p, 2035);
    const [b] = unitOutagesInYear(1, p, 2035);
    expect(a.endHour - a.startHour).toBe(14 * 24);
    expect(a.kind).toBe('maintenance');
    expect(b.startHour - a.startHour).toBe(28 * 24);
  });

  it('merge a multi-year core’s refuelling with the yearly maintenance it absorbs', () => {
    expect(
      plannedPairs([
        { kind: 'refuelling', startHour: 100, endHour: 820, inSummer: false },
        { kind: 'maintenance', startHour: 100, endHour: 436, inSummer: false },
        { kind: 'maintenance', startHour: 8700, endHour: 9036, inSummer: false },
      ]),
    ).toEqual([100, 820, 8700, 8760]);
  });
});

describe('sites', () => {
  it('chain deployments each within 5 km of the next into one site', () => {
    // 0.036° of latitude ≈ 4.0 km: A–B and B–C are within 5 km, A–C (8 km) is not.
    const points = [
      { lat: 35, lon: -84 },
      { lat: 35.036, lon: -84 },
      { lat: 35.072, lon: -84 },
      { lat: 36, lon: -84 },
    ];
    expect(clusterSites(points)).toEqual([0, 0, 0, 3]);
  });
});
