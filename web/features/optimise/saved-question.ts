// The question a saved optimisation answered, in words, for the Optimise tab when a scenario
// reopens with it: the form below shows the next question, this line the one the results are for.
import type { OptimiseRequest } from './optimise-client.ts';

const percent = (fraction: number): string => `${Number((fraction * 100).toPrecision(6))}%`;

export function questionText(request: OptimiseRequest, designName: (id: string) => string): string {
  const { target, candidates, year, limits } = request;
  const years = typeof year === 'number' ? `${year}` : `${year.from}–${year.to}`;
  const goal =
    'servedEnergyFraction' in target
      ? `${percent(target.servedEnergyFraction)} of ${years} load`
      : 'lossOfLoadHours' in target
        ? `at most ${target.lossOfLoadHours} h of lost load a year in ${years}`
        : `firm peak${target.nMinus1 ? ' with N-1' : ''} in ${years}`;
  const where =
    'siteIds' in candidates
      ? `${candidates.siteIds.length} chosen sites`
      : 'hexes' in candidates
        ? `the best ${candidates.hexes} hexes within ${candidates.radiusKm ?? 400} km`
        : `sites within ${candidates.radiusKm} km`;
  const parts = [goal, where, request.designs.map(designName).join(', ')];
  if (limits?.maxUnitsPerSite !== undefined || limits?.maxSites !== undefined) {
    const units =
      limits.maxUnitsPerSite === undefined ? '' : `up to ${limits.maxUnitsPerSite} units`;
    const sites = limits.maxSites === undefined ? '' : `at up to ${limits.maxSites} sites`;
    parts.push([units, sites].filter(Boolean).join(' '));
  }
  return parts.join(' · ');
}
