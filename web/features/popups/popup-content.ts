// The content of map popups, built as DOM with text nodes only (names come from data).
import type {
  InterconnectionRef,
  MwByFuel,
  PlantFuel,
  PublishedTotal,
  SiteKind,
} from '../../../models/records.ts';
import type {
  CampusProperties,
  InterconnectionProperties,
  PlantProperties,
  SiteProperties,
} from '../../api/client.ts';
import { campusPlannedMw } from '../../map/campus-mw.ts';
import { interconnectionLabel } from '../../map/layers/interconnections.ts';
import { PLANT_FUELS_STYLE } from '../../map/layers/plants.ts';
import { SITE_KINDS } from '../../map/layers/sites.ts';
import { campusKindLabel, formatKm, formatMw, humanize } from '../../format.ts';
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

/** "2017-05" → "as of 2017": the vintage of a record's figures, in words. */
export const asOfText = (asOf: string | undefined): string | null =>
  asOf && /^\d{4}/.test(asOf) ? `as of ${asOf.slice(0, 4)}` : null;

/** "Coal 1,200 MW · Natural gas 300 MW", biggest first. */
export function mwByFuelText(mwByFuel: MwByFuel | undefined): string | null {
  const entries = Object.entries(mwByFuel ?? {}) as [PlantFuel, number][];
  if (entries.length === 0) return null;
  return entries
    .sort((a, b) => b[1] - a[1])
    .map(([fuel, mw]) => `${PLANT_FUELS_STYLE[fuel]?.label ?? fuel} ${formatMw(mw)}`)
    .join(' · ');
}

/** "Watts Bar Nuclear Plant, 500 kV, 49 km": an EIA-860 plant, never called a substation. */
export const interconnectionText = (ref: InterconnectionRef | null | undefined): string =>
  ref ? `${ref.name}, ${ref.kv} kV, ${formatKm(ref.km)}` : 'none known';

const kvText = (kv: number | null | undefined): string =>
  typeof kv === 'number' ? `${kv} kV (EIA-860 2019)` : 'not known';

function vintageRow(asOf: string | undefined, source: string): HTMLElement {
  const vintage = asOfText(asOf);
  return factRow('Source', source, vintage ? h('span', { class: 'muted' }, ` (${vintage})`) : null);
}

export function sitePopupContent(site: SiteProperties): HTMLElement {
  const kind = SITE_KINDS[site.kind as SiteKind];
  const byFuel = mwByFuelText(site.mwByFuel);
  const plantBased = Boolean(site.plantId) || byFuel !== null;
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
      site.owner ? factRow('Owner', site.owner) : null,
      factRow('Existing', formatMw(site.existingMw)),
      byFuel ? factRow('By fuel', byFuel) : null,
      typeof site.plannedMw === 'number' ? factRow('Planned', formatMw(site.plannedMw)) : null,
      site.retirementYear ? factRow('Retired', String(site.retirementYear)) : null,
      factRow('Cooling water', site.coolingWater ?? 'not known'),
      plantBased || site.gridVoltageKv ? factRow('Grid voltage', kvText(site.gridVoltageKv)) : null,
      factRow('Nearest ≥230 kV', interconnectionText(site.nearestInterconnection)),
      factRow('Nearest ≥345 kV', interconnectionText(site.nearestInterconnection345)),
      factRow('Grid region', site.gridRegion),
      vintageRow(site.asOf, site.source),
    ),
    site.nearestInterconnection || site.nearestInterconnection345
      ? h(
          'p',
          { class: 'basis-note' },
          'Interconnection points are EIA-860 2019 plants at that voltage (a proxy for a substation).',
        )
      : null,
  );
}

export function plantPopupContent(plant: PlantProperties): HTMLElement {
  return h(
    'div',
    { class: 'popup' },
    h('h3', {}, plant.name),
    h(
      'p',
      { class: 'popup-kind' },
      `${PLANT_FUELS_STYLE[plant.primaryFuel]?.label ?? plant.primaryFuel} power plant · ${plant.state}, ${plant.country}`,
    ),
    h(
      'dl',
      { class: 'facts' },
      factRow('Owner', plant.owner),
      factRow('Capacity', formatMw(plant.totalMw)),
      factRow('By fuel', mwByFuelText(plant.mwByFuel) ?? '—'),
      factRow('Grid voltage', kvText(plant.gridVoltageKv)),
      factRow('Cooling water', plant.waterSource ?? 'not known'),
      plant.balancingAuthority ? factRow('Balancing area', plant.balancingAuthority) : null,
      vintageRow(plant.asOf, plant.source),
    ),
  );
}

export function interconnectionPopupContent(point: InterconnectionProperties): HTMLElement {
  return h(
    'div',
    { class: 'popup' },
    h('h3', {}, point.name),
    h('p', { class: 'popup-kind' }, interconnectionLabel(point.kv)),
    h(
      'dl',
      { class: 'facts' },
      factRow('Voltage', `${point.kv} kV`),
      factRow('State', point.state),
      point.transmissionOwner ? factRow('Transmission owner', point.transmissionOwner) : null,
      point.balancingAuthority ? factRow('Balancing area', point.balancingAuthority) : null,
      vintageRow(point.asOf, point.source),
    ),
    h(
      'p',
      { class: 'basis-note' },
      'A plant connected at this voltage: public data maps no substations.',
    ),
  );
}
