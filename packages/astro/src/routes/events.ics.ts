import type { APIContext } from 'astro';
import { icalendar } from '@openoutreach/core';
import { buildTime, calendarEvent, config, everyLocale, getEvents, localeContext } from '../runtime/index.ts';

export const getStaticPaths = everyLocale;

/** Every published event of one language as one iCalendar file, to subscribe to from a calendar app. */
export async function GET(context: APIContext) {
  const { locale, t } = localeContext(context);
  const events = (await getEvents(locale)).map((event) => calendarEvent(event, context.site));
  const body = icalendar({ name: `${config.settings.name} – ${t('events.title')}`, events, stamp: buildTime });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
