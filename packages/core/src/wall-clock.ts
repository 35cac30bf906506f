/**
 * Wall-clock times: a date and time as a clock on the wall shows it somewhere, without a time
 * zone (`2026-12-05T18:30`). Events are written this way, and become instants only with their
 * time zone, through the zone's offset on that very day, so that an event at 18:00 stays at 18:00
 * across daylight-saving changes.
 */

/** A day and a time of day, in no particular time zone. */
export interface WallClock {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` (seconds, if written, are dropped). Returns
 * `undefined` for anything else, including impossible days such as `2026-02-30`, hours past 23
 * and text with a time-zone offset.
 */
export function parseWallClock(text: string): { wall: WallClock; hasTime: boolean } | undefined {
  const match = WALL_CLOCK.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const hasTime = match[4] !== undefined;
  const hour = hasTime ? Number(match[4]) : 0;
  const minute = hasTime ? Number(match[5]) : 0;
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const wall = { year, month, day, hour, minute };
  const roundTrip = new Date(wallClockAsUtc(wall));
  const isRealDay = roundTrip.getUTCFullYear() === year && roundTrip.getUTCMonth() === month - 1 && roundTrip.getUTCDate() === day;
  if (!isRealDay || hour > 23 || minute > 59 || second > 59) return undefined;
  return { wall, hasTime };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** `2026-12-05T18:30`, or `2026-12-05` when `withTime` is false. */
export function formatWallClock(wall: WallClock, withTime = true): string {
  const day = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  return withTime ? `${day}T${pad(wall.hour)}:${pad(wall.minute)}` : day;
}

/**
 * The milliseconds of `wall` read as if it were UTC. Recurrence rules are expanded on this
 * "floating" time line, where every day has 24 hours, so the time of day never shifts.
 */
export function wallClockAsUtc(wall: WallClock): number {
  // setUTCFullYear, unlike Date.UTC, does not read the years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return date.setUTCHours(wall.hour, wall.minute, 0, 0);
}

/** The wall clock of a floating instant (see `wallClockAsUtc`). */
export function wallClockFromUtc(milliseconds: number): WallClock {
  const date = new Date(milliseconds);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
  };
}

/** `wall` moved by whole days, keeping its time of day. */
export function addDays(wall: WallClock, days: number): WallClock {
  return wallClockFromUtc(wallClockAsUtc(wall) + days * 86_400_000);
}

/** Negative when `a` is earlier than `b`, zero when they are the same minute. */
export function compareWallClocks(a: WallClock, b: WallClock): number {
  return wallClockAsUtc(a) - wallClockAsUtc(b);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a wall clock in `timeZone` shows at `instant`. */
export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** The offset of `timeZone` from UTC at `instant`, in minutes: -300 for Toronto in winter. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const minute = Math.floor(instant.getTime() / 60_000) * 60_000;
  return (wallClockAsUtc(wallClockOf(new Date(minute), timeZone)) - minute) / 60_000;
}

const DAY = 86_400_000;

/**
 * Every instant when a wall clock in `timeZone` shows `wall`, earliest first: one, or none for a
 * time that a change of the zone's offset skips (clocks going forward), or two for a time it
 * shows twice (clocks going back).
 */
export function instantsOf(wall: WallClock, timeZone: string): Date[] {
  const floating = wallClockAsUtc(wall);
  // The offsets a day either side; a zone changes its offset at most once in between.
  const before = zoneOffsetMinutes(new Date(floating - DAY), timeZone);
  const after = zoneOffsetMinutes(new Date(floating + DAY), timeZone);
  return [...new Set([before, after])]
    .map((offset) => floating - offset * 60_000)
    .filter((candidate) => compareWallClocks(wallClockOf(new Date(candidate), timeZone), wall) === 0)
    .sort((a, b) => a - b)
    .map((candidate) => new Date(candidate));
}

/**
 * The instant when a wall clock in `timeZone` shows `wall`. Across a daylight-saving change the
 * rules of RFC 5545 (§3.3.5) apply: a time that occurs twice (clocks going back) is the first of
 * the two; a time that does not exist (clocks going forward) is read with the offset from before
 * the change, so 02:30 on the day clocks jump from 02:00 to 03:00 becomes 03:30.
 */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const [first] = instantsOf(wall, timeZone);
  if (first) return first;
  return new Date(wallClockAsUtc(wall) - zoneOffsetMinutes(new Date(wallClockAsUtc(wall) - DAY), timeZone) * 60_000);
}
