// Drag across a chart's plot to pick an x window (a brush): a shaded rectangle follows the
// pointer and, on release, the window in data units is handed to the caller (to zoom to it).
import type { Scale } from './geometry.ts';
import { s } from './svg.ts';

/** Narrower drags than this (px) are clicks, not selections. */
const MIN_DRAG_PX = 6;

export function addBrush(
  root: SVGSVGElement,
  x: Scale,
  top: number,
  bottom: number,
  onBrush: (from: number, to: number) => void,
): void {
  const rect = s('rect', {
    class: 'brush',
    y: top,
    height: bottom - top,
    width: 0,
    visibility: 'hidden',
  });
  root.append(rect);
  root.classList.add('chart-brushable');
  const [x0, x1] = x.range;
  const clamp = (px: number) => Math.min(x1, Math.max(x0, px));
  const local = (event: PointerEvent) => clamp(event.clientX - root.getBoundingClientRect().left);
  const value = (px: number) => {
    const [d0, d1] = x.domain;
    return d0 + ((px - x0) / (x1 - x0)) * (d1 - d0);
  };
  let start: number | null = null;
  const draw = (px: number) => {
    if (start === null) return;
    rect.setAttribute('x', String(Math.min(start, px)));
    rect.setAttribute('width', String(Math.abs(px - start)));
  };
  root.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    start = local(event);
    draw(start);
    rect.setAttribute('visibility', 'visible');
    root.setPointerCapture?.(event.pointerId);
  });
  root.addEventListener('pointermove', (event) => draw(local(event)));
  const finish = (event: PointerEvent, apply: boolean) => {
    if (start === null) return;
    const end = local(event);
    const from = start;
    start = null;
    rect.setAttribute('visibility', 'hidden');
    if (apply && Math.abs(end - from) >= MIN_DRAG_PX)
      onBrush(value(Math.min(from, end)), value(Math.max(from, end)));
  };
  root.addEventListener('pointerup', (event) => finish(event, true));
  root.addEventListener('pointercancel', (event) => finish(event, false));
}
