// The title page's one-sentence verdict, computed from the answer's numbers: the fleet, the
// share of the study year's load it covers, and the bridge power the timeline says is needed
// before the fleet arrives.
import type { EvaluateResponseBody } from '../../schemas/evaluate-result.ts';
import { mw, pct } from './format.ts';

export interface VerdictInput {
  campusName: string;
  result: Pick<EvaluateResponseBody, 'year' | 'coverage' | 'timeline' | 'deployments'>;
  designName: (id: string) => string;
  /** Where each deployment stands, when it is a named site. */
  siteNames?: readonly (string | null)[];
}

/** "4 × BWRX-300 + 2 × Xe-100" in the order the deployments come. */
export function fleetPhrase(
  deployments: readonly { designId: string; units: number }[],
  designName: (id: string) => string,
): string {
  const units = new Map<string, number>();
  for (const d of deployments) units.set(d.designId, (units.get(d.designId) ?? 0) + d.units);
  return [...units].map(([id, n]) => `${n} × ${designName(id)}`).join(' + ');
}

/** The worst peak gap in years before the first reactor arrives, and the year it ends. */
export function bridgeNeed(
  timeline: EvaluateResponseBody['timeline'],
  firstCodYear: number,
): { gapMw: number; untilYear: number } | null {
  const before = timeline.filter((y) => y.year < firstCodYear && y.gapMw > 0);
  if (before.length === 0) return null;
  const gapMw = Math.max(...before.map((y) => y.gapMw));
  // Firm supply arrives with the first COD year, or later if the gap goes on.
  const after = timeline.find((y) => y.year >= firstCodYear && y.gapMw <= 0);
  return { gapMw, untilYear: after?.year ?? firstCodYear };
}

export function verdictSentence(v: VerdictInput): string {
  const { result } = v;
  const sites = v.siteNames?.filter((s): s is string => !!s) ?? [];
  const where =
    result.deployments.length === 1 && sites.length === 1
      ? ` at ${sites[0]}`
      : result.deployments.length > 1
        ? ` at ${result.deployments.length} sites`
        : '';
  const fleet = fleetPhrase(result.deployments, v.designName);
  const cover = `${fleet}${where} cover ${pct(result.coverage.servedEnergyFraction)} of ${v.campusName}'s ${result.year} load`;
  const firstCod = Math.min(...result.deployments.map((d) => d.codYear));
  const bridge = bridgeNeed(result.timeline, firstCod);
  if (bridge) {
    return `${cover}; ${mw(bridge.gapMw)} of bridge power needed until ${bridge.untilYear}.`;
  }
  const later = result.timeline.filter((y) => y.gapMw > 0);
  if (later.length > 0) {
    const worst = later.reduce((a, b) => (b.gapMw > a.gapMw ? b : a));
    return `${cover}; firm supply falls short of the peak by up to ${mw(worst.gapMw)} (${worst.year}).`;
  }
  return `${cover}; firm supply meets the peak in every year of the timeline.`;
}
