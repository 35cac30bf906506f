/**
 * Events for routes and themes: published events with their occurrences, which are upcoming and
 * which past as of the build, and what each page and file shows of them.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import config from 'virtual:openoutreach/config';
import {
  createTranslator,
  expandOccurrences,
  formatOccurrence,
  lastOccurrenceBefore,
  occurrenceDatetime,
  type CalendarEvent,
  type Occurrence,
} from '@openoutreach/core';
import type { EventCardProps, OccurrenceView } from '../contract.ts';
import { joinBase } from './urls.ts';

const t = createTranslator(config.settings.defaultLocale);
const url = (path: string) => joinBase(config.base, path);

/**
 * The moment of this build, to the second. "Upcoming" and "past" are as of it, and it is the
 * DTSTAMP of the iCalendar files, so a check of the built site can tell which is which.
 */
export const buildTime = new Date(Math.floor(Date.now() / 1000) * 1000);

const YEAR = 365 * 86_400_000;

/** Repeating events are listed from a year before the build to two years after it. */
export const OCCURRENCE_WINDOW = { from: new Date(buildTime.getTime() - YEAR), until: new Date(buildTime.getTime() + 2 * YEAR), limit: 500 };

export type EventEntry = CollectionEntry<'events'>;

/** A published event with its time zone and occurrences. */
export interface SiteEvent {
  entry: EventEntry;
  /** Its own zone, else the site's. */
  timeZone: string;
  /** Its occurrences in the window (a one-off event's one occurrence, whenever it is). */
  occurrences: Occurrence[];
  /** The first occurrence not yet over at the build, if any. */
  next: Occurrence | undefined;
  /** The occurrence the event is shown with: the next one, else its last one. */
  shown: Occurrence;
}

const isPublished = (entry: { data: { draft: boolean } }) => config.dev || !entry.data.draft;
/** Over at the build: ended, or for an event without an end, begun. */
const isOver = (occurrence: Occurrence) => occurrence.end <= buildTime && occurrence.start < buildTime;

function siteEvent(entry: EventEntry): SiteEvent {
  const timeZone = entry.data.timeZone ?? config.settings.timeZone;
  const occurrences = expandOccurrences(entry.data, timeZone, OCCURRENCE_WINDOW);
  // The event's first occurrence, its start, whatever the window.
  const [first] = expandOccurrences({ ...entry.data, recurrence: undefined }, timeZone, OCCURRENCE_WINDOW) as [Occurrence];
  // A repeating event with no occurrence in the window either has not begun yet or is long over.
  const next = occurrences.find((occurrence) => !isOver(occurrence)) ?? (occurrences.length || isOver(first) ? undefined : first);
  const last = occurrences.at(-1) ?? lastOccurrenceBefore(entry.data, timeZone, OCCURRENCE_WINDOW.from);
  return { entry, timeZone, occurrences, next, shown: next ?? last ?? first };
}

let events: Promise<SiteEvent[]> | undefined;

/** Published events, each with its occurrences; empty when the site has events turned off. */
export function getEvents(): Promise<SiteEvent[]> {
  if (!config.features.events) return Promise.resolve([]);
  // Dev rebuilds must see edits; a build reads the events once for all pages.
  if (events && !import.meta.env.DEV) return events;
  const loading: Promise<SiteEvent[]> = getCollection('events').then((entries: EventEntry[]) => entries.filter(isPublished).map(siteEvent));
  events = loading;
  return loading;
}

/** Events with an occurrence still to come (or under way), soonest first. */
export async function getUpcomingEvents(): Promise<SiteEvent[]> {
  return (await getEvents())
    .filter((event) => event.next)
    .sort((a, b) => a.next!.start.getTime() - b.next!.start.getTime() || a.entry.id.localeCompare(b.entry.id));
}

/** Events that are over, the most recent first. */
export async function getPastEvents(): Promise<SiteEvent[]> {
  return (await getEvents())
    .filter((event) => !event.next)
    .sort((a, b) => b.shown.start.getTime() - a.shown.start.getTime() || a.entry.id.localeCompare(b.entry.id));
}

export const eventHref = (id: string) => url(`/events/${id}/`);
export const eventIcsHref = (id: string) => url(`/events/${id}.ics`);
export const calendarMonthHref = (month: string) => url(`/events/calendar/${month}/`);

/** An occurrence as pages show it. */
export function occurrenceView(event: SiteEvent, occurrence: Occurrence): OccurrenceView {
  const format = { locale: config.settings.defaultLocale, timeZone: event.timeZone, allDay: event.entry.data.allDay, siteTimeZone: config.settings.timeZone };
  return { start: occurrence.start, end: occurrence.end, label: formatOccurrence(occurrence, format), datetime: occurrenceDatetime(occurrence, format) };
}

/** What an event card shows of an event. */
export function eventCard(event: SiteEvent): EventCardProps {
  const { data } = event.entry;
  return {
    title: data.title,
    href: eventHref(event.entry.id),
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
    uid: `${event.entry.id}@${host}`,
    title: data.title,
    timeZone: event.timeZone,
    start: data.start,
    end: data.end,
    allDay: data.allDay,
    recurrence: data.recurrence,
    description: calendarDescription(event),
    location: locationText(event),
    geo: latitude !== undefined && longitude !== undefined ? { latitude, longitude } : undefined,
    url: site ? new URL(eventHref(event.entry.id), site).href : undefined,
    categories: data.tags,
  };
}
