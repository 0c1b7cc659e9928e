// One campus in the Campus tab: who and where, the modelled demand (figures, editor, charts),
// then what was published about it (totals, sources, the record's assumptions).
import type { CampusFeature } from '../../api/client.ts';
import { shortCampusName } from '../../map/campus-mw.ts';
import { campusKindLabel, humanize } from '../../format.ts';
import { confidenceBadge, factRow, h } from '../../ui/dom.ts';
import { publishedTotalsTable, sourcesList } from '../popups/popup-content.ts';
import { createDemandView } from './demand-view.ts';
import type { CampusDraft } from './draft.ts';
import type { DemandRequest } from '../../api/demand-types.ts';

export interface CampusView {
  element: HTMLElement;
  destroy(): void;
}

function published(feature: CampusFeature): HTMLElement {
  const campus = feature.properties;
  const assumptions = campus.assumptions ?? [];
  const record =
    assumptions.length > 0
      ? h(
          'details',
          { class: 'assumptions' },
          h('summary', {}, `Campus record assumptions (${assumptions.length})`),
          h('ul', {}, ...assumptions.map((a) => h('li', {}, a))),
        )
      : null;
  if (campus.userDrawn) return h('div', { class: 'published' }, record);
  return h(
    'div',
    { class: 'published' },
    h('h3', { class: 'subhead' }, 'Published'),
    h(
      'dl',
      { class: 'facts' },
      campus.status ? factRow('Status', humanize(campus.status)) : null,
      campus.operator ? factRow('Operator', campus.operator) : null,
      factRow('Confidence', confidenceBadge(campus.confidence)),
    ),
    publishedTotalsTable(campus.publishedTotals ?? []),
    h('h3', { class: 'subhead' }, 'Sources'),
    sourcesList(campus.sources ?? []),
    record,
  );
}

export function createCampusView(
  feature: CampusFeature,
  draft: CampusDraft,
  onPeak: (campusId: string, peakMw: number) => void,
  onRequest: (request: DemandRequest | null) => void = () => {},
): CampusView {
  const campus = feature.properties;
  const place = campus.userDrawn
    ? 'Your campus, drawn on the map'
    : [campus.city, campus.state].filter(Boolean).join(', ');
  const demand = createDemandView(feature, draft, onPeak, onRequest);
  const element = h(
    'article',
    { class: 'campus-headline' },
    h('h2', {}, shortCampusName(campus.name)),
    h('p', { class: 'muted' }, [campusKindLabel(campus.kind), place].filter(Boolean).join(' · ')),
    demand.element,
    published(feature),
  );
  return { element, destroy: demand.destroy };
}
