import { describe, expect, test } from 'vitest';
import { dailyCronInUtc, isTimeZone, offsetMinutes } from './schedule.mjs';

const FROM = new Date('2026-01-01T00:00:00Z');

/** The wall-clock time in `zone` at which a daily cron 'M H * * *' (UTC) runs on each day of the year. */
function localRunTimes(cron: string, zone: string): string[] {
  const [minute, hour] = cron.split(' ').map(Number) as [number, number];
  return Array.from({ length: 365 }, (_, day) => {
    const run = new Date(Date.UTC(2026, 0, 1 + day, hour, minute));
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(run);
  });
}

describe('the daily rebuild in UTC, for CI without time zones', () => {
  test.each([
    ['UTC', '17 0 * * *'],
    ['America/Toronto', '17 5 * * *'], // UTC−5 in winter
    ['Europe/Paris', '17 23 * * *'], // UTC+1 in winter: the day before, in UTC
    ['Asia/Kolkata', '47 18 * * *'], // UTC+5:30, no summer time
    ['Asia/Kathmandu', '32 18 * * *'], // UTC+5:45
    ['Pacific/Auckland', '17 12 * * *'], // UTC+12 in its winter (July), +13 in summer
    ['Australia/Lord_Howe', '47 13 * * *'], // UTC+10:30, +11 in summer: a half-hour change
    ['America/St_Johns', '47 3 * * *'], // UTC−3:30
  ])('%s: %s', (zone, cron) => {
    expect(dailyCronInUtc(zone, FROM)).toBe(cron);
  });

  test.each(['America/Toronto', 'Europe/Paris', 'Pacific/Auckland', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata'])(
    '%s: every day of the year it runs after local midnight and before 01:30, never the evening before',
    (zone) => {
      for (const time of localRunTimes(dailyCronInUtc(zone, FROM), zone)) expect(['00:17', '00:47', '01:17']).toContain(time);
    },
  );
});

test('offsets: summer and winter time, and UTC', () => {
  expect(offsetMinutes('America/Toronto', new Date('2026-07-01T12:00:00Z'))).toBe(-240);
  expect(offsetMinutes('America/Toronto', new Date('2026-01-01T12:00:00Z'))).toBe(-300);
  expect(offsetMinutes('UTC', FROM)).toBe(0);
});

test('time zones: IANA names and UTC, not abbreviations or offsets', () => {
  expect(isTimeZone('Europe/Paris')).toBe(true);
  expect(isTimeZone('UTC')).toBe(true);
  expect(isTimeZone('Paris')).toBe(false);
  expect(isTimeZone('Mars/Olympus')).toBe(false);
  expect(isTimeZone('+02:00')).toBe(false);
});
