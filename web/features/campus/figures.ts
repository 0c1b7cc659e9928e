// The modelled headline figures of a campus: peak first and large, then mean, energy, load
// factor and PUE, the training-swing flag and the cross-checks against published GPU counts.
// Each figure's tooltip says how it was made and from which inputs (UX.md "Every number").
import './figures.css';
import type { DemandResponse } from '../../api/demand-types.ts';
import { formatMw, formatPercent, formatPue, formatWhole } from '../../format.ts';
import { h } from '../../ui/dom.ts';
import { crossChecksBlock } from './cross-checks.ts';
import type { InputsBasis } from './provenance.ts';

interface Figure {
  label: string;
  value: string;
  unit: string;
  how: string;
  testId?: string;
}

function figure({ label, value, unit, how, testId }: Figure, inputs: string): HTMLElement {
  const title = `Model: ${how}; inputs: ${inputs}`;
  return h(
    'div',
    { class: 'figure', title, tabindex: 0, 'aria-label': `${label}: ${value} ${unit}. ${title}` },
    h('span', { class: 'figure-label' }, label),
    h(
      'span',
      { class: 'figure-number', 'data-testid': testId },
      value,
      unit ? h('span', { class: 'figure-unit' }, ` ${unit}`) : null,
    ),
  );
}

/** The swing as a badge with words; its note (the arithmetic and the threshold) one click away. */
function swingBadge(swing: DemandResponse['swing']): HTMLElement {
  const text = swing.flagged
    ? `Training swing ≈ ${formatMw(swing.mw)} — grid-stability flag`
    : `Training swing ≈ ${formatMw(swing.mw)} — below the flag threshold`;
  return h(
    'details',
    { class: `swing ${swing.flagged ? 'swing-flagged' : ''}`, 'data-testid': 'campus-swing' },
    h(
      'summary',
      { title: swing.note },
      h('span', { class: `badge ${swing.flagged ? 'badge-flag' : 'badge-low'}` }, text),
      h('span', { class: 'swing-more' }, 'Why'),
    ),
    h('p', {}, swing.note),
  );
}

export function demandFigures(
  result: DemandResponse,
  basis: InputsBasis,
  plannedMw: number | null,
): HTMLElement {
  const year = result.year;
  const everything = basis.summary;
  const peak = figure(
    {
      label: `Peak facility load, ${year}`,
      value: formatWhole(result.peakMw),
      unit: 'MW',
      how: `hourly facility MW (IT × hourly PUE), max over the 8,760 hours of ${year}`,
      testId: 'campus-peak-mw',
    },
    everything,
  );
  peak.classList.add('figure-peak');
  const grid: Figure[] = [
    {
      label: 'Mean load',
      value: formatWhole(result.meanMw),
      unit: 'MW',
      how: `mean of the hourly facility MW in ${year}`,
    },
    {
      label: 'Annual energy',
      value: formatWhole(result.annualGwh),
      unit: 'GWh',
      how: `sum of the hourly facility MWh in ${year} ÷ 1,000`,
    },
    {
      label: 'Load factor',
      value: formatPercent(result.loadFactor),
      unit: '',
      how: 'mean ÷ peak facility load',
    },
    {
      label: 'PUE, annual',
      value: formatPue(result.pueAnnual),
      unit: '',
      how: 'energy-weighted, Σ facility ÷ Σ IT (ISO/IEC 30134-2), calibrated to the input PUE',
    },
    {
      label: 'PUE, design day',
      value: formatPue(result.pueDesignPeak),
      unit: '',
      how: 'the 99th-percentile hour of the temperature-proxy PUE',
    },
    {
      label: 'IT peak',
      value: formatWhole(result.itPeakMw),
      unit: 'MW',
      how: `critical IT MW before PUE, max over the hours of ${year}`,
    },
  ];
  const compare =
    plannedMw === null
      ? 'No published planned peak to compare.'
      : `Published planned peak: ${formatMw(plannedMw)}. p95 ${formatMw(result.p95Mw)}, p99 ${formatMw(result.p99Mw)}.`;
  return h(
    'div',
    { class: 'demand-figures' },
    h('div', { class: 'figure-row' }, peak, h('p', { class: 'figure-compare muted' }, compare)),
    h('div', { class: 'figure-grid' }, ...grid.map((item) => figure(item, everything))),
    swingBadge(result.swing),
    crossChecksBlock(result.crossChecks),
    h('p', { class: 'inputs-note muted' }, `Inputs: ${basis.short}.`),
  );
}

/** Never a blank: what would appear, and how to get it (UX.md "Empty"). */
export function needsPhasesNote(campusName: string, published: boolean): HTMLElement {
  return h(
    'div',
    { class: 'needs-phases', role: 'status', 'data-testid': 'campus-needs-phases' },
    h(
      'p',
      { class: 'empty-title' },
      published ? `${campusName} has no published load yet` : 'Enter the first phase',
    ),
    h(
      'p',
      {},
      'Enter phases below — a start month and either accelerators × count, IT MW or facility MW — to model its hourly load, peak and ramp.',
    ),
  );
}
