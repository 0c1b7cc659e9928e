// The chart maths with no DOM: scales, round ticks, paths, bars and the peak-week finder.
import { describe, expect, it } from 'vitest';
import {
  areaPath,
  barRects,
  extent,
  linearScale,
  linePath,
  niceStep,
  niceTicks,
  peakWindowStart,
  type Pair,
} from '../../web/charts/geometry.ts';
import { dayLabel, hourDate, hourLabel } from '../../web/charts/hours.ts';

describe('linearScale', () => {
  it('maps the ends of the domain to the ends of the range, and the middle to the middle', () => {
    const y = linearScale([0, 1200], [150, 10]);
    expect(y(0)).toBe(150);
    expect(y(1200)).toBe(10);
    expect(y(600)).toBe(80);
    expect(y.domain).toEqual([0, 1200]);
    expect(y.range).toEqual([150, 10]);
  });

  it('maps everything to the middle of the range when the domain has no width', () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });
});

describe('niceTicks', () => {
  const isRound = (step: number) => {
    const power = 10 ** Math.floor(Math.log10(step));
    return [1, 2, 5, 10].some((m) => Math.abs(step / power - m) < 1e-9);
  };

  it.each([
    [0, 1203.4],
    [0, 1],
    [412.7, 1190.2],
    [-3, 17],
    [0, 0.07],
    [0, 86_000],
  ])('covers [%d, %d] with evenly spaced round steps', (min, max) => {
    const ticks = niceTicks(min, max, 4);
    expect(ticks[0]).toBeLessThanOrEqual(min);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    const step = ticks[1] - ticks[0];
    expect(isRound(step)).toBe(true);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i] - ticks[i - 1]).toBeCloseTo(step, 9);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(9);
  });

  it('gives 0, 500, 1,000, 1,500 for a 1,203 MW peak', () => {
    expect(niceTicks(0, 1203, 4)).toEqual([0, 500, 1000, 1500]);
  });

  it('has no floating-point drift in decimal steps', () => {
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('still gives an axis for a flat zero series', () => {
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });

  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(1000, 4)).toBe(500);
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(7, 5)).toBe(2);
  });
});

describe('paths and bars', () => {
  const x = linearScale([0, 167], [50, 384]);
  const y = linearScale([0, 1500], [120, 20]);
  const week: Pair[] = Array.from({ length: 168 }, (_, i) => [i, 1000 + i] as const);

  it('starts the path at the first point and ends it at the last', () => {
    const d = linePath(week, x, y);
    expect(d.startsWith('M50,53.3L')).toBe(true);
    expect(d.endsWith(`L384,${Math.round(y(1167) * 10) / 10}`)).toBe(true);
    expect(d.match(/L/g)).toHaveLength(167);
  });

  it('closes an area down to the zero line', () => {
    const d = areaPath(week, x, y);
    expect(d.endsWith('L384,120L50,120Z')).toBe(true);
  });

  it('lays bars side by side from zero to their value', () => {
    const bars = barRects([0, 750, 1500], [0, 300], y, 0.2);
    expect(bars.map((b) => b.width)).toEqual([80, 80, 80]);
    expect(bars.map((b) => b.x)).toEqual([10, 110, 210]);
    expect(bars[0].height).toBe(0);
    expect(bars[1]).toMatchObject({ y: 70, height: 50 });
    expect(bars[2]).toMatchObject({ y: 20, height: 100 });
  });

  it('finds the extent of a series, skipping non-finite values', () => {
    expect(extent([3, NaN, -2, 9, Infinity])).toEqual([-2, 9]);
    expect(extent([])).toEqual([0, 0]);
  });
});

describe('peakWindowStart', () => {
  it('picks the 168-hour window with the most energy', () => {
    const series = new Array<number>(8760).fill(100);
    // A 100-hour block of 500 MW from hour 3,000: the best week contains all of it.
    for (let h = 3000; h < 3100; h++) series[h] = 500;
    // A single 2,000 MW spike elsewhere has a higher peak but far less energy in its week.
    series[6000] = 2000;
    const start = peakWindowStart(series);
    expect(start).toBeLessThanOrEqual(3000);
    expect(start + 168).toBeGreaterThanOrEqual(3100);
    // First on a tie: the earliest window that holds the whole block.
    expect(start).toBe(3100 - 168);
  });

  it('starts at 0 for a flat series and for one shorter than a week', () => {
    expect(peakWindowStart(new Array(8760).fill(7))).toBe(0);
    expect(peakWindowStart([1, 2, 3])).toBe(0);
  });

  it('finds a peak week at the very end of the year', () => {
    const series = Array.from({ length: 8760 }, (_, h) => h);
    expect(peakWindowStart(series)).toBe(8760 - 168);
  });
});

describe('hour labels', () => {
  it('skips 29 February in a leap year, as the hourly series does', () => {
    expect(hourDate(2028, 59 * 24).toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(dayLabel(2027, 59 * 24)).toBe('1 Mar');
  });

  it('names the weekday, day and hour of local standard time', () => {
    expect(hourLabel(2027, 24 + 15)).toBe('Sat 2 Jan 15:00');
  });
});
