const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Parses `YYYY-MM-DD` (as midnight UTC) or an ISO date-time. A date-time without an offset, such
 * as `2026-05-01T18:30`, is read as UTC, so the same file gives the same instant on every machine
 * that builds the site. Returns `undefined` for anything else, including impossible dates such as
 * `2026-02-30` that `Date` would silently roll over.
 */
export function parseStrictDate(text: string): Date | undefined {
  const value = text.trim();
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number];
    return isRealDay(year, month, day) ? new Date(Date.UTC(year, month - 1, day)) : undefined;
  }
  const dateTime = DATE_TIME.exec(value);
  if (!dateTime) return undefined;
  const [year, month, day, hour, minute, second = 0] = dateTime.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (!isRealDay(year!, month!, day!) || hour! > 23 || minute! > 59 || second > 59) return undefined;
  // `new Date` reads a date-time without an offset in the build machine's zone; "Z" pins it to UTC.
  const date = new Date(`${value.replace(' ', 'T')}${dateTime[7] ? '' : 'Z'}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Whether a date carries no time of day: `YYYY-MM-DD` parses to midnight UTC. Such a date is a
 * calendar day and is shown as that day in every time zone.
 */
export function isCalendarDay(date: Date): boolean {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

const zoneFor = (date: Date, timeZone: string) => (isCalendarDay(date) ? 'UTC' : timeZone);

// A site formats thousands of dates with a handful of settings; building a formatter is the
// costly part, so each is made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * Formats a date for readers in `locale`, e.g. "1 May 2026" or "May 1, 2026". A date with a
 * time of day is shown as the day it is in `timeZone` (the site's).
 */
export function formatDate(date: Date, locale: string, timeZone = 'UTC'): string {
  return formatter(locale, { dateStyle: 'long', timeZone: zoneFor(date, timeZone) }).format(date);
}

/** The `YYYY-MM-DD` form of a date, for `<time datetime>`, by the same rule as `formatDate`. */
export function isoDay(date: Date, timeZone = 'UTC'): string {
  return formatter('en-CA', {
    timeZone: zoneFor(date, timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}
