// The candidate-site comparison: one card per site, filled in as its answer arrives, the
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

/** One figure of a site's card; the best across the sites says "best" as well as a tint. */
function figure(
  label: string,
  text: string,
  ranking?: {
    value: number | null;
    best: Record<RankedColumn, number | null>;
    column: RankedColumn;
  },
): HTMLElement {
  const isBest =
    ranking !== undefined &&
    ranking.value !== null &&
    ranking.best[ranking.column] !== null &&
    ranking.value === ranking.best[ranking.column];
  return h(
    'div',
    { class: `site-figure${isBest ? ' is-best' : ''}`, 'data-col': ranking?.column },
    h('dt', {}, label),
    h('dd', {}, text, isBest ? h('span', { class: 'best-mark' }, 'best') : null),
  );
}

function siting(row: SiteRow): HTMLElement {
  if (row.sitingPass === null) return h('p', { class: 'muted' }, 'Siting not checked');
  const failed = row.failedChecks.join(', ');
  return h(
    'p',
    { class: 'site-siting', title: failed ? `Fails: ${failed}` : 'Every hard siting check passes' },
    h(
      'span',
      { class: `badge ${row.sitingPass ? 'badge-pass' : 'badge-fail'}` },
      row.sitingPass ? 'Siting: pass' : 'Siting: fail',
    ),
    failed ? h('span', { class: 'site-fails' }, ` ${failed}`) : null,
  );
}

function figures(row: SiteRow, best: Record<RankedColumn, number | null>): HTMLElement {
  const near = row.interconnection;
  const interconnection = near
    ? `${near.name}${near.kv ? ` · ${formatWhole(near.kv)} kV` : ''}${near.km !== null ? ` · ${formatKm(near.km)}` : ''}`
    : 'none known';
  return h(
    'dl',
    { class: 'site-figures' },
    figure('Served', formatPercent(row.servedFraction), {
      value: row.servedFraction,
      best,
      column: 'served',
    }),
    figure(
      'Delivered',
      row.deliveredUsdPerMwh === null ? 'n/a' : `$${ONE.format(row.deliveredUsdPerMwh)}/MWh`,
      { value: row.deliveredUsdPerMwh, best, column: 'delivered' },
    ),
    figure('Line', formatKm(row.distanceKm), { value: row.distanceKm, best, column: 'distance' }),
    figure('Loss', PERCENT_2.format(row.lossFraction), {
      value: row.lossFraction,
      best,
      column: 'loss',
    }),
    figure('Voltage', row.voltageKv === null ? 'no line' : `${formatWhole(row.voltageKv)} kV`),
    figure('Interconnection', interconnection),
  );
}

/** One card per site (a panel is too narrow for eight columns), each filled as it arrives. */
export function sitesTable(run: SitesRun, placeAt: (site: SiteFeature) => void): HTMLElement {
  const best = bestValues(run.rows);
  return h(
    'section',
    { class: 'compare-sites-table', 'data-testid': 'compare-sites-table', 'aria-label': run.label },
    h('p', { class: 'compare-sites-caption muted' }, run.label),
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
        ? [siting(row), figures(row, best)]
        : [h('p', { class: error ? 'site-error' : 'compare-pending' }, error ?? 'evaluating…')];
      return h(
        'article',
        {
          class: 'compare-site-row',
          'data-testid': 'compare-site-row',
          'data-site-id': site.properties.id,
          'aria-busy': row || error ? undefined : 'true',
        },
        h(
          'header',
          { class: 'site-card-head' },
          h(
            'div',
            {},
            h('h4', { class: 'site-name' }, site.properties.name),
            h(
              'span',
              { class: 'site-meta' },
              `${kindLabel(site)} · ${formatKm(km)} from the campus`,
            ),
          ),
          place,
        ),
        ...body,
      );
    }),
  );
}
