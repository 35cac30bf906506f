import { describe, expect, it } from 'vitest';
import { expandOccurrences, lastOccurrenceBefore, ruleStartsAtStart, type EventTiming } from './occurrences.ts';
import { formatWallClock, wallClockOf } from './wall-clock.ts';

const WIDE = { from: new Date('2020-01-01T00:00:00Z'), until: new Date('2030-01-01T00:00:00Z') };
const everyOtherTuesday: EventTiming = {
  start: '2026-09-08T18:00',
  end: '2026-09-08T20:00',
  allDay: false,
  recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=20', exceptions: [] },
};
const localStarts = (event: EventTiming, zone: string, window = WIDE) =>
  expandOccurrences(event, zone, window).map((occurrence) => formatWallClock(wallClockOf(occurrence.start, zone)));

describe('expandOccurrences', () => {
  it('gives a one-off event its one occurrence, whatever the window', () => {
    const [occurrence, ...rest] = expandOccurrences({ start: '2026-12-10T19:00', end: '2026-12-10T20:30', allDay: false }, 'America/Toronto', {
      from: new Date('2030-01-01T00:00:00Z'),
      until: new Date('2031-01-01T00:00:00Z'),
    });
    expect(rest).toEqual([]);
    expect(occurrence?.start.toISOString()).toBe('2026-12-11T00:00:00.000Z');
    expect(occurrence?.end.toISOString()).toBe('2026-12-11T01:30:00.000Z');
  });

  it('keeps 18:00 local across the end of daylight-saving time in Toronto (UTC 22:00, then 23:00)', () => {
    const occurrences = expandOccurrences(everyOtherTuesday, 'America/Toronto', WIDE);
    expect(occurrences).toHaveLength(20);
    expect(localStarts(everyOtherTuesday, 'America/Toronto').every((start) => start.endsWith('T18:00'))).toBe(true);
    const utcHours = occurrences.map((occurrence) => occurrence.start.getUTCHours());
    // 2026-10-20 is before the change on 2026-11-01, 2026-11-03 after it; 2027-03-23 after the next.
    const byDay = new Map(occurrences.map((occurrence) => [formatWallClock(occurrence.startWall, false), occurrence.start.toISOString()]));
    expect(byDay.get('2026-10-20')).toBe('2026-10-20T22:00:00.000Z');
    expect(byDay.get('2026-11-03')).toBe('2026-11-03T23:00:00.000Z');
    expect(byDay.get('2027-03-23')).toBe('2027-03-23T22:00:00.000Z');
    expect(new Set(utcHours)).toEqual(new Set([22, 23]));
    for (const occurrence of occurrences) expect(occurrence.end.getTime() - occurrence.start.getTime()).toBe(2 * 3_600_000);
  });

  it('keeps 18:00 local across both changes in Paris', () => {
    const weekly: EventTiming = { start: '2026-03-17T18:00', allDay: false, recurrence: { rule: 'FREQ=WEEKLY;UNTIL=20261110', exceptions: [] } };
    const occurrences = expandOccurrences(weekly, 'Europe/Paris', WIDE);
    expect(localStarts(weekly, 'Europe/Paris').every((start) => start.endsWith('T18:00'))).toBe(true);
    const byDay = new Map(occurrences.map((occurrence) => [formatWallClock(occurrence.startWall, false), occurrence.start.toISOString()]));
    expect(byDay.get('2026-03-24')).toBe('2026-03-24T17:00:00.000Z');
    expect(byDay.get('2026-03-31')).toBe('2026-03-31T16:00:00.000Z');
    expect(byDay.get('2026-10-20')).toBe('2026-10-20T16:00:00.000Z');
    expect(byDay.get('2026-10-27')).toBe('2026-10-27T17:00:00.000Z');
    // UNTIL as a day includes that day.
    expect(formatWallClock(occurrences.at(-1)!.startWall, false)).toBe('2026-11-10');
  });

  it('skips the days listed as exceptions', () => {
    const withHoliday = { ...everyOtherTuesday, recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10', exceptions: ['2026-12-29', '2026-10-21'] } };
    const days = localStarts(withHoliday, 'America/Toronto').map((start) => start.slice(0, 10));
    expect(days).toContain('2026-12-15');
    expect(days).not.toContain('2026-12-29');
    expect(days).toContain('2027-01-12');
    // COUNT counts the skipped day too, as in iCalendar; a day that is no occurrence changes nothing.
    expect(days).toHaveLength(9);
  });

  it('lists only the occurrences overlapping the window, and at most the limit', () => {
    const forever = { ...everyOtherTuesday, recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', exceptions: [] } };
    const window = { from: new Date('2027-01-01T00:00:00Z'), until: new Date('2027-03-01T00:00:00Z') };
    expect(localStarts(forever, 'America/Toronto', window).map((start) => start.slice(0, 10))).toEqual([
      '2027-01-12',
      '2027-01-26',
      '2027-02-09',
      '2027-02-23',
    ]);
    expect(expandOccurrences(forever, 'America/Toronto', { ...WIDE, limit: 5 })).toHaveLength(5);
    // An occurrence under way when the window opens is in it.
    const during = { from: new Date('2027-01-12T23:30:00Z'), until: new Date('2027-01-13T00:00:00Z') };
    expect(localStarts(forever, 'America/Toronto', during)).toEqual(['2027-01-12T18:00']);
  });

  it('runs an all-day event from midnight to midnight after its last day', () => {
    const [festival] = expandOccurrences({ start: '2027-08-21', end: '2027-08-22', allDay: true }, 'America/Toronto', WIDE);
    expect(festival?.start.toISOString()).toBe('2027-08-21T04:00:00.000Z');
    expect(festival?.end.toISOString()).toBe('2027-08-23T04:00:00.000Z');
    const yearly = { start: '2026-06-21', allDay: true, recurrence: { rule: 'FREQ=YEARLY;COUNT=3', exceptions: ['2027-06-21'] } };
    expect(expandOccurrences(yearly, 'Europe/Paris', WIDE).map((occurrence) => formatWallClock(occurrence.startWall, false))).toEqual([
      '2026-06-21',
      '2028-06-21',
    ]);
  });

  it('reads a UTC UNTIL on the event’s clock', () => {
    const daily: EventTiming = { start: '2026-07-01T18:00', allDay: false, recurrence: { rule: 'FREQ=DAILY;UNTIL=20260703T220000Z', exceptions: [] } };
    // 22:00 UTC is 18:00 in Toronto in July: the third day is included.
    expect(localStarts(daily, 'America/Toronto')).toHaveLength(3);
  });
});

describe('ruleStartsAtStart', () => {
  it('accepts a start the rule gives and names the first day it gives otherwise', () => {
    expect(ruleStartsAtStart(everyOtherTuesday)).toEqual({ ok: true });
    const monday = { ...everyOtherTuesday, start: '2026-09-07T18:00', end: undefined };
    const result = ruleStartsAtStart(monday);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : formatWallClock(result.first!)).toBe('2026-09-08T18:00');
    expect(ruleStartsAtStart({ ...everyOtherTuesday, recurrence: { rule: 'FREQ=WEEKLY;UNTIL=20260101', exceptions: [] } })).toEqual({
      ok: false,
      first: undefined,
    });
  });
});

describe('lastOccurrenceBefore', () => {
  it('finds the last occurrence before an instant, skipping exceptions', () => {
    const withHoliday = { ...everyOtherTuesday, recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', exceptions: ['2026-12-29'] } };
    const last = lastOccurrenceBefore(withHoliday, 'America/Toronto', new Date('2027-01-05T00:00:00Z'));
    expect(formatWallClock(last!.startWall)).toBe('2026-12-15T18:00');
    expect(last?.end.toISOString()).toBe('2026-12-16T01:00:00.000Z');
    expect(lastOccurrenceBefore(withHoliday, 'America/Toronto', new Date('2026-09-01T00:00:00Z'))).toBeUndefined();
    expect(lastOccurrenceBefore({ start: '2026-12-10T19:00', allDay: false }, 'UTC', new Date('2030-01-01T00:00:00Z'))).toBeUndefined();
  });
});
