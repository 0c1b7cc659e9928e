// Field checks for a reactor design: every number is { value, basis, note } with a finite,
// non-negative value, and an assumption must say what it assumes (DESIGN.md "Data records").
import { checkConfidence, checkSources, isObject, show, type Problem } from './validate-records.ts';

type Rec = Record<string, unknown>;

/** Every `{ value, basis, note }` field of a Design (models/records.ts). */
export const SOURCED_FIELDS = [
  'netMwe',
  'grossMwe',
  'thermalMwt',
  'peakMwe',
  'peakDurationHours',
  'storageMwh',
  'refuelIntervalMonths',
  'refuelOutageDays',
  'maintenanceDaysPerYear',
  'forcedOutageRate',
  'mttrHours',
  'capacityFactor',
  'earliestCodYear',
  'eabMi',
  'lpzMi',
  'epzMi',
  'capitalCostUsdPerKw',
  'fixedOmUsdPerKwYr',
  'fuelUsdPerMwh',
  'variableOmUsdPerMwh',
] as const;

function checkSourced(design: Rec, field: (typeof SOURCED_FIELDS)[number]): Problem[] {
  const sourced = design[field];
  if (sourced === undefined) return []; // required ones are reported by the schema
  if (!isObject(sourced))
    return [
      { path: `/${field}`, message: `${field} ${show(sourced)} is not { value, basis, note }` },
    ];
  const problems: Problem[] = [];
  const { value, basis, note } = sourced;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({
      path: `/${field}/value`,
      message: `${field}.value ${show(value)} is not a finite number`,
    });
  } else if (value < 0) {
    problems.push({ path: `/${field}/value`, message: `${field}.value ${value} is negative` });
  } else if ((field === 'forcedOutageRate' || field === 'capacityFactor') && value >= 1) {
    problems.push({
      path: `/${field}/value`,
      message: `${field}.value ${value} is not a fraction below 1`,
    });
  }
  if (basis !== 'source' && basis !== 'assumption') {
    problems.push({
      path: `/${field}/basis`,
      message: `${field}.basis ${show(basis)} is not source|assumption`,
    });
  }
  if (basis === 'assumption' && (typeof note !== 'string' || note.trim() === '')) {
    problems.push({
      path: `/${field}/note`,
      message: `${field}.note ${show(note)} is empty, but an assumption must say what it assumes`,
    });
  }
  return problems;
}

/** Natrium type: storageMwh = (peakMwe − netMwe) × peakDurationHours (DESIGN.md "Storage"). */
function checkStorage(design: Rec): Problem[] {
  const valueOf = (field: string) =>
    isObject(design[field]) ? (design[field] as Rec).value : undefined;
  const [peak, net, hours, mwh] = ['peakMwe', 'netMwe', 'peakDurationHours', 'storageMwh'].map(
    valueOf,
  );
  if (peak === undefined && mwh === undefined && hours === undefined) return [];
  if (![peak, net, hours, mwh].every((v) => typeof v === 'number')) {
    return [
      {
        path: '/storageMwh/(set)',
        message: `storage needs peakMwe, peakDurationHours and storageMwh together (got ${show(peak)}, ${show(hours)}, ${show(mwh)})`,
      },
    ];
  }
  const expected = ((peak as number) - (net as number)) * (hours as number);
  return Math.abs((mwh as number) - expected) > 1e-6
    ? [
        {
          path: '/storageMwh/value',
          message: `storageMwh.value ${show(mwh)} is not (peakMwe − netMwe) × peakDurationHours = ${expected}`,
        },
      ]
    : [];
}

export function checkDesign(design: Rec): Problem[] {
  return [
    ...checkSources(design.sources, (s) => s),
    ...checkConfidence(design.confidence, '/confidence', 'confidence'),
    ...SOURCED_FIELDS.flatMap((field) => checkSourced(design, field)),
    ...checkStorage(design),
  ];
}
