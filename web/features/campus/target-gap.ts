// Published against modelled: a campus whose published target (its planned peak, see
// map/campus-mw.ts) exceeds what its dated phases reach, and the phase that would close the gap.
// Pure: the campus record and the editor's draft in, figures and a phase draft out.
import type { CampusProperties } from '../../api/client.ts';
import { campusPlannedMw } from '../../map/campus-mw.ts';
import { DEFAULT_ACCELERATOR, isComplete, type CampusDraft, type PhaseDraft } from './draft.ts';

export interface TargetGap {
  targetMw: number;
  /** Facility MW the dated (complete) phases add up to. */
  reachedMw: number;
  gapMw: number;
  /** The year the target is published for, else null (undated). */
  targetYear: number | null;
  /** The new phase's first year: the target's year, else the year after the last phase. */
  startYear: number;
}

/** Gaps under this are rounding, not a missing phase. */
const MIN_GAP_MW = 1;

/**
 * The facility MW the draft's complete phases reach (IT MW × PUE), or null when a phase is
 * given as GPUs (its MW needs the model) or none is complete.
 */
export function reachedFacilityMw(draft: CampusDraft, pue: number): number | null {
  const dated = draft.phases.filter(isComplete);
  if (dated.length === 0 || dated.some((p) => p.kind === 'accelerator')) return null;
  const factor = draft.pue ?? pue;
  return dated.reduce((sum, p) => sum + (p.mw ?? 0) * (p.kind === 'itMw' ? factor : 1), 0);
}

export function targetGap(campus: CampusProperties, draft: CampusDraft): TargetGap | null {
  if (campus.userDrawn) return null;
  const target = campus.plannedPeakFacilityMw;
  if (typeof target !== 'number' || !Number.isFinite(target)) return null;
  const reached = reachedFacilityMw(draft, campus.pue);
  if (reached === null || target - reached < MIN_GAP_MW) return null;
  const targetYear =
    (campus.publishedTotals ?? []).find((t) => t.facilityMw === target)?.year ?? null;
  const lastYear = Math.max(
    ...draft.phases.filter(isComplete).map((p) => Number(p.start.slice(0, 4))),
  );
  const gapMw = Math.round((target - reached) * 10) / 10;
  return {
    targetMw: target,
    reachedMw: reached,
    gapMw,
    targetYear,
    startYear: targetYear ?? lastYear + 1,
  };
}

const MW = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "Published target 1,500 MW; dated phases reach 1,000 MW". */
export const gapText = (gap: TargetGap): string =>
  `Published target ${MW.format(gap.targetMw)} MW; dated phases reach ${MW.format(gap.reachedMw)} MW`;

/** The phase that adds the remaining MW, its note saying it is an assumption. */
export function targetPhase(campus: CampusProperties, gap: TargetGap): PhaseDraft {
  const basis = campusPlannedMw(campus).basis;
  const when = gap.targetYear === null ? `from ${gap.startYear}` : `in ${gap.targetYear}`;
  return {
    start: `${gap.startYear}-01`,
    rampMonths: null,
    kind: 'facilityMw',
    accelerator: DEFAULT_ACCELERATOR,
    count: null,
    mw: gap.gapMw,
    note:
      `+${MW.format(gap.gapMw)} MW facility ${when}: the published target of ` +
      `${MW.format(gap.targetMw)} MW (${basis}) less the ${MW.format(gap.reachedMw)} MW the ` +
      `dated phases reach; published target, ${gap.targetYear === null ? 'undated' : 'dated'}: assumption.`,
  };
}
