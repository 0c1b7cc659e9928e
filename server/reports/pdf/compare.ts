// The comparison report (issue 11): several saved scenarios in one PDF. A title page naming
// each scenario and its verdict, the side-by-side table the workspace's compare view shows
// (web/features/scenarios/compare-table.ts: the same rows, cells and deltas, never a second
// version of them), the overlaid charts (the peak week of the first scenario, the timeline and
// the load-duration curves, one tone per scenario), the data sources and the disclaimer.
import { HOURS_PER_WEEK, peakWindowStart } from '../../../web/charts/geometry.ts';
import {
  durationCurves,
  timelineSeries,
  weekPoints,
} from '../../../web/features/coverage/chart-data.ts';
import { compareRows } from '../../../web/features/scenarios/compare-table.ts';
import { deploymentsSummary } from '../../../web/features/scenarios/scenario-format.ts';
import { lineChart, type LineSeries } from './chart.ts';
import { dayOfHour } from './demand.ts';
import { dateLong, latLon } from './format.ts';
import { designNameOf, type ReportInput } from './input.ts';
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  bullets,
  heading,
  newPage,
  section,
  write,
  type Report,
} from './layout.ts';
import { DATA_SOURCES, MODEL_LIMITS } from './sources.ts';
import { table, type Cell } from './table.ts';
import { verdictSentence } from './verdict.ts';

/** One tone per scenario, as web/charts/charts.css draws .line.tone-1..4 (then repeating). */
export const SCENARIO_TONES = ['#1d4ed8', '#c2410c', '#047857', '#7c3aed'] as const;
const toneOf = (k: number) => SCENARIO_TONES[k % SCENARIO_TONES.length];

export type CompareInput = readonly ReportInput[];

const verdictOf = (input: ReportInput) =>
  verdictSentence({
    campusName: input.campus.name,
    result: input.result,
    designName: designNameOf(input.designs),
    siteNames: input.siteNames,
  });

/** "A", "B", … : how the charts' legends and the table's columns name each scenario. */
export const scenarioLetter = (k: number): string => String.fromCharCode(65 + (k % 26));

export function compareTitlePage(r: Report, inputs: CompareInput): void {
  newPage(r);
  const { doc } = r;
  doc.rect(0, 0, PAGE.width, 8).fill(COLOR.supply);
  write(r, 'SMR campus siting report', { x: PAGE.left, y: 110 }, { size: 11, color: COLOR.muted });
  write(
    r,
    `Comparison of ${inputs.length} scenarios`,
    { x: PAGE.left, y: 132 },
    { size: 24, bold: true, width: CONTENT_WIDTH },
  );
  doc.moveDown(0.4);
  write(
    r,
    `Generated ${dateLong(inputs[0].generatedAt)} · differences are against scenario A, the baseline`,
    { x: PAGE.left, y: doc.y },
    { size: 10, color: COLOR.muted, width: CONTENT_WIDTH },
  );
  doc.moveDown(1.5);
  inputs.forEach((input, k) => {
    const y = doc.y;
    doc.rect(PAGE.left, y, 4, 12).fill(toneOf(k));
    write(
      r,
      `${scenarioLetter(k)}. ${input.name}`,
      { x: PAGE.left + 12, y },
      { size: 12.5, bold: true, width: CONTENT_WIDTH - 12 },
    );
    const { campus, result } = input;
    write(
      r,
      `${campus.name}${campus.state ? `, ${campus.state}` : ''} (${latLon(campus.lat, campus.lon)}) · study year ${result.year} · ${deploymentsSummary(input.request.deployments, designNameOf(input.designs))}`,
      { x: PAGE.left + 12, y: doc.y + 2 },
      { size: 9, color: COLOR.muted, width: CONTENT_WIDTH - 12 },
    );
    write(
      r,
      verdictOf(input),
      { x: PAGE.left + 12, y: doc.y + 3 },
      { size: 10, width: CONTENT_WIDTH - 12, lineGap: 1.5 },
    );
    doc.moveDown(1.1);
  });
}

