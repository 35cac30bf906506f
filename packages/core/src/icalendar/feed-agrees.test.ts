import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expandOccurrences, ruleStartsAtStart } from '../occurrences.ts';
import { formatWallClock, parseWallClock, wallClockAsUtc, wallClockFromUtc } from '../wall-clock.ts';
import { icalendar, type CalendarEvent } from './calendar.ts';
import { HORIZON_YEARS } from './instances.ts';
import { zoneTransitions } from './vtimezone.ts';

/**
 * The calendar file against the site, occurrence by occurrence: ical.js, an independent
 * implementation, expands each event of the file with the file's own VTIMEZONEs, and every
 * start and end must be the instant the site gives (`expandOccurrences`), for ten years after
 * the build, in zones with different rules.
 */

/** The build's clock: the files are made "in 2026". */
const STAMP = new Date('2026-03-01T12:00:00Z');

const ZONES = [
  'Europe/Paris', // last Sunday of March and October, at 01:00 UTC
  'Europe/London', // the same, at 01:00 local
  'America/New_York', // second Sunday of March, first of November
  'Australia/Sydney', // southern: first Sunday of October to first of April
  'Pacific/Auckland', // last Sunday of September to first of April
  'America/Santiago', // the first Sunday on or after the 2nd, at midnight
  'Australia/Lord_Howe', // a half-hour change
  'America/Sao_Paulo', // daylight-saving time until 2019, none since
  'Asia/Kolkata', // never
  'Africa/Casablanca', // an hour back for Ramadan, on dates no yearly rule gives
];

interface Times {
  start: string;
  end: string;
}

/** The events of a calendar file as ical.js reads them, overrides (RECURRENCE-ID) joined to their event. */
function readCalendar(text: string): Map<string, ICAL.Event> {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevents = calendar.getAllSubcomponents('vevent');
  const events = new Map<string, ICAL.Event>();
  for (const vevent of vevents.filter((component) => !component.hasProperty('recurrence-id'))) {
    const exceptions = vevents.filter(
      (component) => component.hasProperty('recurrence-id') && component.getFirstPropertyValue('uid') === vevent.getFirstPropertyValue('uid'),
    );
    events.set(String(vevent.getFirstPropertyValue('uid')), new ICAL.Event(vevent, { exceptions }));
  }
  return events;
}

/** What ical.js makes of an event: each occurrence starting before `until`. */
function theirTimes(event: ICAL.Event, until: Date): Times[] {
  const times: Times[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    if (details.startDate.toJSDate() >= until) {
      if (next.toJSDate() >= until) break;
      continue;
    }
    times.push({ start: details.startDate.toJSDate().toISOString(), end: details.endDate.toJSDate().toISOString() });
  }
  return times.sort(byTimes);
}

const byTimes = (a: Times, b: Times) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end);

/** What the site shows of an event: each occurrence starting before `until`. */
function ourTimes(event: CalendarEvent, until: Date): Times[] {
  return expandOccurrences(event, event.timeZone, { from: new Date('1900-01-01T00:00:00Z'), until, limit: 100_000 })
    .filter((occurrence) => occurrence.start < until)
    .map((occurrence) => ({ start: occurrence.start.toISOString(), end: occurrence.end.toISOString() }))
    .sort(byTimes);
}

/** The end of the years the file must get exactly right for an event starting in `startYear`. */
const checkedUntil = (start: string) => new Date(Date.UTC(Math.max(STAMP.getUTCFullYear(), Number(start.slice(0, 4))) + HORIZON_YEARS, 0, 1));

/** Both lists of an event's occurrences, from a file holding it with `others`. */
function bothTimes(event: CalendarEvent, others: CalendarEvent[] = []) {
  const text = icalendar({ name: 'Events', events: [event, ...others], stamp: STAMP });
  const theirs = readCalendar(text).get(event.uid)!;
  const until = checkedUntil(event.start);
  return { ours: ourTimes(event, until), theirs: theirTimes(theirs, until), text };
}

const event = (uid: string, timeZone: string, fields: Partial<CalendarEvent>): CalendarEvent => ({
  uid: `${uid}-${timeZone}@example.org`,
  title: uid,
  timeZone,
  start: '2026-01-06T18:00',
  end: '2026-01-06T20:00',
  allDay: false,
  ...fields,
});

const recurring = (rule: string, exceptions: string[] = []) => ({ recurrence: { rule, exceptions } });

