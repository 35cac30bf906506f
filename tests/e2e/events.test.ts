import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { SITES } from '../support/sites.ts';
import { axeInLightAndDark, visitSite } from '../support/visitor.ts';

/**
 * The starter's events, browsed as a visitor. Which events are upcoming depends on the day the
 * site was built, so every expectation is computed from the build's time (the DTSTAMP of
 * /events.ics) and from the calendar file read by ical.js, an implementation independent of ours.
 */
const SITE_ZONE = /^timeZone:\s*(\S+)/m.exec(readFileSync(join(SITES.starter.dir, 'src/settings/site.yaml'), 'utf8'))![1]!;
const HORIZON = 2 * 365 * 86_400_000;

interface ExpectedEvent {
  title: string;
  url: string;
  /** Start and end of each occurrence up to two years after the build, per ical.js. */
  occurrences: { start: Date; end: Date }[];
}

const site = visitSite(SITES.starter.dist);
let buildTime: Date;
let events: ExpectedEvent[];

/** Reads a calendar file with ical.js, with the VTIMEZONEs it carries. */
function readCalendar(text: string): ICAL.Event[] {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

/** An ICAL time as an instant; a day (all-day event) begins at midnight in the site's zone. */
function instant(time: ICAL.Time): Date {
  if (!time.isDate) return time.toJSDate();
  const midnight = time.clone();
  midnight.isDate = false;
  midnight.zone = ICAL.TimezoneService.get(SITE_ZONE) ?? ICAL.Timezone.utcTimezone;
  return midnight.toJSDate();
}

function expectedEvent(event: ICAL.Event, until: Date): ExpectedEvent {
  const occurrences: ExpectedEvent['occurrences'] = [];
  const iterator = event.iterator();
  for (let start = iterator.next(); start && instant(start) < until; start = iterator.next()) {
    const end = start.clone();
    end.addDuration(event.duration);
    occurrences.push({ start: instant(start), end: instant(end) });
  }
  return { title: event.summary, url: String(event.component.getFirstPropertyValue('url')), occurrences };
}

const nextOf = (event: ExpectedEvent) => event.occurrences.find((occurrence) => occurrence.end > buildTime);
const upcoming = () => events.filter(nextOf).sort((a, b) => nextOf(a)!.start.getTime() - nextOf(b)!.start.getTime());
const past = () => events.filter((event) => !nextOf(event)).sort((a, b) => b.occurrences.at(-1)!.start.getTime() - a.occurrences.at(-1)!.start.getTime());
const monthOf = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: SITE_ZONE, year: 'numeric', month: '2-digit' }).format(date);
const dayOf = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: SITE_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
const texts = async (selector: string) => (await site.page.locator(selector).allTextContents()).map((text) => text.trim());

/** The map's loader (EventMap.astro) and Vite's helper: the only JavaScript before a visitor asks for the map. */
const MAP_LOADER = /\/_astro\/(EventMap\.astro_[^/]*|preload-helper\.[^/]*)\.js$/;

/**
 * Each page on the way: one heading, no axe violation in light and dark mode, and no script but
 * the map's loader on an event page with a map.
 */
async function checkPage(kind: string) {
  expect(await site.page.locator('h1').count(), `${kind} has exactly one h1`).toBe(1);
  const hasMap = (await site.page.locator('[data-event-map]').count()) > 0;
  const scripts = await site.page.evaluate(() => [...document.scripts].filter((script) => script.type !== 'application/ld+json').map((script) => script.src));
  expect(
    scripts.filter((src) => !(hasMap && MAP_LOADER.test(src))),
    `${kind} ships no script${hasMap ? ' but the map’s loader' : ''}`,
  ).toEqual([]);
  expect(await axeInLightAndDark(site.page), `${kind} passes axe`).toEqual([]);
}

async function go(path: string) {
  const response = await site.page.goto(new URL(path, site.server.url).href);
  expect(response?.status(), path).toBe(200);
}

