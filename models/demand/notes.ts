// The words that travel with a demand answer: shape assumptions per campus kind and the
// sub-hourly training swing (DESIGN.md "Demand → Swing").
import type { CampusKind } from '../records.ts';

const TRAINING =
  'Training utilisation: u = 1 (an hourly mean at system max) between seeded dips: job gaps ' +
  '(runs ~168 h, gaps 2 h + ~22 h at 30–50%), maintenance (~monthly, 1–3 days, 10–30% out) and ' +
  'checkpoints/restarts (every ~3 h, Llama 3; 3–15 min at 30% draw); annual mean ≈ 0.88 (assumption).';
const INFERENCE =
  'Inference utilisation: 0.3 + 0.7 (weekends 0.5) × a diurnal cosine peaking 14:00 local ' +
  'standard time × a 0.95–1.05 day factor, ±2% hourly noise, capped at 1; annual mean ≈ 0.62 ' +
  '(assumption).';
const RAMP =
  'Ramp: each year 2024–2045 reuses this year’s hourly shape per MW; phases ramp linearly from ' +
  'their start month.';

const FAB =
  'Fab load: a flat process load plus HVAC that is 40% of the load in the design (99th-percentile) ' +
  'hour and follows the temperature proxy; the published facility MW is that peak (assumption).';

/** The shape assumptions that apply to a campus of this kind and training share. */
export function shapeNotes(kind: CampusKind, trainingShare: number): string[] {
  if (kind === 'fab') return [FAB, RAMP];
  const notes: string[] = [];
  if (trainingShare > 0) notes.push(TRAINING);
  if (trainingShare < 1) notes.push(INFERENCE);
  if (trainingShare > 0 && trainingShare < 1) {
    notes.push(
      `Blend: ${trainingShare} × training + ${Number((1 - trainingShare).toFixed(6))} × inference.`,
    );
  }
  return [...notes, RAMP];
}

/**
 * Sub-hourly training swing as a share of the IT peak (low confidence): NVIDIA says GB300 NVL72
 * power smoothing cuts peak grid demand "by up to 30%", and Meta reports Llama 3 training swings
 * of "tens of megawatts" (gpu-power.json loadShape.facts).
 */
export const SWING_SHARE_OF_IT_PEAK = 0.3;
/**
 * Flag threshold, MW: an ASSUMPTION, not in the reference data. NERC's draft registration
 * criteria for computational load entities (2026, seen in secondary reporting only) start at
 * 20 MW of aggregate load at one interconnection of 60 kV or more; the reference data's firmer
 * large-load line is Texas SB 6 (2025) at 75 MW, which every seed AI campus exceeds anyway.
 */
export const SWING_FLAG_MW = 20;

export interface DemandSwing {
  mw: number;
  flagged: boolean;
  note: string;
}

export function swingOf(trainingShare: number, itPeakMw: number): DemandSwing {
  const mw = trainingShare * itPeakMw * SWING_SHARE_OF_IT_PEAK;
  const flagged = mw >= SWING_FLAG_MW;
  const note =
    `Sub-hourly training swing ≈ trainingShare ${trainingShare} × IT peak ${itPeakMw.toFixed(1)} MW ` +
    `× ${SWING_SHARE_OF_IT_PEAK} = ${mw.toFixed(1)} MW (low confidence: GB300 "up to 30%" smoothing, ` +
    `Llama 3 "tens of megawatts"). ${flagged ? 'Flagged' : 'Not flagged'}: the threshold is ` +
    `${SWING_FLAG_MW} MW (assumption: NERC's draft computational-load registration, from ` +
    'secondary reporting).';
  return { mw, flagged, note };
}
