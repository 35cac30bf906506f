import type { APIContext } from 'astro';
import { icalendar } from '@openoutreach/core';
import { buildTime, calendarEvent, config, getEvents, t } from '../runtime/index.ts';

/** Every published event as one iCalendar file, to subscribe to from a calendar app. */
export async function GET(context: APIContext) {
  const events = (await getEvents()).map((event) => calendarEvent(event, context.site));
  const body = icalendar({ name: `${config.settings.name} – ${t('events.title')}`, events, stamp: buildTime });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
