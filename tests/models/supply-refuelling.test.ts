// The fleet's planned-outage plan (DESIGN.md "Refuelling (revised)"). Hand-worked figures:
// - a BWRX-300 refuels 25 days every 24 months: P = lcm(12, 24) / 12 = 2 years, one outage in
//   two years, planned share 25 × 24 h / (2 × 8,760 h) = 600 / 17,520 = 3.425%;
// - an AP1000 refuels every 18 months: P = lcm(12, 18) / 12 = 3, two outages in three years;
// - both together: lcm(12, 24, 18) = 72 months → P = 6;
// - Oklo (120 months) with eVinci (96 months): lcm = 480 months = 40 years → capped at 12;
// - the season is 1 October (day 273 − 365 = −92) to 1 June (day 151): 243 days.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import {
  designParams,
  planDeployments,
  planFleetOutages,
  planPeriodYears,
  planUnitsOf,
  SEASON_DAYS,
  SEASON_END_DAY,
  SEASON_START_DAY,
  STAGGER_GAP_DAYS,
  type PlannedOutage,
} from '../../models/supply.ts';

const { designs } = loadGeoData();
const params = (id: string) => {
  const found = designs.find((d) => d.id === id);
  if (!found) throw new Error(`no design ${id}`);
  return designParams(found);
};

function plan(deployments: { designId: string; units: number; lat?: number; lon?: number }[]) {
  const fleet = planDeployments(
    deployments.map((d, i) => ({ lat: 35 + i, lon: -90, codYear: 2030, ...d })),
    designs,
  );
  return planFleetOutages(planUnitsOf(fleet.deployments));
}

const overlaps = (a: PlannedOutage, b: PlannedOutage) =>
  a.planYear === b.planYear && a.startHour < b.endHour && b.startHour < a.endHour;

describe('the plan period', () => {
  it('is lcm(12, cycles) / 12 years, capped at 12', () => {
    expect(SEASON_DAYS).toBe(243);
    expect(planPeriodYears([params('bwrx-300')])).toBe(2);
    expect(planPeriodYears([params('ap1000-reference')])).toBe(3);
    expect(planPeriodYears([params('bwrx-300'), params('ap1000-reference')])).toBe(6);
    expect(planPeriodYears([params('xe-100')])).toBe(1);
    expect(planPeriodYears([params('oklo-aurora')])).toBe(10);
    expect(planPeriodYears([params('oklo-aurora'), params('westinghouse-evinci')])).toBe(12);
  });
});

