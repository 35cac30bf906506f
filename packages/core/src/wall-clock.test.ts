import { describe, expect, it } from 'vitest';
import { formatWallClock, instantOf, instantsOf, parseWallClock, wallClockOf, zoneOffsetMinutes, type WallClock } from './wall-clock.ts';

const wall = (text: string): WallClock => parseWallClock(text)!.wall;
const utc = (wallText: string, zone: string) => instantOf(wall(wallText), zone).toISOString();

describe('parseWallClock', () => {
  it('reads a day and time, or a day alone', () => {
    expect(parseWallClock('2026-12-05T18:30')).toEqual({ wall: { year: 2026, month: 12, day: 5, hour: 18, minute: 30 }, hasTime: true });
    expect(parseWallClock('2026-12-05')).toEqual({ wall: { year: 2026, month: 12, day: 5, hour: 0, minute: 0 }, hasTime: false });
    expect(parseWallClock('2026-12-05 18:30:00')?.wall.minute).toBe(30);
  });

  it.each(['2026-02-30', '2026-12-05T24:00', '2026-12-05T18:60', '2026-12-05T18:30-05:00', '2026-12-05T18:30Z', '5 Dec 2026', ''])('refuses %j', (text) => {
    expect(parseWallClock(text)).toBeUndefined();
  });

  it('writes back what it read', () => {
    expect(formatWallClock(wall('2026-01-02T03:04'))).toBe('2026-01-02T03:04');
    expect(formatWallClock(wall('2026-01-02'), false)).toBe('2026-01-02');
    expect(formatWallClock(wall('0050-06-01'), false)).toBe('0050-06-01');
  });
});

describe('instantOf and wallClockOf', () => {
  it('use the offset of the zone on that day: Toronto is UTC-5 in winter, UTC-4 in summer', () => {
    expect(utc('2026-01-13T18:00', 'America/Toronto')).toBe('2026-01-13T23:00:00.000Z');
    expect(utc('2026-07-14T18:00', 'America/Toronto')).toBe('2026-07-14T22:00:00.000Z');
    expect(utc('2026-01-13T18:00', 'Europe/Paris')).toBe('2026-01-13T17:00:00.000Z');
    expect(utc('2026-07-14T18:00', 'Europe/Paris')).toBe('2026-07-14T16:00:00.000Z');
    expect(utc('2026-07-14T18:00', 'UTC')).toBe('2026-07-14T18:00:00.000Z');
    expect(utc('2026-07-14T18:00', 'Asia/Kolkata')).toBe('2026-07-14T12:30:00.000Z');
  });

  it('changes offset on the very days daylight-saving time begins and ends', () => {
    // Toronto: clocks go forward on 2026-03-08 at 02:00 and back on 2026-11-01 at 02:00.
    expect(utc('2026-03-07T18:00', 'America/Toronto')).toBe('2026-03-07T23:00:00.000Z');
    expect(utc('2026-03-08T18:00', 'America/Toronto')).toBe('2026-03-08T22:00:00.000Z');
    expect(utc('2026-10-31T18:00', 'America/Toronto')).toBe('2026-10-31T22:00:00.000Z');
    expect(utc('2026-11-01T18:00', 'America/Toronto')).toBe('2026-11-01T23:00:00.000Z');
    // Paris: forward on 2026-03-29 at 02:00, back on 2026-10-25 at 03:00.
    expect(utc('2026-03-28T18:00', 'Europe/Paris')).toBe('2026-03-28T17:00:00.000Z');
    expect(utc('2026-03-29T18:00', 'Europe/Paris')).toBe('2026-03-29T16:00:00.000Z');
    expect(utc('2026-10-25T18:00', 'Europe/Paris')).toBe('2026-10-25T17:00:00.000Z');
  });

  it('reads a time that occurs twice (clocks going back) as the first of the two', () => {
    expect(utc('2026-11-01T01:30', 'America/Toronto')).toBe('2026-11-01T05:30:00.000Z');
    expect(utc('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads a time that does not exist (clocks going forward) with the offset from before', () => {
    expect(utc('2026-03-08T02:30', 'America/Toronto')).toBe('2026-03-08T07:30:00.000Z');
    expect(formatWallClock(wallClockOf(instantOf(wall('2026-03-08T02:30'), 'America/Toronto'), 'America/Toronto'))).toBe('2026-03-08T03:30');
  });

  it('lists the instants of a wall clock: none in a skipped hour, two in a repeated one', () => {
    const instants = (wallText: string, zone: string) => instantsOf(wall(wallText), zone).map((instant) => instant.toISOString());
    expect(instants('2027-03-28T02:30', 'Europe/Paris')).toEqual([]);
    expect(instants('2026-10-25T02:30', 'Europe/Paris')).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(instants('2026-10-04T02:15', 'Australia/Lord_Howe')).toEqual([]);
    expect(instants('2026-10-04T02:30', 'Australia/Lord_Howe')).toEqual(['2026-10-03T15:30:00.000Z']);
    expect(instants('2026-10-25T18:00', 'Europe/Paris')).toEqual(['2026-10-25T17:00:00.000Z']);
  });

  it('round-trips every hour of a year through the zone', () => {
    for (const zone of ['America/Toronto', 'Europe/Paris', 'Australia/Lord_Howe']) {
      for (let hour = 0; hour < 365 * 24; hour += 7) {
        const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
        const back = instantOf(wallClockOf(instant, zone), zone);
        // Only the repeated hour of a change back may map to its first instance.
        expect(Math.abs(back.getTime() - instant.getTime()) <= 3_600_000, `${zone} ${instant.toISOString()}`).toBe(true);
      }
    }
  });

  it('gives offsets in minutes east of UTC', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-01T12:00:00Z'), 'America/Toronto')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Asia/Kathmandu')).toBe(345);
  });
});
