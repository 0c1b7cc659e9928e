// Side-by-side comparison of saved scenarios (UX.md "Scenarios"): each is evaluated on the
// server (two at a time) and its column fills in as its answer arrives; cells that differ from
// the first scenario carry a delta in words as well as a tint. Below, the peak week of the
// first scenario and the timelines, one series per scenario.
import './scenarios.css';
import { isAbort } from '../../api/client.ts';
import type { EvaluateResponse } from '../../api/scenario-types.ts';
import type { ScenariosClient } from '../../api/scenarios-client.ts';
import { peakWindowStart } from '../../charts/geometry.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { timelineOverlayChart, weekOverlayChart } from '../coverage/coverage-charts.ts';
import { compareRows, type CompareCell } from './compare-table.ts';
import { runLimited } from './run-limited.ts';
import { streamComparison } from '../../api/reports-client.ts';
import { createDownloadStatus, downloadTask } from '../reports/download-status.ts';

/** Evaluations in flight at once: each is a Monte Carlo run on the server's workers. */
export const COMPARE_CONCURRENCY = 2;

interface Column {
  id: string;
  name: string | null;
  result: EvaluateResponse | null;
  error: string | null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function cellElement(cell: CompareCell, column: Column): HTMLElement {
  if (cell.pending)
    return h(
      'td',
      { class: 'compare-pending' },
      column.error ? 'failed' : h('span', { 'aria-label': 'evaluating' }, 'evaluating…'),
    );
  const classes = [
    cell.differs ? 'is-different' : '',
    cell.verdict ? `is-${cell.verdict}` : '',
    typeof cell.value === 'string' ? 'is-text' : '',
  ].join(' ');
  return h(
    'td',
    { class: classes.trim() || undefined, 'data-differs': cell.differs ? 'true' : undefined },
    cell.text,
    cell.delta
      ? h(
          'span',
          { class: 'compare-delta' },
          cell.verdict ? `${cell.delta}, ${cell.verdict}` : cell.delta,
        )
      : null,
  );
}

function table(columns: Column[], designName: (id: string) => string): HTMLElement {
  const rows = compareRows(
    columns.map((c) => c.result),
    designName,
  );
  const head = columns.map((column, i) =>
    h(
      'th',
      { scope: 'col' },
      column.name ?? `Scenario ${i + 1}`,
      i === 0 ? h('span', { class: 'compare-delta' }, 'baseline') : null,
      column.error ? h('span', { class: 'compare-delta', role: 'alert' }, column.error) : null,
    ),
  );
  return h(
    'table',
    { class: 'compare-table', 'data-testid': 'compare-table' },
    h(
      'caption',
      { class: 'visually-hidden' },
      'Headline figures by scenario; differences from the first scenario are written below each figure.',
    ),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), ...head)),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { 'data-row': row.id },
          h('th', { scope: 'row', title: row.note }, row.label),
          ...row.cells.map((cell, i) => cellElement(cell, columns[i])),
        ),
      ),
    ),
  );
}

export function createCompareView(
  client: ScenariosClient,
  ids: string[],
  onClose: () => void,
  designName: (id: string) => string = (id) => id,
): HTMLElement {
  const abort = new AbortController();
  const columns: Column[] = ids.map((id) => ({ id, name: null, result: null, error: null }));
  const status = h('p', { class: 'muted', role: 'status' });
  const tableSlot = h('div', { class: 'compare-scroll' });
  const charts = h('div', { class: 'compare-charts' });
  const close = h(
    'button',
    { type: 'button', class: 'button button-small', 'data-testid': 'compare-close' },
    'Close',
  );
  // One PDF of what this view shows: the table and the overlaid charts (issue 11).
  const report = createDownloadStatus('compare-report-progress');
  const reportButton = h(
    'button',
    { type: 'button', class: 'button button-small', 'data-testid': 'compare-report-pdf' },
    'Download comparison (PDF)',
  );
  reportButton.addEventListener('click', () => {
    void report.run(
      downloadTask((onProgress, signal) => streamComparison(ids, onProgress, signal)),
    );
  });
  close.addEventListener('click', () => {
    abort.abort();
    onClose();
  });

  let chartsFor = '';
  const render = () => {
    const done = columns.filter((c) => c.result || c.error).length;
    status.textContent =
      done < columns.length
        ? `Evaluating ${columns.length} scenarios: ${done} done…`
        : `Evaluated ${columns.length} scenarios.`;
    replaceChildren(tableSlot, table(columns, designName));
    const first = columns[0].result;
    const items = columns.flatMap((c, i) =>
      c.result ? [{ label: c.name ?? `Scenario ${i + 1}`, result: c.result }] : [],
    );
    const key = items.map((item) => item.label).join('\n');
    if (!first || key === chartsFor) return;
    chartsFor = key;
    replaceChildren(
      charts,
      weekOverlayChart(items, peakWindowStart(first.hourly.demandMw)),
      timelineOverlayChart(items),
    );
  };

  columns.forEach((column) => {
    client.get(column.id).then(
      ({ scenario }) => {
        column.name = scenario.name;
        chartsFor = '';
        render();
      },
      () => {},
    );
  });
  void runLimited(
    columns.map((column) => () => client.evaluateSaved(column.id, abort.signal)),
    COMPARE_CONCURRENCY,
    (index, outcome) => {
      if (outcome.ok) columns[index].result = outcome.value;
      else if (!isAbort(outcome.error)) columns[index].error = messageOf(outcome.error);
      render();
    },
    abort.signal,
  );
  render();

  return h(
    'section',
    { class: 'compare-view', 'data-testid': 'compare-view', 'aria-label': 'Scenario comparison' },
    h(
      'div',
      { class: 'compare-head' },
      h('h3', {}, `Comparing ${ids.length} scenarios`),
      reportButton,
      close,
    ),
    status,
    report.element,
    tableSlot,
    charts,
  );
}
