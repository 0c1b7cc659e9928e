// Hourly IT utilisation u(t) ∈ (0, 1] of installed critical IT capacity (DESIGN.md "Shapes").
//
// What u = 1 means. A published campus figure is a peak (itMw = facilityMw / peakPue), and the
// modelled facility peak must match it, so u = 1 is the highest HOURLY-MEAN draw the campus is
// built for: a busy hour of a synchronised training run at system max (DGX/NVL72 systemMaxKw).
// Sub-hourly swings above and below that mean are reported apart, as `swing`. gpu-power.json's
// "70–90% of system max in large training runs" and "40–70% for inference fleets" are then read
// as annual MEANS, which the events below produce: training ≈ 0.88, inference ≈ 0.62 (inside
// loadShape.modelingDefaults' load factors 0.8–0.95 and 0.5–0.75). All figures are assumptions.
import { dayOfWeekOfDay, DAYS_PER_MODEL_YEAR, HOURS_PER_DAY, isWeekend } from '../calendar.ts';
import type { Rng } from '../rng.ts';
import { HOURS_PER_YEAR } from '../units.ts';

// Job gaps: idle between training runs. Runs last ~1 week (exponential mean 168 h); a gap lasts
// 2 h + exponential mean 22 h, with idle GPUs and small jobs drawing 30–50% of system max.
const RUN_MEAN_HOURS = 168;
const GAP_MIN_HOURS = 2;
const GAP_EXTRA_MEAN_HOURS = 22;
const GAP_LEVEL_LOW = 0.3;
const GAP_LEVEL_HIGH = 0.5;
// Maintenance and hardware swaps: ~monthly (exponential mean 720 h) for 1–3 days, with 10–30% of
// the cluster out of the job.
const MAINTENANCE_MEAN_INTERVAL_HOURS = 720;
const MAINTENANCE_MIN_HOURS = 24;
const MAINTENANCE_MAX_HOURS = 72;
const MAINTENANCE_OUT_LOW = 0.1;
const MAINTENANCE_OUT_HIGH = 0.3;
// Checkpoints and restarts: Llama 3 saw an interruption every ~3 h (419 in 54 days on 16k H100s).
// Each costs 3–15 minutes with the GPUs at ~30% of max, a dip of (minutes/60) × 0.7 in that hour.
const CHECKPOINT_MEAN_INTERVAL_HOURS = 3;
const CHECKPOINT_MIN_MINUTES = 3;
const CHECKPOINT_MAX_MINUTES = 15;
const IDLE_DRAW = 0.3;

/** Training: flat at u = 1 with job-gap, maintenance and checkpoint dips (seeded). */
export function trainingUtilisation(
  rng: Rng,
  out: Float64Array = new Float64Array(HOURS_PER_YEAR),
): Float64Array {
  out.fill(1);
  const n = out.length;
  for (let t = rng.exponential(RUN_MEAN_HOURS); t < n;) {
    const gapHours = GAP_MIN_HOURS + rng.exponential(GAP_EXTRA_MEAN_HOURS);
    const level = rng.uniformIn(GAP_LEVEL_LOW, GAP_LEVEL_HIGH);
    const end = Math.min(n, Math.floor(t + gapHours));
    for (let h = Math.floor(t); h < end; h += 1) out[h] = Math.min(out[h], level);
    t += gapHours + rng.exponential(RUN_MEAN_HOURS);
  }
  for (let t = rng.exponential(MAINTENANCE_MEAN_INTERVAL_HOURS); t < n;) {
    const hours = rng.uniformIn(MAINTENANCE_MIN_HOURS, MAINTENANCE_MAX_HOURS);
    const keep = 1 - rng.uniformIn(MAINTENANCE_OUT_LOW, MAINTENANCE_OUT_HIGH);
    const end = Math.min(n, Math.floor(t + hours));
    for (let h = Math.floor(t); h < end; h += 1) out[h] *= keep;
    t += hours + rng.exponential(MAINTENANCE_MEAN_INTERVAL_HOURS);
  }
  for (let t = rng.exponential(CHECKPOINT_MEAN_INTERVAL_HOURS); t < n;) {
    const lostHours = rng.uniformIn(CHECKPOINT_MIN_MINUTES, CHECKPOINT_MAX_MINUTES) / 60;
    out[Math.floor(t)] *= 1 - lostHours * (1 - IDLE_DRAW);
    t += rng.exponential(CHECKPOINT_MEAN_INTERVAL_HOURS);
  }
  return out;
}

