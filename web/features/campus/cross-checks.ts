// Published GPU counts against published MW, one row a year (the model's crossChecks): the
// campus's own published facts checked against each other, so a large gap is news, not noise.
// Each row's tooltip is the model's note: the arithmetic and the published note quoted.
import type { DemandCrossCheck } from '../../../models/demand.ts';
import { formatWhole } from '../../format.ts';
import { h } from '../../ui/dom.ts';

/** 100000 → '100k', 1500000 → '1.5M': counts as press reports write them. */
export function compactCount(count: number): string {
  if (count >= 1_000_000) return `${Number((count / 1_000_000).toFixed(1))}M`;
  if (count >= 10_000) return `${Number((count / 1000).toFixed(0))}k`;
  return formatWhole(count);
}

/** 'H100 SXM5 80 GB' → 'H100', 'GB200 NVL72' → 'GB200': the product name in the press. */
const shortName = (name: string): string => name.split(' ')[0] || name;

const signedPercent = (fraction: number): string =>
  `${fraction < 0 ? '−' : '+'}${Math.round(Math.abs(fraction) * 100)}%`;

/** "Published 100k H100 → modelled 201 MW vs published 150 MW (+34%)". */
export function crossCheckText(check: DemandCrossCheck): string {
  const gpus = check.accelerators
    .map((a) => `${compactCount(a.count)} ${shortName(a.name)}`)
    .join(' + ');
  return (
    `Published ${gpus} → modelled ${formatWhole(check.modelledFacilityPeakMw)} MW vs published ` +
    `${formatWhole(check.publishedFacilityMw)} MW (${signedPercent(check.differenceFraction)})`
  );
}

/** The rows, or null when the campus publishes no GPU counts beside its MW. */
export function crossChecksBlock(checks: DemandCrossCheck[]): HTMLElement | null {
  if (checks.length === 0) return null;
  return h(
    'div',
    { class: 'cross-checks' },
    h('p', { class: 'cross-checks-title' }, 'Published GPU counts vs published MW'),
    h(
      'ul',
      {},
      ...checks.map((check) =>
        h(
          'li',
          {
            class: 'cross-check',
            'data-testid': 'demand-cross-check',
            title: check.note,
            tabindex: 0,
          },
          h('span', { class: 'cross-check-year' }, String(check.year)),
          ' ',
          crossCheckText(check),
          ' ',
          h('span', { class: 'muted' }, `(${check.confidence} confidence)`),
        ),
      ),
    ),
    h(
      'p',
      { class: 'cross-checks-note muted' },
      "Modelled: each GPU at its reference system's max draw (gpu-power.json) plus the cluster network and storage adder, × the design-day PUE. A large gap means the count, the MW or the max draw does not hold for this campus; hover a row for the arithmetic and the published note.",
    ),
  );
}
