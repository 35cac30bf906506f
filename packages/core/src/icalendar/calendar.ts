/**
 * iCalendar files (RFC 5545) of events, for "Add to calendar" and calendar subscriptions.
 *
 * Times are written as the event's local time with its IANA zone (`DTSTART;TZID=America/Toronto:
 * 20261208T180000`) and a VTIMEZONE for that zone. Google Calendar, Apple Calendar and Outlook all
 * import this form; Outlook needs the VTIMEZONE, the others use the IANA name. UTC times would
 * be simpler but break recurring events: the RRULE of a Tuesday at 18:00 would repeat at the same
 * UTC time and drift by an hour when daylight-saving time changes.
 */
import type { EventTiming } from '../occurrences.ts';
import { firstOccurrenceWalls } from '../occurrences.ts';
import { icalWallClock, untilOf, untilWallClock, withUntil } from '../recurrence-rule.ts';
import { instantOf, parseWallClock, wallClockOf, type WallClock } from '../wall-clock.ts';
import { escapeText, joinContentLines } from './content-lines.ts';
import { vtimezone } from './vtimezone.ts';

/** One event of a calendar file: its timing and what a calendar app shows of it. */
export interface CalendarEvent extends EventTiming {
  /** Stays the same from build to build, so a re-import updates the event instead of adding it again. */
  uid: string;
  title: string;
  /** IANA time zone of `start` and `end`. */
  timeZone: string;
  description?: string | undefined;
  location?: string | undefined;
  geo?: { latitude: number; longitude: number } | undefined;
  /** The event's page. */
  url?: string | undefined;
  categories?: string[] | undefined;
}

export interface CalendarInput {
  /** The calendar's name, shown by apps that subscribe to it. */
  name: string;
  events: CalendarEvent[];
  /** When the file was made (DTSTAMP): the build's time. */
  stamp: Date;
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

/** How many years after the file is made the VTIMEZONE of a zone without yearly rules covers. */
const YEARS_AHEAD = 2;

const utcText = (instant: Date) => `${icalWallClock(wallClockOf(instant, 'UTC'), true)}Z`;

/** A date or date-time property in the event's zone: `DTSTART;TZID=…:…`, `…;VALUE=DATE:…` or UTC. */
function timeProperty(name: string, walls: WallClock[], event: CalendarEvent): string {
  if (event.allDay) return `${name};VALUE=DATE:${walls.map((wall) => icalWallClock(wall, false)).join(',')}`;
  if (UTC_NAMES.has(event.timeZone)) return `${name}:${walls.map((wall) => `${icalWallClock(wall, true)}Z`).join(',')}`;
  return `${name};TZID=${event.timeZone}:${walls.map((wall) => icalWallClock(wall, true)).join(',')}`;
}

/**
 * The rule with UNTIL in the form RFC 5545 requires: a day for an all-day event, a UTC time for
 * one with a time of day (a local UNTIL is the event's zone's).
 */
function icalRule(rule: string, event: CalendarEvent): string {
  const until = untilOf(rule);
  const parsed = until ? untilWallClock(until) : undefined;
  if (!parsed) return rule;
  if (event.allDay) {
    const day = parsed.utc ? wallClockOf(instantOf(parsed.wall, 'UTC'), event.timeZone) : parsed.wall;
    return withUntil(rule, icalWallClock(day, false));
  }
  return parsed.utc ? rule : withUntil(rule, utcText(instantOf(parsed.wall, event.timeZone)));
}

/** The lines of one VEVENT. */
export function veventLines(event: CalendarEvent, stamp: Date): string[] {
  const { startWall, endWall } = firstOccurrenceWalls(event);
  const exceptions = (event.recurrence?.exceptions ?? [])
    .map((day) => parseWallClock(day)?.wall)
    .filter((wall): wall is WallClock => !!wall)
    .map((day) => ({ ...day, hour: startWall.hour, minute: startWall.minute }));
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcText(stamp)}`,
    timeProperty('DTSTART', [startWall], event),
    ...(event.allDay || event.end ? [timeProperty('DTEND', [endWall], event)] : []),
    ...(event.recurrence ? [`RRULE:${icalRule(event.recurrence.rule, event)}`] : []),
    ...(exceptions.length ? [timeProperty('EXDATE', exceptions, event)] : []),
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.geo ? [`GEO:${event.geo.latitude};${event.geo.longitude}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.categories?.length ? [`CATEGORIES:${event.categories.map(escapeText).join(',')}`] : []),
    'END:VEVENT',
  ];
}

/** The VTIMEZONE of each zone the timed events use, covering their years. */
function timezoneLines(events: CalendarEvent[], stamp: Date): string[] {
  const years = new Map<string, { from: number; to: number }>();
  const stampYear = stamp.getUTCFullYear();
  for (const event of events) {
    if (event.allDay || UTC_NAMES.has(event.timeZone)) continue;
    const { startWall, endWall } = firstOccurrenceWalls(event);
    const to = Math.max(endWall.year, event.recurrence ? stampYear + YEARS_AHEAD : endWall.year);
    const known = years.get(event.timeZone);
    years.set(event.timeZone, { from: Math.min(known?.from ?? startWall.year, startWall.year), to: Math.max(known?.to ?? to, to) });
  }
  return [...years].sort(([a], [b]) => a.localeCompare(b)).flatMap(([zone, { from, to }]) => vtimezone(zone, from, to));
}

/** A whole iCalendar file: CRLF line ends, lines folded at 75 octets. */
export function icalendar({ name, events, stamp }: CalendarInput): string {
  return joinContentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Open Outreach//Events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    ...timezoneLines(events, stamp),
    ...events.flatMap((event) => veventLines(event, stamp)),
    'END:VCALENDAR',
  ]);
}
