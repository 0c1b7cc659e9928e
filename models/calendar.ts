// The 8,760-hour model year (DESIGN.md "Units, names, calendar"): local standard time, hour 0 is
// 1 January 00:00, and 29 February is dropped in leap years so every year has 365 days. Hours
// before or after a year are counted on the same 8,760-hour axis, so a date in another year maps
// to `(year − baseYear) × 8760 + hour within its own year`.
import { invalidInput } from './errors.ts';
import { HOURS_PER_YEAR } from './units.ts';

export const HOURS_PER_DAY = 24;
export const DAYS_PER_MODEL_YEAR = 365;
/** Mean model month, hours (8,760 / 12): used only for the fraction of a fractional month. */
export const HOURS_PER_MEAN_MONTH = HOURS_PER_YEAR / 12;

/** Day index (0-based) of the first day of each month in a 365-day year. */
export const MONTH_START_DAY: readonly number[] = [
  0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
];

export interface YearMonth {
  year: number;
  /** 1..12 */
  month: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Parses 'YYYY-MM' (month 01..12, year 1900..2100). Anything else is a 400 naming the field,
 * e.g. `Invalid phases[0].start: "2025-13"`.
 */
export function parseYearMonth(value: unknown, field = 'start'): YearMonth {
  const match = typeof value === 'string' ? YEAR_MONTH.exec(value) : null;
  if (!match) throw invalidInput(field, value, "must be 'YYYY-MM'");
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw invalidInput(field, value, 'month must be 01..12');
  if (year < 1900 || year > 2100) throw invalidInput(field, value, 'year must be 1900..2100');
  return { year, month };
}

/** Hour of the first hour of `start`'s month, counted from 1 January 00:00 of `baseYear`. */
export function monthStartHour(start: YearMonth, baseYear: number): number {
  return (
    (start.year - baseYear) * HOURS_PER_YEAR + MONTH_START_DAY[start.month - 1] * HOURS_PER_DAY
  );
}

/**
 * The hour `months` calendar months after `start` (fractional months add a mean month's share),
 * on `baseYear`'s axis: a 6-month ramp from 2025-01 ends at 1 July 00:00.
 */
export function hourAfterMonths(start: YearMonth, months: number, baseYear: number): number {
  const whole = Math.floor(months);
  const monthIndex = start.month - 1 + whole;
  const end = { year: start.year + Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1 };
  return monthStartHour(end, baseYear) + (months - whole) * HOURS_PER_MEAN_MONTH;
}

export const hourOfDay = (hour: number): number => hour % HOURS_PER_DAY;
/** 0-based day of the 365-day year. */
export const dayOfYear = (hour: number): number => Math.floor(hour / HOURS_PER_DAY);

/** Month 1..12 of an hour of the model year. */
export function monthOfHour(hour: number): number {
  const day = dayOfYear(hour);
  let month = 12;
  while (MONTH_START_DAY[month - 1] > day) month -= 1;
  return month;
}

/** Day of month 1..31 of an hour of the model year. */
export function dayOfMonth(hour: number): number {
  return dayOfYear(hour) - MONTH_START_DAY[monthOfHour(hour) - 1] + 1;
}

// Sakamoto's method: Gregorian day of week with no Date object (0 = Sunday).
const SAKAMOTO = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
export function dayOfWeekOfDate(year: number, month: number, day: number): number {
  const y = month < 3 ? year - 1 : year;
  const dow =
    y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + SAKAMOTO[month - 1] + day;
  return ((dow % 7) + 7) % 7;
}

/**
 * Day of week (0 = Sunday … 6 = Saturday) of a day of the model year. From 1 March on in a leap
 * year the real date is one day later than the index, because 29 February is dropped.
 */
export function dayOfWeekOfDay(year: number, day: number): number {
  const skipped = isLeapYear(year) && day >= MONTH_START_DAY[2] ? 1 : 0;
  return (dayOfWeekOfDate(year, 1, 1) + day + skipped) % 7;
}

export const dayOfWeekOfHour = (year: number, hour: number): number =>
  dayOfWeekOfDay(year, dayOfYear(hour));

export const isWeekend = (dayOfWeek: number): boolean => dayOfWeek === 0 || dayOfWeek === 6;
