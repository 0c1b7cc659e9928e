// The hover readout of a line chart: a vertical rule snapped to the nearest point of the first
// series, a dot on every series at that x, and the caller's words for the point (all series'
// values), written in the chart or handed to the caller to show outside it.
import type { Pair, Scale } from './geometry.ts';
import { nearestIndex } from './series.ts';
import { s } from './svg.ts';

export interface HoverSeries {
  points: readonly Pair[];
  className: string;
}

export interface HoverSpec {
  series: readonly HoverSeries[];
  x: Scale;
  y: Scale;
  top: number;
  /** Words for point i of the first series. */
  label(index: number): string;
  /** When given, the words go here (null: the pointer left) instead of into the chart. */
  onReadout?(text: string | null): void;
}

const invert = (scale: Scale, px: number): number => {
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  return r1 === r0 ? d0 : d0 + ((px - r0) / (r1 - r0)) * (d1 - d0);
};

export function addHover(root: SVGSVGElement, spec: HoverSpec): void {
  const { x, y, top } = spec;
  const first = spec.series[0]?.points ?? [];
  if (first.length === 0) return;
  const rule = s('line', { class: 'hover-rule', y1: top, y2: y(y.domain[0]) });
  const dots = spec.series.map((item) =>
    s('circle', { class: `hover-dot ${item.className}`, r: 3 }),
  );
  const text = spec.onReadout ? null : s('text', { class: 'hover-text', y: top + 10 });
  const group = s(
    'g',
    { class: 'hover', visibility: 'hidden', 'aria-hidden': 'true' },
    rule,
    ...dots,
    text,
  );
  root.append(group);
  const [x0, x1] = x.range;
  const hide = () => {
    group.setAttribute('visibility', 'hidden');
    spec.onReadout?.(null);
  };
  root.addEventListener('pointermove', (event) => {
    const px = event.clientX - root.getBoundingClientRect().left;
    if (px < x0 || px > x1) return hide();
    const i = nearestIndex(first, invert(x, px));
    const at = first[i][0];
    const cx = x(at);
    rule.setAttribute('x1', String(cx));
    rule.setAttribute('x2', String(cx));
    spec.series.forEach((item, k) => {
      const j = item.points === first ? i : nearestIndex(item.points, at);
      const dot = dots[k];
      if (j < 0) return dot.setAttribute('visibility', 'hidden');
      dot.setAttribute('visibility', 'visible');
      dot.setAttribute('cx', String(x(item.points[j][0])));
      dot.setAttribute('cy', String(y(item.points[j][1])));
    });
    const words = spec.label(i);
    if (text) {
      text.textContent = words;
      const share = (cx - x0) / (x1 - x0);
      text.setAttribute('text-anchor', share > 0.65 ? 'end' : share < 0.35 ? 'start' : 'middle');
      text.setAttribute('x', String(cx));
    } else spec.onReadout?.(words);
    group.setAttribute('visibility', 'visible');
  });
  root.addEventListener('pointerleave', hide);
}
