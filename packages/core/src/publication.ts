/**
 * Scheduled content: what a build publishes depends on the day it runs. A news post dated in the
 * future, an event with a later publication date, an announcement outside its start and end are
 * left out until a build on or after their day, in the site's time zone. The build's clock is
 * `OPENOUTREACH_BUILD_DATE` when set (tests and previews of a later day), else the real time.
 */
import { isCalendarDay } from './dates.ts';
import type { Problem } from './problems.ts';
import { formatWallClock, instantOf, parseWallClock, wallClockOf } from './wall-clock.ts';

/** The environment variable that sets the build's clock. */
export const BUILD_DATE_VARIABLE = 'OPENOUTREACH_BUILD_DATE';

/** The moment a build publishes as of, and that moment's day on the site's clock. */
export interface BuildClock {
  /** The instant, to the second. */
  now: Date;
  /** `YYYY-MM-DD`: the day it is in the site's time zone at `now`. */
  today: string;
}

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Why `value` cannot be the build's clock, with the fix; undefined when it can. */
export function buildDateProblem(value: string): { message: string; fix: string } | undefined {
  if (parseWallClock(value) || (WITH_OFFSET.test(value.trim()) && !Number.isNaN(new Date(value.trim()).getTime()))) return undefined;
  return {
    message: `${BUILD_DATE_VARIABLE}="${value}" is not a date`,
    fix: `set it to a day, e.g. ${BUILD_DATE_VARIABLE}=2026-05-01, or a time on the site's clock, e.g. 2026-05-01T00:30, or leave it unset to build as of now.`,
  };
}

/** The problem with the environment's `OPENOUTREACH_BUILD_DATE`, for the build to stop on before it starts; none when it is unset or a date. */
export function buildDateProblems(env: Record<string, string | undefined>): Problem[] {
  const value = env[BUILD_DATE_VARIABLE]?.trim();
  const problem = value ? buildDateProblem(value) : undefined;
  return problem ? [{ file: `the environment (${BUILD_DATE_VARIABLE})`, field: '', ...problem }] : [];
}

/**
 * The build's clock. `value` is `OPENOUTREACH_BUILD_DATE`: a day (`2026-05-01`, its midnight on
 * the site's clock), a time on the site's clock (`2026-05-01T00:30`) or an instant with an offset
 * (`2026-05-01T00:30:00Z`); without it, `now`. Throws an error naming the variable and the fix
 * when `value` is none of these.
 */
export function buildClock(value: string | undefined, timeZone: string, now: Date = new Date()): BuildClock {
  const given = value?.trim();
  let instant = now;
  if (given) {
    const problem = buildDateProblem(given);
    if (problem) throw new Error(`${problem.message}: ${problem.fix}`);
    const wall = parseWallClock(given);
    instant = wall ? instantOf(wall.wall, timeZone) : new Date(given);
  }
  const second = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return { now: second, today: formatWallClock(wallClockOf(second, timeZone), false) };
}

/**
 * Whether a date has come at `clock`: a calendar day (`2026-05-01`) from the start of that day
 * on the site's clock, a date with a time of day from that moment.
 */
export function hasArrived(date: Date, clock: BuildClock): boolean {
  return isCalendarDay(date) ? calendarDay(date) <= clock.today : date.getTime() <= clock.now.getTime();
}

/** Whether a date is still to come or under way at `clock`: a calendar day until its end, a date with a time until that moment. */
export function hasNotPassed(date: Date, clock: BuildClock): boolean {
  return isCalendarDay(date) ? calendarDay(date) >= clock.today : date.getTime() > clock.now.getTime();
}

// A calendar day is midnight UTC (dates.ts); its `YYYY-MM-DD` without Intl, as lists check every entry.
const calendarDay = (date: Date) => date.toISOString().slice(0, 10);

/** The day an entry is published on: a news post's date, an event's publication date if it has one. */
export function publicationDate(data: { date?: unknown; publishDate?: unknown }, collection: string): Date | undefined {
  const date = collection === 'news' ? data.date : collection === 'events' ? data.publishDate : undefined;
  return date instanceof Date ? date : undefined;
}

/** Whether an entry of `collection` is published at `clock`, going by its publication date alone (drafts aside). */
export function isDue(collection: string, data: { date?: unknown; publishDate?: unknown }, clock: BuildClock): boolean {
  const date = publicationDate(data, collection);
  return !date || hasArrived(date, clock);
}

/** Whether an announcement is shown at `clock`: from its start (if any) to the end of its end (if any). */
export function isAnnouncementShown(announcement: { start?: Date | undefined; end?: Date | undefined }, clock: BuildClock): boolean {
  return (!announcement.start || hasArrived(announcement.start, clock)) && (!announcement.end || hasNotPassed(announcement.end, clock));
}
