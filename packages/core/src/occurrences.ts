/**
 * The occurrences of an event: one for a one-off event, the dates of its rule (less its
 * exceptions) for a recurring one. Rules are expanded on the event's wall clock, then each
 * occurrence becomes an instant with its zone's offset on that day, so a meeting at 18:00 stays
 * at 18:00 when daylight-saving time begins or ends.
 */
import { RRule, untilOf, untilWallClock, withUntil } from './recurrence-rule.ts';
import { addDays, formatWallClock, instantOf, parseWallClock, wallClockAsUtc, wallClockFromUtc, wallClockOf, type WallClock } from './wall-clock.ts';

/** What the occurrences of an event depend on: its fields as the event schema gives them. */
export interface EventTiming {
  /** `YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` for an all-day event, in the event's zone. */
  start: string;
  /** Same form as `start`; the last day of an all-day event. */
  end?: string | undefined;
  allDay: boolean;
  recurrence?: { rule: string; exceptions: string[] } | undefined;
}

/** One time an event takes place. */
export interface Occurrence {
  /** When it begins; an all-day occurrence begins at midnight in the event's zone. */
  start: Date;
  /** When it ends; an all-day occurrence ends at midnight after its last day. */
  end: Date;
  /** The start on the event's wall clock. */
  startWall: WallClock;
  /** The end on the event's wall clock (for an all-day occurrence, midnight after its last day). */
  endWall: WallClock;
}

/** Which occurrences of a recurring event to list: those overlapping the window, at most `limit`. */
export interface OccurrenceWindow {
  from: Date;
  until: Date;
  limit?: number;
}

const DEFAULT_LIMIT = 1000;

/** The wall-clock start and end of the first occurrence (all-day: midnight to midnight). */
export function firstOccurrenceWalls(event: EventTiming): { startWall: WallClock; endWall: WallClock } {
  const start = parseWallClock(event.start);
  if (!start) throw new Error(`"${event.start}" is not a wall-clock time; validate events with eventSchema first`);
  const end = event.end ? parseWallClock(event.end) : undefined;
  if (event.allDay) {
    const startWall = { ...start.wall, hour: 0, minute: 0 };
    const lastDay = end ? { ...end.wall, hour: 0, minute: 0 } : startWall;
    return { startWall, endWall: addDays(lastDay, 1) };
  }
  return { startWall: start.wall, endWall: end?.wall ?? start.wall };
}

/**
 * The rule with UNTIL as a wall-clock time of the event's zone, which is how the rule is
 * expanded here: a day means the whole of that day, a UTC time is moved to the zone's clock.
 */
function floatingRule(rule: string, timeZone: string): string {
  const until = untilOf(rule);
  const parsed = until ? untilWallClock(until) : undefined;
  if (!parsed) return rule;
  const wall = parsed.utc ? wallClockOf(new Date(wallClockAsUtc(parsed.wall)), timeZone) : parsed.wall;
  return withUntil(rule, `${formatWallClock(wall).replace(/[-:]/g, '')}00Z`);
}

/**
 * The rrule object of a recurring event on the floating time line (wall clock read as UTC), or
 * undefined for a one-off event.
 */
export function floatingRRule(event: EventTiming, timeZone: string) {
  if (!event.recurrence) return undefined;
  const { startWall } = firstOccurrenceWalls(event);
  const options = RRule.parseString(floatingRule(event.recurrence.rule, timeZone));
  return new RRule({ ...options, dtstart: new Date(wallClockAsUtc(startWall)), tzid: null });
}

/** A function that makes the occurrence starting at a wall-clock time, with the event's duration. */
function occurrenceMaker(event: EventTiming, timeZone: string): (start: WallClock) => Occurrence {
  const { startWall, endWall } = firstOccurrenceWalls(event);
  const duration = wallClockAsUtc(endWall) - wallClockAsUtc(startWall);
  return (start) => {
    const end = wallClockFromUtc(wallClockAsUtc(start) + duration);
    return { start: instantOf(start, timeZone), end: instantOf(end, timeZone), startWall: start, endWall: end };
  };
}

/**
 * Every occurrence of `event` in `timeZone`, earliest first. A one-off event has its one
 * occurrence whatever the window; a recurring one has those that overlap the window (so one under
 * way at `from` counts), at most `limit`, without the days listed in its exceptions.
 */
export function expandOccurrences(event: EventTiming, timeZone: string, window: OccurrenceWindow): Occurrence[] {
  const { startWall, endWall } = firstOccurrenceWalls(event);
  const duration = wallClockAsUtc(endWall) - wallClockAsUtc(startWall);
  const occurrence = occurrenceMaker(event, timeZone);
  const rule = floatingRRule(event, timeZone);
  if (!rule) return [occurrence(startWall)];
  const skipped = new Set(event.recurrence?.exceptions ?? []);
  const limit = (window.limit ?? DEFAULT_LIMIT) + skipped.size;
  // A day either side covers any zone's offset; occurrences outside the window are dropped below.
  const from = new Date(wallClockAsUtc(wallClockOf(window.from, timeZone)) - duration - 86_400_000);
  const until = new Date(wallClockAsUtc(wallClockOf(window.until, timeZone)) + 86_400_000);
  return rule
    .between(from, until, true, (_date, index) => index < limit)
    .map((date) => wallClockFromUtc(date.getTime()))
    .filter((start) => !skipped.has(formatWallClock(start, false)))
    .map(occurrence)
    .filter((found) => found.end >= window.from && found.start <= window.until)
    .slice(0, window.limit ?? DEFAULT_LIMIT);
}

/** Whether the first occurrence of the rule is the event's own start, as iCalendar expects. */
export function ruleStartsAtStart(event: EventTiming): { ok: true } | { ok: false; first: WallClock | undefined } {
  const rule = floatingRRule(event, 'UTC');
  if (!rule) return { ok: true };
  const { startWall } = firstOccurrenceWalls(event);
  const first = rule.after(new Date(wallClockAsUtc(startWall)), true);
  if (first && first.getTime() === wallClockAsUtc(startWall)) return { ok: true };
  return { ok: false, first: first ? wallClockFromUtc(first.getTime()) : undefined };
}

/**
 * The last occurrence of a recurring event that starts before `instant` (its exceptions
 * skipped), for an event whose occurrences all lie before a window; undefined for a one-off event
 * or when there is none.
 */
export function lastOccurrenceBefore(event: EventTiming, timeZone: string, instant: Date): Occurrence | undefined {
  const rule = floatingRRule(event, timeZone);
  if (!rule) return undefined;
  const skipped = new Set(event.recurrence?.exceptions ?? []);
  let before = new Date(wallClockAsUtc(wallClockOf(instant, timeZone)));
  for (let tries = 0; tries <= skipped.size; tries++) {
    const found = rule.before(before, false);
    if (!found) return undefined;
    const start = wallClockFromUtc(found.getTime());
    if (!skipped.has(formatWallClock(start, false))) return occurrenceMaker(event, timeZone)(start);
    before = found;
  }
  return undefined;
}
