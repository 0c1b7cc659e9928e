// A streamed report's progress in words and as a share of the bar: evaluating takes the first
// half (the Monte Carlo is most of the time), drawing the sections the second.
import type { ReportProgress } from '../../api/reports-client.ts';

export function progressWords(p: ReportProgress): string {
  if (p.stage === 'evaluating')
    return p.total === 1
      ? 'Evaluating the scenario…'
      : `Evaluating scenario ${Math.min(p.done + 1, p.total)} of ${p.total}…`;
  return p.done >= p.total ? 'Finishing the file…' : `Drawing section ${p.done + 1} of ${p.total}…`;
}

/** 0..1 along the bar. */
export function progressShare(p: ReportProgress): number {
  const part = Math.min(1, Math.max(0, p.done / p.total));
  return p.stage === 'evaluating' ? part / 2 : 0.5 + part / 2;
}
