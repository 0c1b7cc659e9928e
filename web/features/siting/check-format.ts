// Words for a siting check: its name, its value against its limit with units, the badge text
// and a one-line reason drawn from the server's note (the full note stays one click away).
// Pure: strings from the server's answer, no DOM.
import type { SiteCheckResponse, SitingCheck } from '../../api/siting-types.ts';
import {
  formatKm,
  formatMiles,
  formatPeople,
  formatUsdCompact,
  formatWhole,
  humanize,
} from '../../format.ts';

interface CheckMeta {
  label: string;
  /** How the value must compare with the limit to pass. */
  comparator?: '≥' | '≤' | '>';
  /** The limit in words when it is a rule rather than a number. */
  limitText?: string;
  /** Badge words for [pass, fail] when "Pass"/"Fail" would mislead (an info check). */
  passWords?: readonly [string, string];
}

const CHECK_META: Record<string, CheckMeta> = {
  'population-centre-distance': { label: 'Distance to population centre', comparator: '≥' },
  'population-density': { label: 'Population density (RG 4.7)', comparator: '≤' },
  'epz-population': { label: 'People inside the EPZ', limitText: 'no regulatory limit' },
  'seismic-hazard': {
    label: 'Seismic hazard',
    limitText: 'high or very high needs site-specific design',
  },
  'cooling-water': { label: 'Cooling water', limitText: 'needs a recorded source or dry cooling' },
  brownfield: { label: 'Brownfield reuse', comparator: '≤', passWords: ['Credit', 'No credit'] },
  'campus-exclusion-area': { label: 'Campus outside exclusion area', comparator: '>' },
  'campus-distance': { label: 'Distance to campus' },
  'transmission-cost': { label: 'Transmission to campus' },
  jurisdiction: { label: 'Jurisdiction' },
};

const COUNTRY_NAMES: Record<string, string> = { US: 'United States', CA: 'Canada', MX: 'Mexico' };
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const checkLabel = (id: string): string => CHECK_META[id]?.label ?? humanize(id);

/** A number in the check's unit, with separators and the unit written out. */
export function formatCheckNumber(value: number, unit: string): string {
  switch (unit) {
    case 'mi':
      return formatMiles(value);
    case 'km':
      return value < 10 ? `${TWO_DECIMALS.format(value)} km` : formatKm(value);
    case 'people':
      return formatPeople(value);
    case 'USD':
      return formatUsdCompact(value);
    case 'persons/mi²':
      return `${ONE_DECIMAL.format(value)} persons/mi²`;
    default:
      return unit ? `${formatWhole(value)} ${unit}` : formatWhole(value);
  }
}

function formatValue(check: SitingCheck): string {
  const { id, value, unit } = check;
  if (value === null) return id === 'population-centre-distance' ? 'none within 1,000 km' : '—';
  if (typeof value === 'number') return formatCheckNumber(value, unit);
  if (id === 'jurisdiction') return COUNTRY_NAMES[value] ?? value;
  if (id === 'seismic-hazard') return `${humanize(value)} hazard`;
  if (value === 'dry-cooling') return 'unknown; dry cooling possible';
  return humanize(value);
}

function formatLimit(check: SitingCheck): string | null {
  const meta = CHECK_META[check.id];
  if (check.limit !== null) {
    const limit = formatCheckNumber(check.limit, check.unit);
    if (check.id === 'brownfield') return `credit within ${limit}`;
    return `limit ${meta?.comparator ? `${meta.comparator} ` : ''}${limit}`;
  }
  return meta?.limitText ?? null;
}

/** "61.34 mi" against "limit ≥ 0.67 mi"; a null limit means the check states none. */
export const valueAndLimit = (check: SitingCheck): { value: string; limit: string | null } => ({
  value: formatValue(check),
  limit: formatLimit(check),
});

export function badgeText(check: SitingCheck): string {
  if (check.pass === null) return 'Info';
  const [yes, no] = CHECK_META[check.id]?.passWords ?? ['Pass', 'Fail'];
  return check.pass ? yes : no;
}

export const SEVERITY_LABELS = { hard: 'Hard limit', advisory: 'Advisory', info: 'Info' } as const;

const COMPARISON = 'For comparison only';

/** The severity in words; outside the US an NRC test is shown "for comparison" instead. */
export const severityText = (check: SitingCheck): string =>
  check.note.startsWith(COMPARISON) ? 'For comparison' : SEVERITY_LABELS[check.severity];

/** Sentences of a note; a full stop before a capital or a bracket ends one. */
export const sentences = (note: string): string[] =>
  note.split(/(?<=\.)\s+(?=[A-Z(])/).filter((s) => s.trim() !== '');

/**
 * The one line a reader needs: the note's first sentence unless a better one is known. The
 * "for comparison" preamble is left to the severity (severityText) and stays in the full note.
 */
export function reasonOf(check: SitingCheck, result: SiteCheckResponse): string {
  const all = sentences(check.note).filter((s) => !s.startsWith(COMPARISON));
  const centre = result.nearestPopulationCentre;
  if (check.id === 'population-centre-distance' && centre) {
    return (
      `Nearest place over 25,000: ${centre.name}, ${centre.adminCode} ` +
      `(${formatPeople(centre.population)}), boundary ${formatMiles(centre.boundaryDistanceMi)} away.`
    );
  }
  const worst = all.find((s) => s.startsWith('Worst:'));
  if (check.id === 'population-density' && worst) return worst;
  return all[0] ?? check.note;
}

export interface Verdict {
  pass: boolean;
  title: string;
  detail: string;
}

export function verdictOf(result: SiteCheckResponse): Verdict {
  const failed = result.checks.filter((c) => c.severity === 'hard' && c.pass === false);
  const flagged = result.checks.filter((c) => c.severity === 'advisory' && c.pass === false);
  const names = (checks: SitingCheck[]) => checks.map((c) => checkLabel(c.id).toLowerCase());
  const title = result.pass
    ? 'Passes every hard check'
    : `Fails a hard check: ${names(failed).join(', ')}`;
  const flags =
    flagged.length === 0
      ? 'No advisory flags.'
      : `${flagged.length} advisory flag${flagged.length === 1 ? '' : 's'}: ${names(flagged).join(', ')}.`;
  const abroad =
    result.country && result.country !== 'US'
      ? ` Outside the US: the NRC tests are shown for comparison.`
      : '';
  return { pass: result.pass, title, detail: `${flags}${abroad}` };
}
