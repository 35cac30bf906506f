import { describe, expect, it } from 'vitest';
import { googleCalendarUrl, openStreetMapUrl } from './event-links.ts';
import { expandOccurrences } from './occurrences.ts';

const WINDOW = { from: new Date('2020-01-01T00:00:00Z'), until: new Date('2030-01-01T00:00:00Z') };

describe('openStreetMapUrl', () => {
  it('centres the map on the place and marks it', () => {
    expect(openStreetMapUrl(43.6532, -79.3832)).toBe('https://www.openstreetmap.org/?mlat=43.6532&mlon=-79.3832#map=16/43.6532/-79.3832');
  });
});

describe('googleCalendarUrl', () => {
  it('fills in the title, local times with their zone, details and place', () => {
    const [occurrence] = expandOccurrences({ start: '2027-04-24T10:00', end: '2027-04-24T13:00', allDay: false }, 'America/Toronto', WINDOW);
    const url = new URL(
      googleCalendarUrl({
        title: 'Clean-up & coffee',
        occurrence: occurrence!,
        allDay: false,
        timeZone: 'America/Toronto',
        details: 'Bring gloves.',
        location: 'Maple Street',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'Clean-up & coffee',
      dates: '20270424T100000/20270424T130000',
      ctz: 'America/Toronto',
      details: 'Bring gloves.',
      location: 'Maple Street',
    });
  });

  it('gives times a daylight-saving change skips or repeats as the instants the site gives, in UTC', () => {
    const [skipped] = expandOccurrences({ start: '2027-03-28T02:30', end: '2027-03-28T04:00', allDay: false }, 'Europe/Paris', WINDOW);
    expect(new URL(googleCalendarUrl({ title: 'Night walk', occurrence: skipped!, allDay: false, timeZone: 'Europe/Paris' })).searchParams.get('dates')).toBe(
      '20270328T013000Z/20270328T020000Z',
    );
    const [repeated] = expandOccurrences({ start: '2026-11-01T01:30', end: '2026-11-01T03:00', allDay: false }, 'America/Toronto', WINDOW);
    expect(
      new URL(googleCalendarUrl({ title: 'Night walk', occurrence: repeated!, allDay: false, timeZone: 'America/Toronto' })).searchParams.get('dates'),
    ).toBe('20261101T053000Z/20261101T080000Z');
  });

  it('gives an all-day event its days, the end being the day after', () => {
    const [occurrence] = expandOccurrences({ start: '2027-08-21', end: '2027-08-22', allDay: true }, 'America/Toronto', WINDOW);
    expect(
      new URL(googleCalendarUrl({ title: 'Festival', occurrence: occurrence!, allDay: true, timeZone: 'America/Toronto' })).searchParams.get('dates'),
    ).toBe('20270821/20270823');
  });
});
