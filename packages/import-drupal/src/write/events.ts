import { checkRecurrenceRule, isValidTimeZone } from '@openoutreach/core';
import type { DrupalNode, DrupalPlace } from '../model.ts';
import { wallClock } from './clock.ts';

/** The event fields of the kit's schema made from a Debut Event's dates, repeat rule and place. */
export function eventFields(
  node: DrupalNode,
  places: DrupalPlace[],
  siteTimeZone: string,
  problem: (message: string) => void,
): Record<string, unknown> | undefined {
  const event = node.event;
  const first = event?.dates[0];
  if (!event || !first) {
    problem('the event has no date and was left out');
    return undefined;
  }
  const timeZone = first.timezone && isValidTimeZone(first.timezone) ? first.timezone : siteTimeZone;
  const allDay = event.allDay === true;
  const clock = (instant: string) =>
    allDay ? (/^\d{4}-\d\d-\d\d$/.test(instant) ? instant : wallClock(instant, timeZone).slice(0, 10)) : wallClock(instant, timeZone);
  const start = clock(first.start);
  const end = first.end ? clock(first.end) : undefined;
  const fields: Record<string, unknown> = {
    start,
    ...(end && end > start ? { end } : {}),
    ...(allDay ? { allDay: true } : {}),
    ...(timeZone !== siteTimeZone ? { timeZone } : {}),
  };
  if (event.rrule) {
    const line = event.rrule.split(/\r?\n/).find((part) => /^(RRULE:)?FREQ=/i.test(part.trim())) ?? '';
    // Drupal's Date Repeat writes WKST and its own DTSTART; the event's start says when it begins.
    const checked = checkRecurrenceRule(
      line
        .replace(/^RRULE:/i, '')
        .split(';')
        .filter((part) => part && !/^(DTSTART|TZID)=/i.test(part))
        .join(';'),
    );
    if (checked.ok) {
      const exceptions = [
        ...new Set((event.exdates ?? []).map((date) => (/^\d{4}-\d\d-\d\d$/.test(date) ? date : wallClock(date, timeZone).slice(0, 10)))),
      ].sort();
      fields.recurrence = { rule: checked.rule, ...(exceptions.length ? { exceptions } : {}) };
    } else {
      problem(`its repeat rule "${event.rrule}" was left out (${checked.reason}); only the first date is imported`);
    }
  } else if (event.dates.length > 1) {
    problem(`it has ${event.dates.length} dates and no repeat rule; only the first (${start}) is imported`);
  }
  const place = event.placeNid === undefined ? undefined : places.find((candidate) => candidate.nid === event.placeNid);
  if (event.placeNid !== undefined && !place) problem(`its place (node/${event.placeNid}) was not found`);
  if (place) {
    const locality = [place.city, place.region, place.postalCode].filter(Boolean).join(' ');
    const hasPoint = place.lat !== undefined && place.lon !== undefined && !(place.lat === 0 && place.lon === 0);
    fields.location = {
      name: place.title,
      address: [place.street, locality, place.country].filter(Boolean).join(', '),
      ...(hasPoint ? { latitude: place.lat, longitude: place.lon } : {}),
    };
  }
  return fields;
}
