import type { APIContext, GetStaticPaths } from 'astro';
import { icalendar } from '@openoutreach/core';
import { buildTime, calendarEvent, config, getEvents, localizedPaths, type SiteEvent } from '../runtime/index.ts';

export const getStaticPaths = (({ routePattern }) =>
  localizedPaths(routePattern, async (locale) =>
    (await getEvents(locale)).map((event) => ({ params: { slug: event.entry.slug }, props: { event } })),
  )) satisfies GetStaticPaths;

/** One event as an iCalendar file, for "Add to calendar". */
export function GET(context: APIContext<{ event: SiteEvent }>) {
  const { event } = context.props;
  const body = icalendar({ name: `${config.settings.name} – ${event.entry.data.title}`, events: [calendarEvent(event, context.site)], stamp: buildTime });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
