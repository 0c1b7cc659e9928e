// Reads the vendored 2020 Census centres of population (geo-data/reference/population, gzipped;
// see its README): block groups for the index, tracts as their check. Node only: reads files.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../geo-data/reference/population/', import.meta.url));
export const BLOCK_GROUPS_FILE = 'CenPop2020_Mean_BG.csv.gz';
export const TRACTS_FILE = 'CenPop2020_Mean_TR.txt.gz';

/** State FIPS code → USPS code (the 50 states, DC and Puerto Rico). */
export const STATE_BY_FIPS: Readonly<Record<string, string>> = {
  '01': 'AL',
  '02': 'AK',
  '04': 'AZ',
  '05': 'AR',
  '06': 'CA',
  '08': 'CO',
  '09': 'CT',
  '10': 'DE',
  '11': 'DC',
  '12': 'FL',
  '13': 'GA',
  '15': 'HI',
  '16': 'ID',
  '17': 'IL',
  '18': 'IN',
  '19': 'IA',
  '20': 'KS',
  '21': 'KY',
  '22': 'LA',
  '23': 'ME',
  '24': 'MD',
  '25': 'MA',
  '26': 'MI',
  '27': 'MN',
  '28': 'MS',
  '29': 'MO',
  '30': 'MT',
  '31': 'NE',
  '32': 'NV',
  '33': 'NH',
  '34': 'NJ',
  '35': 'NM',
  '36': 'NY',
  '37': 'NC',
  '38': 'ND',
  '39': 'OH',
  '40': 'OK',
  '41': 'OR',
  '42': 'PA',
  '44': 'RI',
  '45': 'SC',
  '46': 'SD',
  '47': 'TN',
  '48': 'TX',
  '49': 'UT',
  '50': 'VT',
  '51': 'VA',
  '53': 'WA',
  '54': 'WV',
  '55': 'WI',
  '56': 'WY',
  '72': 'PR',
};

export interface CensusPointTable {
  /** USPS state code of each point ('PR' included). */
  state: string[];
  lat: Float64Array;
  lon: Float64Array;
  population: Uint32Array;
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Which field holds what (0-based), and how a state field's text becomes a USPS code. */
interface Layout {
  header: string;
  state: number;
  population: number;
  lat: number;
  lon: number;
  stateCode: (text: string) => string | undefined;
}

/**
 * Parses a gzipped comma-separated table of unquoted fields in one pass over its bytes. A
 * number's digits go into an integer and are divided once by 10^k: both are exact doubles
 * here (≤ 15 digits) and IEEE division rounds correctly, so the result equals Number(text).
 */
function readTable(file: string, layout: Layout, expected: number): CensusPointTable {
  let buf = gunzipSync(readFileSync(DIR + file));
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
  const firstEnd = buf.indexOf(0x0a);
  const first = buf.toString('utf8', 0, firstEnd).replace(/\r$/, '');
  if (first !== layout.header) {
    throw new Error(`${file}: unexpected header ${JSON.stringify(first)}`);
  }
  let lat = new Float64Array(expected);
  let lon = new Float64Array(expected);
  let population = new Uint32Array(expected);
  const state: string[] = [];
  const codes = new Map<number, string | undefined>();
  const values = new Float64Array(16);
  let n = 0;
  let i = firstEnd + 1;
  const len = buf.length;
  while (i < len) {
    const lineStart = i;
    let field = 0;
    let key = 0;
    let stateKey = -1;
    let fieldStart = i;
    let int = 0;
    let scale = -1;
    let sign = 1;
    let digits = 0;
    let ok = true;
    for (; ; i++) {
      const c = i < len ? buf[i] : 0x0a;
      if (c === 0x2c || c === 0x0a || c === 0x0d) {
        if (field < 16)
          values[field] =
            digits > 0 && digits <= 15 ? (sign * int) / POW10[scale < 0 ? 0 : scale] : NaN;
        if (field === layout.state) {
          stateKey = key;
          if (!codes.has(key))
            codes.set(key, layout.stateCode(buf.toString('latin1', fieldStart, i)));
        }
        field++;
        if (c !== 0x2c) break;
        fieldStart = i + 1;
        key = int = digits = 0;
        scale = -1;
        sign = 1;
      } else {
        if (field === layout.state) key = key * 256 + c;
        if (c >= 0x30 && c <= 0x39) {
          int = int * 10 + (c - 0x30);
          digits++;
          if (scale >= 0) scale++;
        } else if (c === 0x2e && scale < 0) scale = 0;
        else if ((c === 0x2d || c === 0x2b) && digits === 0) sign = c === 0x2d ? -1 : 1;
        else if (field !== layout.state) ok = false;
      }
    }
    const lineEnd = i;
    while (i < len && (buf[i] === 0x0d || buf[i] === 0x0a)) i++;
    if (lineEnd === lineStart) continue;
    const code = codes.get(stateKey);
    const p = values[layout.population];
    const la = values[layout.lat];
    const lo = values[layout.lon];
    if (
      !ok ||
      !code ||
      !Number.isInteger(p) ||
      p < 0 ||
      !(Math.abs(la) <= 90) ||
      !(Math.abs(lo) <= 180)
    ) {
      throw new Error(`${file}: bad row ${n + 1}: ${buf.toString('utf8', lineStart, lineEnd)}`);
    }
    if (n === lat.length) {
      const grow = <T extends Float64Array | Uint32Array>(a: T, b: T): T => (b.set(a), b);
      lat = grow(lat, new Float64Array(2 * n + 1));
      lon = grow(lon, new Float64Array(2 * n + 1));
      population = grow(population, new Uint32Array(2 * n + 1));
    }
    state.push(code);
    population[n] = p;
    lat[n] = la;
    lon[n] = lo;
    n++;
  }
  return { state, lat: lat.slice(0, n), lon: lon.slice(0, n), population: population.slice(0, n) };
}

/** The 242,335 block-group centres of population (`row,state,population,lat,lon`). */
export function readBlockGroups(): CensusPointTable {
  const layout = {
    header: 'row,state,population,lat,lon',
    state: 1,
    population: 2,
    lat: 3,
    lon: 4,
  };
  return readTable(BLOCK_GROUPS_FILE, { ...layout, stateCode: (t) => t }, 242_335);
}

/** The 85,395 tract centres of population (`STATEFP,COUNTYFP,TRACTCE,POPULATION,LAT,LON`). */
export function readTracts(): CensusPointTable {
  const header = 'STATEFP,COUNTYFP,TRACTCE,POPULATION,LATITUDE,LONGITUDE';
  const layout = { header, state: 0, population: 3, lat: 4, lon: 5 };
  return readTable(TRACTS_FILE, { ...layout, stateCode: (t) => STATE_BY_FIPS[t] }, 85_395);
}
