// The workspace's pure state: the open scenario (dirty detection, what is sent), the URL it
// becomes and reads back, and the local draft in a fake Storage. No DOM, no server.
import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  DRAFT_STORAGE_KEY,
  readDraft,
  writeDraft,
  type LocalDraft,
} from '../../web/state/local-draft.ts';
import {
  addPlacement,
  asCopy,
  canonicalJson,
  emptyScenario,
  evaluateRequest,
  fromInput,
  fromSaved,
  movePlacement,
  removePlacement,
  saveStateOf,
  scenarioInput,
  specKey,
  updatePlacement,
  withOptions,
} from '../../web/state/scenario.ts';
import { decodeUrlState, encodeUrlState, type UrlState } from '../../web/state/url-state.ts';

const reactor = { designId: 'xe-100', units: 4, lat: 32.1, lon: -99.5, siteId: 'site-1' };
const drawn = {
  name: 'Zürich Süd – 北京 campus 🚀',
  lat: 47.3,
  lon: 8.5,
  kind: 'ai-training' as const,
  phases: [{ start: '2028-01', rampMonths: 6, facilityMw: 500 }],
};
const saved = {
  id: '5b1f4d7e-1c2a-4b3c-9d8e-0f1a2b3c4d5e',
  workspace: 'default',
  name: 'Abilene',
  version: 3,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-02T00:00:00.000Z',
  campus: { id: 'stargate-abilene' },
  deployments: [reactor],
  options: { trials: 200, grid: { mode: 'islanded' as const } },
};

describe('dirty detection', () => {
  it('is new while empty, unsaved once a reactor is placed, saved after open', () => {
    const empty = emptyScenario();
    expect(saveStateOf(empty, null)).toBe('new');
    const placed = addPlacement({ ...empty, campus: { id: 'x' } }, reactor);
    expect(saveStateOf(placed, null)).toBe('unsaved');
    const opened = fromSaved(saved);
    expect(saveStateOf(opened, specKey(opened))).toBe('saved');
  });

  it('ignores placement keys and key order, notices every real edit and its undoing', () => {
    const opened = fromSaved(saved);
    const key = specKey(opened);
    expect(specKey(fromSaved(saved))).toBe(key); // fresh placement keys, same spec
    const reordered = { ...opened, options: { grid: { mode: 'islanded' as const }, trials: 200 } };
    expect(specKey(reordered)).toBe(key);
    const pKey = opened.placements[0].key;
    const edits = [
      { ...opened, name: 'Other' },
      updatePlacement(opened, pKey, { units: 5 }),
      movePlacement(opened, pKey, 32.2, -99.5),
      removePlacement(opened, pKey),
      withOptions(opened, { seed: 7 }),
      { ...opened, campus: { id: 'other-campus' } },
    ];
    for (const edited of edits) expect(saveStateOf(edited, key)).toBe('unsaved');
    expect(
      saveStateOf(withOptions(withOptions(opened, { seed: 7 }), { seed: undefined }), key),
    ).toBe('saved');
    expect(saveStateOf(opened, key, { saving: true })).toBe('saving');
    expect(saveStateOf(opened, key, { saving: true, conflict: true })).toBe('conflict');
  });

  it('treats an undefined field as absent', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: { z: 1, y: [2, { x: 1, w: 0 }] } })).toBe(
      '{"b":1,"c":{"y":[2,{"w":0,"x":1}],"z":1}}',
    );
  });

  it('sends no placement keys; needs a campus and a reactor; moving drops the site', () => {
    const opened = fromSaved(saved);
    expect(scenarioInput(opened)?.deployments).toEqual([reactor]);
    expect(evaluateRequest(opened)).not.toHaveProperty('name');
    expect(scenarioInput({ ...opened, campus: null })).toBeNull();
    expect(evaluateRequest({ ...opened, placements: [] })).toBeNull();
    const moved = movePlacement(opened, opened.placements[0].key, 30, -98);
    expect(moved.placements[0]).not.toHaveProperty('siteId');
    expect(asCopy(opened, 'Copy')).toMatchObject({ id: null, version: null, name: 'Copy' });
    expect(fromInput({ campus: drawn }).placements).toEqual([]);
  });
});

