// Draws the site-kind shapes on a canvas, for the map (as style images, no sprite URL needed)
// and for the legend, so both always show the same symbol.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SiteKind } from '../../models/records.ts';
import { SITE_ICON_SIZE_PX, SITE_KINDS, siteIconId, type SiteShape } from './layers/sites.ts';

const STROKE_PX = 1.5;

function tracePolygon(ctx: CanvasRenderingContext2D, points: [number, number][]): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
}

function regularPolygon(sides: number, c: number, r: number): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / sides;
    return [c + r * Math.cos(angle), c + r * Math.sin(angle)];
  });
}

/** Traces the shape centred in a square of `sizePx`, leaving room for the stroke. */
function traceShape(ctx: CanvasRenderingContext2D, shape: SiteShape, sizePx: number): void {
  const c = sizePx / 2;
  const r = c - STROKE_PX;
  if (shape === 'triangle') {
    tracePolygon(ctx, [
      [c, STROKE_PX],
      [sizePx - STROKE_PX, sizePx - STROKE_PX * 1.5],
      [STROKE_PX, sizePx - STROKE_PX * 1.5],
    ]);
  } else if (shape === 'diamond') {
    tracePolygon(ctx, [
      [c, c - r],
      [c + r, c],
      [c, c + r],
      [c - r, c],
    ]);
  } else if (shape === 'square') {
    const half = r * 0.78;
    tracePolygon(ctx, [
      [c - half, c - half],
      [c + half, c - half],
      [c + half, c + half],
      [c - half, c + half],
    ]);
  } else if (shape === 'triangle-down') {
    tracePolygon(ctx, [
      [STROKE_PX, STROKE_PX * 1.5],
      [sizePx - STROKE_PX, STROKE_PX * 1.5],
      [c, sizePx - STROKE_PX],
    ]);
  } else if (shape === 'hexagon') {
    tracePolygon(ctx, regularPolygon(6, c, r));
  } else if (shape === 'cross') {
    // A plus sign with arms a third of the width: reads apart from every filled polygon.
    const a = r / 3;
    tracePolygon(ctx, [
      [c - a, c - r],
      [c + a, c - r],
      [c + a, c - a],
      [c + r, c - a],
      [c + r, c + a],
      [c + a, c + a],
      [c + a, c + r],
      [c - a, c + r],
      [c - a, c + a],
      [c - r, c + a],
      [c - r, c - a],
      [c - a, c - a],
    ]);
  } else {
    tracePolygon(ctx, regularPolygon(5, c, r));
  }
}

export function drawSiteIcon(ctx: CanvasRenderingContext2D, kind: SiteKind, sizePx: number): void {
  traceShape(ctx, SITE_KINDS[kind].shape, sizePx);
  ctx.fillStyle = SITE_KINDS[kind].colour;
  ctx.fill();
  ctx.lineWidth = STROKE_PX;
  ctx.strokeStyle = '#ffffff';
  ctx.lineJoin = 'round';
  ctx.stroke();
}

/** A canvas showing one kind's symbol, at the device pixel ratio. */
export function siteIconCanvas(
  kind: SiteKind,
  sizePx = SITE_ICON_SIZE_PX,
  pixelRatio = 2,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = Math.round(sizePx * pixelRatio);
  canvas.style.width = canvas.style.height = `${sizePx}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(`No 2D canvas context to draw the ${kind} site icon`);
  ctx.scale(pixelRatio, pixelRatio);
  drawSiteIcon(ctx, kind, sizePx);
  return canvas;
}

export function addSiteIcons(map: MapLibreMap, pixelRatio = 2): void {
  for (const kind of Object.keys(SITE_KINDS) as SiteKind[]) {
    const canvas = siteIconCanvas(kind, SITE_ICON_SIZE_PX, pixelRatio);
    const image = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    if (!map.hasImage(siteIconId(kind))) map.addImage(siteIconId(kind), image, { pixelRatio });
  }
}
