/**
 * Recurrence rules as RFC 5545 writes them (`FREQ=WEEKLY;INTERVAL=2;BYDAY=TU`): checked part by
 * part so that an editor's mistake gets a message in words, then handed to the `rrule` package.
 */
import * as rruleModule from 'rrule';
import { parseWallClock, formatWallClock, type WallClock } from './wall-clock.ts';

// rrule's main entry is CommonJS and its ESM build is reachable only through the non-standard
// "module" field, so Node's loader gives the exports as `default` while bundlers give them by
// name (jkbrzt/rrule#548).
const rrule = ((rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule) as typeof rruleModule;
export const RRule = rrule.RRule;

/** How often an event may repeat. Shorter periods make no sense for a community's events. */
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const DAY_CODES = 'SU|MO|TU|WE|TH|FR|SA';
const WEEKDAY = new RegExp(`^(?:[+-]?(?:[1-9]|[1-4]\\d|5[0-3]))?(?:${DAY_CODES})$`);

/** The numeric parts: their allowed range, and whether negative values count from the end. */
const NUMBER_LISTS: Record<string, { min: number; max: number; signed: boolean }> = {
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYSETPOS: { min: 1, max: 366, signed: true },
  BYMONTH: { min: 1, max: 12, signed: false },
  BYHOUR: { min: 0, max: 23, signed: false },
  BYMINUTE: { min: 0, max: 59, signed: false },
};
const KNOWN_PARTS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'WKST', ...Object.keys(NUMBER_LISTS)];

/** An example rule and what it means, for messages. */
export const RULE_EXAMPLE = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU';

export type RuleCheck = { ok: true; rule: string } | { ok: false; reason: string };

function isWholeNumber(text: string, { min, max, signed }: { min: number; max: number; signed: boolean }): boolean {
  const match = (signed ? /^[+-]?\d+$/ : /^\d+$/).exec(text);
  const magnitude = Math.abs(Number(text));
  return !!match && magnitude >= min && magnitude <= max;
}

/** Why one `NAME=VALUE` part is wrong, or undefined when it is right. */
function partProblem(name: string, value: string): string | undefined {
  if (name === 'FREQ') {
    return FREQUENCIES.includes(value) ? undefined : `FREQ must be ${FREQUENCIES.slice(0, -1).join(', ')} or ${FREQUENCIES.at(-1)}, not "${value}"`;
  }
  if (name === 'INTERVAL' || name === 'COUNT') {
    return isWholeNumber(value, { min: 1, max: 10_000, signed: false }) ? undefined : `${name} must be a whole number from 1, not "${value}"`;
  }
  if (name === 'UNTIL') {
    return untilWallClock(value) ? undefined : `UNTIL must be a day written as YYYYMMDD, e.g. UNTIL=20270630, not "${value}"`;
  }
  if (name === 'BYDAY') {
    const wrong = value.split(',').find((day) => !WEEKDAY.test(day));
    return wrong === undefined
      ? undefined
      : `BYDAY lists days as MO, TU, WE, TH, FR, SA or SU, with a number in front for "the second Tuesday" (2TU) or "the last Friday" (-1FR); "${wrong}" is not one`;
  }
  if (name === 'WKST') {
    return new RegExp(`^(?:${DAY_CODES})$`).test(value) ? undefined : `WKST must be a day such as MO, not "${value}"`;
  }
  const range = NUMBER_LISTS[name]!;
  const wrong = value.split(',').find((item) => !isWholeNumber(item, range));
  return wrong === undefined
    ? undefined
    : `${name} takes numbers from ${range.signed ? `-${range.max} to -${range.min} or ` : ''}${range.min} to ${range.max}, not "${wrong}"`;
}

/**
 * Checks a recurrence rule and returns it tidied (upper case, without an `RRULE:` prefix), or
 * the reason it is wrong, in words. The rule must say how often (FREQ) and may not carry its own
 * start (DTSTART): the event's start is the first occurrence.
 */
export function checkRecurrenceRule(text: string): RuleCheck {
  const rule = text
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!rule) return { ok: false, reason: 'the rule is empty' };
  const parts = rule.split(';').filter(Boolean);
  const seen = new Set<string>();
  for (const part of parts) {
    const [name = '', value, ...rest] = part.split('=');
    if (value === undefined || rest.length || !name) {
      return { ok: false, reason: `"${part}" is not written as NAME=VALUE; the parts of a rule are separated by ";"` };
    }
    if (name === 'DTSTART' || name === 'TZID') {
      return { ok: false, reason: `leave ${name} out: the event's start and time zone say when the rule begins` };
    }
    if (!KNOWN_PARTS.includes(name)) return { ok: false, reason: `"${name}" is not a part of a recurrence rule` };
    if (seen.has(name)) return { ok: false, reason: `${name} is given twice` };
    seen.add(name);
    const problem = partProblem(name, value);
    if (problem) return { ok: false, reason: problem };
  }
  if (!seen.has('FREQ')) return { ok: false, reason: 'it does not say how often the event repeats (FREQ=WEEKLY, for example)' };
  if (seen.has('COUNT') && seen.has('UNTIL')) return { ok: false, reason: 'give either COUNT (how many times) or UNTIL (until which day), not both' };
  try {
    new RRule({ ...RRule.parseString(rule), dtstart: new Date(Date.UTC(2026, 0, 1)) });
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  return { ok: true, rule };
}

/** The UNTIL part of a tidied rule, if it has one. */
export function untilOf(rule: string): string | undefined {
  return /(?:^|;)UNTIL=([^;]+)/.exec(rule)?.[1];
}

/**
 * The last wall-clock minute an UNTIL value allows: a day (`20270630`) includes the whole day; a
 * local time (`20270630T180000`) is that time. A UTC time (`…Z`) is returned as `utc`, since its
 * wall clock depends on the event's zone.
 */
export function untilWallClock(value: string): { wall: WallClock; utc: boolean } | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, , zulu] = match;
  const parsed = parseWallClock(`${year}-${month}-${day}${hour ? `T${hour}:${minute}` : ''}`);
  if (!parsed) return undefined;
  return { wall: hour ? parsed.wall : { ...parsed.wall, hour: 23, minute: 59 }, utc: zulu === 'Z' };
}

/** `rule` with its UNTIL part replaced by `until` (or removed when `until` is undefined). */
export function withUntil(rule: string, until: string | undefined): string {
  const parts = rule.split(';').filter((part) => !part.startsWith('UNTIL='));
  return [...parts, ...(until ? [`UNTIL=${until}`] : [])].join(';');
}

/** `YYYYMMDD` or `YYYYMMDDTHHMMSS`, the forms of days and local times in iCalendar. */
export function icalWallClock(wall: WallClock, withTime: boolean): string {
  return formatWallClock(wall, withTime)
    .replace(/-/g, '')
    .replace(/:/g, '')
    .concat(withTime ? '00' : '');
}
