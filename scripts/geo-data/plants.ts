// Reads the national plant tables into records: every North American plant of 100 MW+ (NACEI,
// 2017, joined to EIA-860 2019), every EIA-860 2019 plant at 230 kV or more (the known
// interconnection points), and the shut-down reactor sites of GeoNuclearData (ODbL).
import {
  PLANT_FUELS,
  type InterconnectionPoint,
  type MwByFuel,
  type PlantFuel,
  type PowerPlant,
} from '../../models/records.ts';
import { EIA860_TABLE, numberOrNull, PLANTS_TABLE, REACTORS_TABLE, readCsv } from './tables.ts';
import { provinceCode } from './states.ts';

export const PLANTS_SOURCE =
  'North American Cooperation on Energy Information (NACEI: EIA, NRCan, SENER), power plants ' +
  'of 100 MW or more; US rows joined to EIA Form 860 (2019) for interconnection voltage and water source';
export const EIA860_SOURCE = 'EIA Form 860 (2019), Schedule 2 (Plant): interconnection voltage';
export const REACTORS_SOURCE =
  'GeoNuclearData v0.17.17 (2024-03-03), from WNA/IAEA PRIS; © Cristian Stoica, ODbL 1.0';
/** EIA-860 2019 is the vintage of every interconnection voltage. */
export const EIA860_AS_OF = '2019';
/** The lowest voltage that counts as the high-voltage grid (issue 9). */
export const HIGH_VOLTAGE_KV = 230;

/** The table's `primarySource` → our fuel id; an unknown source stops the build. */
const PRIMARY_FUEL: Record<string, PlantFuel> = {
  Coal: 'coal',
  'Natural Gas': 'naturalGas',
  Petroleum: 'petroleum',
  Nuclear: 'nuclear',
  Hydroelectric: 'hydro',
  'Pumped Storage': 'pumpedStorageHydro',
  Wind: 'wind',
  Solar: 'solar',
  Geothermal: 'geothermal',
  Biomass: 'biomass',
  Other: 'other',
};
/** The MW column of each fuel. */
const FUEL_COLUMN: Record<PlantFuel, string> = {
  coal: 'coalMw',
  naturalGas: 'naturalGasMw',
  petroleum: 'petroleumMw',
  nuclear: 'nuclearMw',
  hydro: 'hydroMw',
  pumpedStorageHydro: 'pumpedStorageHydroMw',
  wind: 'windMw',
  solar: 'solarMw',
  geothermal: 'geothermalMw',
  biomass: 'biomassMw',
  other: 'otherEnergySourceMw',
};

const COUNTRIES = ['US', 'CA', 'MX'] as const;

