// How overlaid answers are told apart: one answer reads "Demand"/"Supply"; several carry their
// label and a tone each (demand dashed, supply solid). Shared by every Coverage chart.
import type { EvaluateResponse } from '../../api/scenario-types.ts';
import type { LegendEntry } from './chart-frame.ts';

export interface LabelledResult {
  label: string;
  result: EvaluateResponse;
}

export type Readout = (text: string | null) => void;

export const CHART_HEIGHT_PX = 150;

/** Series names and colours: one answer reads "Demand"/"Supply"; several carry their label. */
export function seriesStyle(items: readonly LabelledResult[], k: number) {
  const single = items.length === 1;
  const prefix = single ? '' : `${items[k].label} `;
  return {
    demand: {
      label: single ? 'Demand' : `${prefix}demand`,
      className: single ? 'tone-demand' : `tone-${(k % 4) + 1} dashed`,
    },
    supply: {
      label: single ? 'Supply (delivered)' : `${prefix}supply`,
      className: `tone-${(k % 4) + 1}`,
    },
  };
}

export function legendOf(items: readonly LabelledResult[]): LegendEntry[] {
  return items.flatMap((_, k) => {
    const style = seriesStyle(items, k);
    return [style.demand, style.supply];
  });
}
