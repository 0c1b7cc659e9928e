// The phase editor's draft and the /api/demand request it becomes. No DOM, no server.
import { describe, expect, it } from 'vitest';
import type { CampusProperties } from '../../web/api/client.ts';
import {
  demandRequest,
  draftFromCampus,
  emptyPhase,
  isComplete,
} from '../../web/features/campus/draft.ts';

const abilene = {
  id: 'stargate-abilene',
  name: 'Stargate I – Abilene',
  kind: 'ai-training',
  utcOffsetHours: -6,
  pue: 1.15,
  trainingShare: 0.9,
  phases: [
    { start: '2025-01', rampMonths: 6, facilityMw: 400 },
    { start: '2026-01', rampMonths: 6, facilityMw: 800 },
  ],
  publishedTotals: [],
  assumptions: [],
  sources: [],
  confidence: 'medium',
} satisfies CampusProperties;

describe('demandRequest', () => {
  it('sends an unedited bundled campus by id alone, so the server uses its own record', () => {
    const draft = draftFromCampus(abilene, -99.733, 32.49);
    expect(demandRequest(draft)).toEqual({ campus: { id: 'stargate-abilene' }, year: undefined });
  });

  it('sends an edited bundled campus as its id with the phases, PUE and training share', () => {
    const draft = draftFromCampus(abilene, -99.733, 32.49);
    draft.phases[1].mw = 1200;
    draft.pue = 1.3;
    draft.edited = true;
    draft.year = 2030;
    expect(demandRequest(draft)).toEqual({
      campus: {
        id: 'stargate-abilene',
        pue: 1.3,
        trainingShare: 0.9,
        phases: [
          { start: '2025-01', rampMonths: 6, facilityMw: 400 },
          { start: '2026-01', rampMonths: 6, facilityMw: 1200 },
        ],
      },
      year: 2030,
    });
  });

  it('leaves out phases that are not filled in yet', () => {
    const draft = draftFromCampus(abilene, -99.733, 32.49);
    draft.phases.push(emptyPhase());
    draft.edited = true;
    expect(demandRequest(draft)?.campus.phases).toHaveLength(2);
  });

  it('has nothing to send for a campus with no published phases until one is complete', () => {
    const draft = draftFromCampus({ ...abilene, phases: [] }, -87.9, 42.7);
    expect(draft.phases).toHaveLength(1);
    expect(demandRequest(draft)).toBeNull();
    Object.assign(draft.phases[0], { start: '2027-01', accelerator: 'nvidia-h100-sxm5' });
    expect(demandRequest(draft)).toBeNull();
    draft.phases[0].count = 100_000;
    draft.edited = true;
    expect(demandRequest(draft)?.campus.phases).toEqual([
      { start: '2027-01', accelerator: 'nvidia-h100-sxm5', count: 100_000 },
    ]);
  });

  it('sends a drawn campus whole, leaving empty PUE and training share to the server', () => {
    const drawn = { ...abilene, id: 'user-campus-1', name: 'Mine', kind: 'ai-mixed' as const };
    const draft = draftFromCampus({ ...drawn, phases: [], userDrawn: true }, -97.5, 35.5);
    Object.assign(draft.phases[0], { start: '2028-01', kind: 'itMw', mw: 300 });
    expect(demandRequest(draft)).toEqual({
      campus: {
        name: 'Mine',
        kind: 'ai-mixed',
        lat: 35.5,
        lon: -97.5,
        phases: [{ start: '2028-01', itMw: 300 }],
      },
      year: undefined,
    });
  });
});

describe('isComplete', () => {
  it('needs a YYYY-MM start and a positive load', () => {
    expect(isComplete({ ...emptyPhase(), start: '2027-01', count: 1 })).toBe(true);
    expect(isComplete({ ...emptyPhase(), start: '2027-13', count: 1 })).toBe(false);
    expect(isComplete({ ...emptyPhase(), start: '2027-01', count: null })).toBe(false);
    expect(isComplete({ ...emptyPhase(), start: '2027-01', kind: 'itMw', mw: 0 })).toBe(false);
  });
});
