// The words that travel with an evaluation: how the model works where DESIGN.md leaves a choice,
// and the supply warnings (late arrivals, HALEU, availability vs the published capacity factor).
import type { PreparedDeployment } from './types.ts';

export const MODEL_NOTES: readonly string[] = [
  'Refuelling plan: one plan for every unit of every deployment, repeating every P years (P = ' +
    'lcm(12, cycles in months) / 12, capped at 12); each plan year\u2019s outages sit in its ' +
    'October–May season, largest unit first, spread evenly at least 14 days apart where the ' +
    'season allows. Trial t simulates plan year t mod P, so every metric is the expectation over ' +
    'the cycle and the study year only decides which units are online and the campus load; ' +
    '`schedule` shows calendar year Y as plan year (Y − 2024) mod P.',
  'On-line refuelled and multi-year-core designs take maintenanceDaysPerYear as one yearly ' +
    'planned outage, planned like a refuelling; one in a plan year with the unit\u2019s own ' +
    'refuelling outage is absorbed by it.',
  'Forced outages: exponential up and down times, MTTF = MTTR·(1 − FOR)/FOR (GADS FOR); the clock ' +
    'stops during planned outages; each unit starts the year in its stationary state (up with ' +
    'probability 1 − FOR, an exponential residual time), so no warm-up is needed. Event times ' +
    'are rounded to whole hours.',
  'Lines, gas units and the grid fail the same way (stationary start, exponential up and down ' +
    'times, whole hours): a deployment delivers nothing while its line is out; a double circuit ' +
    'is out only when both circuits or their common towers are.',
  'Monte Carlo: unit u of deployment d in trial t draws from streamFor(seed, t, d, u), its line ' +
    'from (seed, t, d, 1000), gas and grid from (seed, t, 4096, 0 | 1), so results do not depend ' +
    'on how trials are split; only supply varies by trial, one demand series serves every trial. ' +
    'hourly.deliveredMw is the trial with the median served fraction.',
  'Quantiles (firm capacity, backup gas, p95 shortfall) come from histograms pooled over ' +
    'trial-hours with 0.5 MW bins (range / 65,536 above 32.8 GW): firm capacity is the lower bin ' +
    'edge, shortfalls the upper edge, so each is exact to one bin and never optimistic.',
  'Storage: nameplate, firm capacity and N-1 use netMwe; the line is sized to units × peakMwe; ' +
    'storage charges from its own unit through its line\u2019s loss.',
  'Dispatch: every trial-hour, the reactors (with their own storage) first, then battery, gas ' +
    'and grid in options.backup.order; the battery charges only from reactor surplus (round-trip ' +
    'efficiency on charging) and starts each trial full; surplus left after the battery is ' +
    'exported when connected, up to the import limit, else curtailed.',
  'N-1 and timeline: firm supply = online delivered netMwe − max(largest unit, largest single ' +
    'line\u2019s delivered transfer); a co-located deployment or a double circuit has no single ' +
    'line contingency.',
  'Backup sizing: gasMw not given is the reactors\u2019 shortfall at the target quantile of ' +
    'trial-hours; battery not given is max(training swing MW, the largest online unit\u2019s trip ' +
    'at its peak output) for 1 hour.',
  'Economics: capital by build order (first unit × FOAK premium, unit n × n^log2(1 − learning ' +
    'rate)) × the state location multiplier; LCOE on the lifetime availability (1 − FOR)(1 − the ' +
    'plan\u2019s planned share), with decommissioning as a 2% sinking fund; annual costs count the ' +
    'units online in the evaluated year, with fuel and VOM on dispatched energy only; delivered ' +
    'cost = (reactors + lines + backup capital + gas fuel + grid import − export revenue − tax ' +
    'credits) ÷ MWh served after backup. Plant life 40 years, line life 50 years.',
  'Tornado (approximation, no re-simulation): capital ±30% scales reactor capital; WACC ±2 points ' +
    'applies to reactors, lines and backup; availability ±5 points scales each deployment\u2019s ' +
    'dispatched energy by (a ± 0.05)/a and the served energy by the reactors\u2019 ratio, capped ' +
    'at demand; distance ±30% re-plans each line with routing factor 1.3 × (1 ± 0.3); FOAK premium ' +
    '±0.5 and learning rate ±5 points re-price capital. Backup energy and sizing are held.',
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
