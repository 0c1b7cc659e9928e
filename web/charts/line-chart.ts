// A line (or filled area) chart in SVG: y from zero with round ticks, caller-given x ticks,
// axis titles with units, an optional legend, shaded bands, vertical markers, a hover readout
// (snapped to the first series, a dot on each) and an optional drag-to-zoom brush.
import { addBrush } from './chart-brush.ts';
import { addHover } from './chart-hover.ts';
import { areaPath, extent, linearScale, linePath, niceTicks, type Pair } from './geometry.ts';
import { bandPath } from './series.ts';
import { chartRoot, plotFrame, s, xAxis, yAxis, type Tick } from './svg.ts';

export interface LineSeries {
  points: readonly Pair[];
  label: string;
  /** CSS class for its colour: 'series-1' (primary), 'series-2' (secondary), 'tone-1'… */
  className: string;
  area?: boolean;
}

/** A shaded region between two lines over the same x values (a range, a gap). */
export interface Band {
  upper: readonly Pair[];
  lower: readonly Pair[];
  className: string;
}

/** A vertical rule at x with a short label at its top and a tooltip. */
export interface Marker {
  x: number;
  label: string;
  detail: string;
}

export interface LineChartSpec {
  widthPx: number;
  heightPx: number;
  /** The text summary screen readers read (UX.md: charts carry one). */
  summary: string;
  className: string;
  series: LineSeries[];
  xDomain: Pair;
  xTicks: Tick[];
  xTitle: string;
  yTitle: string;
  yFormat(value: number): string;
  /** Words for the hover readout at point i of the first series (name every series' value). */
  hoverLabel?(index: number): string;
  /** Show the readout outside the chart (null: pointer left); default: inside, at the top. */
  onReadout?(text: string | null): void;
  bands?: Band[];
  markers?: Marker[];
  /** Draw the legend inside the chart (default true; false when the caller shows its own). */
  legend?: boolean;
  /** Drag across the plot to pick an x window, in data units. */
  onBrush?(from: number, to: number): void;
}

function legend(series: LineSeries[], right: number): SVGGElement | null {
  if (series.length < 2) return null;
  let x = right;
  const items: SVGGElement[] = [];
  for (const item of [...series].reverse()) {
    const width = 18 + item.label.length * 6;
    x -= width;
    items.push(
      s(
        'g',
        { class: `legend-item ${item.className}`, transform: `translate(${x},7)` },
        s('line', { x1: 0, x2: 12, y1: 0, y2: 0 }),
        s('text', { x: 15, dy: '0.32em' }, item.label),
      ),
    );
  }
  return s('g', { class: 'chart-legend', 'aria-hidden': 'true' }, ...items);
}

export function lineChart(spec: LineChartSpec): SVGSVGElement {
  const frame = plotFrame(spec.widthPx, spec.heightPx);
  const [, high] = extent(spec.series.flatMap((series) => series.points.map((p) => p[1])));
  const yTicks = niceTicks(0, high, 4);
  const y = linearScale(
    [yTicks[0], yTicks[yTicks.length - 1]],
    [frame.height - frame.bottom, frame.top],
  );
  const x = linearScale(spec.xDomain, [frame.left, frame.width - frame.right]);
  const root = chartRoot(frame, spec.summary, spec.className);
  root.append(
    yAxis(
      frame,
      y,
      yTicks.map((value) => ({ value, label: spec.yFormat(value) })),
      spec.yTitle,
    ),
    xAxis(frame, x, spec.xTicks, spec.xTitle),
  );
  for (const band of spec.bands ?? []) {
    root.append(
      s('path', { class: `band ${band.className}`, d: bandPath(band.upper, band.lower, x, y) }),
    );
  }
  for (const series of spec.series) {
    if (series.area) {
      root.append(
        s('path', { class: `area ${series.className}`, d: areaPath(series.points, x, y) }),
      );
    }
    root.append(s('path', { class: `line ${series.className}`, d: linePath(series.points, x, y) }));
  }
  const bottom = y(y.domain[0]);
  (spec.markers ?? []).forEach((marker, i) => {
    const mx = Math.round(x(marker.x)) + 0.5;
    root.append(
      s(
        'g',
        { class: 'marker' },
        s('title', {}, marker.detail),
        s('line', { x1: mx, x2: mx, y1: frame.top + 4, y2: bottom }),
        s(
          'text',
          { x: mx, y: frame.top + (i % 2 === 0 ? 2 : 12), 'text-anchor': 'middle' },
          marker.label,
        ),
      ),
    );
  });
  const key = spec.legend === false ? null : legend(spec.series, frame.width - frame.right);
  if (key) root.append(key);
  if (spec.onBrush) addBrush(root, x, frame.top, bottom, spec.onBrush);
  if (spec.hoverLabel && spec.series[0]?.points.length) {
    addHover(root, {
      series: spec.series,
      x,
      y,
      top: frame.top,
      label: spec.hoverLabel,
      onReadout: spec.onReadout,
    });
  }
  return root;
}
