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
    expect(zoneTransitions('Europe/Paris', 2026, 2026).map((change) => new Date(change.at).toISOString())).toEqual(['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']);
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
});