describe('one plan for the whole fleet', () => {
  it('refuels two 24-month units in alternate plan years, not together', () => {
    const p = plan([{ designId: 'bwrx-300', units: 2 }]);
    expect(p.periodYears).toBe(2);
    expect(p.outages.map((o) => [o.unit, o.planYear, o.kind])).toEqual([
      [0, 0, 'refuelling'],
      [1, 1, 'refuelling'],
    ]);
  });

  it('keeps units at different sites apart: 3 sites × 3 BWRX-300 never start on one day or overlap', () => {
    const p = plan([
      { designId: 'bwrx-300', units: 3, lat: 32.4 },
      { designId: 'bwrx-300', units: 3, lat: 32.9 },
      { designId: 'bwrx-300', units: 3, lat: 31.0 },
    ]);
    expect(p.outages).toHaveLength(9);
    expect(p.warnings).toEqual([]);
    const starts = p.outages.map((o) => `${o.planYear}:${Math.floor(o.startHour / 24)}`);
    expect(new Set(starts).size).toBe(9);
    for (const a of p.outages) {
      for (const b of p.outages) {
        if (a !== b)
          expect(overlaps(a, b), `${a.deployment}/${a.unit} and ${b.deployment}/${b.unit}`).toBe(
            false,
          );
      }
      // Inside 1 October – 1 June, never in summer.
      expect(a.startHour).toBeGreaterThanOrEqual(SEASON_START_DAY * 24);
      expect(a.endHour).toBeLessThanOrEqual(SEASON_END_DAY * 24);
    }
    // Nine outages over two plan years: 5 and 4, at least 14 days apart within a season.
    for (const year of [0, 1]) {
      const season = p.outages
        .filter((o) => o.planYear === year)
        .sort((a, b) => a.startHour - b.startHour);
      expect(season.length).toBeGreaterThanOrEqual(4);
      for (let k = 1; k < season.length; k += 1) {
        expect(season[k].startHour - season[k - 1].endHour).toBeGreaterThanOrEqual(
          STAGGER_GAP_DAYS * 24,
        );
      }
    }
  });

  it('gives every unit its design’s long-run planned share over the period', () => {
    const p = plan([{ designId: 'bwrx-300', units: 4 }]);
    for (const share of p.plannedShare) expect(share).toBeCloseTo(600 / 17520, 10);
  });

  it('keeps an 18-month unit at two outages in three years', () => {
    const p = plan([{ designId: 'ap1000-reference', units: 1 }]);
    expect(p.periodYears).toBe(3);
    expect(p.outages).toHaveLength(2);
    // 30 days × 2 / (3 × 365) of the hours.
    expect(p.plannedShare[0]).toBeCloseTo(60 / 1095, 10);
  });

  it('stretches a capped cycle so the long-run share is kept: ARC-100 (20-year core) in 12 years', () => {
    const p = plan([{ designId: 'arc-100', units: 1 }]);
    expect(p.periodYears).toBe(12);
    const refuels = p.outages.filter((o) => o.kind === 'refuelling');
    expect(refuels).toHaveLength(1);
    // 30 days × (144 / 240) = 18 days once in 12 years; 11 yearly 14-day maintenance outages (the
    // twelfth is absorbed by the refuelling outage).
    expect((refuels[0].endHour - refuels[0].startHour) / 24).toBeCloseTo(18, 1);
    expect(p.outages.filter((o) => o.kind === 'maintenance')).toHaveLength(11);
    expect(p.plannedShare[0]).toBeCloseTo((18 + 11 * 14) / (12 * 365), 3);
    expect(p.assumptions.join(' ')).toMatch(/arc-100 refuelling is planned as 1 outage/);
  });

  it('allows overlaps it cannot avoid and warns: 20 BWRX-300 put 10 outages in each season', () => {
    const p = plan([{ designId: 'bwrx-300', units: 20 }]);
    expect(p.warnings.join(' ')).toMatch(/overlap in 2 of 2 plan year/);
    const overlapping = p.outages.filter((a) => p.outages.some((b) => a !== b && overlaps(a, b)));
    expect(overlapping.length).toBeGreaterThan(0);
  });

  it('re-plans the fleet when a unit is added (the plan is the fleet’s)', () => {
    const one = plan([{ designId: 'bwrx-300', units: 1 }]);
    const two = plan([{ designId: 'bwrx-300', units: 2 }]);
    // One unit alone sits mid-season; with a second unit in the other plan year it still does.
    expect(one.outages[0].startHour).toBe(two.outages[0].startHour);
    expect(two.outages[1].planYear).not.toBe(two.outages[0].planYear);
  });

  it('gives on-line refuelled units one 14-day maintenance outage a year, staggered', () => {
    const p = plan([{ designId: 'xe-100', units: 4 }]);
    expect(p.periodYears).toBe(1);
    expect(p.outages).toHaveLength(4);
    expect(
      p.outages.every((o) => o.kind === 'maintenance' && o.endHour - o.startHour === 14 * 24),
    ).toBe(true);
    const sorted = [...p.outages].sort((a, b) => a.startHour - b.startHour);
    for (let k = 1; k < 4; k += 1)
      expect(sorted[k].startHour).toBeGreaterThanOrEqual(sorted[k - 1].endHour + 14 * 24);
  });
});
