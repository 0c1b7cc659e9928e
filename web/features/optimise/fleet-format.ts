// Words for a fleet: "4 × BWRX-300 at Allen (Memphis) + 2 × Xe-100 at nacei-1884", with the
// design's name and the site's where the loaded data has them, else their ids.
import type { OptimiseDeployment } from './optimise-client.ts';

export interface Names {
  design(id: string): string;
  site(id: string): string;
}

export const deploymentText = (d: OptimiseDeployment, names: Names): string =>
  `${d.units} × ${names.design(d.designId)} at ${names.site(d.siteId)}`;

export const fleetText = (deployments: readonly OptimiseDeployment[], names: Names): string =>
  deployments.length === 0
    ? 'no reactors'
    : deployments.map((d) => deploymentText(d, names)).join(' + ');

/** A fleet's identity, to match a Pareto point with its ranked row. */
export const fleetKey = (deployments: readonly OptimiseDeployment[]): string =>
  deployments
    .map((d) => `${d.siteId}:${d.designId}:${d.units}`)
    .sort()
    .join('|');

/** Served energy as a percentage with two decimals: 99.9% targets need the second one. */
export const formatServedPercent = (fraction: number): string => `${(fraction * 100).toFixed(2)}%`;
