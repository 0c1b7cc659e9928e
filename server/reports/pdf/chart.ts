// Charts drawn as PDF vectors from the web app's chart geometry (web/charts): the same scales,
// ticks and SVG path strings the browser charts use, handed to pdfkit's path().
import {
  areaPath,
  barRects,
  extent,
  linePath,
  linearScale,
  niceTicks,
  type Pair,
  type Scale,
} from '../../../web/charts/geometry.ts';
import { bandPath } from '../../../web/charts/series.ts';
import { COLOR, CONTENT_WIDTH, PAGE, ensureSpace, write, type Report } from './layout.ts';
import { num } from './format.ts';

export interface LineSeries {
  label: string;
  points: readonly Pair[];
  color: string;
  /** Fill down to 0 under the line. */
  area?: boolean;
  dash?: boolean;
}

export interface Band {
  label: string;
  upper: readonly Pair[];
  lower: readonly Pair[];
  color: string;
}

export interface Frame {
  x: Scale;
  y: Scale;
  box: { left: number; top: number; right: number; bottom: number };
}

interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  height?: number;
  width?: number;
  xTicks?: readonly number[];
  xFormat?: (v: number) => string;
  yMin?: number;
}

const AXIS = { left: 46, right: 10, top: 20, bottom: 40 };

/** Axes, grid and title; returns the scales in page points. Moves the cursor below the chart. */
function frame(r: Report, o: ChartOptions, xDomain: Pair, yValues: readonly number[]): Frame {
  const { doc } = r;
  const width = o.width ?? CONTENT_WIDTH;
  const height = o.height ?? 170;
  ensureSpace(r, height + 8);
  const x0 = PAGE.left;
  const y0 = doc.y;
  const box = {
    left: x0 + AXIS.left,
    top: y0 + AXIS.top,
    right: x0 + width - AXIS.right,
    bottom: y0 + height - AXIS.bottom,
  };
  const [low, high] = extent(yValues);
  const yTicks = niceTicks(Math.min(o.yMin ?? 0, low), high, 4);
  const y = linearScale([yTicks[0], yTicks[yTicks.length - 1]], [box.bottom, box.top]);
  const x = linearScale(xDomain, [box.left, box.right]);
  write(r, o.title, { x: x0, y: y0 }, { bold: true, size: 9 });
  const fmtX = o.xFormat ?? ((v: number) => num(v));
  for (const t of yTicks) {
    doc.moveTo(box.left, y(t)).lineTo(box.right, y(t)).lineWidth(0.3).stroke(COLOR.rule);
    write(
      r,
      num(t),
      { x: x0, y: y(t) - 3.5 },
      { size: 7, color: COLOR.muted, width: AXIS.left - 5, align: 'right', lineBreak: false },
    );
  }
  const xTicks =
    o.xTicks ??
    niceTicks(xDomain[0], xDomain[1], 6).filter((t) => t >= xDomain[0] && t <= xDomain[1]);
  for (const t of xTicks) {
    doc
      .moveTo(x(t), box.bottom)
      .lineTo(x(t), box.bottom + 3)
      .lineWidth(0.5)
      .stroke(COLOR.muted);
    write(
      r,
      fmtX(t),
      { x: x(t) - 25, y: box.bottom + 5 },
      { size: 7, color: COLOR.muted, width: 50, align: 'center', lineBreak: false },
    );
  }
  doc.moveTo(box.left, box.bottom).lineTo(box.right, box.bottom).lineWidth(0.6).stroke(COLOR.muted);
  write(
    r,
    o.xLabel,
    { x: box.left, y: box.bottom + 16 },
    { size: 7, color: COLOR.muted, width: box.right - box.left, align: 'center', lineBreak: false },
  );
  write(r, o.yLabel, { x: x0, y: box.top - 11 }, { size: 7, color: COLOR.muted, lineBreak: false });
  return { x, y, box };
}

function legend(
  r: Report,
  f: Frame,
  items: readonly { label: string; color: string; dash?: boolean }[],
): void {
  let x = f.box.left;
  const y = f.box.bottom + 27;
  for (const item of items) {
    // A dashed series shows as a dashed stroke, so overlaid demand and supply tell apart.
    if (item.dash) {
      r.doc
        .moveTo(x, y + 3.5)
        .lineTo(x + 9, y + 3.5)
        .lineWidth(1.2)
        .dash(2, { space: 1.5 })
        .stroke(item.color);
      r.doc.undash();
    } else r.doc.rect(x, y + 1, 9, 5).fill(item.color);
    write(r, item.label, { x: x + 12, y }, { size: 7, lineBreak: false });
    r.doc.font('body').fontSize(7);
    x += 22 + r.doc.widthOfString(item.label);
  }
}

