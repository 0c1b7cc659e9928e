// The data an evaluation reads besides its request: the bundled designs and GPU table, the
// state polygons and capital-cost location multipliers, and the coal sites that make a
// deployment an energy community. Built once per process (the worker pool gets a copy).
import type { GeoData } from '../../geo-data/load.ts';
import { loadLocationData } from '../../geo-data/location.ts';
import type { EvaluateData } from '../../models/scenario.ts';

const COAL_KINDS = new Set(['coal-plant', 'coal-retirement']);

export function evaluateDataOf(
  geoData: Pick<GeoData, 'designs' | 'gpuPower' | 'sites'>,
): EvaluateData {
  return {
    designs: geoData.designs,
    gpuPower: geoData.gpuPower,
    location: loadLocationData(),
    coalSites: geoData.sites
      .filter((s) => COAL_KINDS.has(s.kind))
      .map((s) => ({ lat: s.lat, lon: s.lon })),
  };
}
