// A line (or filled area) chart in SVG: y from zero with round ticks, caller-given x ticks,
// axis titles with units, an optional legend, and a hover readout along the first series.
import {
  areaPath,
  extent,
  linearScale,
  linePath,
  niceTicks,
  type Pair,
  type Scale,
} from './geometry.ts';
import { chartRoot, plotFrame, s, xAxis, yAxis, type Tick } from './svg.ts';

export interface LineSeries {
  points: readonly Pair[];
  label: string;
  /** CSS class for its colour: 'series-1' (primary), 'series-2' (secondary). */
  className: string;
  area?: boolean;
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
  /** Words for the hover readout at point i of the first series. */
  hoverLabel?(index: number): string;
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
  for (const series of spec.series) {
    if (series.area) {
      root.append(
        s('path', { class: `area ${series.className}`, d: areaPath(series.points, x, y) }),
      );
    }
    root.append(s('path', { class: `line ${series.className}`, d: linePath(series.points, x, y) }));
  }
  const key = legend(spec.series, frame.width - frame.right);
  if (key) root.append(key);
  if (spec.hoverLabel && spec.series[0]?.points.length) {
    addHover(root, spec.series[0].points, x, y, spec.hoverLabel, frame.top);
  }
  return root;
}

/** A vertical rule and a label that follow the pointer, snapped to the nearest point. */
function addHover(
  root: SVGSVGElement,
  points: readonly Pair[],
  x: Scale,
  y: Scale,
  label: (index: number) => string,
  top: number,
): void {
  const rule = s('line', { class: 'hover-rule', y1: top, y2: y(y.domain[0]) });
  const dot = s('circle', { class: 'hover-dot', r: 3 });
  const text = s('text', { class: 'hover-text', y: top + 10 });
  const group = s(
    'g',
    { class: 'hover', visibility: 'hidden', 'aria-hidden': 'true' },
    rule,
    dot,
    text,
  );
  root.append(group);
  const [x0, x1] = x.range;
  root.addEventListener('pointermove', (event) => {
    const box = root.getBoundingClientRect();
    const px = event.clientX - box.left;
    if (px < x0 || px > x1) return group.setAttribute('visibility', 'hidden');
    let i = 0;
    for (let j = 1; j < points.length; j++) {
      if (Math.abs(x(points[j][0]) - px) < Math.abs(x(points[i][0]) - px)) i = j;
    }
    const cx = x(points[i][0]);
    rule.setAttribute('x1', String(cx));
    rule.setAttribute('x2', String(cx));
    dot.setAttribute('cx', String(cx));
    dot.setAttribute('cy', String(y(points[i][1])));
    text.textContent = label(i);
    const share = (cx - x0) / (x1 - x0);
    text.setAttribute('text-anchor', share > 0.65 ? 'end' : share < 0.35 ? 'start' : 'middle');
    text.setAttribute('x', String(cx));
    group.setAttribute('visibility', 'visible');
  });
  root.addEventListener('pointerleave', () => group.setAttribute('visibility', 'hidden'));
}
