// Supply against demand for one answer or several labelled ones (the compare view overlays
// scenarios): a week of hours and the load-duration curves. Each is an SVG image with a text
// summary; the hover readout names every series' value at the hovered hour.
import { extent, HOURS_PER_WEEK, type Pair } from '../../charts/geometry.ts';
import { dayLabel, hourLabel, weekdayLabel } from '../../charts/hours.ts';
import { lineChart, type LineSeries } from '../../charts/line-chart.ts';
import { formatMw, formatWhole } from '../../format.ts';
import { h } from '../../ui/dom.ts';
import { durationCurves, weekPoints } from './chart-data.ts';
import { chartFrame, type LegendEntry } from './chart-frame.ts';
import {
  CHART_HEIGHT_PX,
  legendOf,
  seriesStyle,
  type LabelledResult,
  type Readout,
} from './overlay-style.ts';
import { timelineLegend, timelineOverlaySvg } from './timeline-chart.ts';

export type { LabelledResult } from './overlay-style.ts';

const mwRange = (points: readonly Pair[]): string => {
  const [low, high] = extent(points.map((p) => p[1]));
  return `${formatWhole(low)}–${formatWhole(high)} MW`;
};

/** "demand 1,003 MW · supply 1,140 MW" for one answer; "A: demand …, supply …" for several. */
function valuesAt(items: readonly LabelledResult[], pairs: [Pair[], Pair[]][], i: number) {
  return pairs
    .map(([demand, supply], k) => {
      const words = `demand ${formatMw(demand[i]?.[1] ?? NaN)} · supply ${formatMw(supply[i]?.[1] ?? NaN)}`;
      return items.length === 1 ? words : `${items[k].label}: ${words.replace(' · ', ', ')}`;
    })
    .join(' · ');
}

function overlaySeries(items: readonly LabelledResult[], pairs: [Pair[], Pair[]][]) {
  return pairs.flatMap(([demand, supply], k): LineSeries[] => {
    const style = seriesStyle(items, k);
    return [
      { points: demand, ...style.demand, area: items.length === 1 },
      { points: supply, ...style.supply },
    ];
  });
}

/** A week of hours from `startHour` of each answer's year: delivered supply against demand. */
export function weekOverlaySvg(
  items: readonly LabelledResult[],
  startHour: number,
  widthPx: number,
  onReadout?: Readout,
): SVGSVGElement {
  const year = items[0].result.year;
  const pairs = items.map(({ result }): [Pair[], Pair[]] => [
    weekPoints(result.hourly.demandMw, startHour),
    weekPoints(result.hourly.deliveredMw, startHour),
  ]);
  const summary = items
    .map(({ label }, k) => {
      const [demand, supply] = pairs[k];
      const who = items.length === 1 ? '' : `${label}: `;
      return `${who}demand ${mwRange(demand)}, delivered supply ${mwRange(supply)}`;
    })
    .join('; ');
  return lineChart({
    widthPx,
    heightPx: CHART_HEIGHT_PX,
    className: 'chart-cov-week',
    summary: `Week from ${dayLabel(year, startHour)} ${year}, hourly: ${summary}.`,
    series: overlaySeries(items, pairs),
    legend: false,
    xDomain: [0, HOURS_PER_WEEK],
    xTicks: Array.from({ length: 7 }, (_, day) => ({
      value: day * 24 + 12,
      label: weekdayLabel(year, startHour + day * 24),
    })),
    xTitle: 'Local standard time',
    yTitle: 'MW',
    yFormat: formatWhole,
    hoverLabel: (i) => `${hourLabel(year, startHour + i)} · ${valuesAt(items, pairs, i)}`,
    onReadout,
  });
}

/** Demand's load-duration curve with delivered supply's, each sorted high to low. */
export function durationOverlaySvg(
  items: readonly LabelledResult[],
  widthPx: number,
  onReadout?: Readout,
): SVGSVGElement {
  const pairs = items.map(({ result }): [Pair[], Pair[]] => {
    const curves = durationCurves(result.hourly);
    return [curves.demand, curves.delivered];
  });
  const first = pairs[0];
  const at = (points: Pair[], share: number) =>
    points[Math.round((share / 100) * (points.length - 1))][1];
  return lineChart({
    widthPx,
    heightPx: CHART_HEIGHT_PX,
    className: 'chart-cov-duration',
    summary:
      `Load-duration curves, ${items[0].result.year}: demand from ${formatMw(at(first[0], 0))} ` +
      `down to ${formatMw(at(first[0], 100))}; delivered supply from ${formatMw(at(first[1], 0))} ` +
      `down to ${formatMw(at(first[1], 100))}, each sorted from its highest hour.`,
    series: overlaySeries(items, pairs),
    legend: false,
    xDomain: [0, 100],
    xTicks: [0, 25, 50, 75, 100].map((value) => ({ value, label: `${value}%` })),
    xTitle: 'Share of hours the value is exceeded',
    yTitle: 'MW',
    yFormat: formatWhole,
    hoverLabel: (i) => `${formatWhole(first[0][i][0])}% of hours · ${valuesAt(items, pairs, i)}`,
    onReadout,
  });
}

function overlayChart(
  title: string,
  legend: LegendEntry[],
  draw: (widthPx: number, onReadout: Readout) => SVGSVGElement,
): HTMLElement {
  const frame = chartFrame(title, 'chart-cov-host');
  if (legend.length === 0) {
    frame.host.element.replaceChildren(
      h('p', { class: 'muted' }, 'No evaluated scenario to show.'),
    );
    return frame.element;
  }
  frame.legend(legend);
  frame.host.render((width) => draw(width, frame.readout));
  return frame.element;
}

/** The week chart in its own frame (legend, readout), redrawn at its width: for compare. */
export const weekOverlayChart = (items: LabelledResult[], startHour: number): HTMLElement =>
  overlayChart('Supply against demand, one week', legendOf(items), (w, r) =>
    weekOverlaySvg(items, startHour, w, r),
  );

/** The timeline chart in its own frame: campus ramp against firm supply by year. */
export const timelineOverlayChart = (items: LabelledResult[]): HTMLElement =>
  overlayChart(
    'Timeline: peak demand against firm supply',
    items.length ? timelineLegend(items) : [],
    (w, r) => timelineOverlaySvg(items, w, r),
  );

/** The load-duration chart in its own frame. */
export const durationOverlayChart = (items: LabelledResult[]): HTMLElement =>
  overlayChart('Load-duration curve', legendOf(items), (w, r) => durationOverlaySvg(items, w, r));
