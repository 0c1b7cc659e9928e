// The optimiser's deterministic set-up (issue 13), run in the job: the request checked against
// the data (validate.ts, which the route also runs before queueing), the candidate sites found
// (hexes: the suitability screen) and screened for hard siting checks (every one failing throws
// a 422-style ModelError, which fails the job with its message), the study years, and for each
// year the relaxation's menu and requirement.
import type { GeoData } from '../../geo-data/load.ts';
import { locationFactor } from '../../models/economics/location.ts';
import { ModelError } from '../../models/errors.ts';
import {
  fleetOptions,
  pruneDominated,
  type CandidatePoint,
} from '../../models/optimise/options.ts';
import type { Relaxation } from '../../models/optimise/relaxation.ts';
import {
  durationCurve,
  lossOfLoadSupplyMw,
  servedFractionSupplyMw,
} from '../../models/optimise/requirement.ts';
import {
  prepareEvaluation,
  type EvaluateData,
  type EvaluateInputs,
  type EvaluateResult,
} from '../../models/scenario.ts';
import { checkSite, type SitingData } from '../../models/siting.ts';
import type { OptimiseRequest, SiteExclusion } from '../schemas/optimise.ts';
import { bestHexes, DEFAULT_HEX_RADIUS_KM, type CandidateSite } from './candidates.ts';
import { noCandidateSite, validateOptimiseRequest } from './validate.ts';

export interface PlanContext {
  geoData: GeoData;
  data: EvaluateData;
  /** The siting screens' data: a site × design failing a hard check is never proposed. */
  siting: SitingData;
}

/** What one study year's search needs. */
export interface YearPlan {
  year: number;
  options: Relaxation['options'];
  relaxation: Relaxation;
  baseOptions: Record<string, unknown> & { year: number };
  meets: (r: EvaluateResult) => boolean;
  /** The constant supply level matching a fleet's Monte Carlo answer. */
  levelMw: (m: { servedEnergyFraction: number; lossOfLoadHours: number }) => number;
  /** The constant supply level meeting the target on the year's load-duration curve. */
  targetLevelMw: number;
  firmTarget: boolean;
  /** Gas backup sized per fleet (options.backup 'gas'). */
  gasBackup: boolean;
}

/** Each candidate site × design through every siting check (as POST /api/sites/check). */
function screenCandidates(
  siting: SitingData,
  sites: readonly CandidateSite[],
  records: readonly GeoData['designs'][number][],
  campus: { lat: number; lon: number; name?: string },
) {
  const excludedSites: SiteExclusion[] = [];
  const allowed = sites.map((site) =>
    records.map((design) => {
      const { pass, checks } = checkSite(siting, { lat: site.lat, lon: site.lon, design, campus });
      if (pass) return true;
      const failed = checks.filter((k) => k.severity === 'hard' && k.pass === false);
      const entry = excludedSites.find((e) => e.siteId === site.id);
      if (entry) {
        entry.designIds.push(design.id);
        for (const k of failed) if (!entry.checkIds.includes(k.id)) entry.checkIds.push(k.id);
      } else {
        excludedSites.push({
          siteId: site.id,
          designIds: [design.id],
          checkIds: failed.map((k) => k.id),
          reason: failed.map((k) => k.note).join(' '),
        });
      }
      return false;
    }),
  );
  if (allowed.every((row) => row.every((ok) => !ok))) {
    const ids = [...new Set(excludedSites.flatMap((e) => e.checkIds))].join(', ');
    throw new ModelError(
      'UNANSWERABLE',
      `Every candidate site fails a hard siting check for every design (${ids}): widen ` +
        'candidates.radiusKm or list other candidates.siteIds.',
      { field: 'candidates' },
    );
  }
  return { allowed, excludedSites };
}

