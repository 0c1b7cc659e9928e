import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { buildCsv, deploymentColumn, offsetSuffix } from '../../server/reports/csv.ts';
import type { EvaluateResponseBody } from '../../server/schemas/evaluate-result.ts';

const designs = loadGeoData().designs;

/** A result with only what the CSV reads: demand swinging around a flat delivered supply. */
function fakeResult(year = 2032): Pick<EvaluateResponseBody, 'year' | 'hourly' | 'deployments'> {
  const demandMw = Array.from({ length: 8760 }, (_, i) => 500 + 300 * Math.sin(i / 7) + i / 3e3);
  const deliveredMw = Array.from({ length: 8760 }, (_, i) => 600 + 50 * Math.cos(i / 11) + 1 / 3);
  const deployment = (designId: string, units: number, lossFraction: number) =>
    ({
      designId,
      units,
      lifetimeAvailability: 0.93,
      lossFraction,
    }) as EvaluateResponseBody['deployments'][number];
  return {
    year,
    hourly: { demandMw, deliveredMw },
    deployments: [deployment('bwrx-300', 4, 0.01), deployment('natrium', 1, 0.03)],
  };
}

describe('report CSV', () => {
  const csv = buildCsv({ result: fakeResult(), utcOffsetHours: -6, designs });
  const lines = csv.trimEnd().split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const col = (name: string) => header.indexOf(name);

  it('has a header and 8,760 rows, units in the column names', () => {
    expect(lines).toHaveLength(8761);
    expect(csv.endsWith('\n')).toBe(true);
    expect(header).toEqual([
      'hour',
      'local_standard_time',
      'campus_demand_mw',
      'delivered_supply_mw_mean',
      'served_mw',
      'shortfall_mw',
      'surplus_mw',
      'dep1_bwrx-300_x4_mw_est',
      'dep2_natrium_x1_mw_est',
    ]);
    for (const row of rows) expect(row).toHaveLength(header.length);
  });

  it('adds up on every row: served + shortfall = demand, served + surplus = delivered', () => {
    for (const row of rows) {
      const [demand, delivered, served, shortfall, surplus] = row.slice(2, 7).map(Number);
      expect(Math.abs(served + shortfall - demand)).toBeLessThan(1e-6);
      expect(Math.abs(served + surplus - delivered)).toBeLessThan(1e-6);
      expect(served).toBeLessThanOrEqual(demand);
      expect(shortfall).toBeGreaterThanOrEqual(0);
      expect(surplus).toBeGreaterThanOrEqual(0);
    }
    // The demand swings both sides of supply: both shortfall and surplus hours occur.
    expect(rows.some((r) => Number(r[col('shortfall_mw')]) > 0)).toBe(true);
    expect(rows.some((r) => Number(r[col('surplus_mw')]) > 0)).toBe(true);
  });

  it('splits delivered supply across deployments (an estimate) that sums back to it', () => {
    for (const row of rows) {
      const delivered = Number(row[col('delivered_supply_mw_mean')]);
      const parts = Number(row[7]) + Number(row[8]);
      expect(Math.abs(parts - delivered)).toBeLessThan(1e-3);
    }
    // 4 × 300 MW against 1 × 345 MW: the first carries most of it.
    expect(Number(rows[0][7])).toBeGreaterThan(3 * Number(rows[0][8]));
  });

  it('counts hours in local standard time with the offset, skipping 29 February', () => {
    expect(rows[0].slice(0, 2)).toEqual(['0', '2032-01-01T00:00:00-06:00']);
    expect(rows[25][1]).toBe('2032-01-02T01:00:00-06:00');
    // 2032 is a leap year: day 59 is 1 March.
    expect(rows[59 * 24][1]).toBe('2032-03-01T00:00:00-06:00');
    expect(rows[8759].slice(0, 2)).toEqual(['8759', '2032-12-31T23:00:00-06:00']);
    expect(offsetSuffix(5.5)).toBe('+05:30');
    expect(offsetSuffix(0)).toBe('+00:00');
    expect(offsetSuffix(-3.5)).toBe('-03:30');
  });

  it('names deployment columns safely', () => {
    expect(deploymentColumn(2, 'Xe-100 Mk,2', 12)).toBe('dep3_xe-100-mk-2_x12_mw_est');
  });
});
