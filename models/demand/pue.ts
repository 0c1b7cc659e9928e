// PUE through the year (DESIGN.md "Demand → PUE"). A transparent temperature proxy, not a
// weather model, drives the cooling overhead; its scale is then solved so the energy-weighted
// annual PUE, ΣFacility / ΣIT (ISO/IEC 30134-2), equals the campus's input PUE.
//
//   T(lat, d, h) = Tmean + Aseason·cos(2π(d − 200)/365) + Aday·cos(2π(solarHour − 15)/24)   °C
//     Tmean   = min(27, 54 − 1.05·|lat|)  a straight line through US annual normals at 30–45°N
//               (Dallas ≈ 19, Memphis ≈ 17, Columbus ≈ 12, Milwaukee ≈ 9 °C), capped at tropical 27
//     Aseason = min(15, 0.33·|lat|), sign-flipped south of the equator: half the July−January
//               spread of the same normals (≈ 11 °C at 33°N, ≈ 14 °C at 42°N)
//     d = 200 (20 July): the seasonal peak lags the solstice by about a month
//     Aday = 6 °C: half a typical 12 °C daily range; the daily peak is at 15:00 solar time
//     solarHour = local standard hour + 0.5 + (lon − 15·utcOffsetHours)/15
//   overheadShape s(T) = 0.5 + max(0, T − 10 °C)/20 °C
//     0.5 is the part of the overhead that does not follow the weather (UPS and distribution
//     losses, lighting, pump and fan floors); cooling grows linearly above 10 °C, roughly where
//     air-side economisers stop carrying the load alone. Only the shape matters: k rescales it.
//   PUE(t) = 1 + k·s(t), with k = (PUE_annual − 1)·Σw / Σ(w·s) for hourly IT weights w.
// All of it is an assumption. The design-day peak PUE is the 99th-percentile hour of PUE(t).
import { HOURS_PER_DAY, DAYS_PER_MODEL_YEAR } from '../calendar.ts';
import { HOURS_PER_YEAR } from '../units.ts';

const SEASON_PEAK_DAY = 200;
const DAY_PEAK_SOLAR_HOUR = 15;
const DAILY_HALF_RANGE_C = 6;
const ECONOMISER_LIMIT_C = 10;
const COOLING_SLOPE_PER_C = 1 / 20;
const FIXED_OVERHEAD_SHAPE = 0.5;

export const PUE_PROXY_NOTE =
  'PUE(t) = 1 + k·s(T(t)): T is a temperature proxy from latitude, day of year and solar hour ' +
  '(mean min(27, 54 − 1.05|lat|) °C, seasonal ±min(15, 0.33|lat|) °C peaking 20 July, daily ±6 °C ' +
  'peaking 15:00 solar), s = 0.5 + max(0, T − 10 °C)/20 °C; k is solved so ΣFacility/ΣIT at full ' +
  'build equals the input PUE (ISO/IEC 30134-2); design-day peak PUE is the 99th-percentile hour ' +
  '(assumption).';

export function annualMeanTemperatureC(latDeg: number): number {
  return Math.min(27, 54 - 1.05 * Math.abs(latDeg));
}

export function seasonalHalfRangeC(latDeg: number): number {
  return Math.sign(latDeg) * Math.min(15, 0.33 * Math.abs(latDeg));
}

/** Hourly temperature proxy, °C, for the 8,760 hours of a model year in local standard time. */
export function temperatureProxyC(
  latDeg: number,
  lonDeg: number,
  utcOffsetHours: number,
  out: Float64Array = new Float64Array(HOURS_PER_YEAR),
): Float64Array {
  const mean = annualMeanTemperatureC(latDeg);
  const season = seasonalHalfRangeC(latDeg);
  // Solar noon moves 4 minutes per degree away from the zone's standard meridian.
  const solarShiftHours = (lonDeg - 15 * utcOffsetHours) / 15;
  // Imported constants are hoisted into locals: V8 checks a module binding on every read.
  const hours = HOURS_PER_DAY;
  const days = DAYS_PER_MODEL_YEAR;
  const daily = new Float64Array(hours);
  for (let h = 0; h < hours; h += 1) {
    const solarHour = h + 0.5 + solarShiftHours;
    daily[h] =
      DAILY_HALF_RANGE_C * Math.cos((2 * Math.PI * (solarHour - DAY_PEAK_SOLAR_HOUR)) / 24);
  }
  for (let d = 0; d < days; d += 1) {
    const dayMean = mean + season * Math.cos((2 * Math.PI * (d - SEASON_PEAK_DAY)) / days);
    const base = d * hours;
    for (let h = 0; h < hours; h += 1) out[base + h] = dayMean + daily[h];
  }
  return out;
}

/** Relative cooling overhead s(T), dimensionless (only its shape matters). */
export function overheadShape(
  temperatureC: Float64Array,
  out: Float64Array = new Float64Array(temperatureC.length),
): Float64Array {
  for (let t = 0; t < temperatureC.length; t += 1) {
    out[t] =
      FIXED_OVERHEAD_SHAPE +
      Math.max(0, temperatureC[t] - ECONOMISER_LIMIT_C) * COOLING_SLOPE_PER_C;
  }
  return out;
}

/**
 * k such that Σ w·(1 + k·s) / Σ w = annualPue: the overhead scale that makes the IT-energy-weighted
 * PUE equal the input. With no IT at all, the unweighted mean is used.
 */
export function solveOverheadScale(
  annualPue: number,
  itWeights: Float64Array,
  shape: Float64Array,
): number {
  let weightSum = 0;
  let weightedShape = 0;
  for (let t = 0; t < shape.length; t += 1) {
    weightSum += itWeights[t];
    weightedShape += itWeights[t] * shape[t];
  }
  if (weightSum <= 0) {
    weightSum = shape.length;
    weightedShape = shape.reduce((sum, s) => sum + s, 0);
  }
  return ((annualPue - 1) * weightSum) / weightedShape;
}

/** Facility MW per MW of IT capacity: g(t) = u(t) · (1 + k · s(t)). */
export function facilityPerCapacity(
  utilisation: Float64Array,
  shape: Float64Array,
  k: number,
  out: Float64Array = new Float64Array(utilisation.length),
): Float64Array {
  for (let t = 0; t < out.length; t += 1) out[t] = utilisation[t] * (1 + k * shape[t]);
  return out;
}
