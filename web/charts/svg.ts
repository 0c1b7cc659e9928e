// SVG building blocks shared by the chart renderers: elements with text-only children, the
// plot frame (margins), gridlines with tick labels, and axis titles with units.
import './charts.css';
import type { Scale } from './geometry.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
type Attrs = Record<string, string | number | undefined>;

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child !== null) element.append(child);
  }
  return element;
}

/** Room around the plot for tick labels and axis titles, px. */
export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const plotFrame = (width: number, height: number): Frame => ({
  width,
  height,
  top: 18,
  right: 12,
  bottom: 34,
  left: 52,
});

export interface Tick {
  value: number;
  label: string;
}

/** The chart's root: an image with a text summary for screen readers (UX.md accessibility). */
export function chartRoot(frame: Frame, summary: string, className: string): SVGSVGElement {
  return s(
    'svg',
    {
      class: `chart ${className}`,
      role: 'img',
      'aria-label': summary,
      width: frame.width,
      height: frame.height,
      viewBox: `0 0 ${frame.width} ${frame.height}`,
    },
    s('title', {}, summary),
  );
}

/** Horizontal gridlines with their labels on the left, and the y title above them. */
export function yAxis(frame: Frame, y: Scale, ticks: Tick[], title: string): SVGGElement {
  const x1 = frame.width - frame.right;
  return s(
    'g',
    { class: 'axis axis-y', 'aria-hidden': 'true' },
    ...ticks.map(({ value, label }) =>
      s(
        'g',
        { transform: `translate(0,${Math.round(y(value)) + 0.5})` },
        s('line', { class: 'grid', x1: frame.left, x2: x1 }),
        s('text', { x: frame.left - 6, dy: '0.32em', 'text-anchor': 'end' }, label),
      ),
    ),
    s('text', { class: 'axis-title', x: 4, y: 11 }, title),
  );
}

/** Tick marks and labels along the bottom, and the x title under them. */
export function xAxis(frame: Frame, x: Scale, ticks: Tick[], title: string): SVGGElement {
  const y0 = frame.height - frame.bottom;
  return s(
    'g',
    { class: 'axis axis-x', 'aria-hidden': 'true' },
    s('line', { class: 'baseline', x1: frame.left, x2: frame.width - frame.right, y1: y0, y2: y0 }),
    ...ticks.map(({ value, label }) =>
      s(
        'g',
        { transform: `translate(${Math.round(x(value)) + 0.5},${y0})` },
        s('line', { class: 'tick', y2: 4 }),
        s('text', { y: 15, 'text-anchor': 'middle' }, label),
      ),
    ),
    s(
      'text',
      {
        class: 'axis-title',
        x: (frame.left + frame.width - frame.right) / 2,
        y: frame.height - 3,
        'text-anchor': 'middle',
      },
      title,
    ),
  );
}

export interface ChartHost {
  element: HTMLElement;
  /** Draws now at the host's width, and again whenever that width changes. */
  render(draw: (widthPx: number) => Node): void;
}

/**
 * A block that redraws its chart when its width changes, so text keeps its size at any panel
 * width instead of being scaled by a viewBox. A hidden host (width 0) draws once it is shown.
 */
export function chartHost(className: string): ChartHost {
  const element = document.createElement('div');
  element.className = `chart-host ${className}`;
  let draw: ((widthPx: number) => Node) | null = null;
  let lastWidth = -1;
  // A chart given while hidden is drawn when shown, even at the width of the one it replaces.
  let pending = false;
  const paint = (force: boolean) => {
    const width = Math.floor(element.clientWidth);
    if (force) pending = true;
    if (!draw || width <= 0 || (!pending && width === lastWidth)) return;
    lastWidth = width;
    pending = false;
    element.replaceChildren(draw(width));
  };
  new ResizeObserver(() => paint(false)).observe(element);
  return {
    element,
    render(next) {
      draw = next;
      paint(true);
    },
  };
}
