/**
 * The occurrences of a recurring event that its RRULE alone cannot carry to a calendar app
 * exactly as the site shows them: those on its skipped days (for EXDATE), and those that start or
 * end at a time a daylight-saving change makes ambiguous (for an override with UTC times).
 */
import { firstOccurrenceWalls, floatingRRule, type EventTiming } from '../occurrences.ts';
import { formatWallClock, parseWallClock, wallClockAsUtc, wallClockFromUtc, type WallClock } from '../wall-clock.ts';
import { zoneTransitions } from './vtimezone.ts';

const DAY = 86_400_000;

/** How many years past the build (or past its start, if later) an open-ended event is written exactly. */
export const HORIZON_YEARS = 10;

/** The floating times (see `wallClockAsUtc`) of the rule's occurrences from `from` up to, but not including, `until`. */
function startsBetween(event: EventTiming, from: number, until: number): number[] {
  const rule = floatingRRule(event, 'UTC');
  if (!rule || until <= from) return [];
  return rule.between(new Date(from), new Date(until - 1), true).map((date) => date.getTime());
}

/**
 * Every occurrence the site leaves out for the event's skipped days, as wall clocks: each start
 * of the rule on such a day, so that a rule with several times a day (`BYHOUR=9,17`) loses all of
 * them, as on the site.
 */
export function skippedStarts(event: EventTiming): WallClock[] {
  const days = [...new Set(event.recurrence?.exceptions ?? [])].sort();
  return days
    .map((day) => parseWallClock(day)?.wall)
    .filter((day): day is WallClock => !!day)
    .flatMap((day) => {
      const midnight = wallClockAsUtc({ ...day, hour: 0, minute: 0 });
      return startsBetween(event, midnight, midnight + DAY);
    })
    .map(wallClockFromUtc);
}

/**
 * The last year with an occurrence the calendar file has to get exactly right: the year of the
 * last occurrence of an event that ends, or `HORIZON_YEARS` after the build (or after the
 * event's start, if later) for one that repeats without end.
 */
export function lastYearOf(event: EventTiming, stamp: Date): number {
  const { startWall, endWall } = firstOccurrenceWalls(event);
  const rule = floatingRRule(event, 'UTC');
  if (!rule) return endWall.year;
  if (rule.options.count === null && rule.options.until === null) return Math.max(stamp.getUTCFullYear(), startWall.year) + HORIZON_YEARS;
  const last = rule.all().at(-1);
  const duration = wallClockAsUtc(endWall) - wallClockAsUtc(startWall);
  return last ? wallClockFromUtc(last.getTime() + duration).year : endWall.year;
}

/**
 * The floating spans of wall-clock times that a change of `timeZone` from `fromYear` to `toYear`
 * makes unclear: skipped (02:00 to 03:00 when clocks go forward) or shown twice (01:00 to 02:00
 * when they go back).
 */
function unclearSpans(timeZone: string, fromYear: number, toYear: number): Array<{ from: number; until: number }> {
  const key = `${timeZone} ${fromYear} ${toYear}`;
  let spans = spansCache.get(key);
  if (!spans) {
    spans = zoneTransitions(timeZone, fromYear, toYear).map(({ at, from, to }) => ({
      from: at + Math.min(from, to) * 60_000,
      until: at + Math.max(from, to) * 60_000,
    }));
    spansCache.set(key, spans);
  }
  return spans;
}

const spansCache = new Map<string, Array<{ from: number; until: number }>>();

/**
 * The starts, as wall clocks, of the occurrences up to the end of `toYear` that begin or end at
 * a wall-clock time a change of `timeZone` skips or shows twice, or last across such a change,
 * less those on skipped days. Calendar apps read such times each in their own way, and some
 * keep an occurrence's length in hours where the site keeps its end on the clock; these
 * occurrences are written out with the instants the site gives them.
 */
export function unclearStarts(event: EventTiming, timeZone: string, toYear: number): WallClock[] {
  const { startWall, endWall } = firstOccurrenceWalls(event);
  const duration = wallClockAsUtc(endWall) - wallClockAsUtc(startWall);
  const skipped = new Set(event.recurrence?.exceptions ?? []);
  const spans = unclearSpans(timeZone, startWall.year - 1, toYear);
  if (!spans.length) return [];
  const touchesChange = (start: number) => spans.some((span) => start < span.until && start + duration >= span.from);
  // One expansion of the rule over the years, rather than one per change.
  return startsBetween(event, spans[0]!.from - duration, spans.at(-1)!.until)
    .filter(touchesChange)
    .map(wallClockFromUtc)
    .filter((wall) => !skipped.has(formatWallClock(wall, false)));
}
