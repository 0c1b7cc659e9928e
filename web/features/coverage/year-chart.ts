// The whole year of supply against demand, zoomable: 8,760 hours drawn as buckets (mean lines,
// supply's min–max shaded) at the chart's width; zoom with the buttons or by dragging across
// the chart, and reset to the year. Down to a week, each bucket is one hour.
import type { EvaluateResponse } from '../../api/scenario-types.ts';
import type { Pair } from '../../charts/geometry.ts';
import { dayLabel, hourLabel } from '../../charts/hours.ts';
import { lineChart } from '../../charts/line-chart.ts';
import { windowBetween, zoomDomain } from '../../charts/series.ts';
import { formatMw, formatWhole } from '../../format.ts';
import { h } from '../../ui/dom.ts';
import { HOURS_PER_YEAR, yearView } from './chart-data.ts';
import { chartFrame, type ChartFrame } from './chart-frame.ts';
import { CHART_HEIGHT_PX, type Readout } from './overlay-style.ts';

const FULL: Pair = [0, HOURS_PER_YEAR];
/** The narrowest window: two days of hours. */
const MIN_SPAN = 48;
const MONTH_START_DAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

function ticksFor(window: Pair, year: number, plotPx: number) {
  const days = (window[1] - window[0]) / 24;
  if (days > 60) {
    const every = plotPx < 360 && days > 180 ? 2 : 1;
    return MONTH_START_DAY.map((day, m) => ({ value: day * 24, label: MONTHS[m] })).filter(
      (t, m) => m % every === 0 && t.value >= window[0] && t.value <= window[1],
    );
  }
  const step = [1, 2, 7, 14].find((d) => days / d <= (plotPx < 360 ? 4 : 6)) ?? 14;
  const first = Math.ceil(window[0] / 24 / step) * step;
  const ticks = [];
  for (let d = first; d * 24 <= window[1]; d += step) {
    ticks.push({ value: d * 24, label: dayLabel(year, d * 24) });
  }
  return ticks;
}

export function yearSvg(
  result: EvaluateResponse,
  window: Pair,
  widthPx: number,
  onReadout: Readout,
  onBrush: (from: number, to: number) => void,
): SVGSVGElement {
  const plotPx = widthPx - 64;
  const view = yearView(result.hourly, window, Math.max(24, Math.floor(plotPx / 2)));
  const { demandMw, deliveredMw } = result.hourly;
  let short = 0;
  for (let t = Math.floor(window[0]); t < window[1]; t++) if (deliveredMw[t] < demandMw[t]) short++;
  const year = result.year;
  const last = Math.min(HOURS_PER_YEAR - 1, Math.ceil(window[1]) - 1);
  const span = (i: number) => {
    const [start, end] = view.spans[i];
    if (end - start <= 1) return hourLabel(year, start);
    const a = dayLabel(year, start);
    const b = dayLabel(year, end - 1);
    return a === b
      ? `${a} ${hourLabel(year, start).slice(-5)}–${hourLabel(year, end).slice(-5)}`
      : `${a}–${b}`;
  };
  const hourly = view.spans.every(([start, end]) => end - start <= 1);
  return lineChart({
    widthPx,
    heightPx: CHART_HEIGHT_PX,
    className: 'chart-cov-year',
    summary:
      `${year}, ${dayLabel(year, window[0])} to ${dayLabel(year, last)}: delivered supply falls ` +
      `short of demand in ${formatWhole(short)} of ${formatWhole(window[1] - window[0])} hours.`,
    series: [
      { points: view.demandMean, label: 'Demand', className: 'tone-demand' },
      { points: view.deliveredMean, label: 'Supply', className: 'tone-1' },
    ],
    bands: hourly
      ? []
      : [{ upper: view.deliveredMax, lower: view.deliveredMin, className: 'band-range' }],
    legend: false,
    xDomain: window,
    xTicks: ticksFor(window, year, plotPx),
    xTitle: hourly ? 'Local standard time' : 'Local standard time · bucket means',
    yTitle: 'MW',
    yFormat: formatWhole,
    hoverLabel: (i) =>
      hourly
        ? `${span(i)} · demand ${formatMw(view.demandMean[i][1])} · supply ${formatMw(view.deliveredMean[i][1])}`
        : `${span(i)} · demand mean ${formatMw(view.demandMean[i][1])} (peak ${formatMw(view.demandMax[i])})` +
          ` · supply mean ${formatMw(view.deliveredMean[i][1])} (low ${formatMw(view.deliveredMin[i][1])})`,
    onReadout,
    onBrush,
  });
}

export interface YearChart {
  element: HTMLElement;
  show(result: EvaluateResponse): void;
}

const zoomButton = (text: string, label: string) =>
  h(
    'button',
    { type: 'button', class: 'button cov-zoom', 'aria-label': label, title: label },
    text,
  );

export function createYearChart(): YearChart {
  const zoomIn = zoomButton('+', 'Zoom in');
  const zoomOut = zoomButton('−', 'Zoom out');
  const reset = zoomButton('Year', 'Show the whole year');
  const controls = h('span', { class: 'cov-zoom-row' }, zoomIn, zoomOut, reset);
  const frame: ChartFrame = chartFrame('The whole year (drag to zoom)', 'chart-cov-host', {
    controls,
    testId: 'coverage-year-chart',
  });
  frame.legend([
    { label: 'Demand', className: 'tone-demand' },
    { label: 'Supply (delivered)', className: 'tone-1' },
    { label: 'Supply range', className: 'band-range' },
  ]);
  let window: Pair = FULL;
  let result: EvaluateResponse | null = null;
  const draw = () => {
    const current = result;
    if (!current) return;
    zoomIn.disabled = window[1] - window[0] <= MIN_SPAN;
    zoomOut.disabled = reset.disabled = window[0] === 0 && window[1] === HOURS_PER_YEAR;
    frame.host.render((width) =>
      yearSvg(current, window, width, frame.readout, (from, to) =>
        setWindow(windowBetween(from, to, FULL, MIN_SPAN)),
      ),
    );
  };
  const setWindow = (next: Pair) => {
    window = [Math.round(next[0]), Math.round(next[1])];
    frame.readout(null);
    draw();
  };
  zoomIn.addEventListener('click', () => setWindow(zoomDomain(window, FULL, 0.5, MIN_SPAN)));
  zoomOut.addEventListener('click', () => setWindow(zoomDomain(window, FULL, 2, MIN_SPAN)));
  reset.addEventListener('click', () => setWindow(FULL));
  return {
    element: frame.element,
    show(next) {
      result = next;
      draw();
    },
  };
}