/** Lines (and bands between two lines) over a shared x axis. */
export function lineChart(
  r: Report,
  o: ChartOptions,
  series: readonly LineSeries[],
  bands: readonly Band[] = [],
): Frame {
  const all = [...series.map((s) => s.points), ...bands.flatMap((b) => [b.upper, b.lower])];
  const xs = extent(all.flatMap((p) => p.map((q) => q[0])));
  const ys = all.flatMap((p) => p.map((q) => q[1]));
  const f = frame(r, o, xs, ys);
  const { doc } = r;
  doc.save();
  doc
    .rect(f.box.left, f.box.top - 2, f.box.right - f.box.left, f.box.bottom - f.box.top + 2)
    .clip();
  for (const b of bands) {
    doc
      .path(bandPath(b.upper, b.lower, f.x, f.y))
      .fillOpacity(0.35)
      .fill(b.color);
    doc.fillOpacity(1);
  }
  for (const s of series) {
    if (s.area) {
      doc
        .path(areaPath(s.points, f.x, f.y))
        .fillOpacity(0.18)
        .fill(s.color);
      doc.fillOpacity(1);
    }
    const line = doc
      .path(linePath(s.points, f.x, f.y))
      .lineWidth(1)
      .lineJoin('round');
    if (s.dash) line.dash(3, { space: 2 });
    line.stroke(s.color);
    doc.undash();
  }
  doc.restore();
  legend(r, f, [...series, ...bands]);
  doc.x = PAGE.left;
  doc.y = f.box.bottom + AXIS.bottom + 4;
  return f;
}

/** One bar per labelled value (e.g. the peak by year). */
export function barChart(
  r: Report,
  o: ChartOptions,
  bars: readonly { label: string; value: number }[],
  color: string = COLOR.demand,
): void {
  const f = frame(
    r,
    { ...o, xTicks: [] },
    [0, bars.length],
    bars.map((b) => b.value),
  );
  const rects = barRects(
    bars.map((b) => b.value),
    [f.box.left, f.box.right],
    f.y,
    0.3,
  );
  const every = Math.max(1, Math.ceil(bars.length / 12));
  rects.forEach((rect, i) => {
    r.doc.rect(rect.x, rect.y, rect.width, rect.height).fill(color);
    if (i % every === 0) {
      write(
        r,
        bars[i].label,
        { x: rect.x + rect.width / 2 - 20, y: f.box.bottom + 5 },
        { size: 7, color: COLOR.muted, width: 40, align: 'center', lineBreak: false },
      );
    }
  });
  r.doc.x = PAGE.left;
  r.doc.y = f.box.bottom + AXIS.bottom - 8;
}

export interface TornadoRow {
  label: string;
  lowInput: string;
  highInput: string;
  low: number;
  high: number;
}

/** Horizontal bars from the base value to each end of the sensitivity range. */
export function tornadoChart(
  r: Report,
  title: string,
  unit: string,
  base: number,
  rows: readonly TornadoRow[],
): void {
  const { doc } = r;
  const rowH = 18;
  const labelW = 150;
  const height = AXIS.top + rows.length * rowH + 30;
  ensureSpace(r, height + 8);
  const y0 = doc.y;
  write(r, title, { x: PAGE.left, y: y0 }, { bold: true, size: 9 });
  const [low, high] = extent(rows.flatMap((row) => [row.low, row.high, base]));
  const ticks = niceTicks(low, high, 5);
  const left = PAGE.left + labelW;
  const right = PAGE.left + CONTENT_WIDTH - 60;
  const x = linearScale([ticks[0], ticks[ticks.length - 1]], [left, right]);
  const top = y0 + AXIS.top;
  const bottom = top + rows.length * rowH;
  for (const t of ticks) {
    doc.moveTo(x(t), top).lineTo(x(t), bottom).lineWidth(0.3).stroke(COLOR.rule);
    write(
      r,
      num(t),
      { x: x(t) - 25, y: bottom + 4 },
      { size: 7, color: COLOR.muted, width: 50, align: 'center', lineBreak: false },
    );
  }
  rows.forEach((row, i) => {
    const y = top + i * rowH + 3;
    write(
      r,
      row.label,
      { x: PAGE.left, y: y + 2 },
      { size: 7.5, width: labelW - 8, lineBreak: false, ellipsis: true },
    );
    const lowX = x(row.low);
    const highX = x(row.high);
    const baseX = x(base);
    doc.rect(Math.min(lowX, baseX), y, Math.abs(lowX - baseX), rowH - 6).fill(COLOR.supply);
    doc.rect(Math.min(highX, baseX), y, Math.abs(highX - baseX), rowH - 6).fill(COLOR.accent);
    write(
      r,
      `${row.lowInput} / ${row.highInput}`,
      { x: right + 4, y: y + 2 },
      { size: 6.5, color: COLOR.muted, width: 56, lineBreak: false },
    );
  });
  doc
    .moveTo(x(base), top - 3)
    .lineTo(x(base), bottom + 2)
    .lineWidth(0.8)
    .stroke(COLOR.text);
  write(
    r,
    `${unit}; blue: the low input, orange: the high input; line: base ${num(base, 1)}`,
    { x: left, y: bottom + 15 },
    { size: 7, color: COLOR.muted, lineBreak: false },
  );
  doc.x = PAGE.left;
  doc.y = bottom + 30;
}
