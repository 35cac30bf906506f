/** Events: cards, lists, the event page, the month calendar, the map and "add to calendar". */
import type { EventData } from '@openoutreach/core';
import type { ImageWithAlt, Link } from './shell.ts';

/** One time an event takes place, ready to show. */
export interface OccurrenceView {
  start: Date;
  end: Date;
  /** When, in words, on the event's clock: "Tuesday, December 8, 2026, 6:00 – 8:00 PM". */
  label: string;
  /** For `<time datetime>`: `2026-12-08T18:00-05:00`, or `2026-12-08` for an all-day event. */
  datetime: string;
}

export interface EventCardProps {
  title: string;
  href: string;
  /** The occurrence the card is about: the next one, or the last one of a past event. */
  occurrence: OccurrenceView;
  /** Whether the event repeats. */
  recurring: boolean;
  summary?: string | undefined;
  /** The name of the place, if any. */
  place?: string | undefined;
  /** Whether people can join online. */
  online: boolean;
  image?: ImageWithAlt | undefined;
  headingLevel?: 2 | 3;
}

export interface EventListProps {
  events: EventCardProps[];
  headingLevel?: 2 | 3;
}

/** An event's fields as the theme receives them, with its image optimised. */
export type EventView = Omit<EventData, 'image'> & { image?: ImageWithAlt | undefined };

export interface EventLayoutProps {
  event: EventView;
  path: string;
  /** The next occurrence, or the last one once all have passed. */
  occurrence: OccurrenceView;
  /** Whether every occurrence has passed, as of the build. */
  isPast: boolean;
  /** The occurrences after `occurrence`, a few, for a repeating event. */
  nextDates: OccurrenceView[];
  calendar: AddToCalendarProps;
  /** Present when the event has a latitude and longitude. */
  map?: EventMapProps | undefined;
}

export interface AddToCalendarProps {
  /** The event's own iCalendar file. */
  icsHref: string;
  /** A Google Calendar link that fills in the event (one-off events only): a plain link, no request. */
  googleHref?: string | undefined;
}

/** A map of where an event takes place. Without JavaScript, a link to openstreetmap.org. */
export interface EventMapProps {
  latitude: number;
  longitude: number;
  /** The name of the place, for the link and the map's label. */
  label?: string | undefined;
}

/** One event in a day of the month calendar. */
export interface CalendarEntry {
  title: string;
  href: string;
  /** The start time ("6:00 PM"); empty for an all-day event. */
  time: string;
  /** For `<time datetime>`. */
  datetime: string;
}

export interface CalendarDay {
  /** `YYYY-MM-DD`; undefined for the cells of the months before and after. */
  day?: string | undefined;
  /** The day in words, "Tuesday, December 8". */
  label: string;
  /** The day of the build, marked `aria-current="date"`. */
  today: boolean;
  entries: CalendarEntry[];
}

export interface EventCalendarProps {
  /** `YYYY-MM`. */
  month: string;
  /** The month in words, "December 2026": the table's caption. */
  caption: string;
  /** The names of the weekdays from the first of the locale's week. */
  weekdays: { short: string; long: string }[];
  /** Rows of seven days. */
  weeks: CalendarDay[][];
  /** The nearest months before and after that have events. */
  previous?: Link | undefined;
  next?: Link | undefined;
}
