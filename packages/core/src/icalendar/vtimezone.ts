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

/** Every offset change of `timeZone` from the start of `fromYear` to the end of `toYear`. */
export function zoneTransitions(timeZone: string, fromYear: number, toYear: number): ZoneTransition[] {
  const transitions: ZoneTransition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let previous = Date.UTC(fromYear, 0, 1);
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
const localOnset = (transition: ZoneTransition): WallClock => wallClockFromUtc(transition.at + transition.from * 60_000);

/** The BYDAY that names the day of `wall` in its month, for every year given: `2SU` or `-1SU`. */
function yearlyByDay(onsets: WallClock[]): string | undefined {
  const weekdays = onsets.map((wall) => new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay());
  if (new Set(weekdays).size !== 1) return undefined;
  const code = DAY_CODES[weekdays[0]!]!;
  const nths = new Set(onsets.map((wall) => Math.ceil(wall.day / 7)));
  if (nths.size === 1) return `${[...nths][0]}${code}`;
  const isLast = (wall: WallClock) => wall.day + 7 > new Date(Date.UTC(wall.year, wall.month, 0)).getUTCDate();
  return onsets.every(isLast) ? `-1${code}` : undefined;
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

/**
 * The yearly rules of a zone whose changes in the range follow one pattern (the same weekday of
 * the same month at the same time each year, as in North America and Europe): one observance
 * per kind of change with an RRULE, valid beyond the range. Undefined for any other zone.
 */
function yearlyObservances(transitions: ZoneTransition[], years: number): string[] | undefined {
  const kinds = new Map<string, ZoneTransition[]>();
  for (const transition of transitions) {
    const onset = localOnset(transition);
    const key = `${onset.month} ${onset.hour}:${onset.minute} ${transition.from}>${transition.to}`;
    kinds.set(key, [...(kinds.get(key) ?? []), transition]);
  }
  if (kinds.size !== 2) return undefined;
  const lines: string[] = [];
  for (const group of kinds.values()) {
    if (group.length !== years) return undefined;
    const onsets = group.map(localOnset);
    const byDay = yearlyByDay(onsets);
    if (!byDay) return undefined;
    const [first] = group as [ZoneTransition];
    const kind = first.to > first.from ? 'DAYLIGHT' : 'STANDARD';
    lines.push(...observance(kind, onsets[0]!, first.from, first.to, `FREQ=YEARLY;BYMONTH=${onsets[0]!.month};BYDAY=${byDay}`));
  }
  return lines;
}

/**
 * The VTIMEZONE of `timeZone` for times from `fromYear` to `toYear`. A zone with yearly rules
 * gets them as RRULEs (so clients are right beyond the range too); any other gets each change in
 * the range, after an observance for the offset at the start of the range.
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
  const transitions = zoneTransitions(timeZone, firstYear, toYear);
  const startOffset = zoneOffsetMinutes(new Date(Date.UTC(firstYear, 0, 1)), timeZone);
  const yearly = yearlyObservances(transitions, toYear - firstYear + 1);
  const onsetOfRange: WallClock = { year: firstYear, month: 1, day: 1, hour: 0, minute: 0 };
  // Before a change that turns the clocks back, the zone was on daylight-saving time.
  const initialKind = transitions[0] && transitions[0].to < transitions[0].from ? 'DAYLIGHT' : 'STANDARD';
  const observances =
    yearly ??
    [
      ...observance(initialKind, onsetOfRange, startOffset, startOffset),
      ...transitions.flatMap((transition) =>
        observance(transition.to > transition.from ? 'DAYLIGHT' : 'STANDARD', localOnset(transition), transition.from, transition.to),
      ),
    ];
  return ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...observances, 'END:VTIMEZONE'];
}
