// A design's costs in 2025 USD: the all-in capital cost from the reference's best USD estimate
// (or a converted foreign one, or the DESIGN.md default), and O&M and fuel defaults from
// siting-criteria.md §3. The note always names the estimate's source and confidence.
import type { Design } from '../../models/records.ts';
import {
  assume,
  DEFAULT_CAPITAL_USD_PER_KW,
  FIXED_OM_USD_PER_KW_YR,
  FUEL_USD_PER_MWH,
  quoted,
  sentence,
  source,
  USD_PER,
  VARIABLE_OM_USD_PER_MWH,
} from './design-rules.ts';
import type { RefCostEstimate, RefDesign } from './reference.ts';

const CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 };

/** The estimate of highest confidence; the first listed wins a tie. */
const best = (estimates: RefCostEstimate[]): RefCostEstimate | undefined =>
  estimates.reduce<RefCostEstimate | undefined>(
    (top, e) => (!top || CONFIDENCE_RANK[e.confidence] > CONFIDENCE_RANK[top.confidence] ? e : top),
    undefined,
  );

function capitalCost(ref: RefDesign, fallback: RefDesign | undefined) {
  const borrowed = ref.overnightCostEstimates.length === 0 && fallback !== undefined;
  const estimates = borrowed ? fallback.overnightCostEstimates : ref.overnightCostEstimates;
  const usd = best(estimates.filter((e) => e.unit.startsWith('USD')));
  if (usd) {
    const escalation = usd.year < 2025 ? ', not escalated to 2025' : '';
    const note = `${usd.value} USD/kW all-in (${usd.year} USD${escalation}), ${usd.confidence} confidence: ${sentence(usd.basis)} Source: ${sentence(usd.source)}`;
    return borrowed
      ? assume(
          usd.value,
          `No estimate for this design; the ${fallback.id} estimate is used. ${note}`,
        )
      : source(usd.value, note);
  }
  const foreign = best(estimates);
  if (foreign) {
    const currency = foreign.unit.split('/')[0];
    const rate = USD_PER[currency];
    if (rate === undefined) throw new Error(`design "${ref.id}": no exchange rate for ${currency}`);
    const value = Math.round(foreign.value * rate);
    return assume(
      value,
      `${foreign.value} ${foreign.unit} × ${rate} USD/${currency} (exchange-rate assumption) = ${value} USD/kW, ${foreign.confidence} confidence: ${sentence(foreign.basis)} Source: ${sentence(foreign.source)}`,
    );
  }
  return assume(
    DEFAULT_CAPITAL_USD_PER_KW,
    `No published estimate; DESIGN.md default.${quoted(ref.costNote)}`,
  );
}

/**
 * What the published capital figure is (DESIGN.md "Capital (revised)": a vendor target warns),
 * read from each reference note: a project's budget or as-built cost (Darlington, CFPP, Kemmerer,
 * Vogtle), a vendor's aspiration (AP300 "NOAK aspiration", Rolls-Royce "Vendor aspiration"), or
 * the DESIGN.md default where nothing is published.
 */
const CAPITAL_COST_KIND: Record<string, Design['capitalCostKind']> = {
  'bwrx-300': 'project-budget',
  'nuscale-us460': 'project-budget',
  'nuscale-us600': 'project-budget',
  natrium: 'project-budget',
  'ap1000-reference': 'project-budget',
  'westinghouse-ap300': 'vendor-target',
  'rolls-royce-smr': 'vendor-target',
};

/** `fallback` is the design this one defers to for silent fields (design-rules.ts SAME_AS). */
export function economics(
  ref: RefDesign,
  fallback: RefDesign | undefined,
): Pick<
  Design,
  | 'capitalCostUsdPerKw'
  | 'capitalCostKind'
  | 'fixedOmUsdPerKwYr'
  | 'fuelUsdPerMwh'
  | 'variableOmUsdPerMwh'
> {
  const haleu = ref.fuel.class === 'HALEU';
  return {
    capitalCostUsdPerKw: capitalCost(ref, fallback),
    capitalCostKind: CAPITAL_COST_KIND[ref.id] ?? 'default',
    fixedOmUsdPerKwYr: assume(
      FIXED_OM_USD_PER_KW_YR,
      'Not published; the siting-criteria.md §3 LCOE example ($150/kW-yr); DESIGN.md default.',
    ),
    fuelUsdPerMwh: haleu
      ? assume(
          FUEL_USD_PER_MWH.HALEU,
          'HALEU fuel: siting-criteria.md §3 gives LEU ~$7–10/MWh and "HALEU likely higher"; DESIGN.md default.',
        )
      : assume(
          FUEL_USD_PER_MWH.LEU,
          'LEU fuel ~$7–10/MWh (siting-criteria.md §3); DESIGN.md default.',
        ),
    variableOmUsdPerMwh: assume(
      VARIABLE_OM_USD_PER_MWH,
      'VOM ~$2–3/MWh (siting-criteria.md §3), midpoint; DESIGN.md default.',
    ),
  };
}
