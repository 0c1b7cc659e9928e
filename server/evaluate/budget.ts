// Compute budgets, checked before any work (issue 12): an evaluate costs about its fleet's units
// × Monte Carlo trials × simulated hours, a screen about its grid cells. A request over its
// budget answers 400 OVER_BUDGET naming the figure, the limit and how to get under it.
import { DEFAULT_TRIALS } from '../../models/scenario/inputs.ts';
import { defaultCellKm, estimateCellCount, MAX_GRID_CELLS } from '../../models/siting/hexgrid.ts';
import { HttpError } from '../plugins/errors.ts';
import type { EvaluateRequestBody } from '../schemas/evaluate.ts';
import type { ScreenBody } from '../schemas/siting.ts';

export const HOURS_PER_YEAR = 8760;
/**
 * Every simulated trial-hour has a fixed cost (demand, dispatch, shortfall bookkeeping) about
 * what 300 units' outage draws cost, measured: 1 unit runs 0.25 ms a trial-year, 2,000 units
 * 1.5 ms. So a fleet under 300 units is counted as 300, and the budget tracks CPU time.
 */
export const FLEET_FLOOR_UNITS = 300;

export interface ComputeBudgets {
  /** Largest evaluate: max(units, 300) × trials × 8,760 h × simulated years. */
  evaluateMaxUnitTrialHours: number;
  /** Largest screen grid, cells (the model's own cap is 20,000). */
  screenMaxCells: number;
}

/**
 * 4e10 is ~4 s of one worker. The web app's heaviest use (5,000 trials of one year for a fleet
 * under 300 units: 1.3e10), the benchmarks' 10-year sweep at 500 trials (1.4e10) and a scenario
 * of 1,000 trials over an 11-year sweep (3.2e10 with the evaluated year) pass; the schema's ceiling (2,000 units × 5,000
 * trials: 8.8e10, ~15 s) does not.
 */
export const DEFAULT_BUDGETS: ComputeBudgets = {
  evaluateMaxUnitTrialHours: 4e10,
  screenMaxCells: MAX_GRID_CELLS,
};

export interface EvaluateCost {
  units: number;
  /** The fleet as counted: at least FLEET_FLOOR_UNITS. */
  countedUnits: number;
  trials: number;
  simulatedYears: number;
  unitTrialHours: number;
}

/** The evaluated year plus each options.years year that is not it (each its own Monte Carlo). */
function simulatedYears(options: EvaluateRequestBody['options']): number {
  const years = options?.years;
  if (!years) return 1;
  const [from, to] = years;
  const span = Math.max(1, to - from + 1);
  const year = options?.year;
  return year !== undefined && year >= from && year <= to ? span : span + 1;
}

export function evaluateCost(body: EvaluateRequestBody): EvaluateCost {
  const units = body.deployments.reduce((sum, d) => sum + d.units, 0);
  const countedUnits = Math.max(units, FLEET_FLOOR_UNITS);
  const trials = body.options?.trials ?? DEFAULT_TRIALS;
  const years = simulatedYears(body.options);
  return {
    units,
    countedUnits,
    trials,
    simulatedYears: years,
    unitTrialHours: countedUnits * trials * HOURS_PER_YEAR * years,
  };
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

export function checkEvaluateBudget(
  body: EvaluateRequestBody,
  budgets: ComputeBudgets,
): EvaluateCost {
  const cost = evaluateCost(body);
  const limit = budgets.evaluateMaxUnitTrialHours;
  if (cost.unitTrialHours > limit) {
    const counted =
      cost.units < FLEET_FLOOR_UNITS ? ` (${cost.units} counted as ${FLEET_FLOOR_UNITS})` : '';
    throw new HttpError(
      400,
      'OVER_BUDGET',
      `Over the evaluate budget: ${fmt(cost.countedUnits)} units${counted} × ${fmt(cost.trials)} ` +
        `trials × ${fmt(HOURS_PER_YEAR)} h × ${cost.simulatedYears} simulated year(s) = ` +
        `${fmt(cost.unitTrialHours)} unit-trial-hours, more than the limit of ${fmt(limit)} ` +
        '(EVALUATE_MAX_UNIT_TRIAL_HOURS). Lower options.trials, narrow options.years, or use ' +
        'fewer units.',
      { budget: 'unitTrialHours', value: cost.unitTrialHours, limit },
    );
  }
  return cost;
}

export function screenCells(body: ScreenBody): number {
  return estimateCellCount(body.radiusKm, body.cellKm ?? defaultCellKm(body.radiusKm));
}

export function checkScreenBudget(body: ScreenBody, budgets: ComputeBudgets): number {
  const cells = screenCells(body);
  const limit = budgets.screenMaxCells;
  // Beyond the model's own cap the model answers (400 INVALID_INPUT naming cellKm).
  if (cells > limit && cells <= MAX_GRID_CELLS) {
    throw new HttpError(
      400,
      'OVER_BUDGET',
      `Over the screen budget: radiusKm ${body.radiusKm} at cellKm ` +
        `${body.cellKm ?? defaultCellKm(body.radiusKm)} gives about ${fmt(cells)} grid cells, ` +
        `more than the limit of ${fmt(limit)} (SCREEN_MAX_CELLS). Raise cellKm or lower radiusKm.`,
      { budget: 'gridCells', value: cells, limit },
    );
  }
  return cells;
}
