// The phase editor's fields, checked before anything is sent: what each accepts (the limits of
// server/schemas/campus.ts) and the message shown at the field, in the user's terms ("Phase 2
// facility MW must be 0–100,000", "Training share must be 0–100%"). Pure: no DOM.

export interface FieldSpec {
  /** What the message calls the field: "Phase 2 facility MW", "PUE". */
  label: string;
  min: number;
  max: number;
  /** Only whole numbers (a GPU count). */
  integer?: boolean;
  /** Digits the range is written with: PUE "1.00–3.00". */
  decimals?: number;
  /** Written after the range: "%", " months". */
  unit?: string;
}

export type FieldResult = { value: number | null; error: null } | { value: null; error: string };

const number = (value: number, decimals = 0) =>
  value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });

export const rangeText = (spec: FieldSpec): string =>
  `${number(spec.min, spec.decimals)}–${number(spec.max, spec.decimals)}${spec.unit ?? ''}`;

/**
 * Checks what the user typed. Empty is "not given" (value null, no error). `badInput` is the
 * browser's flag for text a number input cannot read (its value is then '').
 */
export function checkField(raw: string, spec: FieldSpec, badInput = false): FieldResult {
  const text = raw.trim();
  const must = `${spec.label} must be ${spec.integer ? 'a whole number ' : ''}${rangeText(spec)}`;
  if (badInput) return { value: null, error: `${must}: “${text || '?'}” is not a number` };
  if (text === '') return { value: null, error: null };
  const value = Number(text);
  if (!Number.isFinite(value)) return { value: null, error: `${must}: “${text}” is not a number` };
  if (value < spec.min || value > spec.max || (spec.integer && !Number.isInteger(value)))
    return { value: null, error: must };
  return { value, error: null };
}

/** server/schemas/campus.ts: itMw and facilityMw are > 0 and ≤ 100,000 (0 is "not given"). */
export const mwSpec = (phase: number, kind: 'itMw' | 'facilityMw'): FieldSpec => ({
  label: `Phase ${phase} ${kind === 'itMw' ? 'IT' : 'facility'} MW`,
  min: 0,
  max: 100_000,
});

export const countSpec = (phase: number): FieldSpec => ({
  label: `Phase ${phase} GPU count`,
  min: 1,
  max: 50_000_000,
  integer: true,
});

export const rampSpec = (phase: number): FieldSpec => ({
  label: `Phase ${phase} ramp`,
  min: 0,
  max: 120,
  unit: ' months',
});

export const PUE_SPEC: FieldSpec = { label: 'PUE', min: 1, max: 3, decimals: 2 };

/** Typed in %, sent as a 0–1 share. */
export const TRAINING_SHARE_SPEC: FieldSpec = {
  label: 'Training share',
  min: 0,
  max: 100,
  unit: '%',
};
