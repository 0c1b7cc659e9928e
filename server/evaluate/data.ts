// The data an evaluation reads besides its request: the bundled designs and GPU table, the
// state polygons and capital-cost location multipliers, and the coal sites that make a
// deployment an energy community. Built once per process (the worker pool gets a copy).
import type { GeoData } from '../../geo-data/load.ts';
import { loadLocationData } from '../../geo-data/location.ts';
import type { EvaluateData } from '../../models/scenario.ts';
import { CONNECTED_MIN_KV } from '../../models/scenario/line-end.ts';

// IRA energy community (coal closure): a coal unit retired after 2009 nearby. Only the curated
// `coal-retirement` sites are known to be retired; a `coal-plant` from the 2017 table may still
// run, so it earns no bonus here.
const COAL_KINDS = new Set(['coal-retirement']);

export function evaluateDataOf(
  geoData: Pick<GeoData, 'designs' | 'gpuPower' | 'sites' | 'interconnections'>,
): EvaluateData {
  return {
    designs: geoData.designs,
    gpuPower: geoData.gpuPower,
    location: loadLocationData(),
    coalSites: geoData.sites
      .filter((s) => COAL_KINDS.has(s.kind))
      .map((s) => ({ lat: s.lat, lon: s.lon })),
    interconnections: geoData.interconnections.filter((p) => p.kv >= CONNECTED_MIN_KV),
  };
}
