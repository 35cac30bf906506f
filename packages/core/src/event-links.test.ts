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
    const url = new URL(googleCalendarUrl({ title: 'Clean-up & coffee', occurrence: occurrence!, allDay: false, timeZone: 'America/Toronto', details: 'Bring gloves.', location: 'Maple Street' }));
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

  it('gives an all-day event its days, the end being the day after', () => {
    const [occurrence] = expandOccurrences({ start: '2027-08-21', end: '2027-08-22', allDay: true }, 'America/Toronto', WINDOW);
    expect(new URL(googleCalendarUrl({ title: 'Festival', occurrence: occurrence!, allDay: true, timeZone: 'America/Toronto' })).searchParams.get('dates')).toBe('20270821/20270823');
  });
});
