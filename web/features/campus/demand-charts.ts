// The Campus tab's charts (UX.md): a week of hourly load (the peak week unless another is
// picked), the load-duration curve and the ramp by year. Each is an SVG image with a summary.
import type { DemandResponse } from '../../api/demand-types.ts';
import { barChart } from '../../charts/bar-chart.ts';
import { extent, HOURS_PER_WEEK, peakWindowStart, type Pair } from '../../charts/geometry.ts';
import { dayLabel, hourLabel, weekdayLabel } from '../../charts/hours.ts';
import { lineChart, type LineSeries } from '../../charts/line-chart.ts';
import { chartHost } from '../../charts/svg.ts';
import { formatGwh, formatMw, formatWhole } from '../../format.ts';
import { h } from '../../ui/dom.ts';

const CHART_HEIGHT_PX = 140;
const WEEKS = 52;
const PEAK = 'peak';

const mwRange = (values: number[]): string => {
  const [low, high] = extent(values);
  return `${formatWhole(low)}–${formatWhole(high)} MW`;
};

function weekChart(result: DemandResponse, start: number, peak: boolean, widthPx: number) {
  const slice = (series: number[]): Pair[] =>
    series.slice(start, start + HOURS_PER_WEEK).map((mw, i) => [i, mw] as const);
  const facility = slice(result.hourlyMw);
  const series: LineSeries[] = [
    { points: facility, label: 'Facility', className: 'series-1', area: true },
  ];
  if (result.itHourlyMw)
    series.push({ points: slice(result.itHourlyMw), label: 'IT', className: 'series-2' });
  const which = peak ? 'Peak week' : 'Week';
  return lineChart({
    widthPx,
    heightPx: CHART_HEIGHT_PX,
    className: 'chart-week',
    summary: `${which} from ${dayLabel(result.year, start)} ${result.year}: facility load ${mwRange(facility.map((p) => p[1]))}.`,
    series,
    xDomain: [0, HOURS_PER_WEEK],
    xTicks: Array.from({ length: 7 }, (_, day) => ({
      value: day * 24 + 12,
      label: weekdayLabel(result.year, start + day * 24),
    })),
    xTitle: 'Local standard time',
    yTitle: 'MW',
    yFormat: formatWhole,
    hoverLabel: (i) => `${hourLabel(result.year, start + i)} · ${formatMw(facility[i][1])}`,
  });
}

function durationChart(result: DemandResponse, widthPx: number) {
  const points = result.loadDurationMw.map((mw, i) => [i, mw] as const);
  const median = result.loadDurationMw[50];
  const last = result.loadDurationMw[result.loadDurationMw.length - 1];
  return lineChart({
    widthPx,
    heightPx: CHART_HEIGHT_PX,
    className: 'chart-duration',
    summary: `Load-duration curve, ${result.year}: ${formatMw(result.peakMw)} peak, ${formatMw(median)} exceeded half the hours, ${formatMw(last)} minimum.`,
    series: [{ points, label: 'Facility', className: 'series-1', area: true }],
    xDomain: [0, 100],
    xTicks: [0, 25, 50, 75, 100].map((value) => ({ value, label: `${value}%` })),
    xTitle: 'Share of hours the load is exceeded',
    yTitle: 'MW',
    yFormat: formatWhole,
    hoverLabel: (i) => `${formatMw(points[i][1])} or more in ${i}% of hours`,
  });
}

function rampChart(result: DemandResponse, widthPx: number, onYear: (year: number) => void) {
  const ramp = result.ramp;
  const last = ramp[ramp.length - 1];
  const highest = Math.max(...ramp.map((row) => row.peakMw));
  const full = ramp.find((row) => row.peakMw >= highest * 0.999) ?? last;
  return barChart({
    widthPx,
    heightPx: CHART_HEIGHT_PX,
    className: 'chart-ramp',
    summary: `Ramp ${ramp[0].year}–${last.year}: peak ${formatMw(ramp[0].peakMw)} in ${ramp[0].year}, ${formatMw(full.peakMw)} by ${full.year}; ${formatGwh(last.annualGwh)} a year by ${last.year}.`,
    bars: ramp.map((row) => ({
      label: String(row.year),
      value: row.peakMw,
      detail: `${row.year}: peak ${formatMw(row.peakMw)} · ${formatGwh(row.annualGwh)}`,
    })),
    highlight: ramp.findIndex((row) => row.year === result.year),
    labelEvery: widthPx < 340 ? 4 : 3,
    xTitle: 'Year (click a bar to model it)',
    yTitle: 'Peak MW',
    yFormat: formatWhole,
    onSelect: (i) => onYear(ramp[i].year),
  });
}

export interface DemandCharts {
  element: HTMLElement;
  show(result: DemandResponse): void;
}

export function createDemandCharts(onYear: (year: number) => void): DemandCharts {
  const week = chartHost('chart-week-host');
  const duration = chartHost('chart-duration-host');
  const ramp = chartHost('chart-ramp-host');
  const picker = h('select', {
    class: 'compact-select',
    'aria-label': 'Week shown',
    'data-testid': 'week-select',
  });
  let result: DemandResponse | null = null;

  const drawWeek = () => {
    if (!result) return;
    const current = result;
    const peak = picker.value === PEAK || picker.value === '';
    const start = peak ? peakWindowStart(current.hourlyMw) : Number(picker.value) * HOURS_PER_WEEK;
    week.render((width) => weekChart(current, start, peak, width));
  };
  picker.addEventListener('change', drawWeek);

  const section = (title: string, host: HTMLElement, control?: HTMLElement) =>
    h(
      'figure',
      { class: 'chart-block' },
      h('figcaption', { class: 'chart-caption' }, h('span', {}, title), control ?? null),
      host,
    );

  const element = h(
    'div',
    { class: 'demand-charts' },
    section('Hourly load, one week', week.element, picker),
    section('Load-duration curve', duration.element),
    section('Ramp: peak by year', ramp.element),
  );

  return {
    element,
    show(next) {
      const keep = picker.value;
      result = next;
      const peakStart = peakWindowStart(next.hourlyMw);
      picker.replaceChildren(
        h('option', { value: PEAK }, `Peak week (from ${dayLabel(next.year, peakStart)})`),
        ...Array.from({ length: WEEKS }, (_, w) =>
          h(
            'option',
            { value: String(w) },
            `Week ${w + 1} (from ${dayLabel(next.year, w * HOURS_PER_WEEK)})`,
          ),
        ),
      );
      picker.value = keep || PEAK;
      drawWeek();
      duration.render((width) => durationChart(next, width));
      ramp.render((width) => rampChart(next, width, onYear));
    },
  };
}
