// A point index for Census centres of population (block groups): people within radii of a point
// and per 22.5° sector, exactly as a brute-force sum over the same points would count them.
// Pure: the caller parses the file and passes typed arrays in (server/population/census.ts).
//
// Layout: points sorted into latitude rows of ROW_DEG, each row sorted by longitude, with one
// running sum of population over the sorted points. For a circle and a row, the longitudes
// wholly inside the circle over the row's latitude band form one interval (its half-width is
// the circle's smallest half-width over the band, at one of the band's edges): those people are
// one prefix-sum difference. Only the points in the thin "maybe" intervals between that and the
// circle's widest half-width over the band are tested one by one. A coarse per-row longitude
// cell table (CELL_DEG) turns each interval end into a short binary search.
//
// Distance: the squared chord between unit vectors (models/siting/sphere.ts), which orders
// distances exactly as the haversine does; a point counts when chord² ≤ chord²(radius), so a
// point at exactly the radius counts. The inside intervals keep a margin (EDGE_MARGIN_DEG) so
// that every point near a ring's edge is decided by that one test.
import { EARTH_RADIUS_KM } from '../units.ts';
import { chord2ForKm } from '../siting/sphere.ts';
import { SECTOR_COUNT, sectorOfBearing } from './sectors.ts';

const RAD = Math.PI / 180;
/** Latitude row height, degrees (~5.6 km): the bench's best of 0.01–0.2. */
export const ROW_DEG = 0.05;
/** Longitude cell of the per-row lookup table, degrees. */
export const CELL_DEG = 0.05;
/** Margin kept between the summed intervals and the circle, degrees of longitude (~1 m). */
const EDGE_MARGIN_DEG = 1e-5;
/** Below this half-width (degrees) a row has no surely-inside interval (the circle's cap). */
const MIN_INNER_DEG = 1e-3;

export interface CensusPoints {
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
  /** People at each point (whole numbers, so every sum is exact). */
  population: ArrayLike<number>;
}

export interface CensusIndex {
  /** Points indexed. */
  readonly size: number;
  /** Everyone in the index. */
  readonly total: number;
  /** People within each radius (km) of the point, in the order asked. */
  populationRings(lat: number, lon: number, radiiKm: readonly number[]): number[];
  /**
   * People within each radius (km) per 22.5° sector: `[radius][sector]`, 16 sectors, sector 0
   * centred on north (bearings −11.25° ≤ θ < 11.25°), clockwise (1 = NNE … 15 = NNW). A point
   * at the query point itself has no bearing and counts in sector 0.
   */
  sectorRings(lat: number, lon: number, radiiKm: readonly number[]): number[][];
}

/** Tuning knobs for the bench; the defaults are the measured best. */
export interface CensusIndexOptions {
  rowDeg?: number;
  cellDeg?: number;
}

/** Longitude in [-180, 180). */
const wrapLon = (lon: number): number => ((((lon + 180) % 360) + 360) % 360) - 180;

