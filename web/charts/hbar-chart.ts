// A horizontal bar chart in SVG for labelled rows that fit a narrow panel: each row's label and
// value sit on a line above its bar, bars run from one value to another (so a row can be a cost
// from zero, a negative credit, or a tornado's low and high around a base), with an x axis.
import { extent, linearScale, niceTicks } from './geometry.ts';
import { chartRoot, s, xAxis } from './svg.ts';

export interface HBarSegment {
  from: number;
  to: number;
  className: string;
}

export interface HBarRow {
  label: string;
  /** Written at the right of the label line, e.g. "$412.3M". */
  valueLabel: string;
  /** The row's tooltip: what it is and its basis. */
  detail: string;
  segments: HBarSegment[];
}

export interface HBarChartSpec {
  widthPx: number;
  summary: string;
  className: string;
  rows: HBarRow[];
  xTitle: string;
  xFormat(value: number): string;
  /** Keep 0 on the axis (costs); a tornado around a base need not. */
  includeZero?: boolean;
  /** A vertical reference line (the base of a tornado, or zero). */
  reference?: { value: number; label: string };
}

const ROW_PX = 30;
const BAR_PX = 10;

export function hbarChart(spec: HBarChartSpec): SVGSVGElement {
  const frame = {
    width: spec.widthPx,
    height: 8 + spec.rows.length * ROW_PX + 36,
    top: 8,
    right: 14,
    bottom: 36,
    left: 14,
  };
  const values = spec.rows.flatMap((row) => row.segments.flatMap((g) => [g.from, g.to]));
  if (spec.includeZero) values.push(0);
  if (spec.reference) values.push(spec.reference.value);
  const [low, high] = extent(values);
  const ticks = niceTicks(low, high, spec.widthPx < 340 ? 3 : 4);
  const x = linearScale(
    [ticks[0], ticks[ticks.length - 1]],
    [frame.left, frame.width - frame.right],
  );
  const root = chartRoot(frame, spec.summary, `chart-hbar ${spec.className}`);
  const plotBottom = frame.height - frame.bottom;
  root.append(
    s(
      'g',
      { class: 'axis', 'aria-hidden': 'true' },
      ...ticks.map((value) =>
        s('line', {
          class: 'grid',
          x1: Math.round(x(value)) + 0.5,
          x2: Math.round(x(value)) + 0.5,
          y1: frame.top,
          y2: plotBottom,
        }),
      ),
    ),
    xAxis(
      frame,
      x,
      ticks.map((value) => ({ value, label: spec.xFormat(value) })),
      spec.xTitle,
    ),
  );
  spec.rows.forEach((row, i) => {
    const top = frame.top + i * ROW_PX;
    root.append(
      s(
        'g',
        { class: 'hbar-row' },
        s('title', {}, row.detail),
        s('text', { class: 'hbar-label', x: frame.left, y: top + 11 }, row.label),
        s(
          'text',
          { class: 'hbar-value', x: frame.width - frame.right, y: top + 11, 'text-anchor': 'end' },
          row.valueLabel,
        ),
        ...row.segments.map((g) => {
          const x0 = x(Math.min(g.from, g.to));
          return s('rect', {
            class: `hbar ${g.className}`,
            x: x0,
            y: top + 15,
            width: Math.max(1, x(Math.max(g.from, g.to)) - x0),
            height: BAR_PX,
            rx: 1.5,
          });
        }),
      ),
    );
  });
  if (spec.reference) {
    const rx = Math.round(x(spec.reference.value)) + 0.5;
    root.append(
      s(
        'g',
        { class: 'hbar-reference' },
        s('title', {}, spec.reference.label),
        s('line', { x1: rx, x2: rx, y1: frame.top, y2: plotBottom }),
      ),
    );
  }
  return root;
}
