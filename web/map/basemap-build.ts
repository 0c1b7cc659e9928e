// Builds the offline basemap's GeoJSON from us-atlas and world-atlas TopoJSON (topojson-client
// and d3-geo). Loaded after the first paint with the boundary files, so neither library is in
// the first JavaScript the page needs.
import type {
  Feature,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  FeatureCollection,
  Geometry,
} from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  labelFeature,
  labelPointCollection,
  NORTH_AMERICA_COUNTRY_IDS,
  type LabelProperties,
} from './label-points.ts';

export interface BasemapTopologies {
  /** us-atlas states-10m.json: objects `states`, `nation`. */
  states: Topology;
  /** world-atlas countries-50m.json: objects `countries`, `land`. */
  countries: Topology;
}

export interface CountyData {
  countyLines: MultiLineString;
  labels: FeatureCollection<Point, LabelProperties>;
}

export interface BasemapData {
  land: FeatureCollection<Polygon | MultiPolygon>;
  countryBorders: MultiLineString;
  stateLines: MultiLineString;
  labels: FeatureCollection<Point, LabelProperties>;
}

// The planner covers North America. Land is kept for North American countries and the South
// American neighbours the map shows when panned south; the rest of the world is dropped before
// conversion, which keeps start-up fast (the whole world costs about a second on a slow CPU).
// ISO 3166-1 numeric: Colombia, Venezuela, Ecuador, Peru, Brazil, Guyana, Suriname, Trinidad and
// Tobago.
export const NEIGHBOUR_COUNTRY_IDS = new Set([
  '170',
  '862',
  '218',
  '604',
  '076',
  '328',
  '740',
  '780',
]);
export const isBasemapCountry = (id: string | number | undefined): boolean =>
  NORTH_AMERICA_COUNTRY_IDS.has(String(id)) || NEIGHBOUR_COUNTRY_IDS.has(String(id));

type Area = Feature<Polygon | MultiPolygon, { name?: string } | null>;

function areas(topology: Topology, object: GeometryCollection): Area[] {
  const collection = feature(topology, object);
  return (collection as FeatureCollection<Geometry, { name?: string } | null>).features.filter(
    (f): f is Area => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
}

const onlyBasemapCountries = (object: GeometryCollection): GeometryCollection => ({
  ...object,
  geometries: object.geometries.filter((geometry) => isBasemapCountry(geometry.id)),
});

const FOCUS_COUNTRY_ID = '840';

/** County lines within each state (state lines are drawn apart) and county name points. */
export function buildCountyData(counties: Topology): CountyData {
  const object = counties.objects.counties as GeometryCollection;
  const stateOf = (geometry: { id?: string | number }) => String(geometry.id).slice(0, 2);
  return {
    countyLines: mesh(counties, object, (a, b) => a !== b && stateOf(a) === stateOf(b)),
    labels: {
      type: 'FeatureCollection',
      features: areas(counties, object).map((county) => labelFeature(county, 'county')),
    },
  };
}

export function buildBasemapData(topologies: BasemapTopologies): BasemapData {
  const { states, countries } = topologies;
  const countryObject = onlyBasemapCountries(countries.objects.countries as GeometryCollection);
  const stateObject = states.objects.states as GeometryCollection;
  const countryAreas = areas(countries, countryObject);
  const stateAreas = areas(states, stateObject);
  // US land comes from the Census outline, which stops at the Great Lakes shores; Natural Earth
  // counts the lakes as land, which would hide Lake Michigan from a siting tool. Canada's side of
  // the shared lakes has no shoreline in either dataset and stays land. Other countries are
  // drawn a shade darker (`focus: false`) so the United States reads as the subject.
  const nation = areas(states, states.objects.nation as GeometryCollection).map((area) => ({
    ...area,
    properties: { name: 'United States of America', focus: true },
  }));
  const otherLand = countryAreas
    .filter((area) => area.id !== FOCUS_COUNTRY_ID)
    .map((area) => ({ ...area, properties: { ...area.properties, focus: false } }));
  return {
    land: { type: 'FeatureCollection', features: [...nation, ...otherLand] },
    // Interior arcs only (a !== b): coastlines come from the land fill's outline instead.
    countryBorders: mesh(countries, countryObject, (a, b) => a !== b),
    stateLines: mesh(states, stateObject, (a, b) => a !== b),
    labels: labelPointCollection(stateAreas, countryAreas),
  };
}
