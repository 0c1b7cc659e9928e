// Where a modelled figure's inputs came from, in words for its tooltip (UX.md "Every number":
// each figure names its source and confidence). Pure: strings from the campus and the draft.
import type { CampusProperties } from '../../api/client.ts';
import { formatPercent, formatPue } from '../../format.ts';
import { DRAWN_CAMPUS_DEFAULTS, type CampusDraft } from './draft.ts';

export interface InputsBasis {
  phases: string;
  pue: string;
  trainingShare: string;
  /** All three in one line: "phases from …; PUE 1.15 (assumption); training share 90% (…)". */
  summary: string;
  /** The same in a few words, for the note under the figures. */
  short: string;
}

const MAX_SOURCES_NAMED = 2;

function sourcesText(campus: CampusProperties): string {
  const names = (campus.sources ?? []).map((source) => source.publication);
  if (names.length === 0) return 'the campus record';
  const shown = names.slice(0, MAX_SOURCES_NAMED).join('; ');
  const more = names.length - MAX_SOURCES_NAMED;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/** A bundled value is an assumption when the record's assumptions list names the field. */
const assumed = (campus: CampusProperties, field: string): boolean =>
  (campus.assumptions ?? []).some((text) =>
    text.toLowerCase().startsWith(`${field.toLowerCase()} `),
  );

interface Basis {
  long: string;
  short: string;
}

function valueBasis(
  campus: CampusProperties,
  draft: CampusDraft,
  field: 'pue' | 'trainingShare',
  label: string,
  format: (value: number) => string,
): Basis {
  const value = draft[field];
  if (value === null) {
    const text = `${label} ${format(DRAWN_CAMPUS_DEFAULTS[field])}`;
    return { long: `${text} (default, assumption)`, short: `${text} (default)` };
  }
  const text = `${label} ${format(value)}`;
  if (draft.userDrawn || value !== campus[field]) {
    return { long: `${text} (your input)`, short: `${text} (yours)` };
  }
  const basis = assumed(campus, field) ? 'assumption' : 'published';
  return {
    long: `${text} (campus record, ${basis}, ${campus.confidence} confidence)`,
    short: `${text} (${basis})`,
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function inputsBasis(campus: CampusProperties, draft: CampusDraft): InputsBasis {
  const published = campus.sources?.length ?? 0;
  const phases =
    draft.userDrawn || campus.phases.length === 0
      ? { long: 'phases you entered', short: 'phases you entered' }
      : draft.edited
        ? {
            long: `phases as edited here (published basis: ${sourcesText(campus)})`,
            short: 'phases edited here',
          }
        : {
            long: `phases from ${sourcesText(campus)}`,
            short: `${plural(campus.phases.length, 'published phase')} (${plural(published, 'source')})`,
          };
  const pue = valueBasis(campus, draft, 'pue', 'PUE', formatPue);
  const share = valueBasis(campus, draft, 'trainingShare', 'training', (value) =>
    formatPercent(value).replace('.0%', '%'),
  );
  return {
    phases: phases.long,
    pue: pue.long,
    trainingShare: share.long,
    summary: `${phases.long}; ${pue.long}; ${share.long.replace(/^training/, 'training share')}`,
    short: `${phases.short} · ${pue.short} · ${share.short}`,
  };
}
