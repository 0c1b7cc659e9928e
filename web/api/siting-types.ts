// The wire shapes of POST /api/sites/check, /api/screen and /api/screen/stream (DESIGN.md
// "Siting"). server/schemas/siting.ts is the contract: its Static<> types and the model's
// enums are imported here, never restated, so the web cannot drift from the server.
import type { Static } from 'typebox';
import type { SuitabilityGrid } from '../../models/siting.ts';
import type {
  ScreenReply,
  ScreenedSite as ScreenedSiteSchema,
  ScreenBody,
  SiteCheckBody,
  SiteCheckResponse as SiteCheckResponseSchema,
} from '../../server/schemas/siting.ts';
import { CRITERIA, type ScreenWeights } from '../../models/siting/weights.ts';

export { CRITERIA };
export type { ScreenWeights };
export type Criterion = (typeof CRITERIA)[number];

export type { Severity, SitingCheck } from '../../models/siting/types.ts';
export type { GridCellProperties } from '../../models/siting/hexgrid.ts';
export type { ScreenProgress } from '../../models/siting.ts';

/** A bundled campus by id, or a point. */
export type CampusRef = { id: string } | { lat: number; lon: number; name?: string };

export type SiteCheckRequest = Omit<SiteCheckBody, 'campus'> & { campus?: CampusRef };
export type SiteCheckResponse = Static<typeof SiteCheckResponseSchema>;

export type ReportedRadiusMi = '1' | '5' | '10' | '20' | '50';
export const REPORTED_RADII_MI: readonly ReportedRadiusMi[] = ['1', '5', '10', '20', '50'];

export type PopulationCentre = NonNullable<SiteCheckResponse['nearestPopulationCentre']>;

export type ScreenRequest = Omit<ScreenBody, 'campus'> & { campus: CampusRef };
/** Failed hard checks first in `reasons`, then one per criterion in CRITERIA order. */
export type ScreenedSite = Static<typeof ScreenedSiteSchema>;
/** The answer, with the grid typed as the model builds it. */
export type ScreenResponse = Omit<ScreenReply, 'grid'> & { grid: SuitabilityGrid };
