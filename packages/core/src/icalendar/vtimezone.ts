/**
 * VTIMEZONE components (RFC 5545 §3.6.5) computed from the runtime's own time-zone data through
 * Intl, so a calendar file carries the offsets its times are in. Google and Apple Calendar read
 * the IANA name in TZID; Outlook needs the VTIMEZONE itself.
 */
import { icalWallClock } from '../recurrence-rule.ts';
import { wallClockFromUtc, zoneOffsetMinutes, type WallClock } from '../wall-clock.ts';

/** A change of a zone's offset from UTC, e.g. the start of daylight-saving time. */
export interface ZoneTransition {
  /** The instant of the change. */
  at: number;
  /** Offsets in minutes east of UTC, before and after. */
  from: number;
  to: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * How many years past the range the yearly rules of a zone are checked against its data. Over
 * seven years the last Sunday of a month falls on each of its last seven days, so a rule read
 * from them cannot mistake "the last Sunday" for "the fourth" or "the Sunday on or after the 2nd".
 */
const RULE_CHECK_YEARS = 8;

/** Every offset change of `timeZone` from the start of `fromYear` to the end of `toYear`. */
export function zoneTransitions(timeZone: string, fromYear: number, toYear: number): ZoneTransition[] {
  const transitions: ZoneTransition[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const key = `${timeZone} ${year}`;
    let found = transitionsByYear.get(key);
    if (!found) transitionsByYear.set(key, (found = transitionsOfYear(timeZone, year)));
    transitions.push(...found);
  }
  return transitions;
}

// Each file of a build asks for the years of its own events; a zone's year is read once.
const transitionsByYear = new Map<string, ZoneTransition[]>();

function transitionsOfYear(timeZone: string, year: number): ZoneTransition[] {
  const transitions: ZoneTransition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let previous = Date.UTC(year, 0, 1);
  let previousOffset = zoneOffsetMinutes(new Date(previous), timeZone);
  // Offsets change at most a few times a year and never twice within a day.
  for (let time = previous + DAY; time <= end; time += DAY) {
    const offset = zoneOffsetMinutes(new Date(time), timeZone);
    if (offset !== previousOffset) {
      let low = previous;
      let high = time;
      while (high - low > 60_000) {
        const middle = low + Math.floor((high - low) / 120_000) * 60_000;
        if (zoneOffsetMinutes(new Date(middle), timeZone) === previousOffset) low = middle;
        else high = middle;
      }
      transitions.push({ at: high, from: previousOffset, to: offset });
    }
    previous = time;
    previousOffset = offset;
  }
  return transitions;
}

/** `+0100`, `-0500`, `+0530`. */
function icalOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`;
}

/** The wall clock just before a transition, in the offset it leaves: how VTIMEZONE dates it. */
export const localOnset = (transition: ZoneTransition): WallClock => wallClockFromUtc(transition.at + transition.from * 60_000);

const daysInMonth = (wall: WallClock) => new Date(Date.UTC(wall.year, wall.month, 0)).getUTCDate();

/**
 * The BYDAY (and BYMONTHDAY) that give exactly the days of `onsets`, one a year: `-1SU` when
 * each is the month's last such weekday, `2SU` when each is its second, `BYMONTHDAY=2,…,8;BYDAY=SU`
 * when each is the first on or after the 2nd; undefined when no such rule fits them all.
 */
export function yearlyDayRule(onsets: WallClock[]): string | undefined {
  const weekdays = new Set(onsets.map((wall) => new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()));
  if (weekdays.size !== 1) return undefined;
  const code = DAY_CODES[[...weekdays][0]!]!;
  if (onsets.every((wall) => wall.day > daysInMonth(wall) - 7)) return `BYDAY=-1${code}`;
  const nths = new Set(onsets.map((wall) => Math.ceil(wall.day / 7)));
  if (nths.size === 1) return `BYDAY=${[...nths][0]}${code}`;
  // "The first Sunday on or after the nth": every day lies within one week from the nth.
  const first = Math.min(...onsets.map((wall) => wall.day));
  if (onsets.some((wall) => wall.day > first + 6)) return undefined;
  return `BYMONTHDAY=${Array.from({ length: 7 }, (_, index) => first + index).join(',')};BYDAY=${code}`;
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', onset: WallClock, from: number, to: number, rule?: string): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${icalWallClock(onset, true)}`,
    ...(rule ? [`RRULE:${rule}`] : []),
    `TZOFFSETFROM:${icalOffset(from)}`,
    `TZOFFSETTO:${icalOffset(to)}`,
    `END:${kind}`,
  ];
}

