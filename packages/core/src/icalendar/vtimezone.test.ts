import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { joinContentLines } from './content-lines.ts';
import { vtimezone, zoneTransitions } from './vtimezone.ts';

/** The UTC instant ical.js gives a local time in `zone`, using only the VTIMEZONE we wrote. */
function utcByIcalJs(lines: string[], zone: string, local: string): string {
  ICAL.TimezoneService.reset();
  ICAL.TimezoneService.register(new ICAL.Component(ICAL.parse(joinContentLines(lines))));
  const time = ICAL.Time.fromDateTimeString(local);
  time.zone = ICAL.TimezoneService.get(zone)!;
  return time.toJSDate().toISOString();
}

describe('zoneTransitions', () => {
  it('finds each change of offset to the minute', () => {
    expect(zoneTransitions('America/Toronto', 2026, 2026)).toEqual([
      { at: Date.parse('2026-03-08T07:00:00Z'), from: -300, to: -240 },
      { at: Date.parse('2026-11-01T06:00:00Z'), from: -240, to: -300 },
    ]);
    expect(zoneTransitions('Europe/Paris', 2026, 2026).map((change) => new Date(change.at).toISOString())).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
    expect(zoneTransitions('Asia/Tokyo', 2026, 2027)).toEqual([]);
  });
});

describe('vtimezone', () => {
  it('writes yearly rules for a zone that has them, valid long after the range', () => {
    const lines = vtimezone('America/Toronto', 2026, 2027);
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    expect(lines.filter((line) => line.startsWith('BEGIN:')).slice(1)).toEqual(['BEGIN:DAYLIGHT', 'BEGIN:STANDARD']);
    expect(utcByIcalJs(lines, 'America/Toronto', '2026-01-13T18:00:00')).toBe('2026-01-13T23:00:00.000Z');
    expect(utcByIcalJs(lines, 'America/Toronto', '2035-07-10T18:00:00')).toBe('2035-07-10T22:00:00.000Z');
    expect(utcByIcalJs(lines, 'America/Toronto', '2035-11-06T18:00:00')).toBe('2035-11-06T23:00:00.000Z');
  });

  it('writes "the last Sunday" for Europe', () => {
    const lines = vtimezone('Europe/Paris', 2026, 2028);
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(lines).toContain('DTSTART:20251026T030000');
    expect(utcByIcalJs(lines, 'Europe/Paris', '2027-03-28T18:00:00')).toBe('2027-03-28T16:00:00.000Z');
    expect(utcByIcalJs(lines, 'Europe/Paris', '2027-03-27T18:00:00')).toBe('2027-03-27T17:00:00.000Z');
  });

  it('writes one observance for a zone without daylight-saving time', () => {
    const lines = vtimezone('Asia/Kolkata', 2026, 2027);
    expect(lines.filter((line) => line.startsWith('BEGIN:STANDARD'))).toHaveLength(1);
    expect(lines).toContain('TZOFFSETTO:+0530');
    expect(utcByIcalJs(lines, 'Asia/Kolkata', '2026-07-01T18:00:00')).toBe('2026-07-01T12:30:00.000Z');
  });

  it('lists each change of a zone whose rules changed in the range', () => {
    // Brazil stopped daylight-saving time in 2019.
    const lines = vtimezone('America/Sao_Paulo', 2018, 2020);
    expect(lines.some((line) => line.startsWith('RRULE:'))).toBe(false);
    expect(utcByIcalJs(lines, 'America/Sao_Paulo', '2019-01-15T18:00:00')).toBe('2019-01-15T20:00:00.000Z');
    expect(utcByIcalJs(lines, 'America/Sao_Paulo', '2020-01-15T18:00:00')).toBe('2020-01-15T21:00:00.000Z');
    expect(utcByIcalJs(lines, 'America/Sao_Paulo', '2018-01-15T18:00:00')).toBe('2018-01-15T20:00:00.000Z');
  });

  it('reads "the last Sunday" from enough years, though the range alone also fits "the fourth" and "the fifth"', () => {
    // In 2027 and 2028 the last Sundays of March (28th, 26th) are also the fourth, and of
    // October (31st, 29th) the fifth; in 2029 October has no fifth Sunday.
    const lines = vtimezone('Europe/Paris', 2028, 2028);
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(utcByIcalJs(lines, 'Europe/Paris', '2029-10-30T18:00:00')).toBe('2029-10-30T17:00:00.000Z');
    expect(utcByIcalJs(lines, 'Europe/Paris', '2032-10-30T18:00:00')).toBe('2032-10-30T16:00:00.000Z');
  });

  it('writes "the first Sunday on or after the 2nd" for Chile, whose changes are at midnight', () => {
    const lines = vtimezone('America/Santiago', 2026, 2027);
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=SU');
    // 2030-09-01 is a Sunday, but before the 2nd: daylight-saving time begins a week later.
    expect(utcByIcalJs(lines, 'America/Santiago', '2030-09-03T12:00:00')).toBe('2030-09-03T16:00:00.000Z');
    expect(utcByIcalJs(lines, 'America/Santiago', '2030-09-08T12:00:00')).toBe('2030-09-08T15:00:00.000Z');
    expect(utcByIcalJs(lines, 'America/Santiago', '2034-09-03T12:00:00')).toBe('2034-09-03T15:00:00.000Z');
  });

  it('lists the changes made under older rules, then gives the yearly rules from the year they begin', () => {
    // The United States moved its changes in 2007.
    const lines = vtimezone('America/New_York', 2005, 2026);
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(lines).toContain('DTSTART:20070311T020000');
    expect(lines).toContain('DTSTART:20061029T020000');
    expect(utcByIcalJs(lines, 'America/New_York', '2006-03-20T12:00:00')).toBe('2006-03-20T17:00:00.000Z');
    expect(utcByIcalJs(lines, 'America/New_York', '2026-03-20T12:00:00')).toBe('2026-03-20T16:00:00.000Z');
  });

  it('lists each change of a zone whose changes follow no yearly rule', () => {
    // Morocco turns its clocks back for Ramadan, whose dates move through the year.
    const lines = vtimezone('Africa/Casablanca', 2026, 2030);
    expect(lines.some((line) => line.startsWith('RRULE:'))).toBe(false);
    for (const change of zoneTransitions('Africa/Casablanca', 2026, 2030)) {
      const after = new Date(change.at + 3_600_000).toISOString().slice(0, 19);
      const local = new Date(change.at + 3_600_000 + change.to * 60_000).toISOString().slice(0, 19);
      expect(utcByIcalJs(lines, 'Africa/Casablanca', local).slice(0, 19)).toBe(after);
    }
  });
});
