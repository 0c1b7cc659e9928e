// The optimiser's answer in a line of words: how many fleets were checked over how many sites,
// which sites a hard siting check left out, the study years searched, and the best fleet's gas.
import type { StoredOptimiseResult } from './optimise-client.ts';

const whole = (n: number) => n.toLocaleString('en-US');

export function searchSummary(result: StoredOptimiseResult): string {
  const parts = [
    `${whole(result.evaluatedCount)} fleets checked over ${whole(result.candidateSiteCount)} candidate sites`,
  ];
  const excluded = result.excludedSites ?? [];
  if (excluded.length > 0) {
    const checks = [...new Set(excluded.flatMap((e) => e.checkIds))].join(', ');
    parts.push(
      `${whole(excluded.length)} ${excluded.length === 1 ? 'site' : 'sites'} left out by a hard siting check (${checks})`,
    );
  }
  const years = result.years ?? [];
  if (years.length > 1)
    parts.push(`years ${years[0].year}–${years[years.length - 1].year} searched`);
  return parts.join(' · ');
}

/** " · with 215 MW of gas backup" for a fleet that needs gas, else nothing. */
export const gasText = (backupGasMw: number | undefined): string =>
  backupGasMw && backupGasMw > 0
    ? ` · with ${whole(Math.round(backupGasMw))} MW of gas backup`
    : '';
