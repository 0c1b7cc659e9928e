// The ranked table of screened sites: rank, name, kind (the map's symbol and its word), score
// out of 100 with a bar, an "Excluded" badge in words, and the top reason. Hover or focus
// highlights the site on the map; click or Enter flies there and checks it.
import './screen-table.css';
import type { SiteKind } from '../../../models/records.ts';
import { SITE_KINDS } from '../../map/layers/sites.ts';
import { siteIconCanvas } from '../../map/site-icons.ts';
import { h } from '../../ui/dom.ts';
import type { RankedSite } from './rerank.ts';

export interface ScreenTableHooks {
  highlight(siteId: string | null): void;
  open(site: RankedSite): void;
}

const SCORE = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

function kindCell(kind: string): HTMLElement {
  const known = SITE_KINDS[kind as SiteKind];
  const icon = known ? siteIconCanvas(kind as SiteKind, 11, 2) : null;
  icon?.setAttribute('aria-hidden', 'true');
  return h('span', { class: 'screen-kind' }, icon, known?.shortLabel ?? kind);
}

function row(site: RankedSite, rank: number, hooks: ScreenTableHooks): HTMLElement {
  const score = SCORE.format(site.score);
  const tr = h(
    'tr',
    {
      class: `screen-row ${site.excluded ? 'is-excluded' : ''}`,
      tabindex: 0,
      'data-testid': 'screen-row',
      'data-site-id': site.siteId,
      'data-score': site.score,
      title: site.reasons.join('\n'),
      'aria-label': `${rank}. ${site.name}, score ${score} of 100${site.excluded ? ', excluded' : ''}. Enter to check this site.`,
    },
    h('td', { class: 'screen-rank' }, String(rank)),
    h(
      'td',
      { class: 'screen-site' },
      h('span', { class: 'screen-name' }, site.name),
      h(
        'span',
        { class: 'screen-meta' },
        kindCell(site.kind),
        site.excluded ? h('span', { class: 'badge badge-excluded' }, 'Excluded') : null,
      ),
      h('span', { class: 'screen-reason' }, site.topReason),
    ),
    h(
      'td',
      { class: 'screen-score' },
      h('span', { class: 'screen-score-value' }, score),
      h(
        'span',
        { class: 'score-bar', 'aria-hidden': 'true' },
        h('span', { style: `width:${Math.max(0, Math.min(100, site.score))}%` }),
      ),
    ),
  );
  tr.addEventListener('mouseenter', () => hooks.highlight(site.siteId));
  tr.addEventListener('mouseleave', () => hooks.highlight(null));
  tr.addEventListener('focus', () => hooks.highlight(site.siteId));
  tr.addEventListener('blur', () => hooks.highlight(null));
  tr.addEventListener('click', () => hooks.open(site));
  tr.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    hooks.open(site);
  });
  return tr;
}

export function screenTable(
  sites: readonly RankedSite[],
  caption: string,
  hooks: ScreenTableHooks,
): HTMLElement {
  return h(
    'table',
    { class: 'screen-table', 'data-testid': 'screen-table' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'screen-rank' }, '#'),
        h('th', { scope: 'col' }, 'Site · top reason'),
        h(
          'th',
          { scope: 'col', class: 'screen-score', title: 'Weighted score out of 100' },
          'Score',
        ),
      ),
    ),
    h('tbody', {}, ...sites.map((site, i) => row(site, i + 1, hooks))),
  );
}
