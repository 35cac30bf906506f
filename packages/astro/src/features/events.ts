import type { Feature } from './types.ts';

export const events: Feature = {
  name: 'events',
  description: 'Events: upcoming and past lists, event pages, month calendars and iCalendar files.',
  default: true,
  collections: ['events'],
  // An event file called `past.md` would be hidden by the list of past events: the build refuses
  // that name (events-check.ts).
  routes: [
    { pattern: '/events', entrypoint: 'events-index.astro', pageType: 'events-index' },
    { pattern: '/events/past', entrypoint: 'events-past.astro', pageType: 'events-past' },
    { pattern: '/events/calendar/[month]', entrypoint: 'events-calendar.astro', pageType: 'events-calendar' },
    { pattern: '/events/[slug]', entrypoint: 'event.astro', pageType: 'event' },
    { pattern: '/events/[slug].ics', entrypoint: 'event.ics.ts' },
    { pattern: '/events.ics', entrypoint: 'events.ics.ts' },
  ],
  lists: ['/events/', '/events/past/'],
  entries: { events: '/events/' },
  feeds: ['/events.ics'],
};
