// The sites and lines of an evaluation as GeoJSON (issue 11, RFC 7946: [lon, lat]): the campus
// as a Point with its headline figures, each deployment as a Point with its metrics, and each
// deployment's transmission line as a LineString from the deployment to where it connects
// (result lineTo: the campus, or the interconnection point). A line whose two ends are one point
// is left out (RFC 7946 wants two distinct positions).
import type { ReportGeoJsonBody } from '../schemas/report.ts';
import type { Evaluated } from './evaluated.ts';

type Feature = ReportGeoJsonBody['features'][number];

export function buildGeoJson(input: Evaluated): ReportGeoJsonBody {
  const { result, request, campus, designs } = input;
  const features: Feature[] = [
    {
      type: 'Feature',
      id: 'campus',
      geometry: { type: 'Point', coordinates: [campus.lon, campus.lat] },
      properties: {
        kind: 'campus',
        id: campus.id ?? null,
        name: campus.name,
        state: campus.state ?? null,
        year: result.year,
        peakMw: result.demand.peakMw,
        meanMw: result.demand.meanMw,
        annualGwh: result.demand.annualGwh,
        nameplateMw: result.supply.nameplateMw,
        servedEnergyFraction: result.coverage.servedEnergyFraction,
        servedEnergyFractionP05: result.coverage.servedEnergyFractionP05,
        servedEnergyFractionAfterBackup: result.afterBackup.servedEnergyFraction,
        lossOfLoadHours: result.coverage.lossOfLoadHours,
        firmCapacityMw: result.coverage.firmCapacityMw,
        lcoeUsdPerMwh: result.economics.lcoeUsdPerMwh,
        deliveredCostUsdPerMwh: result.economics.deliveredCostUsdPerMwh,
      },
    },
  ];
  result.deployments.forEach((d, i) => {
    const placed = request.deployments[i];
    if (!placed) return;
    const design = designs.find((x) => x.id === d.designId);
    const n = i + 1;
    const at: [number, number] = [placed.lon, placed.lat];
    features.push({
      type: 'Feature',
      id: `deployment-${n}`,
      geometry: { type: 'Point', coordinates: at },
      properties: {
        kind: 'deployment',
        deployment: n,
        design: d.designId,
        designName: design?.name ?? d.designId,
        units: d.units,
        nameplateMw: (design?.netMwe.value ?? 0) * d.units,
        siteId: placed.siteId ?? null,
        state: d.state,
        distanceKm: d.distanceKm,
        voltageKv: d.voltageKv,
        lineKind: d.lineKind,
        lossFraction: d.lossFraction,
        capexUsd: d.capexUsd,
        transmissionCapexUsd: d.transmissionCapexUsd,
        lcoeUsdPerMwh: d.lcoeUsdPerMwh,
        codYear: d.codYear,
        lifetimeAvailability: d.lifetimeAvailability,
        sitingPass: d.siting?.pass ?? null,
        sitingFailed: (d.siting?.checks ?? [])
          .filter((c) => c.severity === 'hard' && c.pass === false)
          .map((c) => c.id),
      },
    });
    const to: [number, number] = [d.lineTo.lon, d.lineTo.lat];
    if (to[0] === at[0] && to[1] === at[1]) return;
    features.push({
      type: 'Feature',
      id: `line-${n}`,
      geometry: { type: 'LineString', coordinates: [at, to] },
      properties: {
        kind: 'line',
        deployment: n,
        lineKind: d.lineKind,
        to: d.lineTo.kind,
        toName: d.lineTo.name,
        plantId: d.lineTo.plantId,
        kv: d.voltageKv,
        km: d.distanceKm,
        circuits: d.circuits,
        lossFraction: d.lossFraction,
        transmissionCapexUsd: d.transmissionCapexUsd,
      },
    });
  });
  return { type: 'FeatureCollection', name: input.name, features };
}
