// A Coverage chart's frame: caption with its controls, an HTML legend that wraps at any panel
// width, the chart host (redrawn at its width) and a readout line for the hovered values.
import { chartHost, type ChartHost } from '../../charts/svg.ts';
import { h } from '../../ui/dom.ts';

export interface LegendEntry {
  label: string;
  /** The series' classes, e.g. 'tone-1' or 'tone-demand dashed'; 'band-gap' for a band. */
  className: string;
}

export interface ChartFrame {
  element: HTMLElement;
  host: ChartHost;
  /** Hover words (null: the pointer left, the hint returns). */
  readout(text: string | null): void;
  legend(entries: LegendEntry[]): void;
}

const HINT = 'Hover the chart for values';

export function legendList(entries: LegendEntry[]): HTMLElement {
  return h(
    'ul',
    { class: 'cov-legend', 'aria-hidden': 'true' },
    ...entries.map((entry) =>
      h('li', {}, h('span', { class: `cov-swatch ${entry.className}` }), entry.label),
    ),
  );
}

export function chartFrame(
  title: string,
  className: string,
  options: { controls?: HTMLElement; hover?: boolean; testId?: string } = {},
): ChartFrame {
  const host = chartHost(className);
  const legendSlot = h('div', { class: 'cov-legend-slot' });
  const readoutLine =
    options.hover === false
      ? null
      : h('p', { class: 'cov-readout muted', 'aria-hidden': 'true' }, HINT);
  const element = h(
    'figure',
    { class: 'cov-chart', 'data-testid': options.testId },
    h('figcaption', { class: 'cov-chart-caption' }, h('span', {}, title), options.controls ?? null),
    legendSlot,
    host.element,
    readoutLine,
  );
  return {
    element,
    host,
    readout(text) {
      if (readoutLine) readoutLine.textContent = text ?? HINT;
      readoutLine?.classList.toggle('is-live', text !== null);
    },
    legend(entries) {
      legendSlot.replaceChildren(legendList(entries));
    },
  };
}