const kindOf = (transition: ZoneTransition) => (transition.to > transition.from ? 'DAYLIGHT' : 'STANDARD');

/**
 * One observance with a yearly RRULE per kind of change, when the changes of `years` consecutive
 * years follow such rules exactly: each kind once a year, in the same month at the same time, on
 * a day a rule names. Undefined otherwise.
 */
function yearlyObservances(transitions: ZoneTransition[], years: number): string[] | undefined {
  const kinds = new Map<string, ZoneTransition[]>();
  for (const transition of transitions) {
    const onset = localOnset(transition);
    const key = `${onset.month} ${onset.hour}:${onset.minute} ${transition.from}>${transition.to}`;
    kinds.set(key, [...(kinds.get(key) ?? []), transition]);
  }
  if (kinds.size < 2) return undefined;
  const lines: string[] = [];
  for (const group of kinds.values()) {
    const onsets = group.map(localOnset);
    if (new Set(onsets.map((onset) => onset.year)).size !== years || group.length !== years) return undefined;
    const dayRule = yearlyDayRule(onsets);
    if (!dayRule) return undefined;
    const [first] = group as [ZoneTransition];
    lines.push(...observance(kindOf(first), onsets[0]!, first.from, first.to, `FREQ=YEARLY;BYMONTH=${onsets[0]!.month};${dayRule}`));
  }
  return lines;
}

/**
 * The VTIMEZONE of `timeZone`, exact for every time from the start of `fromYear` to the end of
 * `toYear`. The zone's changes from the first year on which they follow yearly rules are written
 * as RRULEs, which clients apply beyond the range too (the zone's data has no other future); the
 * changes before that year, or all of them for a zone without such rules, are listed one by one.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const key = `${timeZone} ${fromYear} ${toYear}`;
  let lines = computed.get(key);
  if (!lines) computed.set(key, (lines = computeVtimezone(timeZone, fromYear, toYear)));
  return lines;
}

const computed = new Map<string, string[]>();

function computeVtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  // A year before the range, so that its first months have an observance that began earlier.
  const firstYear = fromYear - 1;
  const lastYear = toYear + RULE_CHECK_YEARS;
  const transitions = zoneTransitions(timeZone, firstYear, lastYear);
  const yearOf = (transition: ZoneTransition) => localOnset(transition).year;
  let yearly: { since: number; lines: string[] } | undefined;
  for (let since = firstYear; since <= lastYear - RULE_CHECK_YEARS + 1 && !yearly; since++) {
    const lines = yearlyObservances(
      transitions.filter((transition) => yearOf(transition) >= since),
      lastYear - since + 1,
    );
    if (lines) yearly = { since, lines };
  }
  const listed = yearly ? transitions.filter((transition) => yearOf(transition) < yearly.since) : transitions;
  const observances = [
    ...listed.flatMap((transition) => observance(kindOf(transition), localOnset(transition), transition.from, transition.to)),
    ...(yearly?.lines ?? []),
  ];
  if (yearly?.since !== firstYear) {
    // The offset in force when the range begins, for the times before its first change.
    const startOffset = zoneOffsetMinutes(new Date(Date.UTC(firstYear, 0, 1)), timeZone);
    const onsetOfRange: WallClock = { year: firstYear, month: 1, day: 1, hour: 0, minute: 0 };
    // Before a change that turns the clocks back, the zone was on daylight-saving time.
    const initialKind = transitions[0] && transitions[0].to < transitions[0].from ? 'DAYLIGHT' : 'STANDARD';
    observances.unshift(...observance(initialKind, onsetOfRange, startOffset, startOffset));
  }
  return ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...observances, 'END:VTIMEZONE'];
}
