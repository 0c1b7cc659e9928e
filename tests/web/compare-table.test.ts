// The comparison table's rows, deltas and verdicts, from hand-made evaluate answers.
import { describe, expect, it } from 'vitest';
import type { EvaluateResponse } from '../../web/api/scenario-types.ts';
import { compareRows, METRICS } from '../../web/features/scenarios/compare-table.ts';

interface Knobs {
  served?: number;
  firm?: number;
  pass?: boolean;
  lcoe?: number | null;
  units?: number;
  capex?: number;
}

function result(k: Knobs = {}): EvaluateResponse {
  return {
    year: 2032,
    coverage: {
      servedEnergyFraction: k.served ?? 0.9512,
      servedEnergyFractionP05: 0.93,
      lossOfLoadHours: 120,
      firmCapacityMw: k.firm ?? 300,
    },
    afterBackup: { servedEnergyFraction: 0.999 },
    nMinus1: { pass: k.pass ?? true, contingencyMw: 80 },
    backup: { gasMw: 100 },
    grid: { importMwh: 12_000 },
    economics: {
      lcoeUsdPerMwh: k.lcoe === undefined ? 82.04 : k.lcoe,
      deliveredCostUsdPerMwh: 95.5,
      capexUsd: k.capex ?? 4.2e9,
    },
    supply: { nameplateMw: 320 },
    deployments: [{ designId: 'xe-100', units: k.units ?? 4, codYear: 2030 }],
  } as unknown as EvaluateResponse;
}

const row = (rows: ReturnType<typeof compareRows>, id: string) => rows.find((r) => r.id === id)!;

describe('compareRows', () => {
  it('has one row per headline metric and one cell per scenario', () => {
    const rows = compareRows([result(), result(), result()]);
    expect(rows.map((r) => r.id)).toEqual(METRICS.map((m) => m.id));
    for (const r of rows) expect(r.cells).toHaveLength(3);
    expect(row(rows, 'served').cells[0].text).toBe('95.1%');
    expect(row(rows, 'grid').cells[0].text).toBe('12 GWh');
    expect(row(rows, 'n1').cells[0].text).toBe('pass');
    expect(row(rows, 'deployments').cells[0].text).toBe('4 × xe-100 (2030)');
    expect(rows.every((r) => r.cells.every((c) => !c.differs && c.delta === null))).toBe(true);
  });

  it('marks what differs from the first scenario with a signed delta and a verdict', () => {
    const rows = compareRows([
      result(),
      result({ served: 0.9722, firm: 250, pass: false, lcoe: 79.9, units: 6, capex: 5.5e9 }),
    ]);
    expect(row(rows, 'served').cells[1]).toMatchObject({
      text: '97.2%',
      differs: true,
      delta: '+2.1 pts',
      verdict: 'better',
    });
    expect(row(rows, 'firm').cells[1]).toMatchObject({ delta: '−50 MW', verdict: 'worse' });
    expect(row(rows, 'n1').cells[1]).toMatchObject({
      text: 'fail',
      delta: 'was pass',
      verdict: 'worse',
    });
    expect(row(rows, 'lcoe').cells[1]).toMatchObject({ delta: '−$2.1/MWh', verdict: 'better' });
    expect(row(rows, 'capex').cells[1]).toMatchObject({ delta: '+$1.3B', verdict: 'worse' });
    expect(row(rows, 'deployments').cells[1]).toMatchObject({ differs: true, delta: 'differs' });
    expect(row(rows, 'nameplate').cells[1]).toMatchObject({ differs: false, verdict: null });
    expect(row(rows, 'served').cells[0].differs).toBe(false);
  });

  it('ignores differences that rounding hides, and says n/a for a missing cost', () => {
    const rows = compareRows([
      result({ served: 0.95121 }),
      result({ served: 0.95124, lcoe: null }),
    ]);
    expect(row(rows, 'served').cells[1].differs).toBe(false);
    expect(row(rows, 'lcoe').cells[1]).toMatchObject({ text: 'n/a', differs: true, delta: 'n/a' });
  });

  it('leaves a scenario not yet evaluated pending, and compares to the first only once it is in', () => {
    const waiting = compareRows([null, result({ served: 0.99 })]);
    expect(row(waiting, 'served').cells[0].pending).toBe(true);
    expect(row(waiting, 'served').cells[1]).toMatchObject({ text: '99.0%', differs: false });
    const later = compareRows([result(), null]);
    expect(row(later, 'served').cells[1]).toMatchObject({ pending: true, differs: false });
  });
});
