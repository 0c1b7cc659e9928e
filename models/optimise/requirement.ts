// What the relaxation requires of a fleet's expected supply (issue 13, "The search"), from the
// campus's hourly demand (its load-duration curve), not its mean.
//
// For a served-energy target f, a fleet whose supply X_h is random serves at most what its
// expected supply E[X] would serve as a constant: unserved energy Σ_h max(0, d_h − x) is convex
// in x, so by Jensen E[Σ_h max(0, d_h − X_h)] ≥ Σ_h max(0, d_h − E[X]). The constant level S*(f)
// at which Σ_h max(0, d_h − S*) = (1 − f) Σ_h d_h is then a lower bound on any fleet's expected
// delivered MW that meets f: the relaxation loses no fleet by requiring it. (The old requirement
// f × mean demand was far below it: a campus whose load varies needs supply near its peak.)
//
// For a loss-of-load-hours target L, constant supply x has count(d_h > x) hours short, so the
// level is the (⌊L⌋ + 1)-th highest hour. That one is a starting point, not a bound: the
// indicator is not convex. The Monte Carlo checks every candidate either way.

/** Demand sorted from the highest hour down. */
export function durationCurve(demandMw: ArrayLike<number>): Float64Array {
  return Float64Array.from(demandMw).sort().reverse();
}

/**
 * The constant supply level S (MW) that leaves exactly (1 − fraction) of the energy unserved
 * on this duration curve (sorted high to low). Unserved(S) = Σ_{d_i > S} (d_i − S) is piecewise
 * linear: between the k-th and (k+1)-th highest hours it is P_k − k S, with P_k the sum of the k
 * highest, so S = (P_k − U) / k on the segment where that lands.
 */
export function servedFractionSupplyMw(curve: Float64Array, fraction: number): number {
  let total = 0;
  for (let i = 0; i < curve.length; i += 1) total += curve[i];
  if (total <= 0) return 0;
  if (fraction >= 1) return curve[0];
  const unservedMwh = Math.max(0, 1 - fraction) * total;
  let prefix = 0;
  for (let k = 1; k <= curve.length; k += 1) {
    prefix += curve[k - 1];
    const next = k < curve.length ? curve[k] : 0;
    const level = (prefix - unservedMwh) / k;
    if (level >= next) return Math.max(0, Math.min(curve[k - 1], level));
  }
  return 0;
}

/** The constant supply level with at most `hours` hours short: the (⌊hours⌋ + 1)-th highest. */
export function lossOfLoadSupplyMw(curve: Float64Array, hours: number): number {
  const index = Math.floor(Math.max(0, hours));
  return index < curve.length ? curve[index] : 0;
}