// Inference: a business-hours peak (hour 14, 14:00–15:00 local standard time) and an overnight
// trough; the series is already in local time, so the hour of day is local. u = base + swing ×
// diurnal × day factor, weekend swing 0.5 against 0.7 on weekdays. A day factor of 0.95–1.05 and
// ±2% hourly noise make busy weekday afternoons reach capacity, where u is capped at 1 (requests
// queue). Base 0.3: batch and background jobs fill the night.
const INFERENCE_BASE = 0.3;
const WEEKDAY_SWING = 0.7;
const WEEKEND_SWING = 0.5;
const PEAK_HOUR = 14;
const DAY_FACTOR_LOW = 0.95;
const DAY_FACTOR_HIGH = 1.05;
const HOURLY_NOISE = 0.02;
const DIURNAL = Float64Array.from(
  { length: HOURS_PER_DAY },
  (_, h) => 0.5 * (1 + Math.cos((2 * Math.PI * (h - PEAK_HOUR)) / HOURS_PER_DAY)),
);

/** Inference: diurnal in local time with a weekday/weekend difference (seeded). */
export function inferenceUtilisation(
  rng: Rng,
  year: number,
  out: Float64Array = new Float64Array(HOURS_PER_YEAR),
): Float64Array {
  // Imported constants are hoisted into locals: V8 checks a module binding on every read
  // (measured 5× slower here).
  const days = DAYS_PER_MODEL_YEAR;
  const hours = HOURS_PER_DAY;
  for (let d = 0; d < days; d += 1) {
    const swing = isWeekend(dayOfWeekOfDay(year, d)) ? WEEKEND_SWING : WEEKDAY_SWING;
    const dayFactor = rng.uniformIn(DAY_FACTOR_LOW, DAY_FACTOR_HIGH);
    for (let h = 0; h < hours; h += 1) {
      const noise = 1 + rng.uniformIn(-HOURLY_NOISE, HOURLY_NOISE);
      const u = (INFERENCE_BASE + swing * DIURNAL[h] * dayFactor) * noise;
      out[d * hours + h] = Math.min(1, u);
    }
  }
  return out;
}

/** trainingShare × training + (1 − trainingShare) × inference, in place into `out`. */
export function blendUtilisation(
  training: Float64Array,
  inference: Float64Array,
  trainingShare: number,
  out: Float64Array = new Float64Array(training.length),
): Float64Array {
  for (let t = 0; t < out.length; t += 1) {
    out[t] = trainingShare * training[t] + (1 - trainingShare) * inference[t];
  }
  return out;
}

// A fab (kind 'fab'): a flat process load plus HVAC that is 40% of the load in the design hour and
// follows the cooling overhead shape s(t) (assumption). u(t) = 0.6 + 0.4 · s(t) / s_p99, so the
// 99th-percentile hour is the published facility peak; a fab has no PUE.
export const FAB_HVAC_SHARE = 0.4;

export function fabLoadShape(
  overhead: Float64Array,
  overheadP99: number,
  out: Float64Array = new Float64Array(overhead.length),
): Float64Array {
  const hvac = FAB_HVAC_SHARE;
  for (let t = 0; t < out.length; t += 1) {
    out[t] = 1 - hvac + (hvac * overhead[t]) / overheadP99;
  }
  return out;
}
