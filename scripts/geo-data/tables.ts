// The national tables as the build reads them: CSV, plain or gzipped (geo-data/reference keeps
// the large ones as `.gz`; a REFERENCE_DATA_DIR holding the published plain files works too).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

/** The bytes of `relPath` under `dir`, or of `relPath.gz` unzipped when only that exists. */
export function readTableBytes(dir: string, relPath: string): Buffer {
  const plain = join(dir, relPath);
  if (existsSync(plain)) return readFileSync(plain);
  const zipped = `${plain}.gz`;
  if (existsSync(zipped)) return gunzipSync(readFileSync(zipped));
  throw new Error(`reference table ${relPath} (or ${relPath}.gz) not found in ${dir}`);
}

/** Rows of a CSV with a header line, as strings keyed by column (BOM stripped). */
export function readCsv(dir: string, relPath: string): Record<string, string>[] {
  return parse(readTableBytes(dir, relPath), { columns: true, bom: true, trim: false });
}

/** A number column: '' → null; anything not a finite number stops the build. */
export function numberOrNull(
  row: Record<string, string>,
  column: string,
  id: string,
): number | null {
  const text = row[column]?.trim() ?? '';
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value))
    throw new Error(`${id}: ${column} ${JSON.stringify(text)} is not a number`);
  return value;
}

export const PLANTS_TABLE = 'power-plants/plants-100mw-north-america.csv';
export const EIA860_TABLE = 'power-plants/eia860-plants-2019.csv';
export const REACTORS_TABLE = 'nuclear-units/geonucleardata-reactors.csv';
