// What the workspace opens with, without a browser: a saved scenario from the link, this
// browser's unsaved edits of it, an unsaved link, a campus link, the local draft, and a link
// to a scenario that no longer exists.
import { describe, expect, it } from 'vitest';
import type { SavedScenario } from '../../web/api/scenario-types.ts';
import { startingPoint } from '../../web/features/workspace/restore.ts';
import { fromSaved, specKey, updatePlacement } from '../../web/state/scenario.ts';

const ID = '3f2b8c1e-0a4d-4b6e-9c7f-1d2e3f4a5b6c';
const saved: SavedScenario = {
  id: ID,
  workspace: 'default',
  name: 'Colossus 2 on four BWRX-300',
  version: 3,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T11:00:00.000Z',
  campus: { id: 'xai-colossus-2' },
  deployments: [{ designId: 'bwrx-300', units: 4, lat: 35.3, lon: -89.6 }],
  options: { year: 2032 },
};

describe('startingPoint', () => {
  it('opens the linked saved scenario as saved', () => {
    const start = startingPoint({ scenarioId: ID }, null, saved)!;
    expect(start.scenario).toMatchObject({ id: ID, version: 3, name: saved.name });
    expect(start.scenario.placements.map((p) => p.units)).toEqual([4]);
    expect(start.savedKey).toBe(specKey(start.scenario));
  });

  it("prefers this browser's unsaved edits of the same scenario, still marked unsaved", () => {
    const edited = updatePlacement(fromSaved(saved), 'x', {});
    const draftScenario = {
      ...edited,
      placements: edited.placements.map((p) => ({ ...p, units: 6 })),
    };
    const start = startingPoint(
      { scenarioId: ID },
      { scenario: draftScenario, savedKey: 'old', savedAt: '' },
      saved,
    )!;
    expect(start.scenario.placements[0].units).toBe(6);
    // The saved key is the server's version, so the edits show as unsaved changes.
    expect(start.savedKey).toBe(specKey(fromSaved(saved)));
    expect(start.savedKey).not.toBe(specKey(start.scenario));
  });

  it('applies the unsaved edits a link carries on top of the saved scenario', () => {
    const spec = { ...saved, deployments: [{ ...saved.deployments[0], units: 2 }] };
    const start = startingPoint({ scenarioId: ID, spec }, null, saved)!;
    expect(start.scenario.id).toBe(ID);
    expect(start.scenario.placements[0].units).toBe(2);
    expect(start.savedKey).not.toBe(specKey(start.scenario));
  });

  it('opens an unsaved link as a new scenario, and a campus link with that campus only', () => {
    const spec = { name: 'Drawn', campus: { name: 'Mine', lat: 33, lon: -97, phases: [] } };
    const start = startingPoint({ spec }, null, null)!;
    expect(start.scenario).toMatchObject({ id: null, name: 'Drawn', campus: spec.campus });
    expect(start.savedKey).toBeNull();
    const campusOnly = startingPoint({ campusId: 'stargate-abilene' }, null, null)!;
    expect(campusOnly.scenario.campus).toEqual({ id: 'stargate-abilene' });
    expect(campusOnly.scenario.placements).toEqual([]);
  });

  it('falls back to the local draft when the URL names nothing', () => {
    const draft = { scenario: fromSaved(saved), savedKey: 'k', savedAt: '' };
    expect(startingPoint({}, draft, null)).toEqual({ scenario: draft.scenario, savedKey: 'k' });
    expect(startingPoint({}, null, null)).toBeNull();
  });

  it('says so when the linked scenario is gone, keeping the link’s spec as unsaved', () => {
    const start = startingPoint({ scenarioId: ID, spec: saved }, null, 'missing')!;
    expect(start.notice).toMatch(/not found/);
    expect(start.scenario.id).toBeNull();
    expect(start.scenario.placements).toHaveLength(1);
  });
});
