// The Coverage charts' numbers without the DOM, checked against hand-worked examples: week
// windows, duration curves, buckets, zoom windows, the timeline gap, arrivals and costs.
import { describe, expect, it } from 'vitest';
import { linearScale } from '../../web/charts/geometry.ts';
import {
  bandPath,
  downsample,
  durationPoints,
  nearestIndex,
  sortedDescending,
  windowBetween,
  zoomDomain,
} from '../../web/charts/series.ts';
import {
  arrivals,
  costRows,
  durationCurves,
  timelineSeries,
  tornadoRows,
  weekOfHour,
  weekPoints,
  weekStartHour,
  yearView,
} from '../../web/features/coverage/chart-data.ts';

describe('weeks', () => {
  it('starts week 1 at hour 0 and week 52 at hour 51 × 168 = 8,568', () => {
    expect(weekStartHour(1)).toBe(0);
    expect(weekStartHour(2)).toBe(168);
    expect(weekStartHour(52)).toBe(8568);
    expect(weekStartHour(60)).toBe(8568);
    expect(weekStartHour(0)).toBe(0);
  });

  it('puts an hour in its week, the last hours of the year in week 52', () => {
    expect(weekOfHour(0)).toBe(1);
    expect(weekOfHour(167)).toBe(1);
    expect(weekOfHour(168)).toBe(2);
    expect(weekOfHour(8759)).toBe(52);
  });

  it('slices 168 hours from the start as [hour of week, MW]', () => {
    const hourly = Array.from({ length: 400 }, (_, h) => h * 2);
    const week = weekPoints(hourly, 100);
    expect(week).toHaveLength(168);
    expect(week[0]).toEqual([0, 200]);
    expect(week[167]).toEqual([167, 534]);
  });
});

describe('duration curves', () => {
  it('sorts high to low without touching the input', () => {
    const values = [3, 9, 1, 7];
    expect(sortedDescending(values)).toEqual([9, 7, 3, 1]);
    expect(values).toEqual([3, 9, 1, 7]);
  });

  it('samples the sorted values at shares of hours, first the highest, last the lowest', () => {
    // Five values: share k/4 of the hours picks index round(k/4 × 4) = k.
    expect(durationPoints([50, 40, 30, 20, 10], 4)).toEqual([
      [0, 50],
      [25, 40],
      [50, 30],
      [75, 20],
      [100, 10],
    ]);
  });

  it('sorts demand and delivered supply separately', () => {
    const curves = durationCurves({ demandMw: [1, 3, 2], deliveredMw: [5, 0, 4] }, 2);
    // Share 50% of 3 values picks index round(0.5 × 2) = 1.
    expect(curves.demand).toEqual([
      [0, 3],
      [50, 2],
      [100, 1],
    ]);
    expect(curves.delivered).toEqual([
      [0, 5],
      [50, 4],
      [100, 0],
    ]);
  });
});

describe('downsample', () => {
  it('cuts a window into whole buckets with min, mean and max', () => {
    const series = [4, 8, 6, 2, 10, 0, 5];
    // 7 points into at most 3 buckets: ceil(7 / 3) = 3 points each, the last one shorter.
    expect(downsample(series, 0, 7, 3)).toEqual([
      { start: 0, end: 3, min: 4, mean: 6, max: 8 },
      { start: 3, end: 6, min: 0, mean: 4, max: 10 },
      { start: 6, end: 7, min: 5, mean: 5, max: 5 },
    ]);
  });

  it('keeps every point when the window is narrower than the buckets allowed', () => {
    expect(downsample([1, 2, 3, 4], 1, 3, 10)).toEqual([
      { start: 1, end: 2, min: 2, mean: 2, max: 2 },
      { start: 2, end: 3, min: 3, mean: 3, max: 3 },
    ]);
  });

  it('reduces a year to daily buckets at 365 buckets', () => {
    const year = Array.from({ length: 8760 }, (_, h) => h % 24);
    const days = downsample(year, 0, 8760, 365);
    expect(days).toHaveLength(365);
    // Each day holds hours 0..23: min 0, max 23, mean 11.5.
    expect(days[200]).toEqual({ start: 4800, end: 4824, min: 0, mean: 11.5, max: 23 });
  });

  it('gives the year view means at bucket middles and supply’s range', () => {
    const view = yearView({ demandMw: [10, 20, 30, 40], deliveredMw: [15, 5, 40, 20] }, [0, 4], 2);
    expect(view.demandMean).toEqual([
      [1, 15],
      [3, 35],
    ]);
    expect(view.deliveredMin).toEqual([
      [1, 5],
      [3, 20],
    ]);
    expect(view.deliveredMax).toEqual([
      [1, 15],
      [3, 40],
    ]);
    expect(view.demandMax).toEqual([20, 40]);
    expect(view.spans).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });
});

