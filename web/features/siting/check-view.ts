// The answer of a point check: the verdict in words first, then one row per check (badge with
// text, value against limit, severity, a one-line reason whose full note opens in place), the
// population within 1–50 mi with its undercount caveat, and the assumptions one click away.
import './check.css';
import type { SiteCheckResponse, SitingCheck } from '../../api/siting-types.ts';
import { REPORTED_RADII_MI } from '../../api/siting-types.ts';
import { formatMiles, formatWhole } from '../../format.ts';
import { h } from '../../ui/dom.ts';
import {
  badgeText,
  checkLabel,
  reasonOf,
  severityText,
  valueAndLimit,
  verdictOf,
} from './check-format.ts';

export interface CheckContext {
  lat: number;
  lon: number;
  /** The candidate site checked, when the point is one. */
  siteName?: string;
  designName: string;
  /** Set when the check was opened from the ranked table: a way back to it. */
  onBack?: () => void;
}

const POINT_CAVEAT =
  'Each block group (or, outside the US, each town of 1,000+) counts wholly inside or outside a ring, at its centre of population.';

export const formatLatLon = (lat: number, lon: number): string =>
  `${Math.abs(lat).toFixed(3)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(3)}° ${lon >= 0 ? 'E' : 'W'}`;

const passClass = (pass: boolean | null) =>
  pass === null ? 'is-info' : pass ? 'is-pass' : 'is-fail';

function checkRow(check: SitingCheck, result: SiteCheckResponse): HTMLElement {
  const { value, limit } = valueAndLimit(check);
  const badge = badgeText(check);
  const severity = severityText(check);
  return h(
    'li',
    {
      class: `check-row ${passClass(check.pass)} severity-${check.severity}`,
      'data-testid': 'siting-check',
      'data-check-id': check.id,
      'data-pass': String(check.pass),
    },
    h(
      'div',
      { class: 'check-top' },
      h('span', { class: 'check-badge' }, badge),
      h('span', { class: 'check-name' }, checkLabel(check.id)),
      h('span', { class: 'check-severity', title: `Severity: ${severity}` }, severity),
    ),
    h(
      'p',
      { class: 'check-figure' },
      h('strong', { class: 'check-value' }, value),
      limit ? h('span', { class: 'check-limit' }, ` · ${limit}`) : null,
    ),
    h(
      'details',
      { class: 'check-note' },
      h(
        'summary',
        { title: 'Show the full note' },
        h('span', { class: 'check-reason' }, reasonOf(check, result)),
      ),
      h('p', {}, check.note),
    ),
  );
}

function populationTable(result: SiteCheckResponse): HTMLElement {
  return h(
    'div',
    { class: 'population-within' },
    h(
      'table',
      { class: 'totals population-table', 'data-testid': 'siting-population' },
      h('caption', {}, 'People within'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Radius'),
          ...REPORTED_RADII_MI.map((r) => h('th', { scope: 'col' }, `${r} mi`)),
        ),
      ),
      h(
        'tbody',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, 'People'),
          ...REPORTED_RADII_MI.map((r) => h('td', {}, formatWhole(result.populationWithinMi[r]))),
        ),
      ),
    ),
    h(
      'p',
      { class: 'caveat', role: 'note' },
      h('strong', {}, 'Source. '),
      `${result.populationSource.contributing.join(' + ') || 'No people counted'}. ${POINT_CAVEAT}`,
    ),
  );
}

function assumptions(result: SiteCheckResponse): HTMLElement {
  return h(
    'details',
    { class: 'assumptions', 'data-testid': 'siting-assumptions' },
    h('summary', {}, `Assumptions (${result.assumptions.length})`),
    h('ul', { class: 'sources' }, ...result.assumptions.map((text) => h('li', {}, text))),
  );
}

function backButton(onBack: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'link-button' }, 'Ranked sites ↓');
  button.addEventListener('click', onBack);
  return button;
}

export function checkView(result: SiteCheckResponse, context: CheckContext): HTMLElement {
  const verdict = verdictOf(result);
  const where = formatLatLon(context.lat, context.lon);
  return h(
    'div',
    { class: 'check-result', 'data-testid': 'siting-result' },
    h(
      'div',
      { class: 'check-head' },
      context.onBack ? backButton(context.onBack) : null,
      h('h3', {}, context.siteName ?? 'Checked point'),
      h(
        'p',
        { class: 'muted' },
        `${where} · ${context.designName} · EPZ ${formatMiles(result.epzMi)}`,
      ),
    ),
    h(
      'div',
      {
        class: `verdict ${verdict.pass ? 'is-pass' : 'is-fail'}`,
        'data-testid': 'siting-verdict',
        'data-pass': String(verdict.pass),
      },
      h('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, verdict.pass ? '✓' : '✕'),
      h(
        'div',
        {},
        h('p', { class: 'verdict-title' }, verdict.title),
        h('p', { class: 'verdict-detail' }, verdict.detail),
      ),
    ),
    h('ul', { class: 'check-list' }, ...result.checks.map((check) => checkRow(check, result))),
    populationTable(result),
    assumptions(result),
  );
}