export function createCensusIndex(
  points: CensusPoints,
  options: CensusIndexOptions = {},
): CensusIndex {
  const rowDeg = options.rowDeg ?? ROW_DEG;
  const cellDeg = options.cellDeg ?? CELL_DEG;
  const ROWS = Math.ceil(180 / rowDeg);
  const rowOf = (lat: number): number =>
    Math.min(ROWS - 1, Math.max(0, Math.floor((lat + 90) / rowDeg)));
  const colOf = (lon: number): number => Math.floor((lon + 180) / cellDeg);

  const n = points.lat.length;
  if (points.lon.length !== n || points.population.length !== n) {
    throw new RangeError('census index: lat, lon and population must have the same length');
  }

  // Sort by (row, longitude): a counting sort by row, then each row by longitude.
  const lon0 = new Float64Array(n);
  const row0 = new Int32Array(n);
  const rowStart = new Uint32Array(ROWS + 1);
  for (let i = 0; i < n; i++) {
    lon0[i] = wrapLon(points.lon[i]);
    row0[i] = rowOf(points.lat[i]);
    rowStart[row0[i] + 1]++;
  }
  for (let r = 0; r < ROWS; r++) rowStart[r + 1] += rowStart[r];
  const fill = rowStart.slice(0, ROWS);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[fill[row0[i]]++] = i;
  const byLon = (i: number, j: number): number => lon0[i] - lon0[j] || i - j;
  for (let r = 0; r < ROWS; r++) {
    const a = rowStart[r];
    const b = rowStart[r + 1];
    if (b - a > 1) {
      const ids = Array.from(order.subarray(a, b)).sort(byLon);
      order.set(ids, a);
    }
  }

  const lon = new Float64Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  const pop = new Float64Array(n);
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const la = points.lat[i] * RAD;
    const lo = points.lon[i] * RAD;
    const c = Math.cos(la);
    lon[k] = lon0[i];
    x[k] = c * Math.cos(lo);
    y[k] = c * Math.sin(lo);
    z[k] = Math.sin(la);
    pop[k] = points.population[i];
    prefix[k + 1] = prefix[k] + pop[k];
  }

  // Per row, the first sorted point of each longitude cell from the row's first to its last.
  const rowMinCol = new Int32Array(ROWS);
  const rowCellOffset = new Uint32Array(ROWS + 1);
  for (let r = 0; r < ROWS; r++) {
    const [a, b] = [rowStart[r], rowStart[r + 1]];
    rowMinCol[r] = b > a ? colOf(lon[a]) : 0;
    rowCellOffset[r + 1] = rowCellOffset[r] + (b > a ? colOf(lon[b - 1]) - rowMinCol[r] + 2 : 0);
  }
  const cellStart = new Uint32Array(rowCellOffset[ROWS]);
  for (let r = 0; r < ROWS; r++) {
    const [a, b] = [rowStart[r], rowStart[r + 1]];
    if (b === a) continue;
    const off = rowCellOffset[r];
    const width = rowCellOffset[r + 1] - off - 1;
    let i = a;
    for (let c = 0; c < width; c++) {
      while (i < b && colOf(lon[i]) < rowMinCol[r] + c) i++;
      cellStart[off + c] = i;
    }
    cellStart[off + width] = b;
  }

  /** First sorted point of row r with longitude ≥ v (v in [-180, 180]). */
  function lowerBound(r: number, v: number): number {
    const c = colOf(v) - rowMinCol[r];
    const off = rowCellOffset[r];
    if (c < 0) return rowStart[r];
    if (c >= rowCellOffset[r + 1] - off - 1) return rowStart[r + 1];
    let lo = cellStart[off + c];
    let hi = cellStart[off + c + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lon[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // The current query: the point's unit vector, chord² limits, and the sector accumulators.
  let qx = 0;
  let qy = 0;
  let qz = 0;
  let limit = 0;

  /** People at the sorted points [from, to) within the current limit. */
  function tested(from: number, to: number): number {
    let sum = 0;
    for (let i = from; i < to; i++) {
      const dx = x[i] - qx;
      const dy = y[i] - qy;
      const dz = z[i] - qz;
      if (dx * dx + dy * dy + dz * dz <= limit) sum += pop[i];
    }
    return sum;
  }

  // A span of a row as up to two sorted ranges [a0, b0) and [a1, b1) (when it wraps at 180°).
  let a0 = 0;
  let b0 = 0;
  let a1 = 0;
  let b1 = 0;
  function spanRanges(r: number, lo: number, hi: number): void {
    a1 = b1 = 0;
    if (hi <= lo) {
      a0 = b0 = 0;
    } else if (hi - lo >= 360) {
      a0 = rowStart[r];
      b0 = rowStart[r + 1];
    } else {
      const a = wrapLon(lo);
      const b = a + (hi - lo);
      a0 = lowerBound(r, a);
      if (b <= 180) b0 = lowerBound(r, b);
      else {
        b0 = rowStart[r + 1];
        a1 = rowStart[r];
        b1 = lowerBound(r, b - 360);
      }
    }
  }
  const testSpan = (r: number, lo: number, hi: number): number => {
    spanRanges(r, lo, hi);
    return tested(a0, b0) + (b1 > a1 ? tested(a1, b1) : 0);
  };
  const sumSpan = (r: number, lo: number, hi: number): number => {
    spanRanges(r, lo, hi);
    return prefix[b0] - prefix[a0] + (prefix[b1] - prefix[a1]);
  };

  // Sine and cosine of every row edge (edge e at latitude e × rowDeg − 90).
  const edgeSin = new Float64Array(ROWS + 1);
  const edgeCos = new Float64Array(ROWS + 1);
  for (let e = 0; e <= ROWS; e++) {
    edgeSin[e] = Math.sin((e * rowDeg - 90) * RAD);
    edgeCos[e] = Math.cos((e * rowDeg - 90) * RAD);
  }

  // The rows a circle touches, filled by rowsFor: per row its widest ("outer") longitude
  // half-width over the band ∩ the circle, and its narrowest ("inner") when the whole band lies
  // within the circle's latitudes (else -1); degrees, with the margin applied. `widest` is the
  // largest outer of all; `polar` when the circle reaches a pole (every row is then tested).
  let rowsLo = 0;
  let rowsHi = -1;
  let polar = false;
  let widest = 0;
  const inner = new Float64Array(ROWS);
  const outer = new Float64Array(ROWS);

  /** Half-width (degrees) of a circle at row edge e; -1 outside the circle's latitudes. */
  function edgeWidth(
    e: number,
    bottom: number,
    top: number,
    sinQ: number,
    cosQ: number,
    cosRho: number,
  ): number {
    const lat = e * rowDeg - 90;
    if (!(lat > bottom && lat < top)) return -1;
    const c = (cosRho - edgeSin[e] * sinQ) / (edgeCos[e] * cosQ);
    return c >= 1 ? 0 : c <= -1 ? 180 : Math.acos(c) / RAD;
  }

  function rowsFor(qLat: number, radiusKm: number): void {
    const rho = Math.min(Math.PI, radiusKm / EARTH_RADIUS_KM);
    const rhoDeg = rho / RAD;
    const la = qLat * RAD;
    const [sinQ, cosQ, cosRho] = [Math.sin(la), Math.cos(la), Math.cos(rho)];
    const top = qLat + rhoDeg;
    const bottom = qLat - rhoDeg;
    rowsLo = rowOf(bottom - 1e-9);
    rowsHi = rowOf(top + 1e-9);
    const sinPeakWidth = Math.sin(rho) / cosQ;
    polar = top >= 89.9 || bottom <= -89.9 || !(sinPeakWidth < 1);
    if (polar) return;
    // The circle is widest, asin(sin ρ / cos φq), where sin φ = sin φq / cos ρ (a little
    // poleward of φq); its half-width rises to that latitude and falls after it, so over a
    // band it is narrowest at one of the band's edges and widest at the peak or an edge.
    const peakWidth = Math.asin(sinPeakWidth) / RAD;
    const peak = Math.asin(Math.max(-1, Math.min(1, sinQ / cosRho))) / RAD;
    widest = peakWidth + EDGE_MARGIN_DEG;
    let below = edgeWidth(rowsLo, bottom, top, sinQ, cosQ, cosRho);
    for (let r = rowsLo; r <= rowsHi; r++) {
      const above = edgeWidth(r + 1, bottom, top, sinQ, cosQ, cosRho);
      const a = r * rowDeg - 90;
      const wide = peak >= a && peak <= a + rowDeg ? peakWidth : Math.max(below, above, 0);
      outer[r] = wide + EDGE_MARGIN_DEG;
      const narrow = below >= 0 && above >= 0 ? Math.min(below, above) : -1;
      inner[r] = narrow >= MIN_INNER_DEG ? narrow - EDGE_MARGIN_DEG : -1;
      below = above;
    }
  }

  function setQuery(qLat: number, qLon: number): void {
    const la = qLat * RAD;
    const lo = qLon * RAD;
    qx = Math.cos(la) * Math.cos(lo);
    qy = Math.cos(la) * Math.sin(lo);
    qz = Math.sin(la);
  }

  function populationWithinKm(qLat: number, qLon: number, radiusKm: number): number {
    if (n === 0 || !(radiusKm >= 0)) return 0;
    limit = chord2ForKm(radiusKm);
    rowsFor(qLat, radiusKm);
    let sum = 0;
    if (polar) {
      for (let r = rowsLo; r <= rowsHi; r++) sum += tested(rowStart[r], rowStart[r + 1]);
      return sum;
    }
    const w = wrapLon(qLon);
    // No span crosses the antimeridian: four binary searches a row, no wrapping.
    const plain = w - widest > -180 && w + widest < 180;
    for (let r = rowsLo; r <= rowsHi; r++) {
      if (rowStart[r] === rowStart[r + 1]) continue;
      const o = outer[r];
      const i = inner[r];
      if (plain) {
        const left = lowerBound(r, w - o);
        const right = lowerBound(r, w + o);
        if (i <= 0) sum += tested(left, right);
        else {
          const from = lowerBound(r, w - i);
          const to = lowerBound(r, w + i);
          sum += tested(left, from) + (prefix[to] - prefix[from]) + tested(to, right);
        }
      } else if (o >= 180) sum += tested(rowStart[r], rowStart[r + 1]);
      else if (i <= 0) sum += testSpan(r, w - o, w + o);
      else {
        sum += testSpan(r, w - o, w - i) + sumSpan(r, w - i, w + i) + testSpan(r, w + i, w + o);
      }
    }
    return sum;
  }

  function sectorRings(qLat: number, qLon: number, radiiKm: readonly number[]): number[][] {
    const out = radiiKm.map(() => new Array<number>(SECTOR_COUNT).fill(0));
    if (n === 0 || radiiKm.length === 0) return out;
    const limits = radiiKm.map(chord2ForKm);
    const la = qLat * RAD;
    const lo = qLon * RAD;
    const [sinLa, cosLa, sinLo, cosLo] = [Math.sin(la), Math.cos(la), Math.sin(lo), Math.cos(lo)];
    setQuery(qLat, qLon);
    // East and north unit vectors at the query point: bearing = atan2(p·east, p·north).
    const [ex, ey] = [-sinLo, cosLo];
    const [nx, ny, nz] = [-sinLa * cosLo, -sinLa * sinLo, cosLa];
    const visit = (from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        const dx = x[i] - qx;
        const dy = y[i] - qy;
        const dz = z[i] - qz;
        const c2 = dx * dx + dy * dy + dz * dz;
        let s = -1;
        for (let k = 0; k < limits.length; k++) {
          if (c2 > limits[k]) continue;
          if (s < 0) {
            const east = x[i] * ex + y[i] * ey;
            const north = x[i] * nx + y[i] * ny + z[i] * nz;
            s = c2 === 0 ? 0 : sectorOfBearing(Math.atan2(east, north) / RAD);
          }
          out[k][s] += pop[i];
        }
      }
    };
    const maxKm = Math.max(...radiiKm);
    if (!(maxKm >= 0)) return out;
    rowsFor(qLat, maxKm);
    for (let r = rowsLo; r <= rowsHi; r++) {
      if (rowStart[r] === rowStart[r + 1]) continue;
      if (polar || outer[r] >= 180) visit(rowStart[r], rowStart[r + 1]);
      else {
        spanRanges(r, qLon - outer[r], qLon + outer[r]);
        const [c0, d0, c1, d1] = [a0, b0, a1, b1];
        visit(c0, d0);
        if (d1 > c1) visit(c1, d1);
      }
    }
    return out;
  }

  return {
    size: n,
    total: prefix[n],
    populationRings(qLat, qLon, radiiKm) {
      setQuery(qLat, qLon);
      return radiiKm.map((r) => populationWithinKm(qLat, qLon, r));
    },
    sectorRings,
  };
}
