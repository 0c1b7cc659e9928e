// Page 2: the map figure and a short table of where each line runs.
import { drawMap } from './map.ts';
import { km, latLon } from './format.ts';
import { designNameOf, deploymentTitle, type ReportInput } from './input.ts';
import { paragraph, section, type Report } from './layout.ts';
import { table } from './table.ts';

export function mapPage(r: Report, input: ReportInput): void {
  section(
    r,
    'Map',
    "The campus, the reactor deployments with their plume emergency planning zones (EPZ) drawn to scale, and each deployment's transmission line to the campus or to its interconnection point.",
  );
  const name = designNameOf(input.designs);
  const epz = (id: string) => input.designs.find((d) => d.id === id)?.epzMi.value ?? 0;
  drawMap(
    r,
    { lat: input.campus.lat, lon: input.campus.lon, label: input.campus.name },
    input.result.deployments.map((d, i) => ({
      lat: input.request.deployments[i].lat,
      lon: input.request.deployments[i].lon,
      label: `${i + 1}: ${d.units} × ${name(d.designId)}`,
      epzMi: epz(d.designId),
      lineTo: d.lineTo,
    })),
  );
  table(
    r,
    [
      { header: 'Deployment', width: 3 },
      { header: 'Location', width: 2 },
      { header: 'EPZ', width: 1, align: 'right' },
      { header: 'Line', width: 3 },
    ],
    input.result.deployments.map((d, i) => [
      deploymentTitle(input, i),
      latLon(input.request.deployments[i].lat, input.request.deployments[i].lon),
      `${epz(d.designId)} mi`,
      `${d.lineKind}, ${km(d.distanceKm)}${d.voltageKv ? `, ${d.voltageKv} kV` : ''} to ${d.lineTo.kind === 'campus' ? 'the campus' : (d.lineTo.name ?? 'the interconnection point')}`,
    ]),
  );
  paragraph(
    r,
    'Basemap: US states from us-atlas (US Census Bureau cartographic boundaries, 1:10,000,000), projected with d3-geo (conformal conic fitted to the points). Interconnection points are EIA-860 plants at 345 kV or more, a proxy for substations.',
    { size: 7.5 },
  );
}
