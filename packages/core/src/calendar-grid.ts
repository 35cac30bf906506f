/**
 * Month calendars: the weeks of a month as rows of seven days, starting on the day the locale's
 * weeks start, with the names of the weekdays.
 */

/** A month as `YYYY-MM`. */
export type MonthKey = string;

const pad = (value: number) => String(value).padStart(2, '0');

/** The month of a `YYYY-MM-DD…` text: `2026-12`. */
export const monthOf = (day: string): MonthKey => day.slice(0, 7);

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: MonthKey, count: number): MonthKey {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, index - 1 + count, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

/** The day the weeks of `locale` start on: 1 for Monday … 7 for Sunday (Sunday in en-US and en-CA). */
export function firstDayOfWeek(locale: string): number {
  const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1;
}

/**
 * The weeks of `month`, each seven days from the locale's first weekday; days of the months
 * before and after are `undefined`.
 */
export function monthWeeks(month: MonthKey, firstDay: number): (string | undefined)[][] {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(year, index, 0)).getUTCDate();
  // getUTCDay: 0 is Sunday; weekdays here are 1 (Monday) to 7 (Sunday).
  const weekdayOfFirst = new Date(Date.UTC(year, index - 1, 1)).getUTCDay() || 7;
  const leading = (weekdayOfFirst - firstDay + 7) % 7;
  const cells: (string | undefined)[] = [
    ...Array.from({ length: leading }, () => undefined),
    ...Array.from({ length: daysInMonth }, (_, day) => `${month}-${pad(day + 1)}`),
  ];
  while (cells.length % 7) cells.push(undefined);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** The names of the weekdays in `locale`, from `firstDay`: `{ short: 'Mon', long: 'Monday' }`. */
export function weekdayNames(locale: string, firstDay: number): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, offset) => {
    const date = new Date(Date.UTC(2024, 0, ((firstDay - 1 + offset) % 7) + 1));
    return { short: short.format(date), long: long.format(date) };
  });
}

/** The month's name and year in `locale`: "December 2026", "décembre 2026". */
export function formatMonth(month: MonthKey, locale: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, index - 1, 1)));
}
