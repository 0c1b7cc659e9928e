// A bar chart in SVG: one bar per category from zero (negative bars hang below it), round y ticks, every n-th category
// labelled, one bar highlighted, and each bar's own tooltip (its <title>) for the details.
import { barRects, linearScale, niceTicks } from './geometry.ts';
import { chartRoot, plotFrame, s, xAxis, yAxis } from './svg.ts';

export interface Bar {
  label: string;
  value: number;
  /** Shown on hover (native tooltip) and read by screen readers on focus. */
  detail: string;
}

export interface BarChartSpec {
  widthPx: number;
  heightPx: number;
  summary: string;
  className: string;
  bars: Bar[];
  /** Index of the bar drawn in the accent colour (the year in view), if any. */
  highlight?: number;
  /** Label every n-th bar so labels never collide. */
  labelEvery: number;
  xTitle: string;
  yTitle: string;
  yFormat(value: number): string;
  onSelect?(index: number): void;
}

export function barChart(spec: BarChartSpec): SVGSVGElement {
  const frame = plotFrame(spec.widthPx, spec.heightPx);
  // From zero, or below it when a bar is negative (a credit); barRects rises from zero.
  const low = Math.min(0, ...spec.bars.map((bar) => bar.value));
  const high = Math.max(0, ...spec.bars.map((bar) => bar.value));
  const yTicks = niceTicks(low, high, 4);
  const y = linearScale(
    [yTicks[0], yTicks[yTicks.length - 1]],
    [frame.height - frame.bottom, frame.top],
  );
  const xRange = [frame.left, frame.width - frame.right] as const;
  const rects = barRects(
    spec.bars.map((bar) => bar.value),
    xRange,
    y,
  );
  // Category i sits at the centre of its slot: an index scale offset by half a slot.
  const n = spec.bars.length;
  const x = linearScale([-0.5, n - 0.5], xRange);
  const xTicks = spec.bars
    .map((bar, i) => ({ value: i, label: bar.label }))
    .filter(({ value }) => value % spec.labelEvery === 0);

  const root = chartRoot(frame, spec.summary, spec.className);
  root.append(
    yAxis(
      frame,
      y,
      yTicks.map((value) => ({ value, label: spec.yFormat(value) })),
      spec.yTitle,
    ),
    xAxis(frame, x, xTicks, spec.xTitle),
  );
  rects.forEach((rect, i) => {
    const bar = spec.bars[i];
    // A zero bar still gets a 1 px sliver, so "no load yet" reads as a value, not a gap.
    const height = Math.max(1, rect.height);
    const element = s(
      'rect',
      {
        class: i === spec.highlight ? 'bar bar-highlight' : 'bar',
        x: rect.x,
        y: rect.y + rect.height - height,
        width: rect.width,
        height,
        rx: 1.5,
      },
      s('title', {}, bar.detail),
    );
    if (spec.onSelect) {
      element.addEventListener('click', () => spec.onSelect?.(i));
      element.classList.add('bar-selectable');
    }
    root.append(element);
  });
  return root;
}