describe('URL state', () => {
  const roundTrip = (state: UrlState) => decodeUrlState(encodeUrlState(state));

  it('round-trips a saved scenario and the view', () => {
    const state = { scenarioId: saved.id, view: { lon: -99.73312, lat: 32.49, zoom: 7.25 } };
    expect(roundTrip(state)).toEqual(state);
    expect(roundTrip({ campusId: 'stargate-abilene' })).toEqual({ campusId: 'stargate-abilene' });
    expect(encodeUrlState({})).toBe('');
  });

  it('round-trips an unsaved spec with a drawn campus and unicode names', () => {
    const spec = { name: 'Ünïcödé – 北京 🚀', campus: drawn, deployments: [reactor], options: {} };
    const search = encodeUrlState({ spec });
    expect(search).toMatch(/^\?s=[A-Za-z0-9_-]+$/); // base64url: no +, / or =
    expect(roundTrip({ spec })).toEqual({ spec });
  });

  it('rounds the view so the link stays short', () => {
    const view = { lon: -99.123456789, lat: 32.987654321, zoom: 7.129 };
    expect(roundTrip({ view })).toEqual({ view: { lon: -99.12346, lat: 32.98765, zoom: 7.13 } });
  });

  it('ignores bad input instead of trusting it', () => {
    const bad = [
      '?scenario=not-a-uuid',
      '?scenario=5b1f4d7e-1c2a-4b3c-9d8e',
      '?s=%%%',
      '?s=bm90IGpzb24', // "not json"
      `?s=${btoa(JSON.stringify({ deployments: [] }))}`, // no campus
      `?s=${btoa(JSON.stringify({ campus: [1, 2] }))}`,
      `?s=${btoa('null')}`,
      '?campus=Bad%20Campus',
      '?campus=../etc',
      '?view=200,10,5',
      '?view=10,95,5',
      '?view=10,10,30',
      '?view=10,10',
      '?view=a,b,c',
      '?view=,,',
    ];
    for (const search of bad) expect(decodeUrlState(search), search).toEqual({});
  });
});

/** A Storage in memory; `fail` names the calls that throw (quota, private mode, disabled). */
function fakeStorage(fail: ('getItem' | 'setItem' | 'removeItem')[] = []) {
  const items = new Map<string, string>();
  const guard = (name: string) => {
    if ((fail as string[]).includes(name)) throw new DOMException('denied', 'SecurityError');
  };
  return {
    items,
    getItem: (key: string) => (guard('getItem'), items.get(key) ?? null),
    setItem: (key: string, value: string) => (guard('setItem'), void items.set(key, value)),
    removeItem: (key: string) => (guard('removeItem'), void items.delete(key)),
  };
}

describe('local draft', () => {
  const draft: LocalDraft = {
    scenario: withOptions(fromSaved(saved), { seed: 1 }),
    savedKey: specKey(fromSaved(saved)),
    savedAt: '2030-01-03T10:00:00.000Z',
  };

  it('writes, reads back and clears', () => {
    const storage = fakeStorage();
    expect(readDraft(storage)).toBeNull();
    expect(writeDraft(storage, draft)).toBe(true);
    const back = readDraft(storage);
    expect(back).toEqual(draft);
    expect(saveStateOf(back!.scenario, back!.savedKey)).toBe('unsaved');
    clearDraft(storage);
    expect(readDraft(storage)).toBeNull();
  });

  it('keeps a never-saved draft with a drawn campus', () => {
    const storage = fakeStorage();
    const fresh = {
      scenario: addPlacement(fromInput({ campus: drawn }), reactor),
      savedKey: null,
      savedAt: '',
    };
    writeDraft(storage, fresh);
    expect(readDraft(storage)).toEqual(fresh);
  });

  it('degrades to "no draft" when storage throws, and never throws itself', () => {
    const denied = fakeStorage(['getItem', 'setItem', 'removeItem']);
    expect(writeDraft(denied, draft)).toBe(false);
    expect(readDraft(denied)).toBeNull();
    expect(() => clearDraft(denied)).not.toThrow();
    const full = fakeStorage(['setItem']);
    expect(writeDraft(full, draft)).toBe(false);
    expect(readDraft(full)).toBeNull();
  });

  it('ignores a corrupt or foreign draft', () => {
    const storage = fakeStorage();
    const scenario = draft.scenario;
    const junk = [
      '{not json',
      'null',
      '42',
      JSON.stringify({ savedKey: 'x' }),
      JSON.stringify({ scenario: { ...scenario, name: 7 } }),
      JSON.stringify({ scenario: { ...scenario, placements: [{ designId: 'x' }] } }),
      JSON.stringify({ scenario: { ...scenario, options: null } }),
      JSON.stringify({ scenario: { ...scenario, campus: 'stargate-abilene' } }),
      JSON.stringify({ scenario: { ...scenario, version: '3' } }),
      JSON.stringify({ scenario: { ...scenario, id: 12 } }),
    ];
    for (const text of junk) {
      storage.items.set(DRAFT_STORAGE_KEY, text);
      expect(readDraft(storage), text).toBeNull();
    }
  });
});
