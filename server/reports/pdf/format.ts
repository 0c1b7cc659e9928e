// Number formats of the PDF report: units always shown, thousands separators (en-US), and the
// same rounding everywhere a figure appears so the text and the tables agree.

const nf = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const formats = [0, 1, 2, 3].map(nf);

/** 1234.5 → "1,235" (digits 0), "1,234.5" (digits 1). Non-finite → "n/a". */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  // -0 would print as "-0".
  const text = formats[Math.min(3, Math.max(0, digits))].format(value);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

export const mw = (value: number, digits = 0): string => `${num(value, digits)} MW`;
export const gwh = (value: number, digits = 0): string => `${num(value, digits)} GWh`;
export const mwh = (value: number): string => `${num(value)} MWh`;
export const km = (value: number, digits = 1): string => `${num(value, digits)} km`;

/** A share 0..1 as a percentage with one decimal: 0.9781 → "97.8%". */
export const pct = (fraction: number, digits = 1): string => `${num(fraction * 100, digits)}%`;

/** US dollars, compact above a million: "$16.12 billion", "$50.0 million", "$12,345". */
export function usd(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${sign}$${num(abs / 1e9, 2)} billion`;
  if (abs >= 1e6) return `${sign}$${num(abs / 1e6, 1)} million`;
  return `${sign}$${num(abs)}`;
}

export const usdPerMwh = (value: number | null): string =>
  value === null || !Number.isFinite(value) ? 'n/a' : `$${num(value, 1)}/MWh`;

/** "2032-12-04" as written in the report: "4 Dec 2032" (UTC, no locale dependence). */
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
export function isoDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

export const dateLong = (date: Date): string =>
  `${isoDay(date.toISOString().slice(0, 10))}, ${date.toISOString().slice(11, 16)} UTC`;

/** Latitude/longitude in degrees with hemispheres: "35.08° N, 90.16° W". */
export const latLon = (lat: number, lon: number): string =>
  `${num(Math.abs(lat), 2)}° ${lat >= 0 ? 'N' : 'S'}, ${num(Math.abs(lon), 2)}° ${lon >= 0 ? 'E' : 'W'}`;
