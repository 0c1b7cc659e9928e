// Section 3, demand: key figures, the peak week, the load-duration curve and the ramp by year.
import { HOURS_PER_WEEK, peakWindowStart } from '../../../web/charts/geometry.ts';
import { durationPoints, sortedDescending } from '../../../web/charts/series.ts';
import { weekPoints } from '../../../web/features/coverage/chart-data.ts';
import { barChart, lineChart } from './chart.ts';
import { COLOR, keyFigures, paragraph, section, type Report } from './layout.ts';
import { gwh, isoDay, mw, num, pct } from './format.ts';
import type { ReportInput } from './input.ts';

/** "4 Dec" of the hour of the year `hour` in `year` (hour 0 = 1 Jan 00:00 local). */
export function dayOfHour(year: number, hour: number): string {
  const d = new Date(Date.UTC(year, 0, 1) + hour * 3_600_000);
  return isoDay(d.toISOString().slice(0, 10));
}

export function demandSection(r: Report, input: ReportInput): void {
  const { result } = input;
  const { demand } = result;
  section(
    r,
    'Demand',
    `The campus's modelled hourly load in ${result.year} (facility power, MW, local standard time), from its published phases, PUE and training share.`,
  );
  keyFigures(r, [
    { label: 'Peak load', value: mw(demand.peakMw) },
    { label: 'Mean load', value: mw(demand.meanMw) },
    { label: 'Annual energy', value: gwh(demand.annualGwh) },
    { label: 'Load factor', value: pct(demand.loadFactor) },
  ]);
  const hourly = result.hourly.demandMw;
  const start = peakWindowStart(hourly, HOURS_PER_WEEK);
  lineChart(
    r,
    {
      title: `Peak week: ${dayOfHour(result.year, start)} – ${dayOfHour(result.year, start + HOURS_PER_WEEK - 1)}`,
      xLabel: 'hour of the week',
      yLabel: 'MW',
      height: 165,
      xTicks: [0, 24, 48, 72, 96, 120, 144, 168],
    },
    [
      {
        label: 'Campus demand (MW)',
        points: weekPoints(hourly, start),
        color: COLOR.demand,
        area: true,
      },
    ],
  );
  lineChart(
    r,
    {
      title: 'Load-duration curve',
      xLabel: 'share of hours of the year (%)',
      yLabel: 'MW',
      height: 165,
      xTicks: [0, 20, 40, 60, 80, 100],
    },
    [
      {
        label: 'Campus demand, highest to lowest (MW)',
        points: durationPoints(sortedDescending(hourly)),
        color: COLOR.demand,
      },
    ],
  );
  barChart(
    r,
    { title: 'Ramp: peak demand by year', xLabel: 'year', yLabel: 'MW', height: 150 },
    result.timeline.map((y) => ({ label: String(y.year), value: y.demandPeakMw })),
  );
  const last = result.timeline[result.timeline.length - 1];
  if (last)
    paragraph(
      r,
      `Peak demand reaches ${mw(last.demandPeakMw)} by ${last.year}; ${num(result.timeline.length)} years are modelled.`,
      { size: 8 },
    );
}