describe.each(ZONES)('the calendar file and the site agree for ten years in %s', { timeout: 30_000 }, (zone) => {
  it('on a weekly meeting with skipped days', () => {
    const { ours, theirs } = bothTimes(event('weekly', zone, { ...recurring('FREQ=WEEKLY;BYDAY=TU', ['2026-12-29', '2031-04-01']) }));
    expect(ours.length).toBeGreaterThan(500);
    expect(theirs).toEqual(ours);
  });

  it('on an overnight event, its end on the clock across the changes', () => {
    const { ours, theirs } = bothTimes(event('overnight', zone, { start: '2026-01-03T22:00', end: '2026-01-04T06:00', ...recurring('FREQ=WEEKLY;BYDAY=SA') }));
    expect(theirs).toEqual(ours);
  });

  it('on a yearly event that begins two years after the build', () => {
    // The last days of March and October: before or after the change, depending on the year.
    const { ours, theirs } = bothTimes(
      event('yearly', zone, { start: '2028-03-27T10:00', end: '2028-03-27T12:00', ...recurring('FREQ=YEARLY;BYMONTH=3,4,9,10;BYMONTHDAY=1,3,5,24,27,30') }),
    );
    expect(ours.length).toBeGreaterThan(200);
    expect(theirs).toEqual(ours);
  });

  it('on a rule with two times a day, a skipped day removing both', () => {
    // Every third day, to keep the test quick.
    const twiceDaily = event('twice-daily', zone, {
      start: '2026-03-02T09:00',
      end: '2026-03-02T10:00',
      ...recurring('FREQ=DAILY;INTERVAL=3;BYHOUR=9,17', ['2026-03-11', '2030-07-15']),
    });
    const { ours, theirs, text } = bothTimes(twiceDaily);
    const everyDay = ourTimes({ ...twiceDaily, ...recurring('FREQ=DAILY;INTERVAL=3;BYHOUR=9,17') }, checkedUntil(twiceDaily.start));
    expect(everyDay.length - ours.length).toBe(4);
    expect(text.replace(/\r\n /g, '')).toMatch(/EXDATE.*20260311T090000,20260311T170000,20300715T090000,20300715T170000\r\n/);
    expect(theirs).toEqual(ours);
  });

  it('on times that a daylight-saving change skips or shows twice', () => {
    // Every 20 minutes of the nights of the weekends of the months in which the zone changes.
    const months = [...new Set(zoneTransitions(zone, 2026, 2036).map((change) => new Date(change.at).getUTCMonth() + 1))];
    const rule = `FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=0,1,2,3,23;BYMINUTE=0,20,40${months.length ? `;BYMONTH=${months.join(',')}` : ''}`;
    const first = ruleStartsAtStart({ start: '2026-01-01T00:00', allDay: false, ...recurring(rule) });
    const start = first.ok ? '2026-01-01T00:00' : formatWallClock(first.first!);
    // Forty minutes long, so that some end in a skipped or repeated time too.
    const end = formatWallClock(wallClockFromUtc(wallClockAsUtc(parseWallClock(start)!.wall) + 40 * 60_000));
    const nights = event('nights', zone, { start, end, ...recurring(rule, ['2026-10-25']) });
    const { ours, theirs } = bothTimes(nights);
    expect(ours.length).toBeGreaterThan(1000);
    expect(theirs).toEqual(ours);
  });
});

describe('the calendar file and the site agree on single times a daylight-saving change makes unclear', () => {
  const cases: Array<[string, string, string, string]> = [
    // zone, start, end, the start the site gives (RFC 5545 §3.3.5)
    ['Europe/Paris', '2027-03-28T02:30', '2027-03-28T04:00', '2027-03-28T01:30:00.000Z'],
    ['Europe/Paris', '2026-10-25T02:30', '2026-10-25T03:30', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2027-03-14T02:15', '2027-03-14T02:45', '2027-03-14T07:15:00.000Z'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T02:30', '2026-11-01T05:30:00.000Z'],
    ['Australia/Sydney', '2026-10-04T02:30', '2026-10-04T05:00', '2026-10-03T16:30:00.000Z'],
    ['Australia/Sydney', '2027-04-04T02:30', '2027-04-04T05:00', '2027-04-03T15:30:00.000Z'],
    ['America/Santiago', '2026-09-06T00:30', '2026-09-06T02:00', '2026-09-06T04:30:00.000Z'],
  ];
  it.each(cases)('a one-off event in %s at %s', (zone, start, end, instant) => {
    const { ours, theirs } = bothTimes(event('once', zone, { start, end }));
    expect(ours.map((times) => times.start)).toEqual([instant]);
    expect(theirs).toEqual(ours);
  });

  it.each(cases)('a yearly event in %s from %s, the first time unclear', (zone, start, end) => {
    const { ours, theirs, text } = bothTimes(event('yearly-unclear', zone, { start, end, ...recurring('FREQ=YEARLY') }));
    // An exact length, which apps that count it in hours and apps that count it on the clock read alike.
    expect(text).toMatch(/\r\nDURATION:PT\d+H\d+M\r\n/);
    expect(theirs).toEqual(ours);
  });

  it('the end of a short meeting in the skipped hour', () => {
    const { ours, theirs } = bothTimes(event('short', 'Europe/Paris', { start: '2026-03-22T01:50', end: '2026-03-22T02:10', ...recurring('FREQ=WEEKLY') }));
    expect(ours.find((times) => times.start === '2026-03-29T00:50:00.000Z')?.end).toBe('2026-03-29T01:10:00.000Z');
    expect(theirs).toEqual(ours);
  });
});

describe('the VTIMEZONE of a zone whose changes fall on "the last Sunday"', () => {
  it('says so even when the years of the events alone would also fit "the fourth Sunday"', () => {
    const yearly = event('paris-2028', 'Europe/Paris', { start: '2028-10-27T18:00', end: '2028-10-27T20:00', ...recurring('FREQ=YEARLY') });
    const { ours, theirs, text } = bothTimes(yearly);
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    // 2029-10-27 is a Saturday before the change (last Sunday: the 28th), so 18:00 is 16:00 UTC.
    expect(ours).toContainEqual({ start: '2029-10-27T16:00:00.000Z', end: '2029-10-27T18:00:00.000Z' });
    expect(theirs).toEqual(ours);
  });
});
