// Section 4, supply and coverage: metrics with P05, a week of supply against demand, the
// timeline gap, the refuelling schedule, backup and grid by source, and line outages.
import { HOURS_PER_WEEK, peakWindowStart } from '../../../web/charts/geometry.ts';
import { timelineSeries, weekPoints } from '../../../web/features/coverage/chart-data.ts';
import { lineChart } from './chart.ts';
import { dayOfHour } from './demand.ts';
import { COLOR, heading, keyFigures, paragraph, section, type Report } from './layout.ts';
import { isoDay, mw, mwh, num, pct, usd } from './format.ts';
import { deploymentTitle, type ReportInput } from './input.ts';
import { table } from './table.ts';

export function supplySection(r: Report, input: ReportInput): void {
  const { result } = input;
  const { coverage: c, afterBackup: ab, supply } = result;
  section(
    r,
    'Supply and coverage',
    `Monte Carlo over unit outages, refuelling and line outages in ${result.year}; P05 is the 5th percentile across trials (a bad year).`,
  );
  keyFigures(r, [
    { label: 'Energy served, reactors alone', value: pct(c.servedEnergyFraction) },
    { label: 'Served, reactors alone, P05', value: pct(c.servedEnergyFractionP05) },
    { label: 'Served with backup and grid', value: pct(ab.servedEnergyFraction) },
    { label: 'With backup and grid, P05', value: pct(ab.servedEnergyFractionP05) },
    { label: 'Nameplate', value: mw(supply.nameplateMw) },
    { label: 'Firm capacity (target reliability)', value: mw(c.firmCapacityMw) },
    { label: 'Loss-of-load hours (after backup)', value: `${num(ab.lossOfLoadHours, 1)} h` },
    { label: 'Unserved energy (after backup)', value: mwh(ab.unservedMwh) },
    { label: 'Mean available', value: mw(supply.meanAvailableMw) },
    { label: 'Capacity factor', value: pct(supply.capacityFactor) },
    { label: 'P95 shortfall', value: mw(c.p95ShortfallMw) },
    {
      label: 'N−1 (largest unit out)',
      value: `${result.nMinus1.pass ? 'pass' : 'fail'}, ${mw(result.nMinus1.contingencyMw)}`,
    },
  ]);
  const start = peakWindowStart(result.hourly.demandMw, HOURS_PER_WEEK);
  lineChart(
    r,
    {
      title: `Supply against demand, peak week (${dayOfHour(result.year, start)} – ${dayOfHour(result.year, start + HOURS_PER_WEEK - 1)})`,
      xLabel: 'hour of the week',
      yLabel: 'MW',
      height: 160,
      xTicks: [0, 24, 48, 72, 96, 120, 144, 168],
    },
    [
      {
        label: 'Delivered supply, mean across trials (MW)',
        points: weekPoints(result.hourly.deliveredMw, start),
        color: COLOR.supply,
        area: true,
      },
      {
        label: 'Campus demand (MW)',
        points: weekPoints(result.hourly.demandMw, start),
        color: COLOR.demand,
      },
    ],
  );
  const t = timelineSeries(result.timeline);
  lineChart(
    r,
    {
      title: 'Timeline: peak demand against firm supply',
      xLabel: 'year',
      yLabel: 'MW',
      height: 160,
      xFormat: (v) => String(v),
    },
    [
      { label: 'Peak demand (MW)', points: t.demand, color: COLOR.demand },
      { label: 'Firm supply (MW)', points: t.supply, color: COLOR.supply },
    ],
    [{ label: 'Gap (MW)', upper: t.demand, lower: t.gapLower, color: COLOR.gap }],
  );
  paragraph(
    r,
    t.worst
      ? `Worst gap: ${mw(t.worst.gapMw)} in ${t.worst.year}. ${t.coveredFrom ? `Firm supply meets the peak every year from ${t.coveredFrom}.` : 'Firm supply never meets the peak in every later year.'}`
      : 'Firm supply meets the peak in every year of the timeline.',
    { size: 8 },
  );

  heading(r, `Refuelling and maintenance outages, ${result.year}`);
  const plan = result.schedule.find((y) => y.year === result.year);
  if (!plan || plan.outages.length === 0)
    paragraph(r, 'No planned outages fall in the study year.');
  else
    table(
      r,
      [
        { header: 'Deployment', width: 4 },
        { header: 'Unit', width: 1, align: 'right' },
        { header: 'Kind', width: 2 },
        { header: 'Start', width: 2 },
        { header: 'End', width: 2 },
      ],
      plan.outages.map((o) => [
        deploymentTitle(input, o.deployment),
        String(o.unit + 1),
        o.kind,
        isoDay(o.start),
        isoDay(o.end),
      ]),
    );

  heading(r, 'Energy by source and backup');
  const total = result.demand.annualGwh * 1000;
  const bySource = ab.energyBySourceMwh;
  const share = (v: number) => (total > 0 ? pct(v / total) : 'n/a');
  table(
    r,
    [
      { header: 'Source', width: 3 },
      { header: 'Energy', width: 2, align: 'right' },
      { header: 'Share of demand', width: 2, align: 'right' },
      { header: 'Size', width: 3 },
    ],
    [
      ['Reactors', mwh(bySource.reactors), share(bySource.reactors), mw(supply.nameplateMw)],
      [
        'Battery',
        mwh(bySource.battery),
        share(bySource.battery),
        `${mw(result.backup.batteryMw)} / ${mwh(result.backup.batteryMwh)}`,
      ],
      [
        'Gas turbines',
        mwh(bySource.gas),
        share(bySource.gas),
        `${mw(result.backup.gasMw)}${result.backup.gasSized ? ' (sized by the model)' : ''}`,
      ],
      [
        'Grid import',
        mwh(bySource.grid),
        share(bySource.grid),
        `${result.grid.mode}, limit ${mw(result.grid.importLimitMw)}, peak ${mw(result.grid.peakImportMw)}`,
      ],
      [
        'Unserved',
        mwh(ab.unservedMwh),
        share(ab.unservedMwh),
        `cost at VoLL ${usd(ab.unservedCostUsd)}`,
      ],
    ],
  );
  paragraph(
    r,
    `Dispatch order after the reactors: ${result.backup.order.join(', ')}. Grid export ${mwh(result.grid.exportMwh)}; curtailed reactor energy ${mwh(supply.curtailedMwh)}.`,
    { size: 8 },
  );

  heading(r, 'Line outages');
  table(
    r,
    [
      { header: 'Deployment', width: 4 },
      { header: 'Line', width: 2 },
      { header: 'Circuits', width: 1, align: 'right' },
      { header: 'Outages a year', width: 2, align: 'right' },
      { header: 'Availability', width: 2, align: 'right' },
    ],
    result.deployments.map((d, i) => [
      deploymentTitle(input, i),
      d.lineKind,
      String(d.circuits),
      d.lineOutagesPerYear === null ? 'none modelled' : num(d.lineOutagesPerYear, 2),
      pct(d.lineAvailability, 2),
    ]),
  );
  paragraph(
    r,
    `Energy lost to line outages in ${result.year}: ${mwh(supply.lineOutageMwh)} (mean across trials).`,
    { size: 8 },
  );
}
