import { describe, expect, it } from 'vitest';
import { formatOccurrence, formatStartTime, occurrenceDatetime } from './event-dates.ts';
import { expandOccurrences } from './occurrences.ts';

const WINDOW = { from: new Date('2020-01-01T00:00:00Z'), until: new Date('2030-01-01T00:00:00Z') };
const [evening] = expandOccurrences({ start: '2026-12-08T18:00', end: '2026-12-08T20:00', allDay: false }, 'America/Toronto', WINDOW);
const [weekend] = expandOccurrences({ start: '2027-08-21', end: '2027-08-22', allDay: true }, 'America/Toronto', WINDOW);
const toronto = { locale: 'en', timeZone: 'America/Toronto', allDay: false, siteTimeZone: 'America/Toronto' };
// Intl separates times with narrow and thin spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, ' ');

describe('formatOccurrence', () => {
  it('gives the day and the time range on the event’s clock', () => {
    expect(plain(formatOccurrence(evening!, toronto))).toBe('Tuesday, December 8, 2026, 6:00 – 8:00 PM');
    expect(plain(formatOccurrence(evening!, { ...toronto, locale: 'fr' }))).toBe('mardi 8 décembre 2026, 18:00 – 20:00');
  });

  it('names the zone when it is not the site’s', () => {
    expect(plain(formatOccurrence(evening!, { ...toronto, siteTimeZone: 'Europe/Paris' }))).toBe('Tuesday, December 8, 2026, 6:00 – 8:00 PM (Eastern Time)');
  });

  it('gives the days of an all-day occurrence', () => {
    expect(plain(formatOccurrence(weekend!, { ...toronto, allDay: true }))).toBe('Saturday, August 21 – Sunday, August 22, 2027');
  });
});

describe('machine-readable and short forms', () => {
  it('give the local time with its offset, or the day alone', () => {
    expect(occurrenceDatetime(evening!, toronto)).toBe('2026-12-08T18:00-05:00');
    expect(occurrenceDatetime(weekend!, { ...toronto, allDay: true })).toBe('2027-08-21');
    // 02:30 on the day clocks go from 02:00 to 03:00 is read as 03:30 (RFC 5545), and shown so.
    const [skipped] = expandOccurrences({ start: '2027-03-28T02:30', allDay: false }, 'Europe/Paris', WINDOW);
    expect(occurrenceDatetime(skipped!, { timeZone: 'Europe/Paris', allDay: false })).toBe('2027-03-28T03:30+02:00');
    expect(new Date(occurrenceDatetime(skipped!, { timeZone: 'Europe/Paris', allDay: false })).getTime()).toBe(skipped!.start.getTime());
    expect(plain(formatStartTime(skipped!, { locale: 'en', timeZone: 'Europe/Paris', allDay: false }))).toBe('3:30 AM');
    expect(plain(formatStartTime(evening!, toronto))).toBe('6:00 PM');
    expect(formatStartTime(weekend!, { ...toronto, allDay: true })).toBe('');
  });
});
