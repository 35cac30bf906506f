/**
 * Events for routes and themes: published events with their occurrences, which are upcoming and
 * which past as of the build, and what each page and file shows of them.
 */
import type { CollectionEntry } from 'astro:content';
import config from 'virtual:openoutreach/config';
import {
  expandOccurrences,
  formatOccurrence,
  lastOccurrenceBefore,
  occurrenceDatetime,
  type CalendarEvent,
  type Locale,
  type Occurrence,
} from '@openoutreach/core';
import type { EventCardProps, OccurrenceView } from '../contract.ts';
import { clock } from './build-clock.ts';
import { getLocalizedEntries } from './entries.ts';
import { defaultLocale, localeContext } from './locale.ts';
import { entryPath, filePath, pagePath } from './urls.ts';

/**
 * The moment of this build, to the second (`OPENOUTREACH_BUILD_DATE` when set, build-clock.ts).
 * "Upcoming" and "past" are as of it, and it is the DTSTAMP of the iCalendar files, so a check of
 * the built site can tell which is which.
 */
export const buildTime = clock.now;

const YEAR = 365 * 86_400_000;

/** Repeating events are listed from a year before the build to two years after it. */
export const OCCURRENCE_WINDOW = { from: new Date(buildTime.getTime() - YEAR), until: new Date(buildTime.getTime() + 2 * YEAR), limit: 500 };

export type EventEntry = CollectionEntry<'events'> & { slug: string };

/** A published event with its time zone and occurrences. */
export interface SiteEvent {
  entry: EventEntry;
  /** The language of the event's page. */
  locale: Locale;
  /** Its own zone, else the site's. */
  timeZone: string;
  /** Its occurrences in the window (a one-off event's one occurrence, whenever it is). */
  occurrences: Occurrence[];
  /** The first occurrence not yet over at the build, if any. */
  next: Occurrence | undefined;
  /** The occurrence the event is shown with: the next one, else its last one. */
  shown: Occurrence;
}

/** Over at the build: ended, or for an event without an end, begun. */
const isOver = (occurrence: Occurrence) => occurrence.end <= buildTime && occurrence.start < buildTime;

function siteEvent(entry: EventEntry, locale: Locale): SiteEvent {
  const timeZone = entry.data.timeZone ?? config.settings.timeZone;
  const occurrences = expandOccurrences(entry.data, timeZone, OCCURRENCE_WINDOW);
  // The event's first occurrence, its start, whatever the window.
  const [first] = expandOccurrences({ ...entry.data, recurrence: undefined }, timeZone, OCCURRENCE_WINDOW) as [Occurrence];
  // A repeating event with no occurrence in the window either has not begun yet or is long over.
  const next = occurrences.find((occurrence) => !isOver(occurrence)) ?? (occurrences.length || isOver(first) ? undefined : first);
  const last = occurrences.at(-1) ?? lastOccurrenceBefore(entry.data, timeZone, OCCURRENCE_WINDOW.from);
  return { entry, locale, timeZone, occurrences, next, shown: next ?? last ?? first };
}

const events = new Map<Locale, Promise<SiteEvent[]>>();

/** Published events in one language, each with its occurrences; empty when events are off. */
export function getEvents(locale: Locale = defaultLocale): Promise<SiteEvent[]> {
  if (!config.features.events) return Promise.resolve([]);
  // Dev rebuilds must see edits; a build reads the events once for all pages.
  if (!events.has(locale) || import.meta.env.DEV) {
    events.set(
      locale,
      getLocalizedEntries('events', locale).then((entries) => entries.map((entry) => siteEvent(entry, locale))),
    );
  }
  return events.get(locale)!;
}

/** Events with an occurrence still to come (or under way), soonest first. */
export async function getUpcomingEvents(locale: Locale = defaultLocale): Promise<SiteEvent[]> {
  return (await getEvents(locale))
    .filter((event) => event.next)
    .sort((a, b) => a.next!.start.getTime() - b.next!.start.getTime() || a.entry.slug.localeCompare(b.entry.slug));
}

/** Events that are over, the most recent first. */
export async function getPastEvents(locale: Locale = defaultLocale): Promise<SiteEvent[]> {
  return (await getEvents(locale))
    .filter((event) => !event.next)
    .sort((a, b) => b.shown.start.getTime() - a.shown.start.getTime() || a.entry.slug.localeCompare(b.entry.slug));
}

const localUrl = (path: string, locale: Locale) => localeContext(locale).url(path);
export const eventHref = (slug: string, locale: Locale = defaultLocale) => localUrl(entryPath('events', slug), locale);
export const eventIcsHref = (slug: string, locale: Locale = defaultLocale) => localUrl(filePath('event.ics.ts', { slug }), locale);
export const calendarMonthHref = (month: string, locale: Locale = defaultLocale) => localUrl(pagePath('events-calendar', { month }), locale);

/** An occurrence as pages show it, in the event's language. */
export function occurrenceView(event: SiteEvent, occurrence: Occurrence): OccurrenceView {
  const format = { locale: event.locale, timeZone: event.timeZone, allDay: event.entry.data.allDay, siteTimeZone: config.settings.timeZone };
  return { start: occurrence.start, end: occurrence.end, label: formatOccurrence(occurrence, format), datetime: occurrenceDatetime(occurrence, format) };
}

/** What an event card shows of an event. */
export function eventCard(event: SiteEvent): EventCardProps {
  const { data } = event.entry;
  return {
    title: data.title,
    href: eventHref(event.entry.slug, event.locale),
    occurrence: occurrenceView(event, event.shown),
    recurring: !!data.recurrence,
    summary: data.summary,
    place: data.location?.name ?? data.location?.address,
    online: !!data.online,
    image: data.image,
  };
}

/** Where the event takes place, in one line: the place and its address, or the meeting link. */
export function locationText(event: SiteEvent): string | undefined {
  const { location, online } = event.entry.data;
  const place = [location?.name, location?.address].filter(Boolean).join(', ');
  return place || online;
}

/** The text calendar apps show with the event: its summary, cost and links. */
export function calendarDescription(event: SiteEvent): string | undefined {
  const { t } = localeContext(event.locale);
  const { summary, cost, registration, online } = event.entry.data;
  const lines = [
    summary,
    cost && `${t('events.cost')}: ${cost}`,
    registration && `${t('events.register')}: ${registration}`,
    online && `${t('events.joinOnline')}: ${online}`,
  ].filter(Boolean);
  return lines.length ? lines.join('\n') : undefined;
}

/** The event as the iCalendar files write it. */
export function calendarEvent(event: SiteEvent, site: URL | undefined): CalendarEvent {
  const { data } = event.entry;
  const host = site?.hostname ?? 'openoutreach.invalid';
  const { latitude, longitude } = data.location ?? {};
  return {
    // Translations are one event: calendars that import both languages keep one copy.
    uid: `${event.entry.slug}@${host}`,
    title: data.title,
    timeZone: event.timeZone,
    start: data.start,
    end: data.end,
    allDay: data.allDay,
    recurrence: data.recurrence,
    description: calendarDescription(event),
    location: locationText(event),
    geo: latitude !== undefined && longitude !== undefined ? { latitude, longitude } : undefined,
    url: site ? new URL(eventHref(event.entry.slug, event.locale), site).href : undefined,
    categories: data.tags,
  };
}
