// Deployments within 5 km of each other are one site (DESIGN.md "Refuelling"): their outages are
// staggered together. Single linkage: a chain of deployments each within 5 km of the next is one
// site, so the grouping does not depend on the order deployments are listed.
import { greatCircleKm } from '../units.ts';

export const SITE_RADIUS_KM = 5;

/** The site of each deployment: the lowest deployment index in its cluster. */
export function clusterSites(points: readonly { lat: number; lon: number }[]): number[] {
  const parent = points.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    return r;
  };
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const km = greatCircleKm(points[i].lat, points[i].lon, points[j].lat, points[j].lon);
      if (km > SITE_RADIUS_KM) continue;
      const a = root(i);
      const b = root(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  return points.map((_, i) => root(i));
}
