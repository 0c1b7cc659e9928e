// The Coverage tab's charts, in UX.md order: a week of supply against demand (the peak week
// unless another is picked), the whole year (zoomable), the load-duration curves, the timeline
// gap, then what the cost is made of and its tornado. Built once; each answer redraws them.
import type { EvaluateResponse } from '../../api/scenario-types.ts';
import { HOURS_PER_WEEK, peakWindowStart } from '../../charts/geometry.ts';
import { dayLabel } from '../../charts/hours.ts';
import { h } from '../../ui/dom.ts';
import { WEEKS, weekStartHour } from './chart-data.ts';
import { chartFrame } from './chart-frame.ts';
import { durationOverlaySvg, weekOverlaySvg } from './coverage-charts.ts';
import { costBreakdownSvg, tornadoSvg } from './cost-charts.ts';
import { legendOf } from './overlay-style.ts';
import { timelineLegend, timelineOverlaySvg } from './timeline-chart.ts';
import { createYearChart } from './year-chart.ts';

const PEAK = 'peak';

export interface CoverageCharts {
  element: HTMLElement;
  show(result: EvaluateResponse): void;
}

export function createCoverageCharts(): CoverageCharts {
  const picker = h('select', {
    class: 'cov-week-select',
    'aria-label': 'Week shown',
    'data-testid': 'coverage-week',
  });
  const week = chartFrame('Supply against demand, one week', 'chart-cov-host', {
    controls: picker,
    testId: 'coverage-week-chart',
  });
  const year = createYearChart();
  const duration = chartFrame('Load-duration curve', 'chart-cov-host', {
    testId: 'coverage-duration-chart',
  });
  const timeline = chartFrame('Timeline: peak demand against firm supply', 'chart-cov-host', {
    testId: 'coverage-timeline-chart',
  });
  const costs = chartFrame('Annual cost by part', 'chart-cov-host', { hover: false });
  const tornado = chartFrame('Delivered cost: sensitivity', 'chart-cov-host', { hover: false });
  let result: EvaluateResponse | null = null;

  const drawWeek = () => {
    const current = result;
    if (!current) return;
    const peak = picker.value === PEAK || picker.value === '';
    const start = peak
      ? peakWindowStart(current.hourly.demandMw)
      : weekStartHour(Number(picker.value));
    const items = [{ label: 'This scenario', result: current }];
    week.host.render((width) => weekOverlaySvg(items, start, width, week.readout));
  };
  picker.addEventListener('change', drawWeek);

  const element = h(
    'div',
    { class: 'cov-charts' },
    week.element,
    year.element,
    duration.element,
    timeline.element,
    costs.element,
    tornado.element,
  );

  return {
    element,
    show(next) {
      const keep = picker.value;
      result = next;
      const items = [{ label: 'This scenario', result: next }];
      const peakStart = peakWindowStart(next.hourly.demandMw);
      picker.replaceChildren(
        h('option', { value: PEAK }, `Peak week (from ${dayLabel(next.year, peakStart)})`),
        ...Array.from({ length: WEEKS }, (_, w) =>
          h(
            'option',
            { value: String(w + 1) },
            `Week ${w + 1} (from ${dayLabel(next.year, w * HOURS_PER_WEEK)})`,
          ),
        ),
      );
      picker.value = keep || PEAK;
      week.legend(legendOf(items));
      drawWeek();
      year.show(next);
      duration.legend(legendOf(items));
      duration.host.render((width) => durationOverlaySvg(items, width, duration.readout));
      timeline.legend(timelineLegend(items));
      timeline.host.render((width) => timelineOverlaySvg(items, width, timeline.readout));
      costs.host.render((width) => costBreakdownSvg(next, width));
      tornado.element.hidden = next.economics.tornado.length === 0;
      tornado.legend([
        { label: 'Lowers the cost', className: 'hbar-low' },
        { label: 'Raises the cost', className: 'hbar-high' },
        { label: 'Base', className: 'hbar-reference' },
      ]);
      tornado.host.render(
        (width) =>
          tornadoSvg(next, width) ??
          h('p', { class: 'muted' }, 'No cost to vary: nothing is served.'),
      );
    },
  };
}
