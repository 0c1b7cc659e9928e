// Where the basemap writes each state and country name. Pure, so the Node test can check it.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { geoArea, geoCentroid } from 'd3-geo';

export type LabelKind = 'state' | 'country' | 'county';
export interface LabelProperties {
  kind: LabelKind;
  name: string;
  /** Short form for small scales: the USPS code for a state, the name for a country. */
  abbr: string;
}

// ISO 3166-1 numeric codes (the world-atlas feature ids) of North American countries. The
// United States (840) gets no country label: its state labels already say where it is.
// prettier-ignore
export const NORTH_AMERICA_COUNTRY_IDS = new Set([
  '124', '484', '192', '044', '304', '320', '084', '340', '222', '558', '188', '591', '388', '332',
  '214', '630', '840',
]);
export const UNLABELLED_COUNTRY_IDS = new Set(['840']);

// FIPS state codes (the us-atlas feature ids) → USPS codes, from the Census FIPS table.
// prettier-ignore
export const STATE_POSTAL_BY_FIPS: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE',
  '11': 'DC', '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA',
  '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN',
  '28': 'MS', '29': 'MO', '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM',
  '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI',
  '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA',
  '54': 'WV', '55': 'WI', '56': 'WY', '60': 'AS', '66': 'GU', '69': 'MP', '72': 'PR', '78': 'VI',
};

type Area = Feature<Polygon | MultiPolygon, { name?: string } | null>;

/**
 * The centroid of the feature's largest polygon: for Michigan the lower peninsula, for the
 * United States the lower 48, so a label never lands in the sea between islands.
 */
export function labelPoint(feature: Area): Position {
  const polygons =
    feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates]
      : feature.geometry.coordinates;
  if (polygons.length === 0)
    throw new Error(`Feature ${String(feature.id)} has no polygon to label`);
  let largest = polygons[0];
  let largestArea = -1;
  for (const rings of polygons) {
    const area = geoArea({ type: 'Polygon', coordinates: rings });
    if (area > largestArea) [largest, largestArea] = [rings, area];
  }
  return geoCentroid({ type: 'Polygon', coordinates: largest });
}

const point = (
  coordinates: Position,
  properties: LabelProperties,
): Feature<Point, LabelProperties> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});

export const labelFeature = (area: Area, kind: LabelKind): Feature<Point, LabelProperties> => {
  const name = area.properties?.name ?? String(area.id);
  return point(labelPoint(area), { kind, name, abbr: name });
};

export function stateLabelPoints(states: Area[]): Feature<Point, LabelProperties>[] {
  return states.map((state) => {
    const name = state.properties?.name ?? String(state.id);
    const abbr = STATE_POSTAL_BY_FIPS[String(state.id)] ?? name;
    return point(labelPoint(state), { kind: 'state', name, abbr });
  });
}

export function countryLabelPoints(countries: Area[]): Feature<Point, LabelProperties>[] {
  return countries
    .filter(
      (c) =>
        NORTH_AMERICA_COUNTRY_IDS.has(String(c.id)) && !UNLABELLED_COUNTRY_IDS.has(String(c.id)),
    )
    .map((country) => {
      const name = country.properties?.name ?? String(country.id);
      return point(labelPoint(country), { kind: 'country', name, abbr: name });
    });
}

export function labelPointCollection(
  states: Area[],
  countries: Area[],
): FeatureCollection<Point, LabelProperties> {
  return {
    type: 'FeatureCollection',
    features: [...countryLabelPoints(countries), ...stateLabelPoints(states)],
  };
}
