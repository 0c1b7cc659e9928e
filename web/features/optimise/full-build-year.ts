// The optimiser's default study year: the year the campus reaches its full build (its last
// phase's start plus its ramp), never before 2032 — the first year issue 13's example asks for,
// since reactors ordered now are not realistically running much before then (design first
// years in the design data are 2029–2033).
import type { CampusPhase } from '../../../models/records.ts';

export const EARLIEST_STUDY_YEAR = 2032;
const LATEST_STUDY_YEAR = 2045;

export function fullBuildYear(
  phases: readonly Pick<CampusPhase, 'start' | 'rampMonths'>[],
): number {
  let year = EARLIEST_STUDY_YEAR;
  for (const phase of phases) {
    const start = new Date(phase.start);
    if (Number.isNaN(start.getTime())) continue;
    const built = new Date(start);
    built.setUTCMonth(built.getUTCMonth() + (phase.rampMonths ?? 0));
    year = Math.max(year, built.getUTCFullYear());
  }
  return Math.min(year, LATEST_STUDY_YEAR);
}
