// The relaxation as a mixed-integer program (issue 13): choose at most one option (design × unit
// count) per candidate site, at most maxSites sites, so that the expected delivered MW reaches
// the requirement, for the least annualised cost, within the capital budget. Binary x_i picks
// option i. The K cheapest selections come from re-solving with a cut on each one found. The program is
// written in CPLEX LP format; the caller passes the solver (the server uses HiGHS), so this
// module stays pure.
import type { FleetOption } from './options.ts';

export interface Relaxation {
  options: readonly FleetOption[];
  siteCount: number;
  maxSites: number;
  /** Expected delivered MW the selection must reach. */
  requiredMw: number;
  /** Firm targets: the selection's net MW less its largest unit must reach this (N-1). */
  firmNMinus1Mw?: number;
  budgetUsd?: number;
}

/** What the solver answers: its status and each column's value. */
export interface LpSolution {
  status: string;
  columns: Record<string, number>;
}
export type LpSolver = (lp: string) => LpSolution;

/** Option indices of one selection, ascending. */
export type Selection = number[];

const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(12))) : '0');

function terms(pairs: [number, string][]): string {
  const parts = pairs
    .filter(([c]) => c !== 0)
    .map(([c, v], k) => `${c < 0 ? '-' : k === 0 ? '' : '+'} ${fmt(Math.abs(c))} ${v}`);
  return parts.length > 0 ? parts.join(' ') : '0 x0';
}

export function relaxationLp(problem: Relaxation, excluded: readonly Selection[] = []): string {
  const { options } = problem;
  const x = (i: number) => `x${i}`;
  // Costs in $M keep the coefficients near 1 (HiGHS tolerances are absolute).
  // One option per site, so the options chosen count the sites used (no site variables).
  const rows: string[] = [];
  for (let s = 0; s < problem.siteCount; s += 1) {
    const mine: [number, string][] = [];
    options.forEach((o, i) => o.site === s && mine.push([1, x(i)]));
    if (mine.length > 1) rows.push(` site${s}: ${terms(mine)} <= 1`);
  }
  rows.push(` sites: ${terms(options.map((_, i) => [1, x(i)]))} <= ${problem.maxSites}`);
  rows.push(
    ` supply: ${terms(options.map((o, i) => [o.expectedMw, x(i)]))} >= ${fmt(problem.requiredMw)}`,
  );
  if (problem.firmNMinus1Mw !== undefined) {
    // Net MW less the largest unit ≥ firm: with one design per site, the largest unit is at most
    // the largest allowed unit, so subtracting it is a safe (conservative) linear bound.
    const largest = Math.max(...options.map((o) => o.unitMw));
    rows.push(
      ` firm: ${terms(options.map((o, i) => [o.unitMw * o.units, x(i)]))} >= ${fmt(problem.firmNMinus1Mw + largest)}`,
    );
  }
  if (problem.budgetUsd !== undefined) {
    rows.push(
      ` budget: ${terms(options.map((o, i) => [o.capexUsd / 1e6, x(i)]))} <= ${fmt(problem.budgetUsd / 1e6)}`,
    );
  }
  // Σ_{i∈S} x_i ≤ |S| − 1 forbids S and its supersets: a superset of a fleet already found
  // costs more and only adds redundancy, which the Monte Carlo stage's repair explores. Sparse,
  // so each re-solve stays about as fast as the first (the dense cut slowed them fourfold).
  excluded.forEach((sel, k) => {
    rows.push(` cut${k}: ${terms(sel.map((i) => [1, x(i)]))} <= ${sel.length - 1}`);
  });
  const binaries = options.map((_, i) => x(i));
  return [
    'Minimize',
    ` cost: ${terms(options.map((o, i) => [o.annualCostUsd / 1e6, x(i)]))}`,
    'Subject To',
    ...rows,
    'Binary',
    ` ${binaries.join(' ')}`,
    'End',
  ].join('\n');
}

/** Relaxation cost of a selection, USD a year. */
export const selectionCostUsd = (problem: Relaxation, sel: Selection): number =>
  sel.reduce((sum, i) => sum + problem.options[i].annualCostUsd, 0);

/** The K cheapest selections meeting the relaxation, cheapest first (fewer when infeasible). */
export function cheapestSelections(problem: Relaxation, k: number, solve: LpSolver): Selection[] {
  const found: Selection[] = [];
  while (found.length < k) {
    const solution = solve(relaxationLp(problem, found));
    if (solution.status !== 'Optimal') break;
    const sel = problem.options
      .map((_, i) => i)
      .filter((i) => (solution.columns[`x${i}`] ?? 0) > 0.5);
    if (sel.length === 0) break;
    found.push(sel);
  }
  return found;
}