/** '201708' → '2017-08'; '2016' stays a year. */
export function referencePeriod(text: string, id: string): string {
  if (/^\d{6}$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4)}`;
  if (/^\d{4}$/.test(text)) return text;
  throw new Error(`${id}: referencePeriod ${JSON.stringify(text)}`);
}

function mwByFuel(row: Record<string, string>, id: string): MwByFuel {
  const out: MwByFuel = {};
  for (const fuel of PLANT_FUELS) {
    const mw = numberOrNull(row, FUEL_COLUMN[fuel], id) ?? 0;
    if (mw > 0) out[fuel] = mw;
  }
  return out;
}

const textOrNull = (text: string | undefined): string | null => {
  const t = text?.trim() ?? '';
  return t === '' ? null : t;
};

function requireLatLon(row: Record<string, string>, id: string): { lat: number; lon: number } {
  const lat = numberOrNull(row, 'lat', id);
  const lon = numberOrNull(row, 'lon', id);
  if (lat === null || lon === null) throw new Error(`${id}: no coordinates`);
  return { lat, lon };
}

export function readPlants(dir: string): PowerPlant[] {
  return readCsv(dir, PLANTS_TABLE).map((row) => {
    const id = row.id;
    const country = row.country as PowerPlant['country'];
    if (!COUNTRIES.includes(country)) throw new Error(`${id}: country ${row.country}`);
    const primaryFuel = PRIMARY_FUEL[row.primarySource];
    if (!primaryFuel) throw new Error(`${id}: primarySource ${JSON.stringify(row.primarySource)}`);
    const totalMw = numberOrNull(row, 'totalMw', id);
    if (totalMw === null || totalMw < 100) throw new Error(`${id}: totalMw ${row.totalMw}`);
    const code = numberOrNull(row, 'eiaPlantCode', id);
    return {
      id,
      name: row.name.trim(),
      ...requireLatLon(row, id),
      country,
      state: provinceCode(country, row.state, id),
      owner: row.owner.trim(),
      totalMw,
      primaryFuel,
      mwByFuel: mwByFuel(row, id),
      gridVoltageKv: numberOrNull(row, 'gridVoltageKv', id),
      waterSource: textOrNull(row.waterSource),
      balancingAuthority: textOrNull(row.balancingAuthority),
      nercRegion: textOrNull(row.nercRegion),
      eiaPlantCode: code,
      asOf: referencePeriod(row.referencePeriod, id),
      source:
        `NACEI (${row.sourceAgency}, ${row.referencePeriod})` +
        (code === null ? '' : `; EIA-860 2019 plant ${code}, joined at ${row.joinKm} km`),
    };
  });
}

/** The grid region a plant's site reports: its balancing authority and NERC region. */
export function plantGridRegion(plant: PowerPlant): string {
  const { balancingAuthority: ba, nercRegion: nerc } = plant;
  if (ba || nerc) return [ba, nerc && `(${nerc})`].filter(Boolean).join(' ');
  return plant.country === 'US' ? 'US (no EIA-860 join)' : `${plant.country} (${plant.state})`;
}

/** EIA-860 2019 plants interconnected at ≥ 230 kV: the known high-voltage grid points. */
export function readInterconnectionPoints(dir: string): InterconnectionPoint[] {
  const points: InterconnectionPoint[] = [];
  for (const row of readCsv(dir, EIA860_TABLE)) {
    const id = `eia-${row.eiaPlantCode}`;
    const kv = numberOrNull(row, 'gridVoltageKv', id);
    if (kv === null || kv < HIGH_VOLTAGE_KV) continue;
    const lat = numberOrNull(row, 'lat', id);
    const lon = numberOrNull(row, 'lon', id);
    // A plant with no coordinates cannot mark the grid; EIA-860 leaves a few blank.
    if (lat === null || lon === null || (lat === 0 && lon === 0)) continue;
    points.push({
      id,
      name: row.name.trim(),
      lat,
      lon,
      kv,
      state: row.state,
      balancingAuthority: textOrNull(row.balancingAuthority),
      transmissionOwner: textOrNull(row.transmissionOwner),
      asOf: EIA860_AS_OF,
      source: `EIA-860 2019 plant ${row.eiaPlantCode}`,
    });
  }
  return points.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

export interface ReactorUnit {
  id: number;
  name: string;
  lat: number;
  lon: number;
  country: string;
  status: string;
  capacityMw: number | null;
  operationalTo: string | null;
  iaeaId: string | null;
}

/** The North American units of GeoNuclearData. */
export function readReactorUnits(dir: string): ReactorUnit[] {
  return readCsv(dir, REACTORS_TABLE)
    .filter((row) => COUNTRIES.includes(row.CountryCode as (typeof COUNTRIES)[number]))
    .map((row) => {
      const id = `reactor ${row.Id}`;
      return {
        id: Number(row.Id),
        name: row.Name.trim(),
        lat: numberOrNull(row, 'Latitude', id)!,
        lon: numberOrNull(row, 'Longitude', id)!,
        country: row.CountryCode,
        status: row.Status,
        capacityMw: numberOrNull(row, 'Capacity', id),
        operationalTo: textOrNull(row.OperationalTo),
        iaeaId: textOrNull(row.IAEAId),
      };
    });
}

/** "Indian Point-2" and "Gentilly-1 (Demo)" belong to the sites "Indian Point" and "Gentilly". */
export function reactorSiteName(unitName: string): string {
  return unitName
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[-\s]+\d+$/, '')
    .trim();
}
