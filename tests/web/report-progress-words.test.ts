// The downloads' progress line (web/features/reports/progress-words.ts): words for each stage
// and the bar's share, evaluating the first half and drawing the second.
import { describe, expect, it } from 'vitest';
import { progressShare, progressWords } from '../../web/features/reports/progress-words.ts';

describe('report progress in words', () => {
  it('names the stage and counts from one', () => {
    expect(progressWords({ stage: 'evaluating', done: 0, total: 1 })).toBe(
      'Evaluating the scenario…',
    );
    expect(progressWords({ stage: 'evaluating', done: 1, total: 3 })).toBe(
      'Evaluating scenario 2 of 3…',
    );
    expect(progressWords({ stage: 'evaluating', done: 3, total: 3 })).toBe(
      'Evaluating scenario 3 of 3…',
    );
    expect(progressWords({ stage: 'drawing', done: 3, total: 9 })).toBe('Drawing section 4 of 9…');
    expect(progressWords({ stage: 'drawing', done: 9, total: 9 })).toBe('Finishing the file…');
  });

  it('fills the bar in order, never past its ends', () => {
    const steps = [
      { stage: 'evaluating', done: 0, total: 2 },
      { stage: 'evaluating', done: 1, total: 2 },
      { stage: 'evaluating', done: 2, total: 2 },
      { stage: 'drawing', done: 1, total: 6 },
      { stage: 'drawing', done: 6, total: 6 },
    ] as const;
    const shares = steps.map(progressShare);
    expect(shares).toEqual([0, 0.25, 0.5, 0.5 + 1 / 12, 1]);
    expect(progressShare({ stage: 'drawing', done: 12, total: 6 })).toBe(1);
  });
});
