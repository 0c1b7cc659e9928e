// The Coverage answer first and large ("97.8% of 2032 load", P05 and after backup beside it),
// then the metrics grid. Every figure has units and a tooltip naming what it is and its basis
// (UX.md "Every number"); badges carry words, never colour alone.
import type { EvaluateRequest, EvaluateResponse } from '../../api/scenario-types.ts';
import {
  formatHours,
  formatMw,
  formatMwh,
  formatPercent,
  formatUsdCompact,
  formatUsdPerMwh,
  formatWhole,
} from '../../format.ts';
import { h } from '../../ui/dom.ts';
import { DEFAULT_FULL_TRIALS } from './evaluation-controller.ts';

interface Figure {
  label: string;
  value: string;
  unit: string;
  /** What it is and its basis: the tooltip. */
  basis: string;
  testId: string;
  extra?: HTMLElement | null;
}

function figure({ label, value, unit, basis, testId, extra }: Figure): HTMLElement {
  return h(
    'div',
    {
      class: 'cov-figure',
      title: basis,
      tabindex: 0,
      'aria-label': `${label}: ${value}${unit ? ` ${unit}` : ''}. ${basis}`,
      'data-testid': testId,
    },
    h('span', { class: 'cov-figure-label' }, label),
    h(
      'span',
      { class: 'cov-figure-number' },
      value,
      unit
        ? h('span', { class: 'cov-figure-unit' }, unit.startsWith('/') ? unit : ` ${unit}`)
        : null,
    ),
    extra ?? null,
  );
}

const trialsOf = (request: EvaluateRequest | null) =>
  request?.options?.trials ?? DEFAULT_FULL_TRIALS;

/** "covers 97.8% of 2032 load", with P05 and the after-backup share beside it. */
export function answerBlock(
  result: EvaluateResponse,
  request: EvaluateRequest | null,
): HTMLElement {
  const c = result.coverage;
  const after = result.afterBackup;
  const trials = formatWhole(trialsOf(request));
  return h(
    'div',
    { class: 'cov-answer' },
    h(
      'div',
      {
        class: 'cov-answer-main',
        title: `Reactors alone: mean over ${trials} Monte Carlo trials of served MWh ÷ demand MWh in ${result.year} (outages, refuelling and line losses included; no backup)`,
      },
      h('span', { class: 'cov-answer-lead' }, 'Reactors cover'),
      h(
        'span',
        { class: 'cov-answer-number', 'data-testid': 'served-fraction' },
        formatPercent(c.servedEnergyFraction),
      ),
      h('span', { class: 'cov-answer-of' }, `of ${result.year} load`),
    ),
    h(
      'dl',
      { class: 'cov-answer-side' },
      h(
        'div',
        {
          title: `5th percentile of the per-trial served share: 19 trials in 20 do at least this well`,
        },
        h('dt', {}, 'P05'),
        h('dd', { 'data-testid': 'served-fraction-p05' }, formatPercent(c.servedEnergyFractionP05)),
      ),
      h(
        'div',
        {
          title: `Served share after battery, gas and grid in the dispatch order (${result.backup.order.join(' → ')}); P05 ${formatPercent(after.servedEnergyFractionP05)}`,
        },
        h('dt', {}, 'With backup'),
        h(
          'dd',
          { 'data-testid': 'served-fraction-after-backup' },
          formatPercent(after.servedEnergyFraction),
        ),
      ),
    ),
  );
}