describe('zoom windows', () => {
  const year = [0, 8760] as const;

  it('halves the window about its middle', () => {
    expect(zoomDomain([0, 8760], year, 0.5, 168)).toEqual([2190, 6570]);
  });

  it('keeps the zoomed window inside the year', () => {
    // Zooming out of [0, 2000] by 2 about its middle (1000) would start at -1000: shifted to 0.
    expect(zoomDomain([0, 2000], year, 2, 168)).toEqual([0, 4000]);
    expect(zoomDomain([8000, 8760], year, 4, 168)).toEqual([5720, 8760]);
  });

  it('never zooms narrower than the minimum span nor wider than the year', () => {
    expect(zoomDomain([1000, 1200], year, 0.1, 168)).toEqual([1016, 1184]);
    expect(zoomDomain([0, 8760], year, 3, 168)).toEqual([0, 8760]);
  });

  it('takes a dragged window in either direction', () => {
    expect(windowBetween(5000, 3000, year, 168)).toEqual([3000, 5000]);
    // A 40-hour drag widens to the 168-hour minimum about its middle (1,020).
    expect(windowBetween(1000, 1040, year, 168)).toEqual([936, 1104]);
  });
});

describe('bands and nearest points', () => {
  it('draws the band along the upper line and back along the lower one', () => {
    const x = linearScale([0, 10], [0, 100]);
    const y = linearScale([0, 10], [100, 0]);
    const d = bandPath(
      [
        [0, 8],
        [10, 6],
      ],
      [
        [0, 2],
        [10, 4],
      ],
      x,
      y,
    );
    expect(d).toBe('M0,20L100,40L100,60L0,80Z');
  });

  it('finds the point nearest an x value by bisection', () => {
    const points = [0, 10, 20, 30].map((v) => [v, v * 2] as const);
    expect(nearestIndex(points, 14)).toBe(1);
    expect(nearestIndex(points, 16)).toBe(2);
    expect(nearestIndex(points, -5)).toBe(0);
    expect(nearestIndex(points, 99)).toBe(3);
    expect(nearestIndex([], 3)).toBe(-1);
  });
});

describe('timeline', () => {
  const years = [
    { year: 2028, demandPeakMw: 300, firmSupplyMw: 0, gapMw: 300 },
    { year: 2029, demandPeakMw: 600, firmSupplyMw: 462, gapMw: 138 },
    { year: 2030, demandPeakMw: 900, firmSupplyMw: 924, gapMw: 0 },
    { year: 2031, demandPeakMw: 1000, firmSupplyMw: 924, gapMw: 76 },
    { year: 2032, demandPeakMw: 1000, firmSupplyMw: 1386, gapMw: 0 },
  ];

  it('shades the gap down to supply where it falls short and not at all where it covers', () => {
    const t = timelineSeries(years);
    expect(t.gapLower).toEqual([
      [2028, 0],
      [2029, 462],
      [2030, 900],
      [2031, 924],
      [2032, 1000],
    ]);
    expect(t.demand[1]).toEqual([2029, 600]);
    expect(t.supply[4]).toEqual([2032, 1386]);
  });

  it('names the worst gap and the year supply covers the peak from then on', () => {
    const t = timelineSeries(years);
    expect(t.worst).toEqual({ year: 2028, gapMw: 300 });
    // 2030 is covered but 2031 is not: covered for good only from 2032.
    expect(t.coveredFrom).toBe(2032);
    expect(timelineSeries(years.slice(0, 2)).coveredFrom).toBeNull();
  });

  it('groups reactor arrivals by commercial-operation year', () => {
    expect(
      arrivals([
        { codYear: 2031, units: 2, designId: 'natrium' },
        { codYear: 2029, units: 4, designId: 'bwrx-300' },
        { codYear: 2031, units: 1, designId: 'bwrx-300' },
      ]),
    ).toEqual([
      { year: 2029, units: 4, designs: ['bwrx-300'] },
      { year: 2031, units: 3, designs: ['natrium', 'bwrx-300'] },
    ]);
  });
});

describe('costs', () => {
  it('signs credits and export revenue against cost and totals them', () => {
    const { rows, totalUsd } = costRows({
      reactorCapital: 400e6,
      reactorFixedOm: 60e6,
      reactorFuelAndVom: 40e6,
      decommissioning: 5e6,
      taxCredit: -100e6,
      lines: 10e6,
      backupCapital: 0,
      gasFuel: 3e6,
      gridImport: 0,
      gridExportRevenue: 8e6,
    });
    // 400 + 60 + 40 + 5 − 100 + 10 + 3 − 8 = 410 ($M).
    expect(totalUsd).toBe(410e6);
    expect(rows.map((r) => r.key)).toEqual([
      'reactorCapital',
      'reactorFixedOm',
      'reactorFuelAndVom',
      'decommissioning',
      'taxCredit',
      'lines',
      'gasFuel',
      'gridExportRevenue',
    ]);
    expect(rows[rows.length - 1].usd).toBe(-8e6);
  });

  it('drops tornado bars with no finite cost', () => {
    const bar = {
      parameter: 'wacc' as const,
      label: 'Real WACC',
      lowInput: '-2 pts',
      highInput: '+2 pts',
      lowUsdPerMwh: 80,
      highUsdPerMwh: 110,
      baseUsdPerMwh: 95,
    };
    expect(tornadoRows([bar, { ...bar, highUsdPerMwh: Infinity }])).toEqual([bar]);
  });
});
