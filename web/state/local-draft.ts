// The unsaved scenario kept in localStorage (issue 10: unsaved changes survive a reload until
// saved or discarded). Storage is passed in, so tests run without a browser; a full or
// unavailable storage degrades to "no draft" instead of breaking the workspace.
import type { WorkspaceScenario } from './scenario.ts';

export const DRAFT_STORAGE_KEY = 'smr-planner.draft.v1';

export interface LocalDraft {
  scenario: WorkspaceScenario;
  /** specKey of the saved version it was edited from (null: never saved). */
  savedKey: string | null;
  /** When it was written (ISO), shown as "unsaved since …". */
  savedAt: string;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isScenario = (value: unknown): value is WorkspaceScenario => {
  const s = value as Partial<WorkspaceScenario> | null;
  return (
    isObject(s) &&
    typeof s.name === 'string' &&
    Array.isArray(s.placements) &&
    s.placements.every((p) => typeof p?.key === 'string' && typeof p.designId === 'string') &&
    // null and arrays are objects too: an options or campus of null would break every edit.
    isObject(s.options) &&
    (s.campus === null || isObject(s.campus)) &&
    (s.id === null || typeof s.id === 'string') &&
    (s.version === null || Number.isInteger(s.version))
  );
};

export function writeDraft(storage: DraftStorage, draft: LocalDraft): boolean {
  try {
    storage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function readDraft(storage: DraftStorage): LocalDraft | null {
  try {
    const text = storage.getItem(DRAFT_STORAGE_KEY);
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<LocalDraft>;
    if (!isScenario(draft.scenario)) return null;
    return {
      scenario: draft.scenario,
      savedKey: typeof draft.savedKey === 'string' ? draft.savedKey : null,
      savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : '',
    };
  } catch {
    return null;
  }
}

export function clearDraft(storage: DraftStorage): void {
  try {
    storage.removeItem(DRAFT_STORAGE_KEY);
  } catch {
    // Nothing to clear in a storage that cannot be read.
  }
}
