// The campus as the phase editor holds it (a draft), and the /api/demand request it becomes.
// Pure: no DOM. A bundled campus nobody edited is sent as `{ id }`, so the server uses its own
// record; once edited, `{ id, ...changed fields }`; a drawn campus sends its whole spec.
import type { CampusKind } from '../../../models/records.ts';
import type { CampusProperties } from '../../api/client.ts';
import type { CampusInput, DemandRequest, PhaseInput } from '../../api/demand-types.ts';

export type LoadKind = 'accelerator' | 'itMw' | 'facilityMw';

export interface PhaseDraft {
  /** 'YYYY-MM', or '' while the user has not chosen. */
  start: string;
  rampMonths: number | null;
  kind: LoadKind;
  accelerator: string;
  count: number | null;
  mw: number | null;
  /** The published basis of a bundled phase, shown as the row's tooltip. */
  note?: string;
}

export interface CampusDraft {
  id: string;
  userDrawn: boolean;
  name: string;
  kind: CampusKind;
  lat: number;
  lon: number;
  /** null: not given, the server applies its default and says so in assumptions. */
  pue: number | null;
  trainingShare: number | null;
  phases: PhaseDraft[];
  /** The user changed phases, PUE or training share: the request carries the fields. */
  edited: boolean;
  /** null: the server picks the first year at full build. */
  year: number | null;
}

/**
 * What the server applies to a drawn campus when a field is left empty (DESIGN.md "Campus
 * spec": kind ai-mixed, trainingShare by kind; PUE 1.2 is models/demand DEFAULT_AI_PUE). Shown
 * as the inputs' placeholders, never sent.
 */
export const DRAWN_CAMPUS_DEFAULTS = { kind: 'ai-mixed', pue: 1.2, trainingShare: 0.5 } as const;

/** A new phase's accelerator: the rack most 2025–2026 campuses publish (GB200 NVL72). */
export const DEFAULT_ACCELERATOR = 'nvidia-gb200-nvl72';

export const emptyPhase = (): PhaseDraft => ({
  start: '',
  rampMonths: null,
  kind: 'accelerator',
  accelerator: DEFAULT_ACCELERATOR,
  count: null,
  mw: null,
});

function phaseDraft(phase: CampusProperties['phases'][number]): PhaseDraft {
  const kind: LoadKind =
    phase.accelerator !== undefined
      ? 'accelerator'
      : phase.itMw !== undefined
        ? 'itMw'
        : 'facilityMw';
  return {
    start: phase.start,
    rampMonths: phase.rampMonths ?? null,
    kind,
    accelerator: phase.accelerator ?? DEFAULT_ACCELERATOR,
    count: phase.count ?? null,
    mw: phase.itMw ?? phase.facilityMw ?? null,
    note: phase.note,
  };
}

export function draftFromCampus(campus: CampusProperties, lon: number, lat: number): CampusDraft {
  const userDrawn = campus.userDrawn === true;
  return {
    id: campus.id,
    userDrawn,
    name: campus.name,
    kind: campus.kind,
    lat,
    lon,
    pue: userDrawn ? null : campus.pue,
    trainingShare: userDrawn ? null : campus.trainingShare,
    phases: campus.phases.length > 0 ? campus.phases.map(phaseDraft) : [emptyPhase()],
    edited: false,
    year: null,
  };
}

const START = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A phase the server can model: a start month and its load. Others wait, unsent. */
export function isComplete(phase: PhaseDraft): boolean {
  if (!START.test(phase.start)) return false;
  if (phase.kind === 'accelerator') return Boolean(phase.accelerator) && (phase.count ?? 0) > 0;
  return (phase.mw ?? 0) > 0;
}

export function phaseInput(phase: PhaseDraft): PhaseInput {
  const input: PhaseInput = { start: phase.start };
  if (phase.rampMonths !== null) input.rampMonths = phase.rampMonths;
  if (phase.kind === 'accelerator') {
    input.accelerator = phase.accelerator;
    input.count = phase.count ?? 0;
  } else {
    input[phase.kind] = phase.mw ?? 0;
  }
  return input;
}

/** The request for this draft, or null while no phase is complete (nothing to model yet). */
export function demandRequest(draft: CampusDraft): DemandRequest | null {
  const phases = draft.phases.filter(isComplete).map(phaseInput);
  if (phases.length === 0) return null;
  const year = draft.year ?? undefined;
  if (!draft.userDrawn && !draft.edited) return { campus: { id: draft.id }, year };
  const campus: CampusInput = draft.userDrawn
    ? { name: draft.name, kind: draft.kind, lat: draft.lat, lon: draft.lon, phases }
    : { id: draft.id, phases };
  if (draft.pue !== null) campus.pue = draft.pue;
  if (draft.trainingShare !== null) campus.trainingShare = draft.trainingShare;
  return { campus, year };
}

/** The number of phases typed in but not yet complete: the editor says they are left out. */
export const incompleteCount = (draft: CampusDraft): number =>
  draft.phases.filter((phase) => !isComplete(phase)).length;