beforeAll(async () => {
  const feed = readCalendar(await (await fetch(new URL('events.ics', site.server.url))).text());
  buildTime = (feed[0]!.component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate();
  events = feed.map((event) => expectedEvent(event, new Date(buildTime.getTime() + HORIZON)));
});

describe('the starter’s events, as of the day it was built', () => {
  test('the calendar file holds every event, the recurring one with its rule and skipped day', () => {
    expect(events.map((event) => event.title).sort()).toEqual([
      'Maple Street festival 2026',
      "Members' meeting (online)",
      'Spring street clean-up',
      'Tool library open hours',
    ]);
    const toolLibrary = events.find((event) => event.title === 'Tool library open hours')!;
    const days = toolLibrary.occurrences.map((occurrence) => dayOf(occurrence.start));
    expect(days.slice(0, 3)).toEqual(['2026-09-08', '2026-09-22', '2026-10-06']);
    expect(days).toContain('2026-12-15');
    expect(days).not.toContain('2026-12-29');
    // 18:00 in Toronto on both sides of the daylight-saving change of 2026-11-01.
    const hours = (day: string) => toolLibrary.occurrences.find((occurrence) => dayOf(occurrence.start) === day)!.start.getUTCHours();
    expect([hours('2026-10-20'), hours('2026-11-03')]).toEqual([22, 23]);
    expect(upcoming().length + past().length).toBe(4);
  });

  test('home → events → an event → its .ics: upcoming soonest first, the next date, the file in ical.js', async () => {
    await go('');
    expect(await texts('.home__events .event-card__title a')).toEqual(
      upcoming()
        .slice(0, 3)
        .map((event) => event.title),
    );
    await site.page.locator('.home__events a', { hasText: /all events/i }).click();
    await site.page.waitForLoadState();
    expect(new URL(site.page.url()).pathname).toBe('/events/');
    expect(await texts('.event-card__title a')).toEqual(upcoming().map((event) => event.title));
    await checkPage('events index');

    const first = upcoming()[0]!;
    await site.page.locator('.event-card__title a').first().click();
    await site.page.waitForLoadState();
    expect(site.page.url()).toBe(new URL(new URL(first.url).pathname, site.server.url).href);
    expect((await site.page.locator('h1').textContent())?.trim()).toBe(first.title);
    const shown = await site.page.locator('.event__facts time').first().getAttribute('datetime');
    expect(Date.parse(shown!), 'the page shows the next occurrence').toBe(nextOf(first)!.start.getTime());
    await checkPage('event');

    const ics = await site.page.locator('a', { hasText: 'Add to calendar (.ics)' }).getAttribute('href');
    const response = await fetch(new URL(ics!, site.page.url()));
    expect(response.headers.get('content-type')).toBe('text/calendar');
    const [event, ...others] = readCalendar(await response.text());
    expect(others).toEqual([]);
    expect(event?.summary).toBe(first.title);
    expect(expectedEvent(event!, new Date(buildTime.getTime() + HORIZON)).occurrences).toEqual(first.occurrences);
  });

  test('a repeating event lists its next dates as ical.js expands them', async () => {
    const toolLibrary = events.find((event) => event.title === 'Tool library open hours')!;
    await go(new URL(toolLibrary.url).pathname.slice(1));
    const following = toolLibrary.occurrences.filter((occurrence) => occurrence.start > nextOf(toolLibrary)!.start).slice(0, 5);
    const listed = await site.page.locator('.event__next-dates time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
    expect(listed.map((datetime) => Date.parse(datetime))).toEqual(following.map((occurrence) => occurrence.start.getTime()));
    expect(await site.page.locator('a[href*="calendar.google.com"]').count(), 'no Google link for a repeating event').toBe(0);
  });

  test('the clean-up links to OpenStreetMap and Google Calendar with plain links', async () => {
    await go('events/spring-clean-up/');
    const map = await site.page.locator('a', { hasText: 'View on OpenStreetMap' }).getAttribute('href');
    expect(map).toBe('https://www.openstreetmap.org/?mlat=43.6629&mlon=-79.3957#map=16/43.6629/-79.3957');
    const google = new URL((await site.page.locator('a[href^="https://calendar.google.com/"]').getAttribute('href'))!);
    expect(google.searchParams.get('dates')).toBe('20270424T100000/20270424T120000');
    expect(google.searchParams.get('ctz')).toBe(SITE_ZONE);
    await checkPage('event with a place');
  });

  test('the month calendar: a table with caption and column headers, the month’s events, previous and next months', async () => {
    await go('events/');
    await site.page.locator('.event-links a', { hasText: 'Calendar' }).click();
    await site.page.waitForLoadState();
    const month = monthOf(buildTime);
    expect(new URL(site.page.url()).pathname).toBe(`/events/calendar/${month}/`);
    const caption = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
    expect((await site.page.locator('table caption').textContent())?.trim()).toBe(caption);
    expect(await site.page.locator('thead th[scope="col"]').count()).toBe(7);
    expect(await site.page.locator(`td[aria-current="date"] time[datetime="${dayOf(buildTime)}"]`).count(), 'today is marked').toBe(1);
    for (const event of events) {
      for (const occurrence of event.occurrences.filter((found) => monthOf(found.start) === month)) {
        const cell = site.page.locator('td', { has: site.page.locator(`.event-calendar__date time[datetime="${dayOf(occurrence.start)}"]`) });
        expect(await cell.locator('a').allTextContents(), `${event.title} on ${dayOf(occurrence.start)}`).toContainEqual(expect.stringContaining(event.title));
      }
    }
    await checkPage('calendar month');

    await site.page.locator('a[rel="next"]').click();
    await site.page.waitForLoadState();
    const nextMonth = new URL(site.page.url()).pathname.match(/calendar\/(\d{4}-\d{2})\//)?.[1];
    expect(nextMonth! > month).toBe(true);
    await checkPage('next calendar month');
    await site.page.locator('a[rel="prev"]').click();
    await site.page.waitForLoadState();
    expect(new URL(site.page.url()).pathname).toBe(`/events/calendar/${month}/`);
  });

  test('past events, the most recent first', async () => {
    await go('events/past/');
    expect(await texts('.event-card__title a')).toEqual(past().map((event) => event.title));
    await checkPage('past events');
    expect(site.requests.foreign, 'no request leaves the site').toEqual([]);
    expect(
      site.requests.scripts.filter((url) => !MAP_LOADER.test(url)),
      'no JavaScript is loaded but the map’s loader (Leaflet waits for a click)',
    ).toEqual([]);
  });
});
