// Hour-of-year arithmetic for chart labels. An hourly series starts 1 January 00:00 local
// standard time and has 8,760 values: 29 February is dropped in leap years (DESIGN.md "Units,
// names, calendar"). Dates are built in UTC so the viewer's own time zone never shifts them.
const HOUR_MS = 3_600_000;
const FEB_29_FIRST_HOUR = 59 * 24;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The calendar time of hour `hour` of the series, as a Date whose UTC fields are local time. */
export function hourDate(year: number, hour: number): Date {
  const skip = isLeap(year) && hour >= FEB_29_FIRST_HOUR ? 24 : 0;
  return new Date(Date.UTC(year, 0, 1) + (hour + skip) * HOUR_MS);
}

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short' });
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "14 Jul" */
export const dayLabel = (year: number, hour: number): string => DAY.format(hourDate(year, hour));
/** "Mon 14" */
export const weekdayLabel = (year: number, hour: number): string => {
  const date = hourDate(year, hour);
  return `${WEEKDAY.format(date)} ${date.getUTCDate()}`;
};
/** "Mon 14 Jul 15:00" */
export const hourLabel = (year: number, hour: number): string => {
  const date = hourDate(year, hour);
  return `${WEEKDAY.format(date)} ${DAY.format(date)} ${TIME.format(date)}`;
};
