/**
 * iCalendar files (RFC 5545) of events, for "Add to calendar" and calendar subscriptions.
 *
 * Times are written as the event's local time with its IANA zone (`DTSTART;TZID=America/Toronto:
 * 20261208T180000`) and a VTIMEZONE for that zone. Google Calendar, Apple Calendar and Outlook all
 * import this form; Outlook needs the VTIMEZONE, the others use the IANA name. UTC times would
 * be simpler but break recurring events: the RRULE of a Tuesday at 18:00 would repeat at the same
 * UTC time and drift by an hour when daylight-saving time changes.
 *
 * The file says what the site says, occurrence by occurrence: a skipped day removes every
 * occurrence of that day (EXDATE), and a time that a daylight-saving change skips or shows twice,
 * which calendar apps read each in their own way, is written as the UTC instant the site gives it
 * (RFC 5545 §3.3.5: a skipped time is read with the offset from before the change, a time shown
 * twice is the first of the two), for a one-off event in DTSTART, for a recurring one in an
 * override of that occurrence (RECURRENCE-ID).
 */
import type { EventTiming } from '../occurrences.ts';
import { firstOccurrenceWalls } from '../occurrences.ts';
import { icalWallClock, untilOf, untilWallClock, withUntil } from '../recurrence-rule.ts';
import { compareWallClocks, instantOf, instantsOf, wallClockAsUtc, wallClockFromUtc, wallClockOf, type WallClock } from '../wall-clock.ts';
import { escapeText, joinContentLines } from './content-lines.ts';
import { lastYearOf, skippedStarts, unclearStarts } from './instances.ts';
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

const utcText = (instant: Date) => `${icalWallClock(wallClockOf(instant, 'UTC'), true)}Z`;

/** A date or date-time property in the event's zone: `DTSTART;TZID=…:…`, `…;VALUE=DATE:…` or UTC. */
function timeProperty(name: string, walls: WallClock[], event: CalendarEvent): string {
  if (event.allDay) return `${name};VALUE=DATE:${walls.map((wall) => icalWallClock(wall, false)).join(',')}`;
  if (UTC_NAMES.has(event.timeZone)) return `${name}:${walls.map((wall) => `${icalWallClock(wall, true)}Z`).join(',')}`;
  return `${name};TZID=${event.timeZone}:${walls.map((wall) => icalWallClock(wall, true)).join(',')}`;
}

/** Whether `wall` needs writing as an instant: a time of day in a zone whose change makes it unclear. */
const isUnclear = (wall: WallClock, event: CalendarEvent) => !event.allDay && !UTC_NAMES.has(event.timeZone) && instantsOf(wall, event.timeZone).length !== 1;

/** A time property of a time a daylight-saving change makes unclear: the site's instant, in UTC. */
const instantProperty = (name: string, wall: WallClock, event: CalendarEvent) => `${name}:${utcText(instantOf(wall, event.timeZone))}`;

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

/** What a calendar app shows of an event besides its times, the same in its overrides. */
function detailLines(event: CalendarEvent): string[] {
  return [
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.geo ? [`GEO:${event.geo.latitude};${event.geo.longitude}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.categories?.length ? [`CATEGORIES:${event.categories.map(escapeText).join(',')}`] : []),
  ];
}

/** `PT1H30M`: an exact duration, which every app adds the same way outside a clock change. */
function icalDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  return `PT${Math.floor(minutes / 60)}H${minutes % 60}M`;
}

/** An override of one occurrence, with the instants the site gives it. */
function overrideLines(event: CalendarEvent, stamp: Date, start: WallClock, duration: number): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcText(stamp)}`,
    timeProperty('RECURRENCE-ID', [start], event),
    instantProperty('DTSTART', start, event),
    ...(event.end ? [instantProperty('DTEND', wallClockFromUtc(wallClockAsUtc(start) + duration), event)] : []),
    ...detailLines(event),
    'END:VEVENT',
  ];
}

/**
 * The lines of one event: its VEVENT, then an override of each occurrence that a daylight-saving
 * change makes unclear (see `unclearStarts`).
 */
export function veventLines(event: CalendarEvent, stamp: Date): string[] {
  const { startWall, endWall } = firstOccurrenceWalls(event);
  const duration = wallClockAsUtc(endWall) - wallClockAsUtc(startWall);
  const timed = !event.allDay && !UTC_NAMES.has(event.timeZone);
  const overridden = event.recurrence && timed ? unclearStarts(event, event.timeZone, lastYearOf(event, stamp)) : [];
  const firstOverridden = overridden.length > 0 && compareWallClocks(overridden[0]!, startWall) === 0;
  // A one-off event with an unclear start or end has both as instants, in the same form. A
  // recurring event's rule is read on the wall clock of its DTSTART, so that stays; when its
  // first occurrence is unclear (and overridden), an app could take the length of the others
  // from it, so it gets an exact DURATION instead of a DTEND.
  const asInstants = !event.recurrence && (isUnclear(startWall, event) || isUnclear(endWall, event));
  const start = asInstants ? instantProperty('DTSTART', startWall, event) : timeProperty('DTSTART', [startWall], event);
  const end = asInstants
    ? instantProperty('DTEND', endWall, event)
    : firstOverridden
      ? `DURATION:${icalDuration(duration)}`
      : timeProperty('DTEND', [endWall], event);
  const exceptions = skippedStarts(event);
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcText(stamp)}`,
    start,
    ...(event.allDay || event.end ? [end] : []),
    ...(event.recurrence ? [`RRULE:${icalRule(event.recurrence.rule, event)}`] : []),
    ...(exceptions.length ? [timeProperty('EXDATE', exceptions, event)] : []),
    ...detailLines(event),
    'END:VEVENT',
    ...overridden.flatMap((wall) => overrideLines(event, stamp, wall, duration)),
  ];
}

/** The VTIMEZONE of each zone the timed events use, covering every occurrence the file gives exactly. */
function timezoneLines(events: CalendarEvent[], stamp: Date): string[] {
  const years = new Map<string, { from: number; to: number }>();
  for (const event of events) {
    if (event.allDay || UTC_NAMES.has(event.timeZone)) continue;
    const from = firstOccurrenceWalls(event).startWall.year;
    const to = lastYearOf(event, stamp);
    const known = years.get(event.timeZone);
    years.set(event.timeZone, { from: Math.min(known?.from ?? from, from), to: Math.max(known?.to ?? to, to) });
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
