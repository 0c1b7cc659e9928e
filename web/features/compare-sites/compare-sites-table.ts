// The candidate-site comparison table: one row per site, filled in as its answer arrives, the
// best value of each ranked column marked with the word "best" as well as a tint.
import type { SiteFeature } from '../../api/client.ts';
import { formatKm, formatPercent, formatWhole } from '../../format.ts';
import { SITE_KINDS } from '../../map/layers/sites.ts';
import { h, type Child } from '../../ui/dom.ts';
import { bestValues, type RankedColumn, type SiteOption, type SiteRow } from './site-compare.ts';

export interface SitesRun {
  options: SiteOption[];
  rows: (SiteRow | null)[];
  errors: (string | null)[];
  /** What was evaluated: "Xe-100 × 4 units at 200 trials". */
  label: string;
}

const ONE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT_2 = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export const kindLabel = (site: SiteFeature): string =>
  SITE_KINDS[site.properties.kind]?.shortLabel ?? site.properties.kind;

function ranked(
  value: number | null,
  best: Record<RankedColumn, number | null>,
  column: RankedColumn,
  text: string,
): HTMLElement {
  const isBest = value !== null && best[column] !== null && value === best[column];
  return h(
    'td',
    { class: `num${isBest ? ' is-best' : ''}`, 'data-col': column },
    text,
    isBest ? h('span', { class: 'best-mark' }, 'best') : null,
  );
}

function sitingCell(row: SiteRow): HTMLElement {
  if (row.sitingPass === null) return h('td', {}, h('span', { class: 'muted' }, 'not checked'));
  const failed = row.failedChecks.join(', ');
  return h(
    'td',
    { title: failed ? `Fails: ${failed}` : 'Every hard siting check passes' },
    h(
      'span',
      { class: `badge ${row.sitingPass ? 'badge-pass' : 'badge-fail'}` },
      row.sitingPass ? 'pass' : 'fail',
    ),
    failed ? h('span', { class: 'site-fails' }, failed) : null,
  );
}

function rowCells(row: SiteRow, best: Record<RankedColumn, number | null>): HTMLElement[] {
  const near = row.interconnection;
  return [
    sitingCell(row),
    ranked(row.distanceKm, best, 'distance', formatKm(row.distanceKm)),
    h(
      'td',
      { class: 'num' },
      row.voltageKv === null ? 'no line' : `${formatWhole(row.voltageKv)} kV`,
    ),
    ranked(row.lossFraction, best, 'loss', PERCENT_2.format(row.lossFraction)),
    h(
      'td',
      { class: 'site-ic' },
      near
        ? `${near.name}${near.kv ? ` · ${formatWhole(near.kv)} kV` : ''}${near.km !== null ? ` · ${formatKm(near.km)}` : ''}`
        : h('span', { class: 'muted' }, 'none known'),
    ),
    ranked(
      row.deliveredUsdPerMwh,
      best,
      'delivered',
      row.deliveredUsdPerMwh === null ? 'n/a' : `$${ONE.format(row.deliveredUsdPerMwh)}/MWh`,
    ),
    ranked(row.servedFraction, best, 'served', formatPercent(row.servedFraction)),
  ];
}

export function sitesTable(run: SitesRun, placeAt: (site: SiteFeature) => void): HTMLElement {
  const best = bestValues(run.rows);
  const heads = ['Site', 'Siting', 'Distance', 'Voltage', 'Loss', 'Interconnection', 'Delivered'];
  return h(
    'table',
    { class: 'compare-sites-table', 'data-testid': 'compare-sites-table' },
    h('caption', {}, run.label),
    h(
      'thead',
      {},
      h('tr', {}, ...[...heads, 'Served', ''].map((label) => h('th', { scope: 'col' }, label))),
    ),
    h(
      'tbody',
      {},
      ...run.options.map(({ site, km }, i) => {
        const place = h(
          'button',
          { type: 'button', class: 'button button-small', 'data-testid': 'compare-site-place' },
          'Place here',
        );
        place.addEventListener('click', () => placeAt(site));
        const row = run.rows[i];
        const error = run.errors[i];
        const body: Child[] = row
          ? rowCells(row, best)
          : [
              h(
                'td',
                { colspan: 7, class: error ? 'site-error' : 'compare-pending' },
                error ?? 'evaluating…',
              ),
            ];
        return h(
          'tr',
          {
            class: 'compare-site-row',
            'data-testid': 'compare-site-row',
            'data-site-id': site.properties.id,
            'aria-busy': row || error ? undefined : 'true',
          },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: 'site-name' }, site.properties.name),
            h('span', { class: 'site-meta' }, `${kindLabel(site)} · ${formatKm(km)} away`),
          ),
          ...body,
          h('td', {}, place),
        );
      }),
    ),
  );
}
