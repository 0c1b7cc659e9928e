// Re-ranks screened sites at once when a weight slider moves. The server sends each site's
// criterion scores (0..1), and the score is their weighted mean (models/siting/weights.ts), so
// the table re-weights with the model's own function while the server recomputes the hexes;
// the server's answer then replaces this one. Nothing here re-judges a site.
import { weightedScore } from '../../../models/siting/weights.ts';
import { CRITERIA, type ScreenedSite, type ScreenWeights } from '../../api/siting-types.ts';

export interface RankedSite extends ScreenedSite {
  /** The criterion that earns the most points under these weights, in words. */
  topReason: string;
}

const POINTS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
/** "Distance 16.1 of 25: 42 km …" → the criterion, then the rest of the server's sentence. */
const REASON = /^(.+?) [\d.]+ of [\d.]+: (.*)$/s;

function topReason(site: ScreenedSite, weights: ScreenWeights): string {
  if (site.excluded && site.reasons[0]) return site.reasons[0];
  const { points, maxPoints } = weightedScore(site.criteria.scores, weights);
  let best = 0;
  CRITERIA.forEach((key, i) => {
    if ((points[key] ?? 0) > (points[CRITERIA[best]] ?? 0)) best = i;
  });
  const reason = site.reasons[site.reasons.length - CRITERIA.length + best] ?? '';
  const match = REASON.exec(reason);
  if (!match) return reason;
  const key = CRITERIA[best];
  const pts = `${POINTS.format(points[key] ?? 0)} of ${POINTS.format(maxPoints[key] ?? 0)} pts`;
  return `${match[1]} (${pts}): ${match[2]}`;
}

/** Best first, excluded sites last, ties by id: the server's order (models/siting/screen.ts). */
export function rerank(sites: readonly ScreenedSite[], weights: ScreenWeights): RankedSite[] {
  return sites
    .map((site) => {
      const score = Math.round(weightedScore(site.criteria.scores, weights).score * 10) / 10;
      return { ...site, score, topReason: topReason(site, weights) };
    })
    .sort(
      (a, b) =>
        Number(a.excluded) - Number(b.excluded) ||
        b.score - a.score ||
        a.siteId.localeCompare(b.siteId),
    );
}
