// The map figure: US states from us-atlas drawn with d3-geo in a conformal conic fitted to the
// campus and its deployments, with EPZ rings to scale, each deployment's line to where it
// connects, a legend, a scale bar and a locator inset.
import { createRequire } from 'node:module';
import {
  geoAlbersUsa,
  geoCircle,
  geoConicConformal,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { niceStep } from '../../../web/charts/geometry.ts';
import { COLOR, CONTENT_WIDTH, PAGE, write, type Report } from './layout.ts';
import { num } from './format.ts';

const require = createRequire(import.meta.url);
let statesCache: FeatureCollection | undefined;
function states(): FeatureCollection {
  if (!statesCache) {
    const topology = require('us-atlas/states-10m.json') as Topology;
    statesCache = feature(
      topology,
      topology.objects.states as GeometryCollection,
    ) as FeatureCollection;
  }
  return statesCache;
}

const KM_PER_MI = 1.609344;
const EARTH_KM = 6371.0088;

export interface MapPoint {
  lat: number;
  lon: number;
  label: string;
}
export interface MapDeployment extends MapPoint {
  epzMi: number;
  lineTo: { kind: 'campus' | 'interconnection'; lat: number; lon: number; name: string | null };
}

/** A projection fitted to the points, padded so neighbouring states show. */
function fitted(
  points: readonly { lat: number; lon: number }[],
  width: number,
  height: number,
): GeoProjection {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [s, n] = [Math.min(...lats), Math.max(...lats)];
  const [w, e] = [Math.min(...lons), Math.max(...lons)];
  // At least ±1.2° around the points: a campus and a co-located reactor are one dot otherwise.
  const padLat = Math.max(1.2, (n - s) * 0.25);
  const padLon = Math.max(1.6, (e - w) * 0.25);
  const mid = (s + n) / 2;
  const projection = geoConicConformal()
    .rotate([-(w + e) / 2, 0])
    .center([0, mid])
    .parallels([mid - 3, mid + 3]);
  const box = {
    type: 'MultiPoint' as const,
    coordinates: [
      [w - padLon, s - padLat],
      [e + padLon, n + padLat],
      [w - padLon, n + padLat],
      [e + padLon, s - padLat],
    ],
  };
  return projection.fitSize([width, height], box);
}

export function drawMap(
  r: Report,
  campus: MapPoint,
  deployments: readonly MapDeployment[],
  height = 430,
): void {
  const { doc } = r;
  const width = CONTENT_WIDTH;
  const x0 = PAGE.left;
  const y0 = doc.y;
  const projection = fitted(
    [campus, ...deployments, ...deployments.map((d) => d.lineTo)],
    width,
    height,
  );
  projection.translate([projection.translate()[0] + x0, projection.translate()[1] + y0]);
  projection.clipExtent([
    [x0, y0],
    [x0 + width, y0 + height],
  ]);
  const path = geoPath(projection);
  const svg = (o: GeoPermissibleObjects) => path(o) ?? '';

  doc.save();
  doc.rect(x0, y0, width, height).clip();
  doc.rect(x0, y0, width, height).fill('#eef3f7');
  doc.path(svg(states())).fillAndStroke('#fbfbf8', '#9aa5b1');
  const lineOf = (d: MapDeployment) => ({
    type: 'LineString' as const,
    coordinates: [
      [d.lon, d.lat],
      [d.lineTo.lon, d.lineTo.lat],
    ],
  });
  for (const d of deployments) {
    doc
      .path(svg(lineOf(d)))
      .lineWidth(1.4)
      .stroke(COLOR.supply);
    if (d.lineTo.kind === 'interconnection') {
      const p = projection([d.lineTo.lon, d.lineTo.lat]);
      if (p)
        doc
          .polygon([p[0], p[1] - 4], [p[0] + 4, p[1]], [p[0], p[1] + 4], [p[0] - 4, p[1]])
          .fill(COLOR.supply);
    }
  }
  for (const d of deployments) {
    const ring = geoCircle()
      .center([d.lon, d.lat])
      .radius(((d.epzMi * KM_PER_MI) / EARTH_KM) * (180 / Math.PI))();
    doc.path(svg(ring)).lineWidth(0.9).stroke(COLOR.gap);
  }
  const c = projection([campus.lon, campus.lat]);
  if (c) doc.rect(c[0] - 4, c[1] - 4, 8, 8).fill(COLOR.text);
  const labelled: [number, number][] = [];
  const label = (text: string, p: [number, number], bold = false) => {
    // Move a label down while it would overlap an earlier one.
    let y = p[1] - 4;
    while (labelled.some(([lx, ly]) => Math.abs(lx - p[0]) < 120 && Math.abs(ly - y) < 10)) y += 10;
    labelled.push([p[0], y]);
    write(r, text, { x: p[0] + 7, y }, { size: 7.5, bold, lineBreak: false });
  };
  for (const d of deployments) {
    const p = projection([d.lon, d.lat]);
    if (!p) continue;
    doc.circle(p[0], p[1], 3.6).fillAndStroke(COLOR.accent, '#ffffff');
    label(d.label, p);
  }
  if (c) label(campus.label, c, true);
  doc.restore();
  doc.rect(x0, y0, width, height).lineWidth(0.6).stroke(COLOR.muted);

  scaleBar(r, projection, campus, x0 + 10, y0 + height - 22, width * 0.22);
  locator(r, campus, x0 + width - 118, y0 + 6, 112, 70);
  doc.x = PAGE.left;
  doc.y = y0 + height + 8;
  legend(r);
}

/** A bar of a round number of km (and its miles) at the campus's scale. */
function scaleBar(
  r: Report,
  projection: GeoProjection,
  at: MapPoint,
  x: number,
  y: number,
  maxWidth: number,
) {
  const a = projection([at.lon, at.lat]);
  const b = projection([at.lon + 1 / (111.32 * Math.cos((at.lat * Math.PI) / 180)), at.lat]);
  if (!a || !b) return;
  const ptPerKm = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const kmLen = niceStep((maxWidth / ptPerKm) * 0.8, 1);
  const w = kmLen * ptPerKm;
  const { doc } = r;
  doc
    .rect(x - 4, y - 12, w + 60, 24)
    .fillOpacity(0.85)
    .fill('#ffffff')
    .fillOpacity(1);
  doc.rect(x, y, w / 2, 4).fill(COLOR.text);
  doc
    .rect(x + w / 2, y, w / 2, 4)
    .lineWidth(0.6)
    .fillAndStroke('#ffffff', COLOR.text);
  write(
    r,
    `${num(kmLen)} km (${num(kmLen / KM_PER_MI, 1)} mi)`,
    { x, y: y - 10 },
    { size: 7, lineBreak: false },
  );
  write(
    r,
    'at the campus',
    { x: x + w + 4, y: y - 2 },
    { size: 6.5, color: COLOR.muted, lineBreak: false },
  );
}

/** A small Albers USA map with the campus, so the region is found at a glance. */
function locator(r: Report, campus: MapPoint, x: number, y: number, w: number, h: number) {
  const projection = geoAlbersUsa().fitExtent(
    [
      [x + 3, y + 3],
      [x + w - 3, y + h - 3],
    ],
    states(),
  );
  const p = projection([campus.lon, campus.lat]);
  if (!p) return;
  const { doc } = r;
  doc.rect(x, y, w, h).fillAndStroke('#ffffff', COLOR.muted);
  doc
    .path(geoPath(projection)(states()) ?? '')
    .lineWidth(0.2)
    .fillAndStroke('#e4e8ee', '#ffffff');
  doc.circle(p[0], p[1], 2.5).fill(COLOR.gap);
}

function legend(r: Report) {
  const { doc } = r;
  const y = doc.y;
  let x = PAGE.left;
  const item = (draw: (cx: number, cy: number) => void, text: string) => {
    draw(x + 5, y + 4);
    write(r, text, { x: x + 13, y }, { size: 7.5, lineBreak: false });
    doc.font('body').fontSize(7.5);
    x += 26 + doc.widthOfString(text);
  };
  item((cx, cy) => doc.rect(cx - 3.5, cy - 3.5, 7, 7).fill(COLOR.text), 'Campus');
  item((cx, cy) => doc.circle(cx, cy, 3.5).fill(COLOR.accent), 'Reactor deployment');
  item((cx, cy) => doc.circle(cx, cy, 4).lineWidth(0.9).stroke(COLOR.gap), 'Plume EPZ (to scale)');
  item(
    (cx, cy) =>
      doc
        .moveTo(cx - 6, cy)
        .lineTo(cx + 6, cy)
        .lineWidth(1.4)
        .stroke(COLOR.supply),
    'Transmission line',
  );
  item(
    (cx, cy) =>
      doc.polygon([cx, cy - 4], [cx + 4, cy], [cx, cy + 4], [cx - 4, cy]).fill(COLOR.supply),
    'Interconnection (EIA-860)',
  );
  doc.x = PAGE.left;
  doc.y = y + 14;
}
