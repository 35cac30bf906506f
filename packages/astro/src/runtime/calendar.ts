/**
 * The month calendars of events: which months have occurrences, and what each day of them holds.
 */
import config from 'virtual:openoutreach/config';
import {
  addDays,
  compareWallClocks,
  firstDayOfWeek,
  formatMonth,
  formatStartTime,
  formatWallClock,
  monthOf,
  monthWeeks,
  occurrenceDatetime,
  wallClockOf,
  weekdayNames,
  type Locale,
} from '@openoutreach/core';
import type { CalendarEntry, EventCalendarProps } from '../contract.ts';
import { buildTime, calendarMonthHref, eventHref, getEvents } from './events.ts';
import { defaultLocale } from './locale.ts';

/** Each day (`YYYY-MM-DD`) that has occurrences, with them, in order of time. */
async function entriesByDay(locale: Locale): Promise<Map<string, (CalendarEntry & { sort: number })[]>> {
  const days = new Map<string, (CalendarEntry & { sort: number })[]>();
  for (const event of await getEvents(locale)) {
    const { allDay, title } = event.entry.data;
    for (const occurrence of event.occurrences) {
      const format = { locale, timeZone: event.timeZone, allDay };
      const entry = {
        title,
        href: eventHref(event.entry.slug, locale),
        time: formatStartTime(occurrence, format),
        datetime: occurrenceDatetime(occurrence, format),
        sort: occurrence.start.getTime(),
      };
      // An all-day occurrence is on each of its days; one with a time, on the day it starts.
      const lastDay = allDay ? addDays(occurrence.endWall, -1) : occurrence.startWall;
      for (let day = occurrence.startWall; compareWallClocks(day, lastDay) <= 0; day = addDays(day, 1)) {
        const key = formatWallClock(day, false);
        days.set(key, [...(days.get(key) ?? []), entry]);
      }
    }
  }
  for (const entries of days.values()) entries.sort((a, b) => a.sort - b.sort || a.title.localeCompare(b.title));
  return days;
}

/** The months that have occurrences, earliest first, each as the props of its calendar. */
export async function getCalendarMonths(locale: Locale = defaultLocale): Promise<EventCalendarProps[]> {
  const days = await entriesByDay(locale);
  const months = [...new Set([...days.keys()].map(monthOf))].sort();
  const firstDay = firstDayOfWeek(locale);
  const weekdays = weekdayNames(locale, firstDay);
  const today = formatWallClock(wallClockOf(buildTime, config.settings.timeZone), false);
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const label = (day: string | undefined) => (day ? dayName.format(new Date(`${day}T00:00:00Z`)) : '');
  const link = (month: string | undefined) => (month ? { label: formatMonth(month, locale), href: calendarMonthHref(month, locale) } : undefined);
  return months.map((month, index) => ({
    month,
    caption: formatMonth(month, locale),
    weekdays,
    weeks: monthWeeks(month, firstDay).map((week) =>
      week.map((day) => ({ day, label: label(day), today: day === today, entries: (day && days.get(day)?.map(({ sort: _sort, ...entry }) => entry)) || [] })),
    ),
    previous: link(months[index - 1]),
    next: link(months[index + 1]),
  }));
}

/**
 * The month the calendar opens at from the events page: the build's month if it has events,
 * else the first later month that has, else the last month that has; undefined with no events.
 */
export async function currentCalendarMonth(locale: Locale = defaultLocale): Promise<string | undefined> {
  const months = (await getCalendarMonths(locale)).map((calendar) => calendar.month);
  const now = monthOf(formatWallClock(wallClockOf(buildTime, config.settings.timeZone), false));
  return months.find((month) => month >= now) ?? months.at(-1);
}