export function metricsGrid(
  result: EvaluateResponse,
  request: EvaluateRequest | null,
): HTMLElement {
  const c = result.coverage;
  const after = result.afterBackup;
  const e = result.economics;
  const b = result.backup;
  const g = result.grid;
  const target = formatPercent(request?.options?.targetReliability ?? 0.999);
  const n1 = result.nMinus1;
  const figures: Figure[] = [
    {
      label: 'Firm capacity',
      value: formatWhole(c.firmCapacityMw),
      unit: 'MW',
      basis: `Delivered MW the reactors reach or exceed in ${target} of trial-hours (the target reliability), before storage`,
      testId: 'metric-firm-mw',
    },
    {
      label: 'Loss-of-load hours',
      value: formatHours(c.lossOfLoadHours).replace(/ h$/, ''),
      unit: 'h/yr',
      basis: `Mean hours a year the reactors alone deliver less than demand; after backup ${formatHours(after.lossOfLoadHours)}`,
      testId: 'metric-lolh',
    },
    {
      label: 'N-1',
      value: n1.pass ? 'Pass' : 'Fail',
      unit: '',
      basis: `Firm supply less the largest contingency (${formatMw(n1.contingencyMw)}: the larger of the biggest unit and the biggest line) ${n1.pass ? 'still meets' : 'falls below'} the peak`,
      testId: 'metric-n1',
      extra: h('span', { class: 'cov-figure-note' }, `contingency ${formatMw(n1.contingencyMw)}`),
    },
    {
      label: 'Gas backup',
      value: formatWhole(b.gasMw),
      unit: 'MW',
      basis: b.gasSized
        ? "Sized: the reactors' shortfall at the target reliability"
        : 'As entered in the options',
      testId: 'metric-gas-mw',
    },
    {
      label: 'Battery',
      value: formatWhole(b.batteryMw),
      unit: 'MW',
      basis:
        'Battery power and energy (default: the larger of the training swing and the largest unit trip, for 1 h)',
      testId: 'metric-battery',
      extra: h('span', { class: 'cov-figure-note' }, `${formatMwh(b.batteryMwh)} storage`),
    },
    {
      label: 'Grid import',
      value: formatWhole(g.importMwh),
      unit: 'MWh',
      basis:
        g.mode === 'connected'
          ? `Mean MWh a year imported; peak ${formatMw(g.peakImportMw)} of a ${formatMw(g.importLimitMw)} limit`
          : 'Islanded: no grid connection (choose "connected" in the options)',
      testId: 'metric-grid',
      extra: h('span', { class: 'cov-figure-note' }, `a year · peak ${formatMw(g.peakImportMw)}`),
    },
    {
      label: 'LCOE',
      value: e.lcoeUsdPerMwh === null ? '—' : formatUsdPerMwh(e.lcoeUsdPerMwh).replace('/MWh', ''),
      unit: '/MWh',
      basis:
        "The fleet's levelised cost at its lifetime availability (capital at the real WACC, O&M, fuel, decommissioning)",
      testId: 'metric-lcoe',
    },
    {
      label: 'Delivered cost',
      value:
        e.deliveredCostUsdPerMwh === null
          ? '—'
          : formatUsdPerMwh(e.deliveredCostUsdPerMwh).replace('/MWh', ''),
      unit: '/MWh',
      basis: `All annual costs in ${result.year} (reactors, lines, backup, grid, less credits and export revenue) ÷ MWh served`,
      testId: 'metric-delivered',
    },
    {
      label: 'Capex',
      value: formatUsdCompact(e.capexUsd + e.transmissionCapexUsd + e.backupCapexUsd),
      unit: '',
      basis: `Reactors ${formatUsdCompact(e.capexUsd)} + lines ${formatUsdCompact(e.transmissionCapexUsd)} + backup ${formatUsdCompact(e.backupCapexUsd)} (first-of-a-kind premium, learning and location applied)`,
      testId: 'metric-capex',
    },
  ];
  const unserved = h(
    'p',
    { class: 'cov-unserved muted' },
    `Unserved ${formatMwh(c.unservedMwh)} a year by the reactors alone, ${formatMwh(after.unservedMwh)} after backup.`,
  );
  const grid = h('div', { class: 'cov-figure-grid' }, ...figures.map(figure));
  grid
    .querySelector('[data-testid="metric-n1"] .cov-figure-number')
    ?.classList.add(n1.pass ? 'is-pass' : 'is-fail');
  return h('div', { class: 'cov-metrics' }, grid, unserved);
}
