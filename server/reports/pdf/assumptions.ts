// Section 7, assumptions and sources: the request as given, every default the model applied,
// warnings, each design's numbers with their basis and note, the data sources and the model's
// limits.
import type { Design, Sourced } from '../../../models/records.ts';
import { COLOR, bullets, heading, paragraph, section, type Report } from './layout.ts';
import { latLon, num } from './format.ts';
import type { ReportInput } from './input.ts';
import { DATA_SOURCES, MODEL_LIMITS } from './sources.ts';
import { table } from './table.ts';

/** The request's options as "path = value" rows, nested objects flattened. */
export function flattenOptions(value: unknown, prefix = 'options'): [string, string][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [[prefix, Array.isArray(value) ? value.join(', ') : String(value)]];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    flattenOptions(v, `${prefix}.${k}`),
  );
}

const DESIGN_FIELDS: [keyof Design, string, string][] = [
  ['netMwe', 'Net output', 'MWe'],
  ['thermalMwt', 'Thermal power', 'MWt'],
  ['refuelIntervalMonths', 'Refuelling interval', 'months'],
  ['refuelOutageDays', 'Refuelling outage', 'days'],
  ['maintenanceDaysPerYear', 'Maintenance outside refuelling', 'days/yr'],
  ['forcedOutageRate', 'Forced outage rate', ''],
  ['mttrHours', 'Mean time to repair', 'h'],
  ['capacityFactor', 'Capacity factor (reference)', ''],
  ['earliestCodYear', 'Earliest commercial operation', ''],
  ['eabMi', 'Exclusion area boundary', 'mi'],
  ['lpzMi', 'Low population zone', 'mi'],
  ['epzMi', 'Plume EPZ', 'mi'],
  ['capitalCostUsdPerKw', 'Capital cost', 'USD/kW'],
  ['fixedOmUsdPerKwYr', 'Fixed O&M', 'USD/kW-yr'],
  ['fuelUsdPerMwh', 'Fuel', 'USD/MWh'],
  ['variableOmUsdPerMwh', 'Variable O&M', 'USD/MWh'],
  ['peakMwe', 'Peak output (storage)', 'MWe'],
  ['storageMwh', 'Storage', 'MWh'],
];

function designRows(d: Design): string[][] {
  return DESIGN_FIELDS.flatMap(([key, label, unit]) => {
    const s = d[key] as Sourced | undefined;
    if (!s || typeof s !== 'object' || !('basis' in s)) return [];
    const value =
      key === 'earliestCodYear' ? String(s.value) : num(s.value, Number.isInteger(s.value) ? 0 : 2);
    return [[label, `${value}${unit ? ` ${unit}` : ''}`, s.basis, s.note]];
  });
}

export function assumptionsSection(r: Report, input: ReportInput): void {
  const { request, result } = input;
  section(
    r,
    'Assumptions and sources',
    'Every input as given, every default the model applied, and where each number comes from. "source" means published; "assumption" is a labelled modelling choice.',
  );
  heading(r, 'Inputs');
  const inputRows: [string, string][] = [
    [
      'campus',
      request.campus.id
        ? `${String(request.campus.id)} (${input.campus.name})`
        : `${input.campus.name}, drawn at ${latLon(input.campus.lat, input.campus.lon)}`,
    ],
    ...request.deployments.map((d, i): [string, string] => [
      `deployments[${i}]`,
      `${d.units} × ${d.designId} at ${latLon(d.lat, d.lon)}${d.codYear ? `, COD ${d.codYear}` : ''}${d.circuits ? `, ${d.circuits} circuit(s)` : ''}${d.siteId ? `, site ${d.siteId}` : ''}`,
    ]),
    ...(request.options ? flattenOptions(request.options) : []),
  ];
  table(
    r,
    [
      { header: 'Input', width: 2 },
      { header: 'Value', width: 5 },
    ],
    inputRows,
  );
  heading(r, 'Defaults and assumptions the model applied');
  bullets(r, result.assumptions, 7.5);
  if (result.warnings.length) {
    heading(r, 'Warnings');
    bullets(r, result.warnings, 7.5);
  }
  const used = [...new Set(result.deployments.map((d) => d.designId))];
  for (const id of used) {
    const d = input.designs.find((x) => x.id === id);
    if (!d) continue;
    heading(r, `Design: ${d.name} (${d.vendor}, ${d.type}; confidence ${d.confidence})`);
    table(
      r,
      [
        { header: 'Figure', width: 2.2 },
        { header: 'Value', width: 1.5, align: 'right' },
        { header: 'Basis', width: 1.1 },
        { header: 'Note', width: 6 },
      ],
      designRows(d),
      6.8,
    );
    if (d.sources.length)
      paragraph(r, `Sources: ${d.sources.join('; ')}`, { size: 7, color: COLOR.muted });
  }
  heading(r, 'Data sources');
  table(
    r,
    [
      { header: 'Source', width: 2 },
      { header: 'Used for', width: 5 },
      { header: 'Licence', width: 2 },
    ],
    DATA_SOURCES.map((s) => [{ text: s.name, bold: true }, s.use, s.licence]),
    7.5,
  );
  heading(r, "The model's limits");
  bullets(r, MODEL_LIMITS, 8);
}
