// The timeline gap chart (UX.md "Coverage"): the campus ramp (peak demand by year) against the
// fleet's firm supply, the gap shaded where supply falls short, reactor arrivals marked at
// their commercial-operation year. One answer, or several overlaid (the compare view).
import { lineChart, type Band, type LineSeries, type Marker } from '../../charts/line-chart.ts';
import { formatMw, formatWhole } from '../../format.ts';
import { arrivals, timelineSeries } from './chart-data.ts';
import type { LegendEntry } from './chart-frame.ts';
import {
  CHART_HEIGHT_PX,
  seriesStyle,
  type LabelledResult,
  type Readout,
} from './overlay-style.ts';

const styleOf = (items: readonly LabelledResult[], k: number) => {
  const style = seriesStyle(items, k);
  const single = items.length === 1;
  return {
    demand: { ...style.demand, label: single ? 'Peak demand' : `${items[k].label} peak demand` },
    supply: { ...style.supply, label: single ? 'Firm supply' : `${items[k].label} firm supply` },
  };
};

export function timelineLegend(items: readonly LabelledResult[]): LegendEntry[] {
  const lines = items.flatMap((_, k) => Object.values(styleOf(items, k)));
  return [
    ...lines,
    ...(items.length === 1 ? [{ label: 'Gap', className: 'band-gap' }] : []),
    { label: 'Reactors online (COD)', className: 'marker' },
  ];
}

export function timelineOverlaySvg(
  items: readonly LabelledResult[],
  widthPx: number,
  onReadout?: Readout,
): SVGSVGElement {
  const rows = items.map(({ result }) => timelineSeries(result.timeline));
  const first = items[0].result.timeline;
  const years = first.map((row) => row.year);
  const [from, to] = [years[0] ?? 2024, years[years.length - 1] ?? 2045];
  const series = rows.flatMap((t, k): LineSeries[] => {
    const style = styleOf(items, k);
    return [
      { points: t.demand, ...style.demand },
      { points: t.supply, ...style.supply },
    ];
  });
  const bands: Band[] =
    items.length === 1
      ? [{ upper: rows[0].demand, lower: rows[0].gapLower, className: 'band-gap' }]
      : [];
  const markers: Marker[] = items.flatMap(({ label, result }) =>
    arrivals(result.deployments).map((a) => ({
      x: a.year,
      label: `+${a.units}`,
      detail: `${items.length === 1 ? '' : `${label}: `}${a.year}: ${a.units} unit${a.units === 1 ? '' : 's'} online (${a.designs.join(', ')})`,
    })),
  );
  const step = to - from > 12 && widthPx < 420 ? 4 : to - from > 8 ? 2 : 1;
  const t0 = rows[0];
  const gapWords = t0.worst
    ? `largest gap ${formatMw(t0.worst.gapMw)} in ${t0.worst.year}; ` +
      (t0.coveredFrom === null
        ? 'firm supply never covers the peak.'
        : `covered from ${t0.coveredFrom}.`)
    : 'firm supply covers the peak in every year.';
  const words = (k: number, year: number) => {
    const row = items[k].result.timeline.find((r) => r.year === year);
    if (!row) return null;
    const gap = row.gapMw > 0 ? ` · gap ${formatMw(row.gapMw)}` : ' · no gap';
    const text = `peak ${formatMw(row.demandPeakMw)} · firm ${formatMw(row.firmSupplyMw)}${gap}`;
    return items.length === 1 ? text : `${items[k].label}: ${text}`;
  };
  return lineChart({
    widthPx,
    heightPx: CHART_HEIGHT_PX,
    className: 'chart-cov-timeline',
    summary: `Timeline ${from}–${to}: peak demand against firm supply by year; ${gapWords}`,
    series,
    bands,
    markers,
    legend: false,
    xDomain: [from, to],
    xTicks: years
      .filter((y) => (y - from) % step === 0)
      .map((value) => ({ value, label: String(value) })),
    xTitle: 'Year',
    yTitle: 'MW',
    yFormat: formatWhole,
    hoverLabel: (i) =>
      [String(years[i]), ...items.map((_, k) => words(k, years[i]))].filter(Boolean).join(' · '),
    onReadout,
  });
}
