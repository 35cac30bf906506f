/**
 * Dates and times of event occurrences as readers see them: in the site's language, on the
 * event's wall clock, with the zone named when it is not the site's.
 */
import type { Occurrence } from './occurrences.ts';
import { addDays, formatWallClock, wallClockAsUtc, wallClockOf, zoneOffsetMinutes } from './wall-clock.ts';

export interface OccurrenceFormat {
  locale: string;
  /** The event's time zone. */
  timeZone: string;
  allDay: boolean;
  /** The site's time zone: another zone is named after the time. */
  siteTimeZone?: string | undefined;
}

/** The readable name of a zone: "Eastern Time", "heure d’Europe centrale". */
export function timeZoneName(timeZone: string, locale: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at).find((item) => item.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * When an occurrence takes place, e.g. "Tuesday, December 8, 2026, 6:00 – 8:00 PM", or for an
 * all-day one "Saturday, April 24, 2027" (a range when it lasts several days).
 */
export function formatOccurrence(occurrence: Occurrence, { locale, timeZone, allDay, siteTimeZone }: OccurrenceFormat): string {
  if (allDay) {
    const days = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const first = new Date(wallClockAsUtc(occurrence.startWall));
    const last = new Date(wallClockAsUtc(addDays(occurrence.endWall, -1)));
    return last > first ? days.formatRange(first, last) : days.format(first);
  }
  const times = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone });
  const text = occurrence.end > occurrence.start ? times.formatRange(occurrence.start, occurrence.end) : times.format(occurrence.start);
  return siteTimeZone && siteTimeZone !== timeZone ? `${text} (${timeZoneName(timeZone, locale, occurrence.start)})` : text;
}

/** The time of day an occurrence starts, "6:00 PM", for calendar cells; empty for an all-day one. */
export function formatStartTime(occurrence: Occurrence, { locale, timeZone, allDay }: OccurrenceFormat): string {
  return allDay ? '' : new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(occurrence.start);
}

/**
 * The machine-readable start for `<time datetime>`: `2026-12-08T18:00-05:00`, or the day alone
 * for an all-day occurrence.
 */
export function occurrenceDatetime(occurrence: Occurrence, { timeZone, allDay }: Pick<OccurrenceFormat, 'timeZone' | 'allDay'>): string {
  if (allDay) return formatWallClock(occurrence.startWall, false);
  const offset = zoneOffsetMinutes(occurrence.start, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  // The clock at the instant, not the rule's: a time skipped by a change is shown as it is read.
  return `${formatWallClock(wallClockOf(occurrence.start, timeZone))}${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}
