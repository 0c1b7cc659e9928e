// The relaxation's menu (issue 13): for each candidate site × allowed design × unit count, what
// the option costs a year and delivers in expectation, without Monte Carlo. Expected delivered MW
// = units × net MWe × expected availability ((1 − FOR)(1 − planned share)) × (1 − line loss at
// that transfer) × line availability. Annualised cost = CRF × capital (each unit's build-order
// factor, FOAK premium and learning, × the state location multiplier) + fixed O&M + fuel and VOM
// on the expected energy + the line's annualised capital. Simplifications, all checked later by
// the full Monte Carlo evaluation of the best candidates: learning counts units per site (not
// across sites of one design), tax credits and backup are left out, every unit is online.
import {
  capitalRecoveryFactor,
  lineAnnualCostUsd,
  PLANT_LIFE_YEARS,
  unitCostFactor,
} from '../economics.ts';
import { planLine } from '../transmission.ts';
import { HOURS_PER_YEAR } from '../units.ts';
import type { DesignParams } from '../supply/design-params.ts';

export interface CandidatePoint {
  /** The candidate site's id (GET /api/sites). */
  siteId: string;
  lat: number;
  lon: number;
  /** The state capital-cost multiplier for this design's scale at the site. */
  locationMultiplier: (designId: string) => number;
}

export interface EconomicsSettings {
  waccReal: number;
  foakPremium: number;
  learningRate: number;
}

export interface FleetOption {
  /** Index into the candidate sites. */
  site: number;
  designId: string;
  units: number;
  expectedMw: number;
  /** Net MWe of one unit (N-1 targets lose the largest). */
  unitMw: number;
  annualCostUsd: number;
  capexUsd: number;
}

export function fleetOptions(
  sites: readonly CandidatePoint[],
  designs: readonly DesignParams[],
  campus: { lat: number; lon: number },
  maxUnitsPerSite: number,
  economics: EconomicsSettings,
): FleetOption[] {
  const crf = capitalRecoveryFactor(economics.waccReal, PLANT_LIFE_YEARS);
  const options: FleetOption[] = [];
  sites.forEach((site, s) => {
    for (const design of designs) {
      const kw = design.netMwe * 1000;
      const multiplier = site.locationMultiplier(design.designId);
      let plantCapexUsd = 0;
      for (let units = 1; units <= maxUnitsPerSite; units += 1) {
        plantCapexUsd +=
          design.capitalCostUsdPerKw *
          unitCostFactor(units, economics.foakPremium, economics.learningRate) *
          multiplier *
          kw;
        const line = planLine({
          fromLat: site.lat,
          fromLon: site.lon,
          toLat: campus.lat,
          toLon: campus.lon,
          transferMw: units * design.peakMwe,
        });
        const lineAvailability = line.outage?.availability ?? 1;
        const expectedMw =
          units *
          design.netMwe *
          design.expectedAvailability *
          (1 - line.lossFraction) *
          lineAvailability;
        const annualCostUsd =
          crf * plantCapexUsd +
          design.fixedOmUsdPerKwYr * kw * units +
          (design.fuelUsdPerMwh + design.variableOmUsdPerMwh) * expectedMw * HOURS_PER_YEAR +
          lineAnnualCostUsd(line.capexUsd, economics.waccReal);
        options.push({
          site: s,
          designId: design.designId,
          units,
          expectedMw,
          unitMw: design.netMwe,
          annualCostUsd,
          capexUsd: plantCapexUsd + line.capexUsd,
        });
      }
    }
  });
  return options;
}

/**
 * Drops options no selection needs: for one design and unit count, an option is dominated by one
 * at another site that costs no more and delivers no less. Any selection using an option with at
 * least `keep` such dominators can swap it for one at a site it does not use (it uses fewer than
 * `keep` sites), at no more cost and no less supply; so keep = maxSites loses none of the best
 * selection, and keep = maxSites + K − 1 none of the K best (each swap gives a distinct one).
 */
export function pruneDominated(options: readonly FleetOption[], keep: number): FleetOption[] {
  const groups = new Map<string, FleetOption[]>();
  for (const o of options) {
    const key = `${o.designId}\u0000${o.units}`;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  const kept = new Set<FleetOption>();
  for (const list of groups.values()) {
    const sorted = [...list].sort(
      (a, b) => a.annualCostUsd - b.annualCostUsd || b.expectedMw - a.expectedMw,
    );
    const chosen: FleetOption[] = [];
    for (const o of sorted) {
      const dominators = chosen.filter((c) => c.expectedMw >= o.expectedMw).length;
      if (dominators < keep) {
        chosen.push(o);
        kept.add(o);
      }
    }
  }
  // Original order, so variable names and tie-breaks do not depend on the map's order.
  return options.filter((o) => kept.has(o));
}
