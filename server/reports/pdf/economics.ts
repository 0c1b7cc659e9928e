// Section 6, economics: LCOE, delivered cost, transmission, the annual cost breakdown and the
// tornado chart of the delivered cost's sensitivities.
import { COST_PARTS } from '../../../web/features/coverage/chart-data.ts';
import { tornadoChart } from './chart.ts';
import { ensureSpace, heading, keyFigures, paragraph, section, type Report } from './layout.ts';
import { pct, usd, usdPerMwh } from './format.ts';
import { deploymentTitle, type ReportInput } from './input.ts';
import { table } from './table.ts';

export function economicsSection(r: Report, input: ReportInput): void {
  const { economics: e } = input.result;
  section(
    r,
    'Economics',
    "Real 2025 USD. LCOE is the reactors' cost per MWh generated; delivered cost is every annual cost (lines, backup, grid, unserved energy excluded) per MWh the campus uses.",
  );
  keyFigures(r, [
    { label: 'LCOE, reactors', value: usdPerMwh(e.lcoeUsdPerMwh) },
    { label: 'Delivered cost to the campus', value: usdPerMwh(e.deliveredCostUsdPerMwh) },
    { label: 'Reactor capital', value: usd(e.capexUsd) },
    { label: 'Transmission capital', value: usd(e.transmissionCapexUsd) },
    { label: 'Backup capital', value: usd(e.backupCapexUsd) },
    { label: 'Tax credit', value: e.taxCredit },
  ]);
  heading(r, 'Annual cost');
  const sum = COST_PARTS.reduce((s, [key, , sign]) => s + sign * e.annualUsd[key], 0);
  table(
    r,
    [
      { header: 'Cost line', width: 3 },
      { header: 'USD a year', width: 2, align: 'right' },
      { header: 'Share', width: 1, align: 'right' },
    ],
    [
      ...COST_PARTS.map(([key, label, sign]) => [
        label,
        usd(sign * e.annualUsd[key]),
        sum ? pct((sign * e.annualUsd[key]) / sum) : 'n/a',
      ]),
      [{ text: 'Total', bold: true }, { text: usd(sum), bold: true }, ''],
    ],
  );
  heading(r, 'By deployment');
  table(
    r,
    [
      { header: 'Deployment', width: 4 },
      { header: 'Capital', width: 2, align: 'right' },
      { header: 'Line capital', width: 2, align: 'right' },
      { header: 'Location ×', width: 1.2, align: 'right' },
      { header: 'LCOE', width: 1.8, align: 'right' },
    ],
    input.result.deployments.map((d, i) => [
      deploymentTitle(input, i),
      usd(d.capexUsd),
      usd(d.transmissionCapexUsd),
      d.locationMultiplier.toFixed(2),
      usdPerMwh(d.lcoeUsdPerMwh),
    ]),
  );
  if (e.tornado.length) {
    // Keep the heading with its chart.
    ensureSpace(r, 18 * e.tornado.length + 110);
    heading(r, 'Sensitivity');
    const base = e.tornado[0].baseUsdPerMwh;
    tornadoChart(
      r,
      'Delivered cost when one input moves',
      'USD/MWh',
      base,
      e.tornado.map((b) => ({
        label: b.label,
        lowInput: b.lowInput,
        highInput: b.highInput,
        low: b.lowUsdPerMwh,
        high: b.highUsdPerMwh,
      })),
    );
  }
  paragraph(
    r,
    'The first unit of each design carries the first-of-a-kind premium; later units follow the learning rate (see Assumptions).',
    { size: 8 },
  );
}
