// The words that travel with an evaluation: how the model works where DESIGN.md leaves a choice,
// and the supply warnings (late arrivals, HALEU, availability vs the published capacity factor).
import type { PreparedDeployment } from './types.ts';

export const MODEL_NOTES: readonly string[] = [
  'Refuelling schedule: every unit is anchored at 1 October 2023 00:00; unit k at a site starts ' +
    'its first outage k × (outage days + 14) days later (wrapped into one interval), each next ' +
    'one an interval (months × 30.44 days) after the previous actual start, moved earlier to end ' +
    'by 1 June when it would overlap 1 June–30 September. The schedule does not depend on the ' +
    'evaluated year or on units listed after it; outages before a unit\u2019s COD are moot.',
  'On-line refuelled and multi-year-core designs take maintenanceDaysPerYear as one yearly ' +
    'planned outage (every 365.28 days), staggered and kept out of summer the same way; one that ' +
    'falls inside the unit\u2019s own refuelling outage is absorbed by it.',
  'Forced outages: exponential up and down times, MTTF = MTTR·(1 − FOR)/FOR (GADS FOR); the clock ' +
    'stops during planned outages; each unit starts the year in its stationary state (up with ' +
    'probability 1 − FOR, an exponential residual time), so no warm-up is needed. Event times ' +
    'are rounded to whole hours.',
  'Monte Carlo: unit u of deployment d in trial t draws from streamFor(seed, t, d, u), so results ' +
    'do not depend on how trials are split; only supply varies by trial, one demand series serves ' +
    'every trial. hourly.deliveredMw is the trial with the median served fraction.',
  'Quantiles (firm capacity, backup gas, p95 shortfall) come from histograms pooled over ' +
    'trial-hours with 0.5 MW bins (range / 65,536 above 32.8 GW): firm capacity is the lower bin ' +
    'edge, shortfalls the upper edge, so each is exact to one bin and never optimistic.',
  'Storage: nameplate, firm capacity and N-1 use netMwe; the line is sized to units × peakMwe; ' +
    'storage charges from its own unit through its line\u2019s loss.',
  'N-1 and timeline: firm supply = online delivered netMwe − max(largest unit, largest single ' +
    'line\u2019s delivered transfer); a co-located deployment has no line to lose.',
  'Backup: gasMw is the shortfall at the target quantile of trial-hours; batteryMw = max(training ' +
    'swing MW, the largest online unit\u2019s trip at its peak output), for 1 hour.',
  'Economics: capexUsd is the whole fleet\u2019s reactor capital; annual costs (reactors, their ' +
    'lines) count the units online in the evaluated year, with the simulated availability; ' +
    'delivered cost = (reactors + lines + backup) ÷ (MWh served by the fleet + MWh the backup gas ' +
    'serves), because the gas fuel is in the numerator. Real WACC 7% (DEFAULT_WACC_REAL), plant ' +
    'life 40 years, line life 50 years.',
  'Tornado (approximation, no re-simulation): capital ±30% scales reactor capital; WACC ±2 points ' +
    'applies to reactors, lines and backup; availability ±5 points scales each deployment\u2019s ' +
    'generated energy by (a ± 0.05)/a and the served energy by the fleet\u2019s delivered-energy ' +
    'ratio, capped at demand; distance ±30% re-plans each line with routing factor 1.3 × (1 ± 0.3) ' +
    'for its cost and loss (a co-located site is unchanged) and scales served energy by the ' +
    'delivered-energy ratio the same way. Backup sizing is held at the base case.',
];

const HALEU =
  'HALEU fuel supply is constrained: US enrichment of high-assay low-enriched uranium is at ' +
  'demonstration scale, so first cores and reloads for this design may be delayed.';

export function supplyWarnings(
  deployments: readonly PreparedDeployment[],
  year: number,
  demandMwh: number,
): string[] {
  const warnings: string[] = [];
  deployments.forEach((d, i) => {
    if (!d.online) {
      warnings.push(
        `deployments[${i}] (${d.design.name}) arrives in ${d.codYear}, after the evaluated year ` +
          `${year}: a unit arrives after the evaluated year and contributes nothing in ${year}.`,
      );
    }
  });
  const seen = new Set<string>();
  for (const d of deployments) {
    if (seen.has(d.designId)) continue;
    seen.add(d.designId);
    const p = d.design;
    const label = `${p.name} (${p.designId})`;
    if (p.fuelClass.toUpperCase() === 'HALEU') warnings.push(`${label}: ${HALEU}`);
    const gapPoints = Math.abs(p.expectedAvailability - p.capacityFactor) * 100;
    if (gapPoints > 2) {
      warnings.push(
        `${label}: the modelled availability (1 − FOR)(1 − planned share) = ` +
          `${(p.expectedAvailability * 100).toFixed(1)}% differs from the published capacity ` +
          `factor ${(p.capacityFactor * 100).toFixed(1)}% by ${gapPoints.toFixed(1)} points ` +
          '(shown for reference only; the simulation converges to the modelled value).',
      );
    }
  }
  if (!deployments.some((d) => d.online)) {
    warnings.push(`No deployment is online in ${year}: the fleet supplies nothing that year.`);
  }
  if (demandMwh <= 0) warnings.push(`The campus has no demand in ${year}: coverage is moot.`);
  return warnings;
}
