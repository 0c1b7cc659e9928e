// Turns a request's campus into a model CampusSpec: `{ id }` alone is the bundled campus; `id`
// with other fields is that campus with those fields replaced; no id is a campus the user drew.
import type { CampusSpec } from '../../models/demand.ts';
import type { GeoData } from '../../geo-data/load.ts';
import { HttpError } from '../plugins/errors.ts';

export function resolveCampusInput(geoData: GeoData, input: Record<string, unknown>): CampusSpec {
  if (input.id === undefined) return input as unknown as CampusSpec;
  const bundled = geoData.campuses.find((c) => c.id === input.id);
  if (!bundled) {
    // A drawn campus may carry its own id; only a bare id must name a bundled campus.
    if (input.lat !== undefined && input.lon !== undefined && input.phases) {
      return input as unknown as CampusSpec;
    }
    throw new HttpError(404, 'NOT_FOUND', `No campus with id ${JSON.stringify(input.id)}`);
  }
  return { ...bundled, ...input } as CampusSpec;
}