export function planOptimise(request: OptimiseRequest, ctx: PlanContext) {
  const { data } = ctx;
  const { campus, campusPoint, records, params, years, listed } = validateOptimiseRequest(
    request,
    ctx,
  );
  const c = request.candidates;
  // Hexes: the suitability screen's best cells passing every hard check for the first design.
  const sites =
    listed ??
    ('hexes' in c
      ? bestHexes(ctx.siting, campusPoint, records[0], c.hexes, c.radiusKm ?? DEFAULT_HEX_RADIUS_KM)
      : []);
  if (sites.length === 0) throw noCandidateSite();
  const { allowed, excludedSites } = screenCandidates(ctx.siting, sites, records, campusPoint);
  const points: CandidatePoint[] = sites.map((s) => ({
    siteId: s.id,
    lat: s.lat,
    lon: s.lon,
    locationMultiplier: (designId) => {
      const record = records.find((r) => r.id === designId);
      const scale = record?.scale === 'large-lwr' ? 'large' : 'smr';
      return locationFactor(s.lat, s.lon, scale, data.location).multiplier;
    },
  }));
  const maxUnits = request.limits?.maxUnitsPerSite ?? 8;
  const maxSites = request.limits?.maxSites ?? 3;
  const target = request.target;
  const meets = (r: EvaluateResult): boolean => {
    const m = r.afterBackup;
    if ('servedEnergyFraction' in target)
      return m.servedEnergyFraction >= target.servedEnergyFraction;
    if ('lossOfLoadHours' in target) return m.lossOfLoadHours <= target.lossOfLoadHours;
    return r.nMinus1.pass || !target.nMinus1;
  };

  // Gas cannot make a fleet firm under N-1 (the check counts reactors), so a firm target
  // ignores options.backup.
  const gasBackup = request.options?.backup === 'gas' && !('firmMw' in target);
  /** The quantile of trial-hours gas covers: the served fraction, or 1 − LOLH / 8,760 h. */
  const gasQuantile = Math.min(
    0.99999,
    Math.max(
      0.5,
      'servedEnergyFraction' in target
        ? target.servedEnergyFraction
        : 'lossOfLoadHours' in target
          ? 1 - target.lossOfLoadHours / 8760
          : 0.999,
    ),
  );

  /** One study year's menu and requirement; null when no design can be online by then. */
  const planYear = (year: number): YearPlan | null => {
    // A design that cannot be online by the year adds cost and no supply: it is left out.
    const designs = params.filter((d) => d.earliestCodYear <= year);
    if (designs.length === 0) return null;
    const baseOptions = {
      year,
      trials: request.options?.trials ?? 200,
      seed: request.options?.seed ?? 1,
      grid: request.options?.grid ?? { mode: 'islanded' as const },
      // Without backup the reactors must meet the target themselves (gas 0 MW, no battery); with
      // gas, its MW is left out so the engine sizes it at the target's quantile.
      backup: { gas: gasBackup ? {} : { mw: 0 }, battery: { mw: 0, mwh: 0 } },
      ...(gasBackup ? { targetReliability: gasQuantile } : {}),
    };
    // One probe gives the year's demand and the economics defaults the engine applies.
    const probe = prepareEvaluation(
      {
        campus,
        deployments: [
          { designId: designs[0].designId, units: 1, lat: sites[0].lat, lon: sites[0].lon },
        ],
        options: { ...baseOptions, trials: 20 },
      } as EvaluateInputs,
      data,
    );
    const demand = probe.main.demand;
    const designIndex = (id: string) => params.findIndex((d) => d.designId === id);
    // Options dominated at ≥ maxSites other sites cannot be in the best fleet (pruneDominated).
    const options = pruneDominated(
      fleetOptions(points, designs, campusPoint, maxUnits, probe.options.economics).filter(
        (o) => allowed[o.site][designIndex(o.designId)],
      ),
      maxSites,
    );
    const firm =
      'firmMw' in target ? (target.firmMw === 'peak' ? demand.peakMw : target.firmMw) : undefined;
    // The constant supply that would meet the target on this year's load-duration curve
    // (models/optimise/requirement.ts): for a served-energy target no fleet below it can.
    const curve = durationCurve(probe.main.sim.demandMw);
    const levelMw: YearPlan['levelMw'] = (m) =>
      'lossOfLoadHours' in target
        ? lossOfLoadSupplyMw(curve, m.lossOfLoadHours)
        : servedFractionSupplyMw(curve, m.servedEnergyFraction);
    const targetLevelMw =
      'servedEnergyFraction' in target
        ? levelMw({ servedEnergyFraction: target.servedEnergyFraction, lossOfLoadHours: 0 })
        : 'lossOfLoadHours' in target
          ? levelMw({ servedEnergyFraction: 1, lossOfLoadHours: target.lossOfLoadHours })
          : (firm ?? demand.peakMw);
    const relaxation: Relaxation = {
      options,
      siteCount: sites.length,
      maxSites,
      requiredMw: targetLevelMw,
      firmNMinus1Mw: firm !== undefined && 'nMinus1' in target && target.nMinus1 ? firm : undefined,
      budgetUsd: request.limits?.budgetUsd,
    };
    return {
      year,
      options,
      relaxation,
      baseOptions,
      meets,
      levelMw,
      targetLevelMw,
      firmTarget: 'firmMw' in target,
      gasBackup,
    };
  };
  return { campus, sites, excludedSites, years, planYear };
}
