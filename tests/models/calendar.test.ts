import { describe, expect, it } from 'vitest';
import {
  dayOfMonth,
  dayOfWeekOfDate,
  dayOfWeekOfDay,
  dayOfWeekOfHour,
  hourAfterMonths,
  hourOfDay,
  isLeapYear,
  monthOfHour,
  monthStartHour,
  parseYearMonth,
} from '../../models/calendar.ts';
import { ModelError } from '../../models/errors.ts';

describe('parseYearMonth', () => {
  it('reads a valid month', () => {
    expect(parseYearMonth('2025-07')).toEqual({ year: 2025, month: 7 });
  });

  it.each(['2025-13', '2025-00', '25-01', '2025-1', '2025/01', '', 202501, null])(
    'rejects %j as invalid input naming the field',
    (value) => {
      const error = (() => {
        try {
          parseYearMonth(value, 'phases[3].start');
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ModelError);
      expect((error as ModelError).code).toBe('INVALID_INPUT');
      expect((error as ModelError).message).toContain('phases[3].start');
      expect((error as ModelError).details).toEqual({ field: 'phases[3].start', value });
    },
  );
});

describe('the 8,760-hour year', () => {
  it('puts the first hour of each month where the days before it end', () => {
    // July starts after 31+28+31+30+31+30 = 181 days: 181 × 24 = 4,344 h.
    expect(monthStartHour({ year: 2025, month: 7 }, 2025)).toBe(4344);
    // March 2028 starts after 31 + 28 days even in a leap year: 29 February is dropped.
    expect(monthStartHour({ year: 2028, month: 3 }, 2028)).toBe(59 * 24);
    // A date in another year counts 8,760 h a year on the same axis.
    expect(monthStartHour({ year: 2026, month: 1 }, 2025)).toBe(8760);
    expect(monthStartHour({ year: 2024, month: 12 }, 2025)).toBe(-31 * 24);
  });

  it('ends a 6-month ramp from January on 1 July 00:00', () => {
    expect(hourAfterMonths({ year: 2025, month: 1 }, 6, 2025)).toBe(4344);
    // Crossing a year: November + 3 months = February of the next year.
    expect(hourAfterMonths({ year: 2025, month: 11 }, 3, 2026)).toBe(31 * 24);
    // Half a mean month is 8,760 / 24 = 365 h.
    expect(hourAfterMonths({ year: 2025, month: 1 }, 0.5, 2025)).toBe(365);
  });

  it('names the month, day and hour of an hour index', () => {
    expect([monthOfHour(0), dayOfMonth(0), hourOfDay(0)]).toEqual([1, 1, 0]);
    // Hour 1,416 = day 59 = 1 March 00:00.
    expect([monthOfHour(1416), dayOfMonth(1416), hourOfDay(1416)]).toEqual([3, 1, 0]);
    expect([monthOfHour(1415), dayOfMonth(1415), hourOfDay(1415)]).toEqual([2, 28, 23]);
    expect([monthOfHour(8759), dayOfMonth(8759), hourOfDay(8759)]).toEqual([12, 31, 23]);
  });

  it('knows leap years by the Gregorian rule', () => {
    expect([2024, 2028, 2000].map(isLeapYear)).toEqual([true, true, true]);
    expect([2025, 2100, 1900].map(isLeapYear)).toEqual([false, false, false]);
  });

  it('gives days of the week, skipping 29 February in a leap year', () => {
    // 1 January 2025 was a Wednesday (3); 1 January 2028 is a Saturday (6).
    expect(dayOfWeekOfDate(2025, 1, 1)).toBe(3);
    expect(dayOfWeekOfDay(2028, 0)).toBe(6);
    // Day 58 is 28 February 2028: 6 + 58 = 64 ≡ 1 (Monday).
    expect(dayOfWeekOfDay(2028, 58)).toBe(1);
    // Day 59 is 1 March 2028, 60 real days after 1 January: 6 + 60 = 66 ≡ 3 (Wednesday).
    expect(dayOfWeekOfDay(2028, 59)).toBe(dayOfWeekOfDate(2028, 3, 1));
    expect(dayOfWeekOfDay(2028, 59)).toBe(3);
    // 31 December 2028 is a Sunday.
    expect(dayOfWeekOfHour(2028, 8759)).toBe(0);
  });
});
