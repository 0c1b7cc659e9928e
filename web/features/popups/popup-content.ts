// The content of map popups, built as DOM with text nodes only (names come from data).
import type { PublishedTotal, SiteKind } from '../../../models/records.ts';
import type { CampusProperties, SiteProperties } from '../../api/client.ts';
import { campusPlannedMw } from '../../map/campus-mw.ts';
import { SITE_KINDS } from '../../map/layers/sites.ts';
import { campusKindLabel, formatMw, humanize } from '../../format.ts';
import { confidenceBadge, factRow, h } from '../../ui/dom.ts';

const mwOrDash = (mw: number | null | undefined): string =>
  typeof mw === 'number' ? formatMw(mw) : '—';

export function publishedTotalsTable(totals: PublishedTotal[]): HTMLElement {
  if (totals.length === 0) return h('p', { class: 'muted' }, 'No published totals.');
  const rows = [...totals]
    .sort((a, b) => a.year - b.year)
    .map((total) =>
      h(
        'tr',
        { title: total.note ?? '' },
        h('th', { scope: 'row' }, String(total.year)),
        h('td', {}, mwOrDash(total.facilityMw)),
        h('td', {}, mwOrDash(total.itMw)),
        h('td', {}, total.confidence),
      ),
    );
  return h(
    'table',
    { class: 'totals' },
    h('caption', {}, 'Published cumulative totals'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Year'),
        h('th', { scope: 'col' }, 'Facility'),
        h('th', { scope: 'col' }, 'IT'),
        h('th', { scope: 'col' }, 'Confidence'),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

export function sourcesList(sources: { publication: string; date?: string }[]): HTMLElement {
  return h(
    'ul',
    { class: 'sources' },
    ...sources.map((s) =>
      h('li', {}, s.publication, s.date ? h('span', { class: 'muted' }, ` (${s.date})`) : null),
    ),
  );
}

export function campusPopupContent(campus: CampusProperties): HTMLElement {
  const planned = campusPlannedMw(campus);
  return h(
    'div',
    { class: 'popup' },
    h('h3', {}, campus.name),
    h(
      'p',
      { class: 'popup-kind' },
      campusKindLabel(campus.kind),
      ' ',
      confidenceBadge(campus.confidence),
    ),
    h(
      'dl',
      { class: 'facts' },
      factRow(
        'Planned peak',
        mwOrDash(planned.mw),
        h('span', { class: 'basis-note' }, planned.basis),
      ),
      campus.status ? factRow('Status', humanize(campus.status)) : null,
      campus.operator ? factRow('Operator', campus.operator) : null,
    ),
    publishedTotalsTable(campus.publishedTotals ?? []),
    h('p', { class: 'popup-subhead' }, 'Sources'),
    sourcesList(campus.sources ?? []),
  );
}

export function sitePopupContent(site: SiteProperties): HTMLElement {
  const kind = SITE_KINDS[site.kind as SiteKind];
  return h(
    'div',
    { class: 'popup' },
    h('h3', {}, site.name),
    h(
      'p',
      { class: 'popup-kind' },
      kind?.label ?? site.kind,
      ' ',
      confidenceBadge(site.confidence),
    ),
    h(
      'dl',
      { class: 'facts' },
      factRow('Existing', formatMw(site.existingMw)),
      typeof site.plannedMw === 'number' ? factRow('Planned', formatMw(site.plannedMw)) : null,
      factRow('Cooling water', site.coolingWater ?? 'not known'),
      factRow('Grid region', site.gridRegion),
      factRow('Source', site.source),
    ),
  );
}
