import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expandOccurrences } from '../occurrences.ts';
import { icalendar, type CalendarEvent } from './calendar.ts';

const STAMP = new Date('2026-11-26T15:00:00Z');
const WINDOW = { from: new Date('2025-01-01T00:00:00Z'), until: new Date('2029-01-01T00:00:00Z') };

const toolLibrary: CalendarEvent = {
  uid: 'tool-library-open-hours@example.org',
  title: 'Tool library open hours',
  timeZone: 'America/Toronto',
  start: '2026-09-08T18:00',
  end: '2026-09-08T20:00',
  allDay: false,
  recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', exceptions: ['2026-12-29'] },
  description: 'Borrow a drill, a ladder; or a wheelbarrow.\nBring ID.',
  location: 'Maple Street Library, 12 Maple Street',
  url: 'https://example.org/events/tool-library-open-hours/',
  categories: ['tool library', 'volunteering'],
};

/** Reads a calendar file with ical.js, an independent implementation, using the file's own VTIMEZONEs. */
function readCalendar(text: string) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

/** The start instants ical.js expands an event to, up to `until`. */
function icalStarts(event: ICAL.Event, until: Date): string[] {
  const starts: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && next.toJSDate() < until; next = iterator.next()) starts.push(next.toJSDate().toISOString());
  return starts;
}

const ourStarts = (event: CalendarEvent) => expandOccurrences(event, event.timeZone, WINDOW).map((occurrence) => occurrence.start.toISOString());

describe('icalendar', () => {
  it('writes a calendar that ical.js reads: summary, description, location, link, categories', () => {
    const [event] = readCalendar(icalendar({ name: 'Maple Street events', events: [toolLibrary], stamp: STAMP }));
    expect(event?.summary).toBe('Tool library open hours');
    expect(event?.description).toBe('Borrow a drill, a ladder; or a wheelbarrow.\nBring ID.');
    expect(event?.location).toBe('Maple Street Library, 12 Maple Street');
    expect(event?.uid).toBe('tool-library-open-hours@example.org');
    expect(event?.component.getFirstPropertyValue('url')).toBe('https://example.org/events/tool-library-open-hours/');
    expect(event?.component.getFirstProperty('categories')?.getValues()).toEqual(['tool library', 'volunteering']);
    expect(event?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-26T15:00:00Z');
  });

  it('writes the start as local time with its TZID, which ical.js turns into the right instant', () => {
    const text = icalendar({ name: 'Events', events: [toolLibrary], stamp: STAMP });
    expect(text).toContain('\r\nDTSTART;TZID=America/Toronto:20260908T180000\r\n');
    expect(text).toContain('\r\nDTEND;TZID=America/Toronto:20260908T200000\r\n');
    expect(text).toContain('\r\nEXDATE;TZID=America/Toronto:20261229T180000\r\n');
    const [event] = readCalendar(text);
    expect(event?.startDate.zone?.tzid).toBe('America/Toronto');
    expect(event?.startDate.toString()).toBe('2026-09-08T18:00:00');
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-09-08T22:00:00.000Z');
    expect(event?.endDate.toJSDate().toISOString()).toBe('2026-09-09T00:00:00.000Z');
  });

  it('gives a recurring event a rule that ical.js expands to the same instants, across daylight-saving changes', () => {
    const [event] = readCalendar(icalendar({ name: 'Events', events: [toolLibrary], stamp: STAMP }));
    expect(event?.isRecurring()).toBe(true);
    const theirs = icalStarts(event!, WINDOW.until);
    expect(theirs).toEqual(ourStarts(toolLibrary));
    expect(theirs).toContain('2026-10-20T22:00:00.000Z');
    expect(theirs).toContain('2026-11-03T23:00:00.000Z');
    expect(theirs).not.toContain('2026-12-29T23:00:00.000Z');
  });

  it('does the same in Paris, with a local UNTIL written in UTC as RFC 5545 requires', () => {
    const paris: CalendarEvent = {
      ...toolLibrary,
      uid: 'p@x',
      timeZone: 'Europe/Paris',
      start: '2026-03-17T18:00',
      end: '2026-03-17T19:00',
      recurrence: { rule: 'FREQ=WEEKLY;UNTIL=20261110', exceptions: [] },
    };
    const text = icalendar({ name: 'Events', events: [paris], stamp: STAMP });
    expect(text).toContain('RRULE:FREQ=WEEKLY;UNTIL=20261110T225900Z');
    const [event] = readCalendar(text);
    const theirs = icalStarts(event!, WINDOW.until);
    expect(theirs).toEqual(ourStarts(paris));
    expect(theirs.at(-1)).toBe('2026-11-10T17:00:00.000Z');
    expect(theirs).toContain('2026-03-24T17:00:00.000Z');
    expect(theirs).toContain('2026-03-31T16:00:00.000Z');
  });

  it('writes all-day events as days, the end being the day after the last', () => {
    const festival: CalendarEvent = { uid: 'f@x', title: 'Street festival', timeZone: 'America/Toronto', start: '2027-08-21', end: '2027-08-22', allDay: true };
    const text = icalendar({ name: 'Events', events: [festival], stamp: STAMP });
    expect(text).toContain('DTSTART;VALUE=DATE:20270821\r\nDTEND;VALUE=DATE:20270823\r\n');
    expect(text).not.toContain('VTIMEZONE');
    const [event] = readCalendar(text);
    expect(event?.startDate.isDate).toBe(true);
    expect(event?.startDate.toString()).toBe('2027-08-21');
  });

  it('writes UTC events in UTC, without a VTIMEZONE', () => {
    const online: CalendarEvent = { uid: 'o@x', title: 'Call', timeZone: 'UTC', start: '2026-12-10T19:00', allDay: false };
    const text = icalendar({ name: 'Events', events: [online], stamp: STAMP });
    expect(text).toContain('DTSTART:20261210T190000Z');
    expect(text).not.toContain('DTEND');
    expect(readCalendar(text)[0]?.startDate.toJSDate().toISOString()).toBe('2026-12-10T19:00:00.000Z');
  });

  it('writes GEO and one VTIMEZONE per zone used', () => {
    const cleanUp: CalendarEvent = {
      uid: 'c@x',
      title: 'Clean-up',
      timeZone: 'America/Toronto',
      start: '2027-04-24T10:00',
      end: '2027-04-24T13:00',
      allDay: false,
      geo: { latitude: 43.6532, longitude: -79.3832 },
    };
    const text = icalendar({ name: 'Events', events: [toolLibrary, cleanUp], stamp: STAMP });
    expect(text).toContain('\r\nGEO:43.6532;-79.3832\r\n');
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(readCalendar(text)[1]?.component.getFirstPropertyValue('geo')).toEqual([43.6532, -79.3832]);
  });

  it('folds lines at 75 octets without splitting a character, ends every line with CRLF and escapes text', () => {
    const title = 'Fête de quartier 🎉 – musique, danse; « grand repas » pour tous les voisins et voisines de la rue des Érables';
    const text = icalendar({ name: 'Événements', events: [{ ...toolLibrary, title }], stamp: STAMP });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:Fête de quartier 🎉 – musique\\, danse\\; « grand repas »');
    expect(readCalendar(text)[0]?.summary).toBe(title);
  });

  it('gives the same file for the same events, so UIDs and content are stable from build to build', () => {
    const make = () => icalendar({ name: 'Events', events: [toolLibrary], stamp: STAMP });
    expect(make()).toBe(make());
  });
});
