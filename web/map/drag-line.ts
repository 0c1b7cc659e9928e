// The line of a reactor being dragged, drawn in an SVG over the map rather than through a map
// source: moving it costs a few attribute writes per pointer move, with no map repaint (which
// on a software-rendered GPU takes ~100 ms), so the line and its distance stay under the
// pointer. On drop the map's own line takes over again.
import type * as maplibregl from 'maplibre-gl';
import './drag-line.css';

const SVG = 'http://www.w3.org/2000/svg';

export interface DragLine {
  show(from: { lat: number; lon: number }, to: { lat: number; lon: number }, label: string): void;
  hide(): void;
}

export function createDragLine(map: maplibregl.Map): DragLine {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'drag-line');
  svg.setAttribute('aria-hidden', 'true');
  const casing = document.createElementNS(SVG, 'line');
  casing.setAttribute('class', 'drag-line-casing');
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('class', 'drag-line-stroke');
  const text = document.createElementNS(SVG, 'text');
  text.setAttribute('class', 'drag-line-label');
  svg.append(casing, line, text);
  svg.style.display = 'none';
  map.getCanvasContainer().append(svg);

  return {
    show(from, to, label) {
      const a = map.project([from.lon, from.lat]);
      const b = map.project([to.lon, to.lat]);
      for (const element of [casing, line]) {
        element.setAttribute('x1', String(a.x));
        element.setAttribute('y1', String(a.y));
        element.setAttribute('x2', String(b.x));
        element.setAttribute('y2', String(b.y));
      }
      text.setAttribute('x', String((a.x + b.x) / 2 + 10));
      text.setAttribute('y', String((a.y + b.y) / 2));
      text.textContent = label;
      svg.style.display = '';
    },
    hide() {
      svg.style.display = 'none';
    },
  };
}
