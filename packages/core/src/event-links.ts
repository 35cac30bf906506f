/**
 * Links about an event to other services. They are plain links: nothing is requested from those
 * services until a visitor follows one.
 */
import { icalWallClock } from './recurrence-rule.ts';
import type { Occurrence } from './occurrences.ts';
import { instantsOf, wallClockOf } from './wall-clock.ts';

/** The openstreetmap.org page centred on a place, with a marker on it. */
export function openStreetMapUrl(latitude: number, longitude: number, zoom = 16): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=${zoom}/${latitude}/${longitude}`;
}

export interface GoogleCalendarEvent {
  title: string;
  occurrence: Occurrence;
  allDay: boolean;
  timeZone: string;
  details?: string | undefined;
  location?: string | undefined;
}

/**
 * A Google Calendar link that opens the "new event" form filled in with one occurrence, on the
 * event's clock and zone (`ctz`).
 */
export function googleCalendarUrl({ title, occurrence, allDay, timeZone, details, location }: GoogleCalendarEvent): string {
  const walls = [occurrence.startWall, occurrence.endWall];
  // A time a daylight-saving change skips or shows twice is given as its instant, in UTC, so
  // Google cannot read it differently from the site.
  const unclear = !allDay && walls.some((wall) => instantsOf(wall, timeZone).length !== 1);
  const dates = unclear
    ? [occurrence.start, occurrence.end].map((instant) => `${icalWallClock(wallClockOf(instant, 'UTC'), true)}Z`).join('/')
    : walls.map((wall) => icalWallClock(wall, !allDay)).join('/');
  const parameters = new URLSearchParams({ action: 'TEMPLATE', text: title, dates });
  if (!allDay) parameters.set('ctz', timeZone);
  if (details) parameters.set('details', details);
  if (location) parameters.set('location', location);
  return `https://calendar.google.com/calendar/render?${parameters}`;
}
