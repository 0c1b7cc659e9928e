// A design's size class and its regulatory distances (EAB, LPZ, plume EPZ) in miles, as the
// siting checks draw them. Only AP1000's 10-mile EPZ is regulation (10 CFR 50.47); the rest are
// DESIGN.md defaults or vendor claims until a licence says otherwise.
import type { Design, ReactorScale, Sourced } from '../../models/records.ts';
import {
  assume,
  EAB_MI,
  isLwr,
  LPZ_MI,
  MICRO_MAX_MWE,
  NO_CLAIM_SMR_EPZ_MI,
  SITE_BOUNDARY_MI,
  source,
} from './design-rules.ts';

export function scaleOf(type: string, netMwe: number): ReactorScale {
  if (netMwe < MICRO_MAX_MWE) return 'micro';
  // A Gen III+ large plant (AP1000 1,117 MWe), not a small modular reactor.
  return isLwr(type) && netMwe > 700 ? 'large-lwr' : 'smr';
}

function epzMi(claim: string | null, scale: ReactorScale, via: string): Sourced {
  if (scale === 'large-lwr') {
    if (!claim || !/10-mile/.test(claim)) {
      throw new Error(`large LWR without the standard 10-mile EPZ: ${claim}`);
    }
    return source(10, claim);
  }
  if (claim && /site[- ]boundary/i.test(claim)) {
    return assume(
      SITE_BOUNDARY_MI,
      `${via}Site-boundary EPZ claimed, taken as ${SITE_BOUNDARY_MI} mi (~400 m, the Xe-100 claim); a claim until licensed. Claim: "${claim}"`,
    );
  }
  return assume(
    NO_CLAIM_SMR_EPZ_MI,
    `${via}No NRC EPZ claim (${claim ? `reference: "${claim}"` : 'none published'}); the Clinch River ESP (2019) precedent allowed a site-boundary or 2-mile plume EPZ for SMRs, so 2 mi is assumed.`,
  );
}

/** `via` says where the claim was read when the design defers to another one. */
export function sitingDistances(
  scale: ReactorScale,
  epzClaim: string | null,
  via: string,
): Pick<Design, 'eabMi' | 'lpzMi' | 'epzMi'> {
  const large = scale === 'large-lwr';
  return {
    eabMi: large
      ? assume(
          EAB_MI.large,
          'Large LWR EAB ~0.3–1 mi (siting-criteria.md §1.1); DESIGN.md default.',
        )
      : assume(
          EAB_MI.smr,
          'SMR applicants propose an EAB near the site boundary, ~100–400 m (siting-criteria.md §1.1); DESIGN.md default.',
        ),
    lpzMi: large
      ? assume(LPZ_MI.large, 'Large LWR LPZ ~2–3 mi (siting-criteria.md §1.1); DESIGN.md default.')
      : assume(LPZ_MI.smr, 'Not published for SMRs; DESIGN.md default.'),
    epzMi: epzMi(epzClaim, scale, via),
  };
}
