/**
 * Field types of events: wall-clock times, days, time-zone names and recurrence rules. Each says
 * what is wrong in words and, where a generic fix would not help, carries its own fix in the
 * issue's `params.fix` (see problems.ts).
 */
import { z } from 'zod';
import { closestKey } from '../problems.ts';
import { checkRecurrenceRule, RULE_EXAMPLE } from '../recurrence-rule.ts';
import { isValidTimeZone } from '../time-zones.ts';
import { formatWallClock, parseWallClock, wallClockFromUtc } from '../wall-clock.ts';

const OFFSET = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A day and time on the event's wall clock, `2026-12-05T18:30`, or a day alone, `2026-12-05`;
 * given back in that form. A time with an offset is refused: the zone goes in `timeZone`, so the
 * time keeps its meaning across daylight-saving changes.
 */
export const wallClockField = () =>
  z.union([z.date(), z.string()]).transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'this is not a real date' });
        return z.NEVER;
      }
      // A YAML 1.1 reader (Astro's) turns `2026-12-05` and `2026-12-05T18:30:00` into dates at
      // UTC, so their UTC clock is the wall clock that was written.
      return formatWallClock(wallClockFromUtc(value.getTime()));
    }
    const parsed = parseWallClock(value);
    if (parsed) return formatWallClock(parsed.wall, parsed.hasTime);
    ctx.addIssue({
      code: 'custom',
      message: OFFSET.test(value.trim())
        ? `"${value}" has a time-zone offset; events are written in their own time zone's clock time`
        : `"${value}" is not a real day and time; write it as YYYY-MM-DDTHH:mm, e.g. 2026-12-05T18:30`,
      params: {
        fix: 'write the day and the time as a clock shows them where the event is, e.g. `2026-12-05T18:30` (a day alone, `2026-12-05`, for an all-day event); put the time zone in "timeZone" if it is not the site’s.',
      },
    });
    return z.NEVER;
  });

/** A calendar day, `2026-12-22`, given back in that form. */
export const calendarDayField = () =>
  z.union([z.date(), z.string()]).transform((value, ctx) => {
    const parsed = value instanceof Date ? undefined : parseWallClock(value);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return formatWallClock(wallClockFromUtc(value.getTime()), false);
    if (parsed && !parsed.hasTime) return formatWallClock(parsed.wall, false);
    ctx.addIssue({
      code: 'custom',
      message: `"${String(value)}" is not a day written as YYYY-MM-DD`,
      params: { fix: 'write the day alone, e.g. `2026-12-22`, without a time.' },
    });
    return z.NEVER;
  });

/** An IANA time zone such as `America/Toronto`, given back with the runtime's spelling of it. */
export const timeZoneField = () =>
  z
    .string()
    .trim()
    .transform((zone, ctx) => {
      if (isValidTimeZone(zone)) return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
      const suggestion = closestKey(zone, Intl.supportedValuesOf('timeZone'));
      ctx.addIssue({
        code: 'custom',
        message: `"${zone}" is not a time zone this site knows`,
        params: {
          fix: `${suggestion ? `did you mean "${suggestion}"? ` : ''}Write a time zone name from the IANA list, such as America/Toronto or Europe/Paris, or remove the line to use the site’s time zone.`,
        },
      });
      return z.NEVER;
    });

/** A recurrence rule of RFC 5545, e.g. `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU`, given back tidied. */
export const recurrenceRuleField = () =>
  z
    .string({ error: 'say how the event repeats, e.g. FREQ=WEEKLY' })
    .trim()
    .transform((text, ctx) => {
      const checked = checkRecurrenceRule(text);
      if (checked.ok) return checked.rule;
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a recurrence rule: ${checked.reason}`,
        params: {
          fix: `write it like \`rule: ${RULE_EXAMPLE}\` (every second Tuesday), \`FREQ=MONTHLY;BYDAY=1SA\` (the first Saturday of each month) or \`FREQ=WEEKLY;COUNT=6\` (six weeks in a row); remove "recurrence" for an event that happens once.`,
        },
      });
      return z.NEVER;
    });
