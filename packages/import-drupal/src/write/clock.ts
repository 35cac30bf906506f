import { formatWallClock, wallClockOf } from '@openoutreach/core';

/** A UTC instant (`2026-03-29T17:00:00Z`) as a clock shows it in `timeZone`: `2026-03-29T19:00`. */
export function wallClock(instant: string, timeZone: string): string {
  const date = new Date(instant.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(instant) ? instant : `${instant}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`"${instant}" is not a date`);
  return formatWallClock(wallClockOf(date, timeZone));
}

/** The calendar day of a Unix time (seconds) in `timeZone`: `2026-03-29`. */
export function dayOf(seconds: number, timeZone: string): string {
  return formatWallClock(wallClockOf(new Date(seconds * 1000), timeZone), false);
}