/** The compare view's table: one row per figure, one column per scenario, deltas under. */
export function compareTableSection(r: Report, inputs: CompareInput): void {
  section(
    r,
    'Side by side',
    'The headline figures of each scenario. Under each figure of B, C, … : its difference from A and whether that is better or worse.',
  );
  bullets(
    r,
    inputs.map((input, k) => `${scenarioLetter(k)}: ${input.name}`),
    9,
  );
  r.doc.moveDown(0.3);
  const designName = designNameOf(inputs[0].designs);
  const rows = compareRows(
    inputs.map((i) => i.result),
    designName,
  );
  const columns = [
    { header: 'Figure', width: 2.2 },
    // Letters, not names, head the columns: a long or CJK name never breaks the header row.
    ...inputs.map((_, k) => ({
      header: scenarioLetter(k),
      width: 1.6,
      align: 'right' as const,
    })),
  ];
  const body = rows.map((row): (string | Cell)[] => [
    { text: row.label, bold: true },
    ...row.cells.map((cell, k): Cell => {
      const delta =
        k > 0 && cell.delta
          ? `\n${cell.verdict ? `${cell.delta}, ${cell.verdict}` : cell.delta}`
          : '';
      const color =
        cell.verdict === 'better' ? COLOR.pass : cell.verdict === 'worse' ? COLOR.fail : undefined;
      return { text: `${cell.text}${delta}`, ...(color ? { color } : {}) };
    }),
  ]);
  table(r, columns, body, inputs.length > 4 ? 7 : 7.5);
  heading(r, 'What each figure is');
  bullets(
    r,
    rows.map((row) => `${row.label}: ${row.note}`),
    8,
  );
}

/** The overlaid charts: the baseline's peak week, the timeline and the load-duration curves. */
export function compareChartsSection(r: Report, inputs: CompareInput): void {
  section(
    r,
    'Overlaid charts',
    'One tone per scenario: dashed lines are campus demand, solid lines delivered or firm supply.',
  );
  const first = inputs[0].result;
  const start = peakWindowStart(first.hourly.demandMw, HOURS_PER_WEEK);
  const pairs = (k: number, demand: LineSeries['points'], supply: LineSeries['points']) => [
    { label: `${scenarioLetter(k)} demand`, points: demand, color: toneOf(k), dash: true },
    { label: `${scenarioLetter(k)} supply`, points: supply, color: toneOf(k) },
  ];
  lineChart(
    r,
    {
      title: `Supply against demand, the week of A's peak (${dayOfHour(first.year, start)} – ${dayOfHour(first.year, start + HOURS_PER_WEEK - 1)})`,
      xLabel: 'hour of the week',
      yLabel: 'MW',
      height: 170,
      xTicks: [0, 24, 48, 72, 96, 120, 144, 168],
    },
    inputs.flatMap(({ result }, k) =>
      pairs(
        k,
        weekPoints(result.hourly.demandMw, start),
        weekPoints(result.hourly.deliveredMw, start),
      ),
    ),
  );
  lineChart(
    r,
    {
      title: 'Timeline: peak demand against firm supply',
      xLabel: 'year',
      yLabel: 'MW',
      height: 170,
      xFormat: (v) => String(v),
    },
    inputs.flatMap(({ result }, k) => {
      const t = timelineSeries(result.timeline);
      return pairs(k, t.demand, t.supply);
    }),
  );
  lineChart(
    r,
    {
      title: 'Load-duration curves: each hour of the year, highest first',
      xLabel: 'share of hours the value is exceeded (%)',
      yLabel: 'MW',
      height: 170,
      xTicks: [0, 25, 50, 75, 100],
    },
    inputs.flatMap(({ result }, k) => {
      const curves = durationCurves(result.hourly);
      return pairs(k, curves.demand, curves.delivered);
    }),
  );
}

/** The sources every scenario's figures come from, and the model's limits. */
export function compareSourcesSection(r: Report): void {
  section(
    r,
    'Sources and limits',
    'Each scenario was evaluated with the same engine and data; a single-scenario report lists every input and default.',
  );
  table(
    r,
    [
      { header: 'Source', width: 1.3 },
      { header: 'Used for', width: 3 },
      { header: 'Licence', width: 1.5 },
    ],
    DATA_SOURCES.map((s) => [s.name, s.use, s.licence]),
  );
  heading(r, "The model's limits");
  bullets(r, MODEL_LIMITS);
}
